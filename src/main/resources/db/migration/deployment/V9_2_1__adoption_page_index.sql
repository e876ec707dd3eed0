-- The public list of a service's adoptions (issue 23, acceptance 5; ADR 0058): a page of 100 is read from this index
-- alone, in the list's order (the most recent first, then SIREN), with the public columns in its leaves, instead of
-- walking the narrower index for the page's keys then reading each of its 100 rows by primary key. It replaces
-- V7_2_2's index of the same order, which nothing else reads.
create index adoption_service_page on deployment.adoption (service_id, since desc, siren)
    include (collectivite_name, kind, departement, status);
drop index deployment.adoption_service_since;
