-- Naming scheme (docs/naming.md): tables are singular snake_case nouns, like intake.contribution. Renaming keeps the
-- rows, the constraints, the indexes and the foreign keys (which follow the table, not its name).
alter table curation.contributions rename to contribution;
alter table curation.proposals rename to proposal;
