\pset pager off
select count(*) as posts from post; select count(*) as timeline_rows from timeline; select count(*) as edges from follow_edge;
-- the viewer with the longest timeline (and who follows the most celebrities)
select viewer_id as viewer from timeline group by viewer_id order by count(*) desc limit 1 \gset
select author_id as celeb from author_stats order by followers desc limit 1 \gset
select followers as celeb_followers from author_stats where author_id = :'celeb' \gset
select author_id as author from post group by author_id order by count(*) desc limit 1 \gset
\echo == feed first page, threshold 5000 (default: no read-time merge)
explain (analyze, buffers, costs off) select post_id, created_at from (
  (select t.post_id, t.created_at from timeline t where t.viewer_id = :'viewer'
   order by t.created_at desc, t.post_id desc limit 21)
  union
  (select c.id, c.created_at from author_stats s
   join follow_edge e on e.follower_id = :'viewer' and e.followee_id = s.author_id
   cross join lateral (select p.id, p.created_at from post p where p.author_id = s.author_id
                       order by p.created_at desc, p.id desc limit 21) c
   where s.followers > 5000)
) merged order by created_at desc, post_id desc limit 21;
\echo == feed first page, threshold 100 (celebrities merged at read time)
explain (analyze, buffers, costs off) select post_id, created_at from (
  (select t.post_id, t.created_at from timeline t where t.viewer_id = :'viewer'
   order by t.created_at desc, t.post_id desc limit 21)
  union
  (select c.id, c.created_at from author_stats s
   join follow_edge e on e.follower_id = :'viewer' and e.followee_id = s.author_id
   cross join lateral (select p.id, p.created_at from post p where p.author_id = s.author_id
                       order by p.created_at desc, p.id desc limit 21) c
   where s.followers > 100)
) merged order by created_at desc, post_id desc limit 21;
\echo == feed page 5 (cursor), threshold 100
select created_at as cat, post_id as cid from timeline where viewer_id = :'viewer' order by created_at desc, post_id desc offset 100 limit 1 \gset
explain (analyze, buffers, costs off) select post_id, created_at from (
  (select t.post_id, t.created_at from timeline t where t.viewer_id = :'viewer' and (t.created_at, t.post_id) < (:'cat', :'cid')
   order by t.created_at desc, t.post_id desc limit 21)
  union
  (select c.id, c.created_at from author_stats s
   join follow_edge e on e.follower_id = :'viewer' and e.followee_id = s.author_id
   cross join lateral (select p.id, p.created_at from post p where p.author_id = s.author_id and (p.created_at, p.id) < (:'cat', :'cid')
                       order by p.created_at desc, p.id desc limit 21) c
   where s.followers > 100)
) merged order by created_at desc, post_id desc limit 21;
\echo == post lookup (PostLookup) of 20 feed posts
select array_agg(post_id)::text as ids from (select post_id from timeline where viewer_id = :'viewer' order by created_at desc, post_id desc limit 20) x \gset
explain (analyze, buffers, costs off) with p as materialized (
    select p.id, p.author_id, p.author_handle, p.caption, p.created_at,
           array(select h.tag from post_hashtag h where h.post_id = p.id order by h.tag collate "C") as hashtags
    from post p where p.id = any(:'ids'::uuid[]))
select p.*, i.kind, i.media_key, i.width, i.height
from p left join post_image i on i.post_id = p.id
order by p.id, i.width desc, i.kind collate "C";
\echo == posts of one author, first page (Hibernate: findByAuthorIdOrderByCreatedAtDescIdDesc)
explain (analyze, buffers, costs off) select p.id, p.author_id, p.caption, p.created_at from post p where p.author_id = :'author' order by p.created_at desc, p.id desc fetch first 21 rows only;
\echo == posts of the celebrity, next page (findByAuthorAfter, OR form as Hibernate writes it)
select created_at as pat, id as pid from post where author_id = :'celeb' order by created_at desc, id desc offset 1 limit 1 \gset
explain (analyze, buffers, costs off) select p.id, p.created_at from post p where p.author_id = :'celeb' and (p.created_at < :'pat' or (p.created_at = :'pat' and p.id < :'pid')) order by p.created_at desc, p.id desc fetch first 21 rows only;
\echo == fan-out of a post of the celebrity (TimelineWriter), rolled back
begin;
explain (analyze, buffers, costs off) insert into timeline (viewer_id, post_id, author_id, created_at)
  select e.follower_id, gen_random_uuid(), :'celeb', now() from follow_edge e where e.followee_id = :'celeb' on conflict do nothing;
rollback;
\echo == celebrity check (FollowGraph)
explain (analyze, buffers, costs off) select followers from author_stats where author_id = :'celeb';
