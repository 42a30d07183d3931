-- The frequency cap counts a viewer's last hour of served slots per campaign on every placement
-- request. With campaign_id in the index that count is an index-only scan, not a heap visit per row.
drop index ad_impression_viewer_served;
create index ad_impression_viewer_served on ad_impression (viewer_id, served_at) include (campaign_id);
