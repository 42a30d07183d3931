-- Photo posts: the caption becomes optional ('' when a photo has none).
-- The image's variants, one row each; the same key may belong to several posts (identical uploads
-- share content-hashed files), so a file is deleted only when no row names it any more.
create table post_image (
    post_id  uuid    not null references post (id) on delete cascade,
    kind     text    not null check (kind in ('w1080', 'w640', 'w320', 'thumb150')),
    media_key text   not null,
    width    integer not null,
    height   integer not null,
    bytes    integer not null,
    primary key (post_id, kind)
);
-- "does any post still use this file?" when a post is deleted
create index post_image_key on post_image (media_key);

-- Hashtags parsed from captions, lower-cased.
create table post_hashtag (
    tag        text        not null,
    post_id    uuid        not null references post (id) on delete cascade,
    created_at timestamptz not null,
    primary key (tag, created_at, post_id)
);
create index post_hashtag_post on post_hashtag (post_id);

-- Followers per author, kept by the follows consumer; an author above the celebrity threshold is
-- not fanned out on write but merged into feeds at read time.
create table author_stats (
    author_id uuid    primary key,
    followers integer not null check (followers >= 0)
);
create index author_stats_followers on author_stats (followers);

-- The materialised home timeline: one row per (viewer, post) the viewer should see.
create table timeline (
    viewer_id  uuid        not null,
    post_id    uuid        not null,
    author_id  uuid        not null,
    created_at timestamptz not null,
    primary key (viewer_id, post_id)
);
-- the feed read: one viewer's rows newest first, keyset-paginated
create index timeline_read on timeline (viewer_id, created_at desc, post_id desc) include (author_id);
-- removing a deleted post from every timeline
create index timeline_post on timeline (post_id);

-- Data written before this migration: counts from the projection, timelines from existing posts.
insert into author_stats (author_id, followers)
select followee_id, count(*) from follow_edge group by followee_id;
insert into timeline (viewer_id, post_id, author_id, created_at)
select p.author_id, p.id, p.author_id, p.created_at from post p;
insert into timeline (viewer_id, post_id, author_id, created_at)
select e.follower_id, p.id, p.author_id, p.created_at from follow_edge e join post p on p.author_id = e.followee_id
on conflict do nothing;
