-- The feed of supports given and withdrawn, published in batches as SupportsRecorded (ADR 0008).
-- A line is inserted in the transaction that stores the support or the withdrawal, and deleted by the transaction
-- that publishes it (the event publication registry stores the publication in that same transaction): a change is
-- published once, also across a crash, and several instances share the work with "for update skip locked".
create table voting.support_feed (
  id           bigint generated always as identity primary key,
  campaign_id  uuid not null,
  proposal_id  uuid not null,
  siren        char(9) not null,
  name         text not null,
  kind         text not null,
  change       text not null check (change in ('GIVEN', 'WITHDRAWN')),
  changed_at   timestamptz not null,
  -- database time of the insert: lines older than a few seconds were left by a stopped instance
  recorded_at  timestamptz not null default now()
);
