-- Intake: the contribution windows learned from governance, the contributions (with the personal data of
-- their authors, which never leave this schema), the history of their outcomes and the outbox of mails.
create schema if not exists intake;

-- Intake's own copy of each campaign, maintained from CampaignScheduled / CalendarChanged.
create table intake.campaign (
    id                    uuid primary key,
    title                 text        not null,
    themes                text[]      not null,
    contributions_opens   timestamptz not null,
    contributions_closes  timestamptz not null,
    -- when the calendar copied here was decided: an older calendar event never overwrites a newer one
    calendar_as_of        timestamptz not null,
    constraint campaign_window_not_empty check (contributions_opens < contributions_closes)
);

create table intake.contribution (
    id                   uuid primary key,
    campaign_id          uuid          not null references intake.campaign (id),
    title                varchar(200)  not null check (length(btrim(title)) > 0),
    need                 varchar(5000) not null check (length(btrim(need)) > 0),
    theme                text          not null,
    author_role          text          not null check (author_role in ('ELU', 'AGENT', 'PARTENAIRE')),
    author_function      varchar(200)  not null check (length(btrim(author_function)) > 0),
    -- personal data: stays in intake
    author_username      text,
    author_name          text,
    author_email         text,
    organisation_siren   char(9)       not null check (organisation_siren ~ '^[0-9]{9}$'),
    organisation_name    text          not null,
    organisation_kind    text          not null,
    submitted_at         timestamptz   not null,
    source               text          not null check (source in ('FORM', 'IMPORT')),
    -- imports only: hash of campaign + normalised title + need + SIREN, so that a file sent twice imports nothing twice
    import_key           char(64) unique,
    outcome              text          not null default 'PENDING'
        check (outcome in ('PENDING', 'GROUPED', 'REORIENTED', 'REJECTED')),
    proposal_id          uuid,
    proposal_title       text,
    reorientation_target text,
    reorientation_note   text,
    rejection_reason     text,
    decided_by           text,
    decided_at           timestamptz,
    constraint contribution_form_has_author check (source <> 'FORM' or author_username is not null),
    constraint contribution_import_has_key check (source <> 'IMPORT' or import_key is not null),
    -- invariant 3 of the design brief: exactly one outcome, each with what it needs
    constraint contribution_outcome_complete check (
        (outcome = 'PENDING' and decided_at is null)
        or (outcome = 'GROUPED' and proposal_id is not null and proposal_title is not null and decided_at is not null)
        or (outcome = 'REORIENTED' and reorientation_target is not null and decided_at is not null)
        or (outcome = 'REJECTED' and rejection_reason is not null and decided_at is not null))
);
create index contribution_by_campaign on intake.contribution (campaign_id);
create index contribution_by_author on intake.contribution (author_username, submitted_at desc);

-- Every decision received from curation, kept (who, when, what); the contribution shows the latest one.
create table intake.outcome_decision (
    id                   bigint generated always as identity primary key,
    contribution_id      uuid        not null references intake.contribution (id),
    outcome              text        not null check (outcome in ('GROUPED', 'REORIENTED', 'REJECTED')),
    proposal_id          uuid,
    proposal_title       text,
    reorientation_target text,
    reorientation_note   text,
    rejection_reason     text,
    decided_by           text        not null,
    decided_at           timestamptz not null,
    recorded_at          timestamptz not null,
    -- an event delivered twice records the decision once
    constraint outcome_decision_once unique (contribution_id, outcome, decided_at)
);

-- Mails to contributors: always kept here (and logged); also sent when a mail host is configured.
create table intake.outbox (
    id              uuid primary key,
    -- the order in which the mails were written
    seq             bigint generated always as identity unique,
    contribution_id uuid        not null references intake.contribution (id),
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    -- one mail per decision, even when the decision is delivered twice
    decision_key    text        not null unique
);
create index outbox_by_contribution on intake.outbox (contribution_id);
