-- The template profile each finance bureau (region) has its agencies use for a budget year (docs/web.md).
-- Without a version, a region uses the default profile of the year, xinjiang-YEAR. Every assignment
-- is a new version, never changed nor deleted (a trigger refuses it); the highest version of a region
-- and year is in effect; a version without a profile sends the region back to the default.
create table region_profile_version (
    id          bigserial primary key,
    region_code varchar(12) not null references region,
    budget_year int not null check (budget_year between 2000 and 2099),
    version_no  int not null check (version_no >= 1),
    profile_id  varchar(64) check (profile_id ~ '^[a-z0-9][a-z0-9_.-]*$'),   -- null: the default again
    comment     text not null default '',
    created_by  varchar(64) not null,
    created_at  timestamptz not null default now(),
    unique (region_code, budget_year, version_no)
);

create trigger region_profile_version_frozen before update or delete on region_profile_version
    for each row execute function refdata_frozen();
