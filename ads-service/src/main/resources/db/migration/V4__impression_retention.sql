-- Served slots are purged a week after serving (ImpressionRetention). served_at grows with insertion
-- order, so a BRIN index finds the old ones for a few pages of index instead of a per-row B-tree.
create index ad_impression_served_brin on ad_impression using brin (served_at);
