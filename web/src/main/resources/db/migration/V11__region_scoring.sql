-- Issue 14, what was left after V9: a region's own scoring, the dates 及时性 is scored from, the comparison of an agency's
-- 预算 and 决算 (一致性), where each batch file came from, and the province's inspector.

-- A region's weights of the rubric's dimensions and points of its items (refdata/scoring.yaml's, changed by the
-- administrator): key a dimension's ("accuracy") or an item's ("completeness/名词解释"); what is not here is the rubric's.
create table region_scoring (
    region_code varchar(12) not null references region,
    item_key    text not null,
    value       int not null check (value between 0 and 100),
    set_by      varchar(64) not null,
    set_at      timestamptz not null default now(),
    primary key (region_code, item_key)
);

-- The date a region's budgets (预算) or final accounts (决算) of a year were approved (批复日期): 及时性 counts the days
-- from it to each document's publication (预算法第十四条：批复后二十日内公开).
create table region_approval (
    region_code varchar(12) not null references region,
    budget_year int not null,
    basis       varchar(4) not null check (basis in ('预算', '决算')),
    approved_on date not null,
    set_by      varchar(64) not null,
    set_at      timestamptz not null default now(),
    primary key (region_code, budget_year, basis)
);

-- Where a batch file came from (the address it was collected from) and when it was published: the portal's publication
-- time, the date the listing or the server gave, or a date typed at upload (published_from says which).
alter table batch_document add column source_url text;
alter table batch_document add column published_on date;
alter table batch_document add column published_from varchar(32);
-- a job collecting from an address: its files are added as they are fetched; it is not done before the collecting is
alter table batch_job add column source_url text;
alter table batch_job add column collecting boolean not null default false;

-- An agency's 预算 and 决算 of a year compared (core/compare): both in batches, or the batch's 决算 against the 预算
-- published on this portal (budget_publication); the findings, or why they could not be compared.
create table batch_comparison (
    id                 bigserial primary key,
    budget_doc         bigint references batch_document on delete cascade,
    budget_publication bigint references publication,
    final_doc          bigint not null references batch_document on delete cascade,
    status             varchar(8) not null check (status in ('DONE', 'REFUSED', 'FAILED')),
    findings           jsonb,
    message            text,
    computed_at        timestamptz not null default now(),
    check ((budget_doc is null) <> (budget_publication is null)),
    unique (budget_doc, final_doc),
    unique (budget_publication, final_doc)
);
create index batch_comparison_final on batch_comparison(final_doc);

-- The province's inspector (省级检查人): runs batches of and reads the dashboards of the regions under its province
-- (region codes of the same first two digits), nothing else.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check check (role in ('PREPARER', 'DEPARTMENT', 'REVIEWER', 'ADMIN', 'INSPECTOR'));
alter table account add constraint account_inspector_region check (role <> 'INSPECTOR' or region_code is not null);
