-- Reference data and template profiles uploaded by the administrator (docs/web.md). The files of
-- refdata/ stay the defaults. Every change is a new version: a version is never changed nor deleted;
-- the highest version of an item is the one in effect. A version without content sends the item
-- back to its built-in file; a rollback is a new version that copies an earlier one (restored_from).

-- a classification list (支出功能分类, 支出经济分类) or the funding sources of a budget year
create table refdata_list_version (
    id            bigserial primary key,
    budget_year   int not null check (budget_year between 2000 and 2099),
    list          varchar(16) not null check (list in ('functional', 'economic', 'funding-sources')),
    version_no    int not null check (version_no >= 1),
    content       text,                             -- the CSV as uploaded; null: the built-in file again
    complete      boolean not null default false,   -- the complete official list: an unknown code is an error, not a notice
    source        text not null default '',
    items         int not null default 0,
    sha256        char(64),
    restored_from int,                              -- a rollback: the version copied (0: the built-in file)
    comment       text not null default '',
    created_by    varchar(64) not null,
    created_at    timestamptz not null default now(),
    unique (budget_year, list, version_no),
    check ((content is null) = (sha256 is null))
);

-- a template profile (refdata/profiles/ID.yaml), per finance bureau and year
create table template_profile_version (
    id            bigserial primary key,
    profile_id    varchar(64) not null check (profile_id ~ '^[a-z0-9][a-z0-9_.-]*$'),
    version_no    int not null check (version_no >= 1),
    content       text,                             -- the YAML as saved; null: the built-in file again
    name          text not null default '',
    profile_year  int,
    sha256        char(64),
    restored_from int,
    comment       text not null default '',
    created_by    varchar(64) not null,
    created_at    timestamptz not null default now(),
    unique (profile_id, version_no),
    check ((content is null) = (sha256 is null))
);

create function refdata_frozen() returns trigger language plpgsql as $$
begin
    raise exception '参考数据和模板的历史版本不可修改或删除 (a stored version cannot be changed or deleted)';
end $$;

create trigger refdata_list_version_frozen before update or delete on refdata_list_version
    for each row execute function refdata_frozen();
create trigger template_profile_version_frozen before update or delete on template_profile_version
    for each row execute function refdata_frozen();
