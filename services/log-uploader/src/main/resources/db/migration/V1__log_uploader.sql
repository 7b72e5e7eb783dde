-- Where each org's debug logs go.
create table log_destination (
    id                uuid primary key,
    org_id            varchar(64)   not null,
    name              varchar(100)  not null,
    url               varchar(2048) not null,
    auth_header_name  varchar(100),
    -- write-only secret: never returned by the API, never logged
    auth_header_value varchar(4096),
    bot_ids           varchar(64)[] not null default '{}',
    enabled           boolean       not null,
    batch_size        integer       not null,
    linger_millis     integer       not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index log_destination_by_org on log_destination (org_id, created_at, id);

-- One batch of events for one destination. The id is a name-based UUID of the destination and the sorted event
-- ids; the body is exactly what is POSTed, so every attempt and every replay sends the same bytes.
create table delivery_batch (
    id               uuid primary key,
    destination_id   uuid         not null references log_destination (id) on delete cascade,
    org_id           varchar(64)  not null,
    event_count      integer      not null,
    body             text         not null,
    status           varchar(16)  not null check (status in ('pending', 'delivered', 'dead')),
    attempts         integer      not null default 0,
    -- when pending: the next attempt is due; while claimed: when the claim lapses and another worker may retake it
    next_attempt_at  timestamptz  not null,
    claim_token      uuid,
    claimed_by       varchar(200),
    claimed_at       timestamptz,
    last_attempt_at  timestamptz,
    last_http_status integer,
    last_error       varchar(500),
    replays          integer      not null default 0,
    created_at       timestamptz  not null,
    finished_at      timestamptz
);
create index delivery_batch_due on delivery_batch (next_attempt_at) where status = 'pending';
create index delivery_batch_by_destination on delivery_batch (destination_id, status, created_at desc, id desc);
create index delivery_batch_finished on delivery_batch (status, finished_at) where status <> 'pending';

-- Which Kafka offsets of the turn-events topic a batch covers, per partition. Events reach a destination's batches
-- in offset order, so the ranges of one destination and partition never overlap: re-consuming an offset finds
-- the batch that already holds it (skipped normally, re-sent under the same id when reprocessing).
create table delivery_batch_range (
    batch_id        uuid    not null references delivery_batch (id) on delete cascade,
    destination_id  uuid    not null,
    kafka_partition integer not null,
    first_offset    bigint  not null,
    last_offset     bigint  not null,
    primary key (batch_id, kafka_partition)
);
create index delivery_batch_range_lookup on delivery_batch_range (destination_id, kafka_partition, last_offset);

-- Admin-started re-reads of a range of the topic.
create table reprocess_job (
    id                uuid primary key,
    status            varchar(16)  not null check (status in ('running', 'completed', 'failed')),
    request           text         not null,
    org_id            varchar(64),
    started_by        varchar(200) not null,
    events_read       bigint       not null default 0,
    batches_resent    bigint       not null default 0,
    batches_created   bigint       not null default 0,
    error             varchar(500),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    finished_at       timestamptz
);

-- Batch bodies are JSON that compresses well; lz4 costs far less CPU than the default pglz where the server has it.
do $$
begin
    execute 'alter table delivery_batch alter column body set compression lz4';
exception when others then
    raise notice 'lz4 is not available on this server; batch bodies use the default compression';
end
$$;
