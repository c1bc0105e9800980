-- wrk script: GET <path> with a bearer token; counts non-200 answers. Args: token, path.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-result.lua")
expected_status = 200

function init(args)
  failures = 0
  token = args[1]
  path = args[2]
end

function request()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
