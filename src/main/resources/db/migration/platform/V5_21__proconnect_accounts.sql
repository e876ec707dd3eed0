-- Identity (ADR 0033): the ProConnect accounts of each Cocon user. ProConnect's sub is given per service and per
-- identity provider, so an account is (idp_id, sub); several accounts of one agent lead to one user name.
create table platform.proconnect_account (
    idp_id        varchar(255) not null,
    subject       varchar(255) not null check (length(trim(subject)) > 0),
    username      varchar(255) not null,
    email         varchar(320),
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    primary key (idp_id, subject)
);
create index proconnect_account_email on platform.proconnect_account (lower(email));
create index proconnect_account_username on platform.proconnect_account (username);

-- The entries of COCON_ADMINISTRATORS (a subject or an e-mail, lower case) bound to the user who signed in first with
-- it: the administrator role was granted to them then, once, and is revoked like any grant.
create table platform.bootstrap_administrator (
    entry    varchar(320) primary key,
    username varchar(255) not null,
    bound_at timestamptz  not null
);
