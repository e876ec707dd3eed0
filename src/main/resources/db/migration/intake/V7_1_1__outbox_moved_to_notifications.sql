-- The outbox moved to the notifications module (issue 24, ADR 41). Its migration copies the mails kept here, pending
-- ones included, and drops this table; when it ran first (no such table left), nothing remains to do here.
do $$
begin
    if to_regclass('intake.outbox') is not null and to_regclass('notifications.outbox') is not null then
        raise exception 'intake.outbox should have been moved by the notifications migration';
    end if;
end $$;
