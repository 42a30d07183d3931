-- Campaigns become complete ads: a creative (an upload-service media key), targeting, a schedule, an
-- `ended` status and a version for optimistic locking. Spend moves to campaign_day (per UTC day),
-- where serving charges it atomically; the old spent_cents column was never written.
alter table campaign drop column spent_cents;
alter table campaign drop constraint campaign_status_check;
alter table campaign add constraint campaign_status_check check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED'));
-- null only for campaigns created before creatives existed; such a campaign cannot be activated
alter table campaign add column media_key text
    check (media_key ~ '^[0-9a-f]{64}\.jpg$');
alter table campaign add column target_hashtags text[] not null default '{}'
    check (cardinality(target_hashtags) <= 10);
alter table campaign add column starts_at timestamptz;
alter table campaign add column ends_at timestamptz;
alter table campaign add constraint campaign_schedule_check
    check (starts_at is null or ends_at is null or ends_at > starts_at);
alter table campaign add column version bigint not null default 0;

-- what serving scans: active campaigns, highest bid first
create index campaign_serving on campaign (bid_cpm_cents desc, id) where status = 'ACTIVE';

-- One row per campaign and UTC day. Spend is in millicents (1/1000 cent): one impression costs
-- bid_cpm_cents millicents exactly, so charging never rounds. The charge is a conditional UPDATE
-- (spent + cost <= budget), so concurrent impressions can never push a day over its budget.
create table campaign_day (
    campaign_id      uuid   not null references campaign (id),
    day              date   not null,
    spent_millicents bigint not null default 0 check (spent_millicents >= 0),
    impressions      bigint not null default 0 check (impressions >= 0),
    clicks           bigint not null default 0 check (clicks >= 0),
    primary key (campaign_id, day)
);

-- Every ad slot handed out. The id is the impression id the client reports back; nothing the client
-- did not receive can be counted or clicked. The bid is the price at serving time.
create table ad_impression (
    id                 uuid        primary key,
    campaign_id        uuid        not null references campaign (id),
    viewer_id          uuid        not null,
    bid_cpm_cents      bigint      not null,
    served_at          timestamptz not null,
    seen_at            timestamptz,
    charged_millicents bigint,
    clicked_at         timestamptz
);
-- the frequency cap: what this viewer was served in the last hour
create index ad_impression_viewer_served on ad_impression (viewer_id, served_at);
