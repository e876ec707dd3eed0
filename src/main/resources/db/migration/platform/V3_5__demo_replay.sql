-- Demonstration (demo profile only, ADR 14): the replay of 2021 this instance holds, so that a restart neither
-- replays it twice nor leaves a half-made one. One row at most.
create table platform.demo_replay (
    id            smallint     primary key default 1 check (id = 1),
    moment        varchar(32)  not null,
    campaign_id   uuid,
    started_at    timestamptz  not null,
    completed_at  timestamptz,
    duration_ms   bigint
);
