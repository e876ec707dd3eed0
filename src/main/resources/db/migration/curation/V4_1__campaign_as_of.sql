-- Singular table name (naming scheme), and the copy of a campaign replaced as a whole by the newest snapshot
-- governance sent (ADR 0018): the instant of that snapshot, no longer only of its calendar.
alter table curation.campaigns rename to campaign;
alter table curation.campaign rename column calendar_as_of to as_of;
