-- Platform: roles granted by administrators and organisations verified by them. Nothing is ever deleted:
-- a revoked role keeps its row (who granted it, when; who revoked it, when), and a new verification of an
-- organisation adds a row, the latest one being in force. Every decision is attributable (invariant 7).
create schema if not exists platform;

create table platform.role_grant (
    id          bigint generated always as identity primary key,
    username    varchar(255) not null check (length(trim(username)) > 0),
    role        varchar(32)  not null check (role in ('ADMINISTRATOR', 'CURATOR', 'AGENT')),
    granted_by  varchar(255) not null,
    granted_at  timestamptz  not null,
    revoked_by  varchar(255),
    revoked_at  timestamptz,
    constraint role_grant_revocation_attributed check ((revoked_at is null) = (revoked_by is null)),
    constraint role_grant_revoked_after_grant check (revoked_at is null or revoked_at >= granted_at)
);

-- at most one grant in force per person and role (history rows are revoked ones)
create unique index role_grant_in_force on platform.role_grant (username, role) where revoked_at is null;
create index role_grant_username on platform.role_grant (username);

create table platform.organisation_verification (
    id          bigint generated always as identity primary key,
    siren       char(9)      not null check (siren ~ '^[0-9]{9}$'),
    name        varchar(300) not null check (length(trim(name)) > 0),
    kind        varchar(32)  not null check (kind in ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'COLLECTIVITE_PARTICULIERE', 'OTHER')),
    verified_by varchar(255) not null,
    verified_at timestamptz  not null
);

create index organisation_verification_siren on platform.organisation_verification (siren, verified_at desc, id desc);

-- organisations unknown to the directory that signed in, waiting for an administrator to verify them
create table platform.unverified_organisation (
    siren          char(9)      primary key check (siren ~ '^[0-9]{9}$'),
    first_username varchar(255) not null,
    first_seen_at  timestamptz  not null,
    last_seen_at   timestamptz  not null
);
