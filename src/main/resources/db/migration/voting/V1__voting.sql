-- Voting: supports of collectivités for published proposals (issue 4).
-- Invariant 1 of the design brief lives here: one support per collectivité per proposal (primary key), whatever
-- the concurrency. Counts are kept in voting.tally in the same transaction as each support, so that public reads
-- never count millions of rows.
create schema if not exists voting;

-- Local copy of what voting needs from governance's campaigns (CampaignScheduled, CalendarChanged).
create table voting.campaign (
  id               uuid primary key,
  title            text not null,
  support_kinds    text[] not null,
  supports_open    timestamptz not null,
  supports_close   timestamptz not null,
  -- instant of the event the calendar comes from: an older event never overwrites a newer calendar
  calendar_as_of   timestamptz not null,
  check (supports_open < supports_close)
);

-- Local copy of curation's published proposals (ProposalPublished, ProposalRevised, ProposalsMerged).
create table voting.proposal (
  id               uuid primary key,
  campaign_id      uuid not null,
  title            text not null,
  summary          text,
  theme            text,
  published_at     timestamptz not null,
  content_as_of    timestamptz not null,
  merged_into      uuid,
  merged_by        text,
  merged_at        timestamptz
);
create index proposal_by_campaign on voting.proposal (campaign_id);

-- The active supports. No foreign key to voting.proposal on purpose: a foreign key check takes a KEY SHARE lock
-- on the proposal row, which serialises every concurrent support of a popular proposal (multixacts). The insert
-- selects from voting.proposal instead, so that a support never exists for an unknown or merged proposal.
create table voting.support (
  proposal_id      uuid not null,
  siren            char(9) not null,
  campaign_id      uuid not null,
  name             text not null,
  kind             text not null,
  departement      text,
  region           text not null default '',
  population       bigint not null check (population >= 0),
  supported_by     text not null,
  supported_at     timestamptz not null,
  primary key (proposal_id, siren)
);
create index support_by_siren on voting.support (siren);

-- Supports that ended: withdrawn by the collectivité, or moved when their proposal was merged into another one.
-- With voting.support, the complete history: who supported what when, who withdrew when.
create table voting.support_history (
  id               bigint generated always as identity primary key,
  proposal_id      uuid not null,
  siren            char(9) not null,
  campaign_id      uuid not null,
  name             text not null,
  kind             text not null,
  departement      text,
  region           text not null,
  population       bigint not null,
  supported_by     text not null,
  supported_at     timestamptz not null,
  ended_by         text not null,
  ended_at         timestamptz not null,
  reason           text not null check (reason in ('WITHDRAWN', 'MOVED_BY_MERGE', 'DUPLICATE_AFTER_MERGE')),
  merged_into      uuid,
  check ((reason = 'WITHDRAWN') = (merged_into is null))
);
create index support_history_by_proposal on voting.support_history (proposal_id);
create index support_history_by_siren on voting.support_history (siren);

-- Running counts per proposal, kind of collectivité and région, split in a few stripes (chosen from the SIREN) so
-- that simultaneous supports of one proposal from one région do not all wait on the same row lock. A proposal's
-- count is the sum of its rows; the breakdowns are sums over kind or région.
create table voting.tally (
  proposal_id      uuid not null,
  kind             text not null,
  region           text not null,
  stripe           smallint not null,
  support_count    integer not null check (support_count >= 0),
  population       bigint not null check (population >= 0),
  primary key (proposal_id, kind, region, stripe)
);

-- SupportsClosed is published once per campaign, even with several instances or after a restart: the instance
-- that inserts this row publishes the event in the same transaction.
create table voting.closed_campaign (
  campaign_id      uuid primary key,
  total_supports   bigint not null,
  closed_at        timestamptz not null
);
