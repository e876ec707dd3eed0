create schema if not exists deployment;

-- The module's copy of each campaign (title only), from governance's campaign events.
create table deployment.campaign (
    campaign_id  uuid primary key,
    title        text,
    as_of        timestamptz not null
);

-- The module's copy of each published proposal: the need a service answers, its theme (from curation's events).
create table deployment.proposal (
    proposal_id    uuid primary key,
    campaign_id    uuid not null,
    title          text not null,
    summary        text,
    theme          text,
    as_of          timestamptz not null
);

-- The contributions grouped into a proposal (a correction moves one: the key is the contribution).
create table deployment.grouped_contribution (
    contribution_id  uuid primary key,
    proposal_id      uuid not null
);
create index grouped_contribution_proposal on deployment.grouped_contribution (proposal_id);

-- One service per funded project (the service's id is the funded project's id, so a redelivered decision adds
-- nothing). The budget paid out never exceeds the funded budget (invariant 10 of the design brief).
create table deployment.service (
    id                 uuid primary key,
    campaign_id        uuid not null,
    proposal_id        uuid not null,
    decision_id        uuid not null,
    title              text not null,
    provider           text not null,
    budget_euros       bigint not null check (budget_euros >= 0),
    paid_euros         bigint not null default 0,
    phase              text not null check (phase in ('EN_CONSTRUCTION', 'EN_EXPERIMENTATION', 'DISPONIBLE', 'GENERALISE', 'ARRETE')),
    stop_reason        text,
    phase_changed_at   timestamptz not null,
    funded_at          timestamptz not null,
    contact_email      text,
    site_url           text,
    documentation_url  text,
    source_url         text,
    constraint paid_within_budget check (paid_euros >= 0 and paid_euros <= budget_euros),
    constraint stopped_with_reason check (phase <> 'ARRETE' or stop_reason is not null)
);
create index service_campaign on deployment.service (campaign_id);
create index service_proposal on deployment.service (proposal_id);

-- The tranches of budget paid out.
create table deployment.tranche (
    id           uuid primary key,
    service_id   uuid not null references deployment.service (id),
    amount_euros bigint not null check (amount_euros > 0),
    paid_on      date not null,
    label        text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index tranche_service on deployment.tranche (service_id);

-- The milestones of a service's roadmap: done on a date, or replanned (the history is in the timeline).
create table deployment.milestone (
    id           uuid primary key,
    service_id   uuid not null references deployment.service (id),
    title        text not null,
    due_on       date not null,
    done_on      date,
    replanned    integer not null default 0,
    recorded_at  timestamptz not null
);
create index milestone_service on deployment.milestone (service_id);

-- Every change of a service, attributable and kept: the service page shows it as a dated timeline.
create table deployment.timeline (
    id           bigserial primary key,
    service_id   uuid not null references deployment.service (id),
    at           timestamptz not null,
    kind         text not null,
    summary      text not null,
    recorded_by  text
);
create index timeline_service on deployment.timeline (service_id, at);

-- The project team of a service, named by an administrator; a removal keeps the row (history).
create table deployment.team_member (
    id          uuid primary key,
    service_id  uuid not null references deployment.service (id),
    username    text not null,
    named_by    text not null,
    named_at    timestamptz not null,
    removed_by  text,
    removed_at  timestamptz
);
create unique index team_member_current on deployment.team_member (service_id, username) where removed_at is null;

-- Experimentation territories, per proposal, from the referent territories' events.
create table deployment.experimentation_territory (
    proposal_id       uuid not null,
    siren             char(9) not null,
    collectivite_name text not null,
    kind              text not null,
    marked_at         timestamptz not null,
    primary key (proposal_id, siren)
);

-- The feedback of an experimentation territory: once per collectivité and service, editable until DISPONIBLE.
create table deployment.feedback (
    service_id    uuid not null references deployment.service (id),
    siren         char(9) not null,
    collectivite_name text not null,
    satisfaction  smallint not null check (satisfaction between 1 and 5),
    would_adopt   boolean not null,
    text          text check (char_length(text) <= 2000),
    public        boolean not null,
    author        text not null,
    given_at      timestamptz not null,
    updated_at    timestamptz not null,
    primary key (service_id, siren)
);

-- The current adoption status of a collectivité for a service: one row, held by the key under any concurrency
-- (invariant 9 of the design brief); every change is kept in adoption_change.
create table deployment.adoption (
    service_id        uuid not null references deployment.service (id),
    siren             char(9) not null,
    collectivite_name text not null,
    kind              text not null,
    departement       text,
    region            text,
    population        bigint not null default 0,
    status            text not null check (status in ('INTERESSEE', 'EN_TEST', 'EN_SERVICE', 'ABANDONNEE')),
    note              text,
    since             timestamptz not null,
    declared_by       text not null,
    primary key (service_id, siren),
    constraint abandon_with_reason check (status <> 'ABANDONNEE' or (note is not null and note <> ''))
);
create index adoption_siren on deployment.adoption (siren);
create index adoption_service_status on deployment.adoption (service_id, status);

create table deployment.adoption_change (
    id           bigserial primary key,
    service_id   uuid not null,
    siren        char(9) not null,
    status       text not null,
    previous     text,
    note         text,
    declared_by  text not null,
    declared_at  timestamptz not null
);
create index adoption_change_service on deployment.adoption_change (service_id, siren);
