-- Curation: triage of contributions, proposals, the history of every decision (invariants 3, 4 and 7).
create schema if not exists curation;
-- Trigram similarity for the duplicate suggestions; extensions live in public, shared by the database.
create extension if not exists pg_trgm with schema public;

-- Our copy of each campaign, learned from governance's CampaignScheduled / CalendarChanged.
create table curation.campaigns (
    id               uuid primary key,
    title            text        not null default '',
    themes           text[]      not null default '{}',
    supports_opens   timestamptz,
    supports_closes  timestamptz,
    -- when the calendar we hold was decided: an older event never overwrites a newer calendar
    calendar_as_of   timestamptz not null
);

create table curation.proposals (
    id           uuid primary key,
    campaign_id  uuid        not null,
    title        text        not null check (length(btrim(title)) > 0),
    summary      text        not null check (length(btrim(summary)) > 0),
    theme        text        not null,
    status       text        not null check (status in ('DRAFT', 'PUBLISHED', 'MERGED')),
    merged_into  uuid        references curation.proposals (id),
    created_by   text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    version      bigint      not null,
    search       tsvector generated always as (
                     setweight(to_tsvector('french', title), 'A') || setweight(to_tsvector('french', summary), 'B')) stored,
    check ((status = 'MERGED') = (merged_into is not null)),
    check (merged_into is null or merged_into <> id),
    check (status = 'DRAFT' or published_at is not null or status = 'MERGED')
);
create index proposals_campaign_idx on curation.proposals (campaign_id, status);
create index proposals_search_idx on curation.proposals using gin (search);
create index proposals_title_trgm_idx on curation.proposals using gin (title public.gin_trgm_ops);

-- Every contribution has exactly one outcome at a time (invariant 3), enforced by the checks below.
create table curation.contributions (
    id                  uuid primary key,
    campaign_id         uuid        not null,
    title               text        not null,
    need                text        not null,
    theme               text        not null,
    author_role         text,
    organisation_siren  char(9)     not null,
    organisation_name   text        not null,
    organisation_kind   text        not null,
    submitted_at        timestamptz not null,
    outcome             text        not null check (outcome in ('PENDING', 'GROUPED', 'REORIENTED', 'REJECTED')),
    proposal_id         uuid        references curation.proposals (id),
    reorientation_target text,
    reorientation_note  text,
    rejection_reason    text,
    decided_by          text,
    decided_at          timestamptz,
    version             bigint      not null,
    search              tsvector generated always as (
                            setweight(to_tsvector('french', title), 'A') || setweight(to_tsvector('french', need), 'B')) stored,
    check ((outcome = 'GROUPED') = (proposal_id is not null)),
    check ((outcome = 'REORIENTED') = (reorientation_target is not null and length(btrim(reorientation_target)) > 0
                                       and reorientation_note is not null and length(btrim(reorientation_note)) > 0)),
    check ((outcome = 'REJECTED') = (rejection_reason is not null and length(btrim(rejection_reason)) > 0)),
    check ((outcome = 'PENDING') = (decided_by is null))
);
create index contributions_campaign_idx on curation.contributions (campaign_id, outcome, submitted_at);
create index contributions_proposal_idx on curation.contributions (proposal_id);
create index contributions_search_idx on curation.contributions using gin (search);
create index contributions_title_trgm_idx on curation.contributions using gin (title public.gin_trgm_ops);

-- Invariant 7: every decision is attributable and kept (append-only).
create table curation.history (
    id              bigint generated always as identity primary key,
    campaign_id     uuid        not null,
    contribution_id uuid        references curation.contributions (id),
    proposal_id     uuid        references curation.proposals (id),
    action          text        not null,
    details         text        not null,
    actor           text        not null,
    at              timestamptz not null,
    check (contribution_id is not null or proposal_id is not null)
);
create index history_contribution_idx on curation.history (contribution_id);
create index history_proposal_idx on curation.history (proposal_id);
