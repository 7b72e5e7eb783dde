-- Debug logs: one row per turn event, deduplicated by its UUID.
CREATE TABLE turn_event (
    event_id        uuid        PRIMARY KEY,
    org_id          text        NOT NULL,
    bot_id          text        NOT NULL,
    version_id      text        NOT NULL,
    session_id      text        NOT NULL,
    turn            bigint      NOT NULL,
    sequence_id     bigint,
    type            text        NOT NULL,
    schema_version  integer     NOT NULL,
    dialog          text,
    step            text,
    occurred_at     timestamptz NOT NULL,
    request_id      text,
    data            jsonb       NOT NULL,
    -- where the first delivery came from: orders the events of one turn (they share occurred_at)
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    stored_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX turn_event_by_session ON turn_event (org_id, session_id, turn);
-- BRIN: events arrive roughly in time order, and a BRIN index costs next to nothing per insert
CREATE INDEX turn_event_by_age ON turn_event USING brin (occurred_at);

-- One summary per session, maintained from the events actually inserted.
CREATE TABLE debug_session (
    org_id                text        NOT NULL,
    session_id            text        NOT NULL,
    bot_id                text        NOT NULL,
    version_id            text        NOT NULL,
    bot_name              text,
    version_name          text,
    started_at            timestamptz NOT NULL,
    last_event_at         timestamptz NOT NULL,
    ended_at              timestamptz,
    end_reason            text,
    turns                 bigint      NOT NULL,
    events                bigint      NOT NULL,
    errors                bigint      NOT NULL,
    private_data_redacted boolean     NOT NULL,
    PRIMARY KEY (org_id, session_id)
);
CREATE INDEX debug_session_by_start ON debug_session (org_id, started_at DESC, session_id);
CREATE INDEX debug_session_by_bot ON debug_session (org_id, bot_id, started_at DESC);
CREATE INDEX debug_session_by_age ON debug_session (last_event_at);

-- Facts counted at most once per turn (a turn has one input: it is understood or not, it transfers or not),
-- whichever of several event types reports them first.
CREATE TABLE turn_marker (
    org_id      text        NOT NULL,
    session_id  text        NOT NULL,
    turn        bigint      NOT NULL,
    kind        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, session_id, turn, kind)
);
CREATE INDEX turn_marker_by_age ON turn_marker USING brin (occurred_at);

-- Minute aggregates per dialog; roll-ups to hours and days sum minutes.
CREATE TABLE dialog_metric_minute (
    org_id        text        NOT NULL,
    bot_id        text        NOT NULL,
    version_id    text        NOT NULL,
    dialog        text        NOT NULL, -- '' when the event named no dialog
    bucket_start  timestamptz NOT NULL,
    entries       bigint      NOT NULL,
    completions   bigint      NOT NULL,
    transfers     bigint      NOT NULL,
    errors        bigint      NOT NULL,
    confused_hits bigint      NOT NULL,
    PRIMARY KEY (org_id, bot_id, bucket_start, version_id, dialog)
);
CREATE INDEX dialog_metric_minute_by_age ON dialog_metric_minute (bucket_start);

-- Minute aggregates per bot version.
CREATE TABLE bot_metric_minute (
    org_id       text        NOT NULL,
    bot_id       text        NOT NULL,
    version_id   text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    sessions     bigint      NOT NULL,
    turns        bigint      NOT NULL,
    PRIMARY KEY (org_id, bot_id, bucket_start, version_id)
);
CREATE INDEX bot_metric_minute_by_age ON bot_metric_minute (bucket_start);

-- Turn latency histograms: counts per fixed log-scale bin (LatencyBins), mergeable by summing.
CREATE TABLE turn_latency_minute (
    org_id       text        NOT NULL,
    bot_id       text        NOT NULL,
    version_id   text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    bin          smallint    NOT NULL,
    turns        bigint      NOT NULL,
    PRIMARY KEY (org_id, bot_id, bucket_start, version_id, bin)
);
CREATE INDEX turn_latency_minute_by_age ON turn_latency_minute (bucket_start);
