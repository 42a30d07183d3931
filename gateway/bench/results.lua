-- wrk script: prints one machine-readable line at the end (throughput, errors, p50/p99/p99.9/max in ms).
-- gateway/bench/cost.sh appends it; a request() may be defined before it (cost.sh's tokens).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.0f requests=%d errors=%d non2xx=%d p50=%.2f p99=%.2f p999=%.2f max=%.2f\n",
    summary.requests / (summary.duration / 1e6), summary.requests, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
