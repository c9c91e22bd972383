-- A correction (version 2 and later) is published with a public reason, shown on its page and in the version history.
-- Frozen like the rest of the row (publication_frozen compares every column but superseded_by).
alter table publication add column correction_reason text;
