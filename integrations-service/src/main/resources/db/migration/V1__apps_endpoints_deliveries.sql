-- Third-party apps, owned by the user who registered them.
create table app (
    id           uuid        primary key,
    owner_id     uuid        not null,
    name         text        not null check (char_length(name) between 1 and 100),
    description  text        not null check (char_length(description) between 1 and 500),
    homepage_url text        check (homepage_url ~* '^https?://'),
    created_at   timestamptz not null
);
-- the owner's apps page by page, and the ownership check
create index app_owner_created on app (owner_id, created_at desc, id desc);

-- Where an app wants events. owner_id copies app.owner_id for the fan-out's lookup.
create table webhook_endpoint (
    id         uuid        primary key,
    app_id     uuid        not null references app (id) on delete cascade,
    owner_id   uuid        not null,
    url        text        not null check (url ~* '^https?://'),
    secret     text        not null, -- needed in clear to sign deliveries; encryption at rest is a later issue
    created_at timestamptz not null
);
create index webhook_endpoint_app_created on webhook_endpoint (app_id, created_at desc, id desc);
create index webhook_endpoint_owner on webhook_endpoint (owner_id);

create table webhook_endpoint_event_type (
    endpoint_id uuid not null references webhook_endpoint (id) on delete cascade,
    event_type  text not null,
    primary key (endpoint_id, event_type)
);
-- fan-out: which endpoints subscribed to this type
create index webhook_endpoint_event_type_type on webhook_endpoint_event_type (event_type, endpoint_id);

-- One event owed to one endpoint. Only 'PENDING' until the delivery worker exists.
create table delivery (
    id          uuid        primary key,
    endpoint_id uuid        not null references webhook_endpoint (id) on delete cascade,
    app_id      uuid        not null references app (id) on delete cascade,
    event_id    text        not null,
    event_type  text        not null,
    payload     text        not null, -- the CloudEvent as received
    status      text        not null check (status in ('PENDING')),
    created_at  timestamptz not null,
    unique (endpoint_id, event_id)
);
create index delivery_app_created on delivery (app_id, created_at desc, id desc);
