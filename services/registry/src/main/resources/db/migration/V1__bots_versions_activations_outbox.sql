-- Bots of an org, identified on upload by their API name.
CREATE TABLE bots (
    id                    char(18)     PRIMARY KEY,
    org_id                varchar(18)  NOT NULL,
    api_name              varchar(255) NOT NULL,
    label                 text         NOT NULL,
    latest_version_number integer      NOT NULL DEFAULT 0,
    active_version_id     char(18),
    created_at            timestamptz  NOT NULL,
    created_by            text         NOT NULL,
    CONSTRAINT bots_org_name_unique UNIQUE (org_id, api_name)
);

-- One upload that parsed and compiled without errors; immutable once written.
CREATE TABLE bot_versions (
    id               char(18)    PRIMARY KEY,
    bot_id           char(18)    NOT NULL REFERENCES bots (id),
    org_id           varchar(18) NOT NULL,
    version_number   integer     NOT NULL,
    bot_version_name text        NOT NULL,
    label            text        NOT NULL,
    content_hash     char(64)    NOT NULL,
    upload_form      varchar(8)  NOT NULL CHECK (upload_form IN ('FILES', 'ZIP')),
    -- the zip exactly as uploaded and its file name (ZIP form only), so a download is byte-identical
    original_zip     bytea,
    original_name    text,
    diagnostics      jsonb       NOT NULL,
    warnings         integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    CONSTRAINT bot_versions_number_unique UNIQUE (bot_id, version_number),
    CONSTRAINT bot_versions_content_unique UNIQUE (bot_id, content_hash)
);

ALTER TABLE bots ADD CONSTRAINT bots_active_version_fk FOREIGN KEY (active_version_id) REFERENCES bot_versions (id);

-- The files of a version (the zip's entries for ZIP uploads), in upload order.
CREATE TABLE bot_version_files (
    version_id char(18) NOT NULL REFERENCES bot_versions (id),
    position   integer  NOT NULL,
    name       text     NOT NULL,
    parsed     boolean  NOT NULL,
    content    bytea    NOT NULL,
    PRIMARY KEY (version_id, position)
);

-- Every activation and rollback, newest last.
CREATE TABLE bot_activations (
    id                  bigserial   PRIMARY KEY,
    bot_id              char(18)    NOT NULL REFERENCES bots (id),
    org_id              varchar(18) NOT NULL,
    version_id          char(18)    NOT NULL REFERENCES bot_versions (id),
    previous_version_id char(18)    REFERENCES bot_versions (id),
    action              varchar(8)  NOT NULL CHECK (action IN ('ACTIVATE', 'ROLLBACK')),
    activated_at        timestamptz NOT NULL,
    activated_by        text        NOT NULL
);

CREATE INDEX bot_activations_bot_idx ON bot_activations (bot_id, id);

-- Events written in the transaction of the change they describe, published to Kafka afterwards in id order.
CREATE TABLE outbox_events (
    id              bigserial   PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    topic           text        NOT NULL,
    message_key     text        NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text
);
