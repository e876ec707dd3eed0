-- Mails kept and retried until sent (ADR 0010): a mail server that is down delays a mail, it never loses it and never
-- fails the decision that caused it. Only mails written while a mail host was configured are to be sent: the ones
-- kept before (outbox only, for demos) are never sent afterwards by surprise.
alter table intake.outbox
    add column to_send         boolean     not null default false,
    add column attempts        integer     not null default 0,
    add column next_attempt_at timestamptz,
    add column last_error      text;
create index outbox_due on intake.outbox (next_attempt_at) where to_send and sent_at is null;
