-- Platform tables (service-defaults): the transactional outbox and the idempotent-consumer ledger.
-- Every service gets them before its own migrations (V1 and up).
create table outbox_event (
    position   bigint generated always as identity primary key,
    id         uuid        not null unique,
    topic      text        not null,
    msg_key    text        not null,
    payload    text        not null, -- exact bytes sent; jsonb would reorder fields
    created_at timestamptz not null default now(),
    sent_at    timestamptz,
    attempts   int         not null default 0,
    last_error text
);
create index outbox_event_unsent on outbox_event (position) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
