-- In-app notifications: a document of one's own returned, approved or published. One row per recipient; read once seen.
create table notification (
    id           bigserial primary key,
    username     varchar(64) not null,
    agency_code  varchar(32) not null,
    budget_year  int not null,
    kind         varchar(32) not null,
    message      text not null,
    created_at   timestamptz not null default now(),
    read_at      timestamptz
);
create index notification_unread on notification(username) where read_at is null;
create index notification_by_user on notification(username, id desc);
