create schema if not exists referents;

-- The module's copy of each campaign: the referent applications window and the kinds allowed in working groups.
create table referents.campaigns (
    campaign_id          uuid primary key,
    title                text,
    applications_opens   timestamptz not null,
    applications_closes  timestamptz not null,
    -- comma-separated CollectiviteKind names; null until CampaignScheduled arrives (then the default applies)
    working_group_kinds  text,
    calendar_as_of       timestamptz not null,
    check (applications_opens < applications_closes)
);

-- Shortlist decisions seen, so that a redelivered or superseded decision changes nothing.
create table referents.shortlist_decisions (
    decision_id  uuid primary key,
    campaign_id  uuid not null,
    supersedes   uuid,
    decided_at   timestamptz not null,
    applied      boolean not null
);

-- A call for expressions of interest (AMI) per shortlisted proposal; its working group forms when it first opens.
create table referents.calls (
    proposal_id     uuid primary key,
    campaign_id     uuid not null,
    proposal_title  text not null,
    status          text not null check (status in ('OPEN', 'CANCELLED')),
    decision_id     uuid not null,
    opened_at       timestamptz not null,
    cancelled_at    timestamptz,
    formed_at       timestamptz not null,
    version         bigint not null default 0
);
create index calls_campaign on referents.calls (campaign_id);

-- Titles of published proposals (may arrive before or after the shortlist).
create table referents.proposal_titles (
    proposal_id  uuid primary key,
    title        text not null,
    as_of        timestamptz not null
);

-- An application of a collectivité to a call: it makes the collectivité a referent territory, member of the
-- working group. Contact data are personal: shown to staff only.
create table referents.referent_territories (
    id                        uuid primary key,
    proposal_id               uuid not null references referents.calls (proposal_id),
    campaign_id               uuid not null,
    siren                     char(9) not null,
    collectivite_name         text not null,
    kind                      text not null,
    motivation                text not null,
    contact_name              text not null,
    contact_email             text not null,
    applied_by                text not null,
    joined_at                 timestamptz not null,
    experimentation_marked_by text,
    experimentation_marked_at timestamptz,
    constraint one_application_per_collectivite_and_proposal unique (proposal_id, siren),
    check ((experimentation_marked_by is null) = (experimentation_marked_at is null))
);

-- Working-group sessions with their attendees (members of the working group).
create table referents.sessions (
    id           uuid primary key,
    proposal_id  uuid not null references referents.calls (proposal_id),
    held_on      date not null,
    subject      text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index sessions_proposal on referents.sessions (proposal_id, held_on);

create table referents.session_attendees (
    session_id  uuid not null references referents.sessions (id) on delete cascade,
    proposal_id uuid not null,
    siren       char(9) not null,
    primary key (session_id, siren),
    foreign key (proposal_id, siren) references referents.referent_territories (proposal_id, siren)
);

-- Who supported what (from voting's events), to invite the supporters of shortlisted proposals.
create table referents.supports (
    proposal_id        uuid not null,
    siren              char(9) not null,
    collectivite_name  text,
    supported_at       timestamptz,
    withdrawn_at       timestamptz,
    primary key (proposal_id, siren)
);

create table referents.invitations (
    proposal_id  uuid not null references referents.calls (proposal_id),
    siren        char(9) not null,
    invited_at   timestamptz not null,
    primary key (proposal_id, siren)
);
create index invitations_siren on referents.invitations (siren);
