-- RGPD erasure (ADR 13): a contribution whose author asked for their personal data to be erased keeps its content
-- and outcome, without its author's user name, name, e-mail and function; erased_at says when.
alter table intake.contribution add column author_erased_at timestamptz;
alter table intake.contribution drop constraint contribution_form_has_author;
alter table intake.contribution add constraint contribution_form_has_author
    check (source <> 'FORM' or author_username is not null or author_erased_at is not null);
alter table intake.contribution add constraint contribution_erased_has_no_author
    check (author_erased_at is null or (author_username is null and author_name is null and author_email is null));
