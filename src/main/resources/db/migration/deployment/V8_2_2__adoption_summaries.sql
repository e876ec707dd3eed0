-- A service's page drew its map, its figures by kind and its diffusion curve from the adoptions themselves: at the
-- scale of France (35,000 adopters per service, issue 23 acceptance 5) three aggregates over tens of thousands of rows
-- on every request. The database now keeps two more summaries with every write of deployment.adoption, in the
-- statement-level trigger that keeps deployment.adoption_count (V7_2_1), in the same transaction as the adoption:
--   adoption_place  the adopters counted by status, département and kind (a few hundred rows per service);
--   adoption_month  the first declarations counted by month (Paris time), the diffusion curve.
create table deployment.adoption_place (
    service_id     uuid   not null references deployment.service (id),
    status         text   not null,
    departement    text   not null,   -- '' when the collectivité has none (a région, say)
    kind           text   not null,
    collectivites  bigint not null default 0,
    population     bigint not null default 0,
    primary key (service_id, status, departement, kind)
);

create table deployment.adoption_month (
    service_id     uuid   not null references deployment.service (id),
    month          text   not null,   -- 2023-04
    collectivites  bigint not null default 0,
    primary key (service_id, month)
);

-- When the collectivité first declared a status for the service: the row's since at its insert (since moves with
-- every change of status). Never updated afterwards.
alter table deployment.adoption add column first_declared_at timestamptz;
update deployment.adoption a set first_declared_at = coalesce(
    (select min(c.declared_at) from deployment.adoption_change c where c.service_id = a.service_id and c.siren = a.siren),
    a.since);
alter table deployment.adoption alter column first_declared_at set not null;

create function deployment.first_declaration() returns trigger language plpgsql as $$
begin
    new.first_declared_at := coalesce(new.first_declared_at, new.since);
    return new;
end $$;
create trigger adoption_first_declaration before insert on deployment.adoption
    for each row execute function deployment.first_declaration();

create or replace function deployment.count_adoptions() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into deployment.adoption_count as c (service_id, status, collectivites, population)
        select service_id, status, -count(*), -coalesce(sum(population), 0) from old_rows
        group by service_id, status order by service_id, status
        on conflict (service_id, status) do update
           set collectivites = c.collectivites + excluded.collectivites, population = c.population + excluded.population;
        insert into deployment.adoption_place as p (service_id, status, departement, kind, collectivites, population)
        select service_id, status, coalesce(departement, ''), kind, -count(*), -coalesce(sum(population), 0) from old_rows
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (service_id, status, departement, kind) do update
           set collectivites = p.collectivites + excluded.collectivites, population = p.population + excluded.population;
    end if;
    if tg_op = 'DELETE' then
        insert into deployment.adoption_month as m (service_id, month, collectivites)
        select service_id, to_char(first_declared_at at time zone 'Europe/Paris', 'YYYY-MM'), -count(*) from old_rows
        group by 1, 2 order by 1, 2
        on conflict (service_id, month) do update set collectivites = m.collectivites + excluded.collectivites;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into deployment.adoption_count as c (service_id, status, collectivites, population)
        select service_id, status, count(*), coalesce(sum(population), 0) from new_rows
        group by service_id, status order by service_id, status
        on conflict (service_id, status) do update
           set collectivites = c.collectivites + excluded.collectivites, population = c.population + excluded.population;
        insert into deployment.adoption_place as p (service_id, status, departement, kind, collectivites, population)
        select service_id, status, coalesce(departement, ''), kind, count(*), coalesce(sum(population), 0) from new_rows
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (service_id, status, departement, kind) do update
           set collectivites = p.collectivites + excluded.collectivites, population = p.population + excluded.population;
    end if;
    if tg_op = 'INSERT' then
        insert into deployment.adoption_month as m (service_id, month, collectivites)
        select service_id, to_char(first_declared_at at time zone 'Europe/Paris', 'YYYY-MM'), count(*) from new_rows
        group by 1, 2 order by 1, 2
        on conflict (service_id, month) do update set collectivites = m.collectivites + excluded.collectivites;
    end if;
    return null;
end $$;

insert into deployment.adoption_place (service_id, status, departement, kind, collectivites, population)
select service_id, status, coalesce(departement, ''), kind, count(*), coalesce(sum(population), 0)
from deployment.adoption group by 1, 2, 3, 4;
insert into deployment.adoption_month (service_id, month, collectivites)
select service_id, to_char(first_declared_at at time zone 'Europe/Paris', 'YYYY-MM'), count(*)
from deployment.adoption group by 1, 2;

-- The index kept for the page's aggregates is no longer read by them; the catalogue's filters by kind and
-- département read adoption_place too.
drop index deployment.adoption_service_used;
create index adoption_service_status on deployment.adoption (service_id, status);
