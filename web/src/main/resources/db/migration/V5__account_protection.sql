-- Accounts protected (docs/web.md, "Accounts and sessions"): consecutive failed logins and the lockout they
-- lead to, when the password was last set; the audit trail says where a login came from and is searchable.
alter table account add column failed_logins int not null default 0;
alter table account add column locked_until timestamptz;
alter table account add column password_changed_at timestamptz not null default now();

alter table audit_log add column source varchar(64);
create index audit_log_at on audit_log(at);
create index audit_log_actor on audit_log(actor);
create index audit_log_action on audit_log(action);
