-- Appended after a generated "tokens = {...}" table by placements.sh.
-- Each request: a random viewer, 3 slots, sometimes the hashtags of the feed around the slots.
-- delay() paces each connection, so the rate is about connections x 1000 / (delay + latency).
local contexts = { "", "&hashtags=cats", "&hashtags=travel,food", "", "&hashtags=dogs,fitness,cats" }

request = function()
  local token = tokens[math.random(#tokens)]
  local path = "/api/ads/placements?slots=3" .. contexts[math.random(#contexts)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

delay = function()
  return __DELAY_MS__
end

-- wrk itself reports "Non-2xx or 3xx responses" when any request failed
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d requests, %.0f req/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, summary.requests, summary.requests / (summary.duration / 1e6)))
end
