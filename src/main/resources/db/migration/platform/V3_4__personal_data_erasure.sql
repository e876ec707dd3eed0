-- RGPD erasures (ADR 13): who asked, when, and what each module erased. The person is kept as a SHA-256 digest of
-- their user name, so that the row proves an erasure to whoever knows the name, without keeping the name itself.
create table platform.personal_data_erasure (
    id            bigint generated always as identity primary key,
    subject_hash  char(64)    not null check (subject_hash ~ '^[0-9a-f]{64}$'),
    requested_by  text        not null check (requested_by in ('SELF', 'ADMINISTRATOR')),
    erased_at     timestamptz not null,
    erased        jsonb       not null
);
create index personal_data_erasure_subject on platform.personal_data_erasure (subject_hash);
