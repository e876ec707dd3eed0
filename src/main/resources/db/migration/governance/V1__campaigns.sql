create schema if not exists governance;

-- A campaign: a consultation with its envelope, eligibility and calendar (Europe/Paris instants).
create table governance.campaign (
    id                          uuid primary key,
    title                       text        not null check (length(trim(title)) > 0),
    description                 text        not null,
    envelope_euros              bigint      not null check (envelope_euros >= 0),
    themes                      text[]      not null check (cardinality(themes) > 0),
    support_kinds               text[]      not null check (cardinality(support_kinds) > 0),
    working_group_kinds         text[]      not null check (cardinality(working_group_kinds) > 0),
    contributions_opens         timestamptz not null,
    contributions_closes        timestamptz not null,
    supports_opens              timestamptz not null,
    supports_closes             timestamptz not null,
    referent_applications_opens timestamptz not null,
    referent_applications_closes timestamptz not null,
    shortlist_decision          date        not null,
    funding_decision            date        not null,
    target_shortlist_size       integer     check (target_shortlist_size is null or target_shortlist_size > 0),
    created_by                  text        not null,
    created_at                  timestamptz not null,
    check (contributions_opens < contributions_closes),
    check (contributions_closes < supports_opens),
    check (supports_opens < supports_closes),
    check (referent_applications_opens < referent_applications_closes),
    check (shortlist_decision < funding_decision)
);

-- Audit of calendar changes: who changed what, when (old and new calendars as JSON).
create table governance.calendar_change (
    id           bigint generated always as identity primary key,
    campaign_id  uuid        not null references governance.campaign (id),
    changed_by   text        not null,
    changed_at   timestamptz not null,
    old_calendar jsonb       not null,
    new_calendar jsonb       not null
);
create index calendar_change_campaign on governance.calendar_change (campaign_id, changed_at);
