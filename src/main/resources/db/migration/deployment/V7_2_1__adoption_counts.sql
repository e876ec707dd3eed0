-- The adoptions of each service counted by status (collectivités and the population they cover), kept by the
-- database with every write of deployment.adoption, whatever writes it: the catalogue reads 44 × 4 rows instead of
-- counting 1.5 million adoptions on every request (issue 23, acceptance 5). Statement-level triggers aggregate each
-- statement's rows once (transition tables), in key order so that two declarations never wait on each other in a cycle.
create table deployment.adoption_count (
    service_id     uuid   not null references deployment.service (id),
    status         text   not null,
    collectivites  bigint not null default 0,
    population     bigint not null default 0,
    primary key (service_id, status)
);

create function deployment.count_adoptions() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into deployment.adoption_count as c (service_id, status, collectivites, population)
        select service_id, status, -count(*), -coalesce(sum(population), 0) from old_rows
        group by service_id, status order by service_id, status
        on conflict (service_id, status) do update
           set collectivites = c.collectivites + excluded.collectivites, population = c.population + excluded.population;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into deployment.adoption_count as c (service_id, status, collectivites, population)
        select service_id, status, count(*), coalesce(sum(population), 0) from new_rows
        group by service_id, status order by service_id, status
        on conflict (service_id, status) do update
           set collectivites = c.collectivites + excluded.collectivites, population = c.population + excluded.population;
    end if;
    return null;
end $$;

create trigger adoption_counted_on_insert after insert on deployment.adoption
    referencing new table as new_rows for each statement execute function deployment.count_adoptions();
create trigger adoption_counted_on_update after update on deployment.adoption
    referencing old table as old_rows new table as new_rows for each statement execute function deployment.count_adoptions();
create trigger adoption_counted_on_delete after delete on deployment.adoption
    referencing old table as old_rows for each statement execute function deployment.count_adoptions();

insert into deployment.adoption_count (service_id, status, collectivites, population)
select service_id, status, count(*), coalesce(sum(population), 0) from deployment.adoption group by service_id, status;
