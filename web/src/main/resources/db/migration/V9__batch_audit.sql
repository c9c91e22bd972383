-- A region's batch audit (issue 14): a reviewer uploads a region's published documents (a zip or many files); each
-- is read, checked and scored in the background. Jobs and results live here, so a restart picks up what was left.
create table batch_job (
    id           bigserial primary key,
    region_code  varchar(12) not null references region,
    -- the budget year the reviewer gave (null: each document's own year as read)
    budget_year  int,
    title        text not null,
    status       varchar(16) not null check (status in ('RUNNING', 'DONE', 'CANCELLED')),
    created_by   varchar(64) not null,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz,
    -- published: its scores and counts (never its findings, file names or comments) are on the public transparency page
    published_at timestamptz,
    published_by varchar(64)
);
create index batch_job_region on batch_job(region_code, id desc);

-- One document of a job: the file as uploaded (name, SHA-256, size, bytes), where its reading is, and what it gave.
create table batch_document (
    id            bigserial primary key,
    job_id        bigint not null references batch_job on delete cascade,
    position      int not null,
    file_name     text not null,
    sha256        char(64) not null,
    size_bytes    bigint not null,
    content       bytea not null,
    status        varchar(16) not null check (status in ('PENDING', 'RUNNING', 'DONE', 'REFUSED', 'FAILED', 'CANCELLED')),
    started_at    timestamptz,
    finished_at   timestamptz,
    millis        bigint,
    -- what was read: the document's year and basis (预算/决算), its unit as printed
    doc_year      int,
    basis         varchar(4),
    unit_name     text,
    -- the batch report's line (audit/report/BatchReport.Entry without its findings) and the findings, as JSON
    summary       jsonb,
    findings      jsonb,
    message       text,
    -- the agency of the registry it is matched to, with a confidence (0–1) and how (自动 / 人工)
    agency_code   varchar(32) references agency on delete set null,
    confidence    numeric(4, 3),
    matched_by    varchar(8),
    unique (job_id, position)
);
create index batch_document_job on batch_document(job_id, position);
create index batch_document_open on batch_document(status) where status in ('PENDING', 'RUNNING');
create index batch_document_agency on batch_document(agency_code);

-- Other names an agency goes by in published documents (a reviewer's assignment remembers the name read).
create table agency_alias (
    agency_code varchar(32) not null references agency on delete cascade,
    alias       text not null,
    created_by  varchar(64),
    created_at  timestamptz not null default now(),
    primary key (agency_code, alias)
);
create index agency_alias_alias on agency_alias(alias);
