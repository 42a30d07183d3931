\pset pager off
select count(*) as accounts from account; select count(*) as follows from follow;
select followee_id as celeb, count(*) as n from follow group by followee_id order by count(*) desc limit 1 \gset
select follower_id as fan from follow group by follower_id order by count(*) desc limit 1 \gset
\echo followers of the most followed account: :n
\echo == followers, first page (OR form, as FollowRepository.followers via Hibernate)
explain (analyze, buffers, costs off) select a.id, a.handle, a.display_name, f.created_at from follow f join account a on a.id = f.follower_id
 where f.followee_id = :'celeb' and (f.created_at < '9999-12-31T23:59:59Z' or (f.created_at = '9999-12-31T23:59:59Z' and f.follower_id < 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
 order by f.created_at desc, f.follower_id desc fetch first 21 rows only;
select created_at as fat, follower_id as fid from follow where followee_id = :'celeb' order by created_at desc, follower_id desc offset 700 limit 1 \gset
\echo == followers, page after the 700th (OR form)
explain (analyze, buffers, costs off) select a.id, a.handle, a.display_name, f.created_at from follow f join account a on a.id = f.follower_id
 where f.followee_id = :'celeb' and (f.created_at < :'fat' or (f.created_at = :'fat' and f.follower_id < :'fid'))
 order by f.created_at desc, f.follower_id desc fetch first 21 rows only;
\echo == followers, page after the 700th (row comparison)
explain (analyze, buffers, costs off) select a.id, a.handle, a.display_name, f.created_at from follow f join account a on a.id = f.follower_id
 where f.followee_id = :'celeb' and (f.created_at, f.follower_id) < (:'fat', :'fid')
 order by f.created_at desc, f.follower_id desc fetch first 21 rows only;
\echo == following, first page
explain (analyze, buffers, costs off) select a.id, a.handle, a.display_name, f.created_at from follow f join account a on a.id = f.followee_id
 where f.follower_id = :'fan' and (f.created_at < '9999-12-31T23:59:59Z' or (f.created_at = '9999-12-31T23:59:59Z' and f.followee_id < 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
 order by f.created_at desc, f.followee_id desc fetch first 21 rows only;
\echo == account by handle
select handle from account limit 1 \gset
explain (analyze, buffers, costs off) select * from account where handle = :'handle';
