-- Notifications (issue 24, ADR 41): who hears of what, and the one outbox of the application's mails.
create schema if not exists notifications;

-- Everyone a mail may go to: a person who signed in (key: their user name, with the collectivité they act for and
-- their roles), or a contributor known only by the address of an imported contribution (key: 'email:' + address).
-- Personal data: exported and erased with the person's rights (ADR 39), never logged, never shown to the public.
create table notifications.recipient (
    recipient_key     text primary key,
    email             text        not null,
    display_name      text,
    siren             char(9),
    organisation_kind text,
    roles             text[]      not null default '{}',
    -- the one-click unsubscribe link of every mail (RFC 8058): whoever holds it may only turn mails off
    token             text        not null unique,
    seen_at           timestamptz not null
);
create index recipient_by_siren on notifications.recipient (siren) where siren is not null;

-- A kind of mail turned off, or gathered in the weekly digest; no row means « at once ».
create table notifications.preference (
    recipient_key text    not null references notifications.recipient (recipient_key) on delete cascade,
    kind          text    not null,
    enabled       boolean not null,
    digest        boolean not null default false,
    primary key (recipient_key, kind)
);

-- What the module learned from the others' events, to choose the recipients.
create table notifications.campaign (
    id                   uuid primary key,
    title                text        not null,
    contributions_opens  timestamptz not null,
    contributions_closes timestamptz not null,
    supports_opens       timestamptz not null,
    supports_closes      timestamptz not null,
    shortlist_decision   date        not null,
    funding_decision     date        not null,
    support_kinds        text[]      not null,
    working_group_kinds  text[]      not null,
    as_of                timestamptz not null
);
create table notifications.contribution (
    id              uuid primary key,
    campaign_id     uuid        not null,
    title           text        not null,
    submitted_at    timestamptz,
    proposal_id     uuid,
    -- who the mails about it go to, once its outcome was told (a recipient key); null once erased
    author_key      text,
    -- the newest decision told: an older one delivered late tells nothing
    decided_at      timestamptz,
    pending         boolean     not null default true
);
create index contribution_by_proposal on notifications.contribution (proposal_id);
create table notifications.proposal (
    id          uuid primary key,
    campaign_id uuid not null,
    title       text not null
);
-- Which collectivité supports which proposal (voting's feed): the decisions reach those who supported.
create table notifications.support (
    campaign_id uuid    not null,
    proposal_id uuid    not null,
    siren       char(9) not null,
    primary key (proposal_id, siren)
);
create index support_by_campaign on notifications.support (campaign_id, siren);
create table notifications.interest (
    service_id uuid    not null,
    siren      char(9) not null,
    primary key (service_id, siren)
);

-- One row per notification (its content, shared by every recipient)...
create table notifications.message (
    id               uuid primary key,
    -- what the notification is about, e.g. 'supports-open:<campaign>:<instant>': written once whatever happens
    notification_key text        not null unique,
    kind             text        not null,
    subject          text        not null,
    body_text        text        not null,
    body_html        text        not null,
    created_at       timestamptz not null
);
-- ...and one per recipient: the idempotency key of a mail is (message, recipient), unique here (invariant 11).
create table notifications.outbox (
    id              uuid primary key default gen_random_uuid(),
    seq             bigint generated always as identity unique,
    message_id      uuid        not null references notifications.message (id),
    recipient_key   text        not null,
    recipient       text        not null,
    created_at      timestamptz not null,
    -- false when no mail server was configured (demos): kept for the staff page, never sent later by surprise
    to_send         boolean     not null,
    -- gathered in the weekly digest rather than sent at once
    digest          boolean     not null default false,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text,
    constraint outbox_once_per_recipient unique (message_id, recipient_key)
);
create index outbox_due on notifications.outbox (next_attempt_at, seq) where to_send and sent_at is null and not digest;
create index outbox_by_recipient on notifications.outbox (recipient_key);

-- The mails of intake's former outbox move here, pending ones included (whichever module migrates first).
do $$
begin
    if to_regclass('intake.outbox') is not null then
        insert into notifications.recipient (recipient_key, email, token, seen_at)
        select distinct on (lower(recipient)) 'email:' || lower(recipient), recipient,
               replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), now()
        from intake.outbox where recipient like '%@%'
        on conflict do nothing;
        insert into notifications.message (id, notification_key, kind, subject, body_text, body_html, created_at)
        select id, 'contribution-outcome:' || decision_key, 'CONTRIBUTION_OUTCOME', subject, body, '', created_at
        from intake.outbox on conflict do nothing;
        insert into notifications.outbox (id, message_id, recipient_key, recipient, created_at, to_send, attempts,
                                          next_attempt_at, sent_at, last_error)
        select id, id, case when recipient like '%@%' then 'email:' || lower(recipient) else 'effacé:' || id end,
               recipient, created_at, to_send, attempts, coalesce(next_attempt_at, now()), sent_at, last_error
        from intake.outbox on conflict do nothing;
        drop table intake.outbox;
    end if;
end $$;

-- The public news of each campaign (phases, decisions, funded projects, services), for the Atom feeds: facts only,
-- never a person.
create table notifications.news (
    id           uuid primary key,
    news_key     text        not null unique,
    campaign_id  uuid        not null,
    title        text        not null,
    summary      text        not null,
    link         text        not null,
    published_at timestamptz not null
);
create index news_by_campaign on notifications.news (campaign_id, published_at desc);
