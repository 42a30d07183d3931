-- The delivery engine: scheduling state on each delivery, one row per attempt, endpoint health,
-- secret rotation and encrypted secrets.

-- Secrets are now stored encrypted (AES-256-GCM, 'enc:v1:' prefix); rows written before this
-- version keep their clear 'whsec_' value until the endpoint's secret is next written (rotation).
alter table webhook_endpoint
    add column previous_secret         text,
    add column previous_secret_expires timestamptz,
    add column failing_since           timestamptz,
    add column disabled_at             timestamptz,
    add column disabled_reason         text check (char_length(disabled_reason) <= 500);

alter table delivery drop constraint delivery_status_check;
alter table delivery
    add column attempts        int         not null default 0,
    add column next_attempt_at timestamptz,
    add column last_attempt_at timestamptz,
    add column finished_at     timestamptz,
    add constraint delivery_status_check check (status in ('PENDING', 'DELIVERED', 'FAILED'));
update delivery set next_attempt_at = created_at where status = 'PENDING';
alter table delivery add constraint delivery_pending_has_due_time
    check (status <> 'PENDING' or next_attempt_at is not null);
-- the scheduler's claim: due pending deliveries, oldest due first
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';

-- Every attempt, kept for the owner to inspect. response_excerpt is the first bytes of the body as
-- text: served only inside JSON, never rendered.
create table delivery_attempt (
    id               uuid        primary key,
    delivery_id      uuid        not null references delivery (id) on delete cascade,
    attempted_at     timestamptz not null,
    status_code      int,
    latency_ms       int         not null,
    outcome          text        not null check (outcome in ('DELIVERED', 'FAILED', 'REFUSED')),
    error            text        check (char_length(error) <= 500),
    response_excerpt text        check (char_length(response_excerpt) <= 1024)
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id, attempted_at desc, id desc);
