-- wrk script: POST /api/v1/tickets with a unique externalId per request; counts non-2xx answers.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-result.lua")
expected_status = 201
local counter = 0
local thread_id = 0

function setup_thread(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
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
