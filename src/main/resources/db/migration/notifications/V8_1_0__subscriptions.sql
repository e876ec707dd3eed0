-- The news by e-mail for anyone, without an account (issue 24, ADR 51): double opt-in. A request is kept with only
-- the hash of its confirmation token (SHA-256) and expires; once confirmed, the address is a recipient
-- ('abonne:' + address) whose mails carry the one-click unsubscribe, which erases it. Personal data: exported and
-- erased with the person's rights, never logged, never shown on a public page.
create table notifications.subscription (
    id            uuid primary key,
    recipient_key text        not null,
    email         text        not null,
    -- null: every campaign
    campaign_id   uuid,
    token_hash    text unique,
    requested_at  timestamptz not null,
    expires_at    timestamptz not null,
    confirmed_at  timestamptz
);
create unique index subscription_once on notifications.subscription
    (recipient_key, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index subscription_by_campaign on notifications.subscription (campaign_id) where confirmed_at is not null;
create index subscription_expiring on notifications.subscription (expires_at) where confirmed_at is null;
