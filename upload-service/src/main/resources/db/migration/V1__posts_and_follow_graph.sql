-- Posts: caption only for now; the photo pipeline adds media in a later migration.
create table post (
    id            uuid        primary key,
    author_id     uuid        not null,
    author_handle text        not null,
    caption       text        not null check (char_length(caption) <= 2200),
    created_at    timestamptz not null
);
-- an author's posts newest first (GET /api/posts?author=) and the feed's per-author scan
create index post_author_created on post (author_id, created_at desc, id desc);

-- Local projection of follow-service's graph, fed by the `follows` topic.
create table follow_edge (
    follower_id uuid        not null,
    followee_id uuid        not null,
    since       timestamptz not null,
    primary key (follower_id, followee_id)
);
-- who follows an author: needed by the fan-out-on-write feed
create index follow_edge_followee on follow_edge (followee_id, follower_id);
