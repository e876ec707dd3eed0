-- Identity: the sign-in methods this database has served at least once (ADR 0034). A row for ProConnect says that
-- real people signed in here: the demonstration's reset, which empties every business schema, then refuses to run.
-- Never deleted, not even by a personal-data erasure (it names no person).
create table platform.sign_in_method_seen (
    method        varchar(50) primary key,
    first_seen_at timestamptz not null
);
