-- Issue 12: a published 决算 department is marked under correction like a 预算 one — a notice belongs to one of the
-- year's two documents (every notice before this migration is a 预算's).
alter table correction_notice add column basis varchar(4) not null default '预算' check (basis in ('预算', '决算'));
drop index if exists correction_notice_open;
create index correction_notice_open on correction_notice(agency_code, budget_year, basis) where resolved_at is null;
