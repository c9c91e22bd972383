-- A published department whose unit's data is being corrected (a correction started, or the unit returned, after the
-- department was published): its public page says so until the department publishes a new version.
create table correction_notice (
    id           bigserial primary key,
    agency_code  varchar(32) not null references agency,
    budget_year  int not null,
    unit_code    varchar(32) not null references agency,
    reason       text not null,
    created_at   timestamptz not null default now(),
    created_by   varchar(64) not null,
    resolved_at  timestamptz
);
create index correction_notice_open on correction_notice(agency_code, budget_year) where resolved_at is null;
