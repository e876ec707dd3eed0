-- A referent territory may leave its working group (issue 25, point 6). Its application leaves referent_territory,
-- so that the collectivité may join again later (one current application per collectivité and proposal), and is
-- kept here with who withdrew it and when: the group's history stays whole. No contact data here (personal data
-- stays where the erasure of personal data finds it).
create table referents.withdrawn_territory (
    id                        uuid primary key,
    proposal_id               uuid not null references referents.referent_call (proposal_id),
    campaign_id               uuid not null,
    siren                     char(9) not null,
    collectivite_name         text not null,
    kind                      text not null,
    joined_at                 timestamptz not null,
    experimentation_marked_at timestamptz,
    withdrawn_by              text not null,
    withdrawn_at              timestamptz not null
);
create index withdrawn_territory_proposal on referents.withdrawn_territory (proposal_id, withdrawn_at);

-- A past session stays attended by those who were there, also once one of them has left the group: attendance no
-- longer references the current members (WorkingGroupSession checks membership when a session is recorded).
do $$
declare
    fk text;
begin
    for fk in select conname from pg_constraint
              where conrelid = 'referents.session_attendee'::regclass
                and confrelid = 'referents.referent_territory'::regclass loop
        execute format('alter table referents.session_attendee drop constraint %I', fk);
    end loop;
end $$;

-- The sessions the group's organiser plans: when, where (a place or a visio link) and the agenda.
create table referents.planned_session (
    id           uuid primary key,
    proposal_id  uuid not null references referents.referent_call (proposal_id),
    starts_at    timestamptz not null,
    place        text not null check (length(place) between 1 and 500),
    agenda       text not null check (length(agenda) between 1 and 4000),
    planned_by   text not null,
    planned_at   timestamptz not null
);
create index planned_session_proposal on referents.planned_session (proposal_id, starts_at);
