-- The position of the counts voting publishes in SupportsRecorded (ADR 0019). The transaction that publishes
-- counts first moves this single row forward, then reads the counts: the row lock makes publishers take their
-- turn, so that a higher position always comes with counts read later. Listeners keep the highest position.
create table voting.count_position (
  id        boolean primary key default true check (id),
  position  bigint not null
);
insert into voting.count_position (id, position) values (true, 0);
