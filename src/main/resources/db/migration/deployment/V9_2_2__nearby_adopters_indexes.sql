-- « Déployer chez moi » (issue 23 point 4; ADR 0058): the adopters closest to a signed-in agent's collectivité were
-- found by sorting every user of the service (about 17,000 at the scale of France) on each view of its page. With
-- these two indexes of the users only (testing or in service), the query reads the adopters of the viewer's
-- département and the few nearest on each side of its population, and sorts those.
create index adoption_used_departement on deployment.adoption (service_id, departement)
    where status in ('EN_TEST', 'EN_SERVICE');
create index adoption_used_population on deployment.adoption (service_id, (greatest(population, 1)))
    where status in ('EN_TEST', 'EN_SERVICE');
