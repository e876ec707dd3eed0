-- Curation may undo a grouping (ContributionUngrouped, ADR 0045): the contribution leaves the proposal and no longer
-- counts among those that led to its service. The row stays with no proposal, dated, so that a grouping or an undoing
-- delivered late (older) never overrides a newer one; the rows kept before this migration count as the oldest.
alter table deployment.grouped_contribution alter column proposal_id drop not null;
alter table deployment.grouped_contribution add column as_of timestamptz not null default '-infinity';

-- A referent territory may leave its working group (ReferentTerritoryLeft, ADR 0052): it is no longer an
-- experimentation territory of the service (neither listed nor allowed to give feedback), but the row is kept with the
-- date it left; a new mark after that date makes it one again. A departure delivered before its mark leaves a row with
-- no mark yet, so that the late mark does not bring back a territory that already left.
alter table deployment.experimentation_territory alter column marked_at drop not null;
alter table deployment.experimentation_territory add column left_at timestamptz;
