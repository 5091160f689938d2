-- wrk script of scripts/bench.sh: GET the paths given after "--" in turn, and print one summary
-- line in the key=value form of scripts/loadgen (requests, errors, elapsed, rps of the 2xx
-- answers, latency percentiles).
local paths, i = {}, 0

function init(args)
  for _, p in ipairs(args) do paths[#paths + 1] = p end
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local secs = summary.duration / 1e6
  local ms = function(us) return string.format("%.3fms", us / 1000) end
  io.write(string.format("requests=%d errors=%d elapsed=%.3fs rps=%.1f p50=%s p90=%s p99=%s max=%s\n",
    summary.requests, errors, secs, (summary.requests - e.status) / secs,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max)))
end
