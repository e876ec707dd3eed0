-- The reads of a service's page and of its adoptions list at the scale of France (issue 23, acceptance 5; 35,000
-- adoptions per service): the counts by département and by kind of the adopters testing or using it come from the
-- index alone, and a page of the list walks the index in its order (most recent first) before reading its 100 rows.
create index adoption_service_used on deployment.adoption (service_id, status) include (departement, kind, population);
drop index deployment.adoption_service_status;
create index adoption_service_since on deployment.adoption (service_id, since desc, siren);
