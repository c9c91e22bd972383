-- OpenBudget web: agencies, accounts, working documents, immutable publications, audit trail.

create table region (
    code varchar(12) primary key,
    name text not null
);

-- a budget unit (单位) or a department (部门); a unit's parent is its department (null when none is registered)
create table agency (
    code        varchar(32) primary key,
    name        text not null,
    kind        varchar(8)  not null check (kind in ('单位', '部门')),
    type        varchar(8)  not null check (type in ('行政', '事业', '参公')),
    region_code varchar(12) not null references region,
    parent_code varchar(32) references agency,
    position    int not null default 0
);
create index agency_parent on agency(parent_code);
create index agency_region on agency(region_code);

create table account (
    username      varchar(64) primary key,
    password_hash text not null,
    role          varchar(16) not null check (role in ('PREPARER', 'DEPARTMENT', 'REVIEWER', 'ADMIN')),
    agency_code   varchar(32) references agency,
    region_code   varchar(12) references region,
    display_name  text not null,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now(),
    check (role <> 'PREPARER' or agency_code is not null),
    check (role <> 'DEPARTMENT' or agency_code is not null),
    check (role <> 'REVIEWER' or region_code is not null)
);

-- the working copy of one agency's budget for one year (a unit's dataset, or a department's consolidation)
create table document (
    id             bigserial primary key,
    agency_code    varchar(32) not null references agency,
    budget_year    int not null,
    status         varchar(16) not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED')),
    dataset_yaml   text,
    profile_id     text,
    row_version    int not null default 0,
    submit_comment text,
    review_comment text,
    updated_by     varchar(64),
    updated_at     timestamptz not null default now(),
    unique (agency_code, budget_year)
);

-- the unit datasets a department's consolidation was built from (a snapshot, in document order)
create table consolidation_unit (
    document_id      bigint not null references document on delete cascade,
    position         int not null,
    unit_code        varchar(32) not null references agency,
    unit_row_version int not null,
    dataset_yaml     text not null,
    primary key (document_id, position)
);

-- an immutable published version; a correction is a new version that supersedes the previous one
create table publication (
    id            bigserial primary key,
    agency_code   varchar(32) not null references agency,
    budget_year   int not null,
    version_no    int not null,
    agency_name   text not null,
    kind          varchar(8) not null,
    region_code   varchar(12) not null references region,
    department_code varchar(32),
    content_hash  char(64) not null,
    errors        int not null,
    warnings      int not null,
    notices       int not null,
    summary_json  text not null,
    published_by  varchar(64) not null,
    published_at  timestamptz not null default now(),
    superseded_by bigint references publication,
    unique (agency_code, budget_year, version_no)
);
create index publication_current on publication(budget_year, region_code) where superseded_by is null;

create table publication_file (
    publication_id bigint not null references publication,
    format         varchar(16) not null,
    file_name      text not null,
    media_type     text not null,
    content        bytea not null,
    sha256         char(64) not null,
    primary key (publication_id, format)
);

-- publications are frozen: only superseded_by may be set, once; files never change
create function publication_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception '已发布版本不可删除 (a published version cannot be deleted)';
    end if;
    if tg_table_name = 'publication_file' then
        raise exception '已发布文件不可修改 (a published file cannot be changed)';
    end if;
    if old.superseded_by is not null
       or (to_jsonb(new) - 'superseded_by') <> (to_jsonb(old) - 'superseded_by') then
        raise exception '已发布版本不可修改 (a published version cannot be changed)';
    end if;
    return new;
end $$;
create trigger publication_frozen before update or delete on publication
    for each row execute function publication_frozen();
create trigger publication_file_frozen before update or delete on publication_file
    for each row execute function publication_frozen();

create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       varchar(64) not null,
    action      varchar(32) not null,
    agency_code varchar(32),
    budget_year int,
    detail      text not null default ''
);
create index audit_log_doc on audit_log(agency_code, budget_year);

-- the administrator's severity for a check of the catalogue (absent: the catalogue's own)
create table check_severity (
    check_id   varchar(64) primary key,
    severity   varchar(8) not null check (severity in ('ERROR', 'WARNING', 'NOTICE')),
    updated_by varchar(64) not null,
    updated_at timestamptz not null default now()
);
