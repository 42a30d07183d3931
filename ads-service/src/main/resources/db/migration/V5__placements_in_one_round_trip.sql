-- Picking placements in one round trip (docs/performance.md, ads-service, fourth round). Before, a
-- placement was four: BEGIN + the viewer's advisory lock, the pick-and-record statement, COMMIT, each
-- one more wake-up of the connection's backend and of the request thread. As one function call in
-- an autocommit statement it is one, with the same rules in the same order:
--   1. served slots are not money: their commit does not wait for the WAL flush (a crash can lose the
--      last few hundred milliseconds of them: those impression ids then answer 404 when reported, and
--      the cap forgets those slots); impressions, clicks and spend keep durable commits, because
--      synchronous_commit is set for this transaction only;
--   2. one viewer's placements are picked one at a time (a transaction-scoped advisory lock on the
--      viewer), so parallel requests cannot both pass the frequency cap. The pick must see the slots
--      committed by whoever held the lock before: a plpgsql function runs each statement with a new
--      snapshot (read committed, volatile), taken after the lock is granted; a lock taken inside the
--      pick statement itself would come too late, as its snapshot is taken when the statement starts;
--   3. eligibility, pacing, the cap, the order and recording what was served: the statement that
--      ServingService ran before, unchanged.
create function place_ads(p_viewer uuid, p_slots integer, p_hashtags text[], p_now timestamptz,
                          p_cap_start timestamptz, p_cap integer, p_today date, p_fraction double precision,
                          p_burst_divisor integer)
    returns table (impression_id uuid, campaign_id uuid, headline text, media_key text, call_to_action_url text)
    language plpgsql volatile
as $$
#variable_conflict use_column
begin
    perform set_config('synchronous_commit', 'off', true);
    perform pg_advisory_xact_lock(hashtextextended(cast(p_viewer as text), 7));
    return query
    with capped as (
        select i.campaign_id from ad_impression i
        where i.viewer_id = p_viewer and i.served_at > p_cap_start
        group by i.campaign_id having count(*) >= p_cap
    ), picked as (
        select c.id, c.headline, c.media_key, c.call_to_action_url, c.bid_cpm_cents,
               cardinality(c.target_hashtags) > 0 as targeted
        from campaign c
        left join campaign_day d on d.campaign_id = c.id and d.day = p_today
        where c.status = 'ACTIVE' and c.media_key is not null and c.advertiser_id <> p_viewer
          and (c.starts_at is null or c.starts_at <= p_now) and (c.ends_at is null or c.ends_at > p_now)
          and (cardinality(c.target_hashtags) = 0 or c.target_hashtags && p_hashtags)
          and coalesce(d.spent_millicents, 0) + c.bid_cpm_cents <= least(c.daily_budget_cents * 1000,
                floor(c.daily_budget_cents * 1000 * p_fraction)
                + greatest(c.daily_budget_cents * 1000 / p_burst_divisor, c.bid_cpm_cents))
          and c.id not in (select capped.campaign_id from capped)
        order by c.bid_cpm_cents desc, targeted desc, c.id
        limit p_slots
    ), served as (
        insert into ad_impression (id, campaign_id, viewer_id, bid_cpm_cents, served_at)
        select gen_random_uuid(), picked.id, p_viewer, picked.bid_cpm_cents, p_now from picked
        returning ad_impression.id, ad_impression.campaign_id
    )
    select s.id, p.id, p.headline, p.media_key, p.call_to_action_url
    from served s join picked p on p.id = s.campaign_id
    order by p.bid_cpm_cents desc, p.targeted desc, p.id;
end
$$;
