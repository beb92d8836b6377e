-- wrk script for bench/overload.ts: GETs the paths listed in a file, in turn, and prints its summary as one JSON line.
--
--   wrk -t2 -c1000 -d20s -s bench/overload.lua http://127.0.0.1:PORT -- <paths file>

local paths = {}
local n = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the paths file " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

-- No response() callback: it would make wrk copy every page into Lua, and wrk would then take the CPU it measures.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'OVERLOAD {"completed":%d,"non2xx":%d,"micros":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50us":%d,"p99us":%d,"maxus":%d}\n',
    summary.requests, e.status, summary.duration, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
