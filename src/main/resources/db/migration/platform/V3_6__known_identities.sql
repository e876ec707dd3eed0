-- Platform: the identities that signed in at least once (ProConnect subjects), so that an administrator grants a
-- role or a committee seat only to someone who exists. Demo personas are known by rule and are not recorded.
create table platform.known_identity (
    username      varchar(255) primary key check (length(trim(username)) > 0),
    display_name  varchar(300) not null,
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null
);
