-- The endpoint registry. One row per (org, endpoint name). config holds the normalised EndpointConfig without
-- secrets; secrets holds the write-only values (token, privateKey, clientSecret) apart so no query that lists
-- configurations ever reads them by accident.
create table callout_endpoint (
    org_id     text        not null,
    name       text        not null,
    kind       text        not null,
    config     jsonb       not null,
    secrets    jsonb       not null default '{}'::jsonb,
    version    bigint      not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (org_id, name)
);
