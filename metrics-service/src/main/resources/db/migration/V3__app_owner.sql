-- Who may see a third-party app's webhook numbers: learnt from integrations-service's delivery events
-- (`webhook-deliveries` topic), which carry the app's owner.
create table app_owner (
    app_id   uuid primary key,
    owner_id uuid not null
);
