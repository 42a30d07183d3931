\pset pager off
select count(*) as campaigns from campaign; select count(*) as impressions from ad_impression; select count(*) from campaign_day;
select viewer_id as viewer from ad_impression group by 1 order by count(*) desc limit 1 \gset
\echo == placements (ServingService.pick), rolled back
begin;
explain (analyze, buffers, costs off) with capped as (
    select campaign_id from ad_impression where viewer_id = :'viewer' and served_at > now() - interval '1 day'
    group by campaign_id having count(*) >= 3
), picked as (
    select c.id, c.headline, c.media_key, c.call_to_action_url, c.bid_cpm_cents, cardinality(c.target_hashtags) > 0 as targeted
    from campaign c left join campaign_day d on d.campaign_id = c.id and d.day = current_date
    where c.status = 'ACTIVE' and c.media_key is not null and c.advertiser_id <> :'viewer'
      and (c.starts_at is null or c.starts_at <= now()) and (c.ends_at is null or c.ends_at > now())
      and (cardinality(c.target_hashtags) = 0 or c.target_hashtags && string_to_array('', ','))
      and coalesce(d.spent_millicents, 0) + c.bid_cpm_cents <= least(c.daily_budget_cents * 1000,
            floor(c.daily_budget_cents * 1000 * cast(0.5 as double precision)) + greatest(c.daily_budget_cents * 1000 / 10, c.bid_cpm_cents))
      and c.id not in (select campaign_id from capped)
    order by c.bid_cpm_cents desc, targeted desc, c.id limit 2
), served as (
    insert into ad_impression (id, campaign_id, viewer_id, bid_cpm_cents, served_at)
    select gen_random_uuid(), id, :'viewer', bid_cpm_cents, now() from picked returning id, campaign_id
)
select s.id as impression_id, p.id as campaign_id from served s join picked p on p.id = s.campaign_id order by p.bid_cpm_cents desc, p.targeted desc, p.id;
rollback;
