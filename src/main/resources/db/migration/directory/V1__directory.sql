-- The collectivités directory: reference data loaded from the official open data (see cocon.directory).
create schema if not exists directory;

-- What has been loaded: one row per source, with the version (package version or checksum) now in the tables.
create table directory.dataset (
	source    text        primary key,
	version   text        not null,
	loaded_at timestamptz not null,
	row_count integer     not null check (row_count >= 0)
);

-- Names of départements and régions by INSEE code (the COG), including the collectivités d'outre-mer codes.
create table directory.area (
	level  text not null check (level in ('departement', 'region')),
	code   text not null,
	name   text not null,
	region text,
	primary key (level, code)
);

-- Every collectivité by SIREN. Rows are never deleted: one that a new version no longer lists turns inactive,
-- so that whatever other modules recorded with its SIREN stays meaningful.
create table directory.collectivite (
	siren       text        primary key check (siren ~ '^[0-9]{9}$'),
	name        text        not null check (name <> ''),
	kind        text        not null check (kind in ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'COLLECTIVITE_PARTICULIERE')),
	insee_code  text        not null,
	epci_type   text        check (epci_type in ('CC', 'CA', 'CU', 'METRO', 'MET69')),
	departement text,
	region      text,
	population  bigint      not null default 0 check (population >= 0),
	-- the name without accents, case, hyphens or apostrophes (computed by the loader), for the search
	search_name text        not null,
	source      text        not null,
	active      boolean     not null default true,
	created_at  timestamptz not null,
	updated_at  timestamptz not null
);

create index collectivite_insee_code on directory.collectivite (lower(insee_code));
create index collectivite_kind_population on directory.collectivite (kind, population desc);

-- Communes members of an EPCI (or of the Métropole de Lyon), as the current version lists them.
create table directory.epci_member (
	epci_siren    text not null references directory.collectivite (siren),
	commune_siren text not null references directory.collectivite (siren),
	primary key (epci_siren, commune_siren)
);

create index epci_member_commune on directory.epci_member (commune_siren);

-- Trigram index for the "contains" search when pg_trgm can be installed (it is a trusted extension since
-- PostgreSQL 13, and the embedded binaries ship it); without it the search still works, by a sequential scan.
do $$
declare
	trgm_schema text;
begin
	begin
		create extension if not exists pg_trgm;
	exception when others then
		raise notice 'pg_trgm indisponible, recherche sans index trigramme : %', sqlerrm;
	end;
	select n.nspname into trgm_schema
	  from pg_extension e join pg_namespace n on n.oid = e.extnamespace
	 where e.extname = 'pg_trgm';
	if trgm_schema is not null then
		execute format('create index collectivite_search_name_trgm on directory.collectivite using gin (search_name %I.gin_trgm_ops)', trgm_schema);
	end if;
end
$$;
