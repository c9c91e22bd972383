-- a unit's dataset may be kept as the Excel workbook it was uploaded as (docs/workbook.md)
alter table document add column dataset_xlsx bytea;
alter table consolidation_unit add column dataset_xlsx bytea;
alter table consolidation_unit alter column dataset_yaml drop not null;
