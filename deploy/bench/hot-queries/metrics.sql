\pset pager off
select count(*) as views from post_view; select count(*) as rollups from rollup; select count(*) as owners from post_owner;
select metric, subject_id as subj, grain from rollup where grain = 'hour' group by 1,2,3 order by count(*) desc limit 1 \gset
\echo == a series read (Rollups.series, step 1): :metric :grain
explain (analyze, buffers, costs off) select bucket, value from rollup where metric = :'metric' and subject_id = :'subj' and grain = :'grain' and bucket between now() - interval '2 days' and now();
\echo == series with step (date_bin)
explain (analyze, buffers, costs off) select date_bin(make_interval(secs => 3600), bucket, now() - interval '30 days'), sum(value) from rollup
 where metric = :'metric' and subject_id = :'subj' and grain = :'grain' and bucket between now() - interval '30 days' and now() group by 1;
\echo == owner check
select post_id as pid, author_id as aid from post_owner limit 1 \gset
explain (analyze, buffers, costs off) select exists (select 1 from post_owner where post_id = :'pid' and author_id = :'aid');
\echo == a batch of 200 view beacons (ViewStore), rolled back
begin;
explain (analyze, buffers, costs off) with fresh as (
    insert into post_view (viewer_id, event_id, post_id, viewed_at)
    select gen_random_uuid(), gen_random_uuid(), p.post_id, now() from (select post_id from post_owner limit 200) p
    on conflict do nothing returning post_id, viewed_at
), counted as (
    select 'post.views' as metric, post_id as subject_id, g.grain, date_trunc(g.grain, viewed_at, 'UTC') as bucket, count(*) as value
    from fresh, (values ('hour'), ('day')) as g(grain) group by 1, 2, 3, 4
), rolled as (
    insert into rollup (metric, subject_id, grain, bucket, value)
    select metric, subject_id, grain, bucket, value from counted order by metric, subject_id, grain, bucket
    on conflict (metric, subject_id, grain, bucket) do update set value = rollup.value + excluded.value
) select count(*) from fresh;
rollback;
