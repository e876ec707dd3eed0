-- Voting's copy of the committee's decisions, from governance's events, for the status of each proposal in the
-- open data (shortlisted, funded). A correction supersedes an earlier shortlist and lists the full new one.
create table voting.decision_copy (
  decision_id  uuid not null,
  proposal_id  uuid not null,
  campaign_id  uuid not null,
  kind         text not null check (kind in ('SHORTLISTED', 'FUNDED')),
  supersedes   uuid,
  decided_at   timestamptz not null,
  primary key (decision_id, proposal_id, kind)
);
create index decision_copy_by_campaign on voting.decision_copy (campaign_id);
