-- The copy of a campaign is replaced as a whole by the newest snapshot governance sent (ADR 0018): the instant
-- of that snapshot, no longer only of its calendar.
alter table voting.campaign rename column calendar_as_of to as_of;
