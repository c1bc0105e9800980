-- Shared by the wrk scripts: counts answers whose status is not `expected_status` (set by the script) and
-- prints one RESULT line the benchmark scripts read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  if setup_thread then
    setup_thread(thread)
  end
end

function response(status, headers, body)
  if status ~= expected_status then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do
    failed = failed + t:get("failures")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f non%d=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, expected_status, failed, errors))
end
