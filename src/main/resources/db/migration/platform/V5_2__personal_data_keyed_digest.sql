-- Personal data (issue 20, ADR 39). The erasure log named the person by a plain SHA-256 of their user name, which
-- anyone holding a list of user names could recompute: it now holds an HMAC-SHA256 whose secret is kept outside the
-- database (COCON_PERSONAL_DATA_KEY). The plain digests already written are removed; their rows keep when and what was
-- erased. The daily retention job logs what it erased too, for no one in particular.
alter table platform.personal_data_erasure alter column subject_hash drop not null;
update platform.personal_data_erasure set subject_hash = null;
alter table platform.personal_data_erasure drop constraint personal_data_erasure_requested_by_check;
alter table platform.personal_data_erasure add constraint personal_data_erasure_requested_by_check
    check (requested_by in ('SELF', 'ADMINISTRATOR', 'RETENTION'));
alter table platform.personal_data_erasure add constraint personal_data_erasure_retention_names_nobody
    check (requested_by <> 'RETENTION' or subject_hash is null);
