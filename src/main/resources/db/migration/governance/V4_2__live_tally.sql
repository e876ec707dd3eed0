-- Governance no longer copies each support (ADR 0019): voting counts, and publishes the count of every proposal a
-- batch of supports touched in SupportsRecorded, with the position of that count. Governance keeps one row per
-- proposal, the count of the highest position it was told; a count delivered late or twice changes nothing.
create table governance.live_tally (
    proposal_id        uuid        primary key,
    campaign_id        uuid        not null,
    support_count      integer     not null check (support_count >= 0),
    by_kind            jsonb       not null,
    population_covered bigint      not null check (population_covered >= 0),
    position           bigint      not null
);
create index live_tally_campaign on governance.live_tally (campaign_id);

-- The live supports copied so far become counts of position 0: the next count voting publishes replaces them
-- (the population was not copied: it comes with that count).
insert into governance.live_tally (proposal_id, campaign_id, support_count, by_kind, population_covered, position)
select proposal_id, campaign_id, sum(n)::integer, jsonb_object_agg(kind, n), 0, 0
from (select proposal_id, campaign_id, kind, count(*) as n from governance.live_support
      where active and kind is not null group by proposal_id, campaign_id, kind) k
group by proposal_id, campaign_id;

drop table governance.live_support;

-- Tables are singular nouns (issue 13): the campaigns whose final tally arrived, as voting names the same fact.
alter table governance.supports_closed rename to closed_campaign;
