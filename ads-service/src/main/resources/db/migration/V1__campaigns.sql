-- Campaigns. The advertiser is, for now, the signed-in account that created the campaign.
create table campaign (
    id                 uuid        primary key,
    advertiser_id      uuid        not null,
    name               text        not null check (char_length(name) between 1 and 100),
    headline           text        not null check (char_length(headline) between 1 and 150),
    call_to_action_url text        not null check (call_to_action_url ~* '^https?://'),
    daily_budget_cents bigint      not null check (daily_budget_cents between 1 and 10000000),
    bid_cpm_cents      bigint      not null check (bid_cpm_cents between 1 and 100000),
    status             text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED')),
    spent_cents        bigint      not null default 0 check (spent_cents >= 0),
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
-- the owner's campaigns newest first (GET /api/ads/campaigns) and the owner check on every lookup
create index campaign_advertiser_created on campaign (advertiser_id, created_at desc, id desc);
