\pset pager off
-- synthetic subscribers, rolled back: 20,000 apps of 20,000 owners, 50,000 endpoints, each subscribed to 3 of 8 event types
begin;
insert into app (id, owner_id, name, description, created_at)
  select gen_random_uuid(), gen_random_uuid(), 'app ' || g, 'synthetic', now() from generate_series(1, 20000) g;
insert into webhook_endpoint (id, app_id, owner_id, url, secret, created_at)
  select gen_random_uuid(), a.id, a.owner_id, 'https://hooks.example/' || g, 'sealed', now()
  from (select id, owner_id, row_number() over () as n from app) a join generate_series(1, 3) g on a.n % 5 <> 0 or g = 1;
insert into webhook_endpoint_event_type (endpoint_id, event_type)
  select e.id, t.type from webhook_endpoint e
  cross join lateral (select unnest(array['instaclone.post.created.v1','instaclone.post.deleted.v1','instaclone.follow.created.v1',
     'instaclone.follow.deleted.v1','instaclone.user.created.v1','instaclone.user.updated.v1','instaclone.ad.clicked.v1',
     'instaclone.ad.impression.v1']) as type offset (abs(hashtext(e.id::text)) % 6) limit 3) t;
analyze app; analyze webhook_endpoint; analyze webhook_endpoint_event_type;
select count(*) as endpoints from webhook_endpoint; select count(*) as subscriptions from webhook_endpoint_event_type;
select array_agg(owner_id)::text as owners from (select distinct owner_id from webhook_endpoint order by 1 limit 500) x \gset
\echo == subscriptions of a batch: 2 event types x 500 owners (Endpoints.subscriptions)
explain (analyze, buffers, costs off) select e.id, e.app_id, e.owner_id, t.event_type
  from webhook_endpoint e join webhook_endpoint_event_type t on t.endpoint_id = e.id
  where t.event_type = any(cast('{instaclone.post.created.v1,instaclone.follow.created.v1}' as text[])) and e.owner_id = any(cast(:'owners' as uuid[]));
select array_agg(owner_id)::text as few from (select distinct owner_id from webhook_endpoint order by 1 limit 5) x \gset
\echo == subscriptions of a batch: 2 event types x 5 owners
explain (analyze, buffers, costs off) select e.id, e.app_id, e.owner_id, t.event_type
  from webhook_endpoint e join webhook_endpoint_event_type t on t.endpoint_id = e.id
  where t.event_type = any(cast('{instaclone.post.created.v1,instaclone.follow.created.v1}' as text[])) and e.owner_id = any(cast(:'few' as uuid[]));
rollback;
