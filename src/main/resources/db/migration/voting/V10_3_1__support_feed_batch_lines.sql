-- One line of the feed per batch of supports stored together (ADR 0064), instead of one per support: the writer's
-- transaction inserts one line per campaign of its batch, its supports as arrays, and the publication deletes it.
-- A withdrawal, rare, keeps a line of its own in the single columns, as lines written before this migration do; the
-- publication reads both forms.
alter table voting.support_feed
  alter column proposal_id drop not null,
  alter column siren drop not null,
  alter column name drop not null,
  alter column kind drop not null,
  alter column changed_at drop not null,
  add column proposal_ids uuid[],
  add column sirens char(9)[],
  add column names text[],
  add column kinds text[],
  add column changed_ats timestamptz[],
  add constraint support_feed_one_form check (
    (proposal_id is not null and siren is not null and name is not null and kind is not null
     and changed_at is not null and proposal_ids is null)
    or (proposal_id is null and siren is null and proposal_ids is not null and sirens is not null
        and names is not null and kinds is not null and changed_ats is not null
        and cardinality(proposal_ids) = cardinality(sirens) and cardinality(sirens) = cardinality(names)
        and cardinality(names) = cardinality(kinds) and cardinality(kinds) = cardinality(changed_ats)));
