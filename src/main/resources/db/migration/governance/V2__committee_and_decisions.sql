-- Read models kept from other modules' events (idempotent listeners) ------------------------------------

-- Published proposals (curation): what the committee decides on.
create table governance.proposal (
    id            uuid primary key,
    campaign_id   uuid        not null,
    title         text        not null,
    theme         text        not null,
    summary       text,
    published_at  timestamptz not null,
    absorbed_into uuid        references governance.proposal (id)
);
create index proposal_campaign on governance.proposal (campaign_id);

-- Live supports (voting), one per collectivité and proposal, until the final tally arrives. Listeners run
-- asynchronously and may see a withdrawal before the support it withdraws: the latest change (by the time
-- voting recorded it) wins, a withdrawal is kept as an inactive row.
create table governance.live_support (
    proposal_id uuid        not null,
    siren       text        not null,
    campaign_id uuid        not null,
    kind        text,
    active      boolean     not null,
    changed_at  timestamptz not null,
    primary key (proposal_id, siren)
);
create index live_support_campaign on governance.live_support (campaign_id);

-- The final tally (voting's SupportsClosed), published once per campaign.
create table governance.supports_closed (
    campaign_id    uuid primary key,
    total_supports bigint      not null,
    closed_at      timestamptz not null
);
create table governance.final_tally (
    campaign_id        uuid    not null references governance.supports_closed (campaign_id),
    proposal_id        uuid    not null,
    support_count      integer not null check (support_count >= 0),
    by_kind            jsonb   not null,
    population_covered bigint  not null,
    primary key (campaign_id, proposal_id)
);

-- Committee -----------------------------------------------------------------------------------------------

-- Every naming of the committee is kept; the latest one is the current committee.
create table governance.committee_appointment (
    id           uuid primary key,
    campaign_id  uuid        not null references governance.campaign (id),
    appointed_by text        not null,
    appointed_at timestamptz not null,
    seq          bigint generated always as identity
);
create index committee_appointment_campaign on governance.committee_appointment (campaign_id, seq desc);
create table governance.committee_member (
    appointment_id uuid not null references governance.committee_appointment (id),
    username       text not null,
    organisation   text not null,
    primary key (appointment_id, username)
);

create table governance.conflict_of_interest (
    id          bigint generated always as identity primary key,
    campaign_id uuid        not null references governance.campaign (id),
    proposal_id uuid        not null references governance.proposal (id),
    username    text        not null,
    reason      text        not null check (length(trim(reason)) > 0),
    declared_at timestamptz not null,
    unique (proposal_id, username)
);

-- Maturity assessments are appended, never overwritten: the latest of each member counts.
create table governance.maturity_assessment (
    id          bigint generated always as identity primary key,
    campaign_id uuid        not null references governance.campaign (id),
    proposal_id uuid        not null references governance.proposal (id),
    username    text        not null,
    level       smallint    not null check (level between 1 and 4),
    note        text,
    assessed_at timestamptz not null
);
create index maturity_assessment_proposal on governance.maturity_assessment (proposal_id, username, id desc);

-- Decisions (immutable: a correction is a new decision that supersedes the previous one) ------------------

create table governance.shortlist_decision (
    id          uuid primary key,
    campaign_id uuid        not null references governance.campaign (id),
    rationale   text        not null check (length(trim(rationale)) > 0),
    decided_by  text        not null,
    decided_at  timestamptz not null,
    supersedes  uuid unique references governance.shortlist_decision (id)
);
-- One first decision per campaign; every later one corrects exactly one earlier decision (a chain, no fork).
create unique index shortlist_decision_first on governance.shortlist_decision (campaign_id) where supersedes is null;

create table governance.shortlist_item (
    decision_id uuid    not null references governance.shortlist_decision (id),
    proposal_id uuid    not null references governance.proposal (id),
    title       text    not null,
    position    integer not null,
    primary key (decision_id, proposal_id)
);
create table governance.shortlist_present_member (
    decision_id  uuid not null references governance.shortlist_decision (id),
    username     text not null,
    organisation text not null,
    primary key (decision_id, username)
);
-- Members present who stepped out of an item because of a declared conflict of interest.
create table governance.shortlist_recusal (
    decision_id uuid not null references governance.shortlist_decision (id),
    proposal_id uuid not null,
    username    text not null,
    primary key (decision_id, proposal_id, username)
);

create table governance.funded_project (
    id           uuid primary key,
    decision_id  uuid        not null,
    campaign_id  uuid        not null references governance.campaign (id),
    proposal_id  uuid        not null references governance.proposal (id),
    provider     text        not null check (length(trim(provider)) > 0),
    title        text        not null check (length(trim(title)) > 0),
    budget_euros bigint      not null check (budget_euros > 0),
    decided_by   text        not null,
    decided_at   timestamptz not null
);
create index funded_project_campaign on governance.funded_project (campaign_id);
create table governance.milestone (
    project_id uuid    not null references governance.funded_project (id),
    position   integer not null,
    label      text    not null check (length(trim(label)) > 0),
    due        date    not null,
    primary key (project_id, position)
);

-- Decisions are never edited nor deleted.
create function governance.refuse_decision_change() returns trigger language plpgsql as $$
begin
    raise exception 'Une décision du comité ne se modifie pas : enregistrez une décision rectificative.';
end $$;
create trigger shortlist_decision_immutable before update or delete on governance.shortlist_decision
    for each row execute function governance.refuse_decision_change();
create trigger shortlist_item_immutable before update or delete on governance.shortlist_item
    for each row execute function governance.refuse_decision_change();
create trigger shortlist_present_member_immutable before update or delete on governance.shortlist_present_member
    for each row execute function governance.refuse_decision_change();
create trigger shortlist_recusal_immutable before update or delete on governance.shortlist_recusal
    for each row execute function governance.refuse_decision_change();
create trigger funded_project_immutable before update or delete on governance.funded_project
    for each row execute function governance.refuse_decision_change();
create trigger milestone_immutable before update or delete on governance.milestone
    for each row execute function governance.refuse_decision_change();

-- Funded budgets never exceed the envelope (the service also locks the campaign row to serialise decisions).
create function governance.check_envelope() returns trigger language plpgsql as $$
declare
    envelope bigint;
    funded   bigint;
begin
    select envelope_euros into envelope from governance.campaign where id = new.campaign_id for update;
    select coalesce(sum(budget_euros), 0) into funded from governance.funded_project where campaign_id = new.campaign_id;
    if funded > envelope then
        raise exception 'Les budgets financés (% €) dépassent l''enveloppe (% €).', funded, envelope;
    end if;
    return null;
end $$;
create trigger funded_project_within_envelope after insert on governance.funded_project
    for each row execute function governance.check_envelope();
