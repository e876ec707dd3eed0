-- ShedLock's locks (ADR 0011): one row per scheduled job, held by the instance running it until lock_until.
-- Times are the database's own (UTC, usingDbTime), so instances whose clocks differ agree on expiry.
create table if not exists shedlock
(
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
