-- wrk script: POST /api/v1/tickets with a unique externalId per request; counts non-2xx answers.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  failures = 0
  token = args[1]
  run = args[2]
end

function request()
  counter = counter + 1
  local ext = run .. "-" .. id .. "-" .. counter
  local body = '{"projectName":"压测需求' .. ext .. '","industryField":"智能制造","technicalProblems":"柔性装配",'
    .. '"region":"苏州市","demandSide":{"name":"苏州某精密机械有限公司"},"externalId":"' .. ext .. '",'
    .. '"categories":["TECH_TRANSFER"],"keywords":["机器人"]}'
  return wrk.format("POST", "/api/v1/tickets", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do
    failed = failed + t:get("failures")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f non201=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, errors))
end
