-- Counters per minute, hour and day (UTC buckets) replace the per-day table. Platform-wide metrics use
-- the nil UUID as subject; per-post and per-campaign metrics use the post / campaign id.
create table rollup (
    metric     text        not null,
    subject_id uuid        not null,
    grain      text        not null check (grain in ('minute', 'hour', 'day')),
    bucket     timestamptz not null, -- start of the minute / hour / day, UTC
    value      bigint      not null,
    primary key (metric, subject_id, grain, bucket) -- serves every read: one series, a bucket range
);
insert into rollup (metric, subject_id, grain, bucket, value)
select metric, subject_id, 'day', day::timestamp at time zone 'UTC', value from daily_rollup;
drop table daily_rollup;

-- Client view beacons: one row per (viewer, client-generated event id). The primary key is the
-- exactly-once guard; rows older than the beacon's accepted age (24 h) plus a margin are deleted,
-- because an older replay is refused by the timestamp check anyway.
create table post_view (
    viewer_id uuid        not null,
    event_id  uuid        not null,
    post_id   uuid        not null,
    viewed_at timestamptz not null,
    primary key (viewer_id, event_id)
);
create index post_view_viewed_at on post_view using brin (viewed_at);

-- Who may see a post's numbers (from `posts` events) and a campaign's (from `ads` events).
create table post_owner (
    post_id   uuid primary key,
    author_id uuid not null
);
create index post_owner_author on post_owner (author_id);

create table campaign_owner (
    campaign_id   uuid primary key,
    advertiser_id uuid not null
);
