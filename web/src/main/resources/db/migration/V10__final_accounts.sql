-- Issue 12: a year's document has a kind — its 预算 (budget) or its 决算 (final accounts), prepared, reviewed and
-- published the same way. A document, a publication and a region's template assignment are each of one basis; every
-- row before this migration is a 预算's.
alter table document add column basis varchar(4) not null default '预算' check (basis in ('预算', '决算'));
alter table document drop constraint document_agency_code_budget_year_key;
alter table document add constraint document_agency_year_basis unique (agency_code, budget_year, basis);

alter table publication add column basis varchar(4) not null default '预算' check (basis in ('预算', '决算'));
alter table publication drop constraint publication_agency_code_budget_year_version_no_key;
alter table publication add constraint publication_agency_year_basis_version unique (agency_code, budget_year, basis, version_no);
drop index if exists publication_current;
create index publication_current on publication(budget_year, region_code, basis) where superseded_by is null;

alter table region_profile_version add column basis varchar(4) not null default '预算' check (basis in ('预算', '决算'));
alter table region_profile_version drop constraint region_profile_version_region_code_budget_year_version_no_key;
alter table region_profile_version add constraint region_profile_version_basis unique (region_code, budget_year, basis, version_no);
