-- wrk script for POST /api/v1/views: every request is a new visitor (a unique X-Forwarded-For), over many articles and browsers.
--
--   wrk -t2 -c64 -d12s -s bench/beacons.lua http://127.0.0.1:PORT -- <paths file> <counting seconds>
--
-- For the first <counting seconds> every beacon is a countable view; after that, until wrk stops, it sends the same beacon
-- with a crawler's user agent (answered 204, never counted). So every countable beacon has been answered before wrk cuts
-- the connections, and the views the server stores must equal the countable beacons sent, exactly.

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
}
local crawler = "Mozilla/5.0 (compatible; BeaconBenchBot/1.0)"

-- main thread: number the threads and keep them, so done() can add up what each one sent
local threads = {}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- each thread
local paths = {}
local deadline = 0
counted = 0
drained = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the paths file " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  deadline = now() + tonumber(args[2])
  math.randomseed(1000 + id)
end

-- wrk 4 calls request() once on the first thread to check the script; that request is never sent, so it must not count.
local checked = false

function request()
  local path = paths[math.random(#paths)]
  local body = '{"path":"' .. path .. '"}'
  local countable = checked or id ~= 0
  checked = true
  if countable and now() < deadline then
    counted = counted + 1
    -- 10.<thread>.x.y / 11.<thread>... : a distinct address for each of up to 16 M requests a thread
    local n = counted
    local ip = string.format("%d.%d.%d.%d", 10 + id, math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
    return wrk.format("POST", "/api/v1/views", {
      ["Content-Type"] = "text/plain;charset=UTF-8",
      ["User-Agent"] = agents[(n % #agents) + 1],
      ["X-Forwarded-For"] = ip,
    }, body)
  end
  drained = drained + 1
  return wrk.format("POST", "/api/v1/views", {
    ["Content-Type"] = "text/plain;charset=UTF-8", ["User-Agent"] = crawler, ["X-Forwarded-For"] = "192.0.2.1",
  }, body)
end

function done(summary, latency, requests)
  local sent, drain = 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("counted")
    drain = drain + thread:get("drained")
  end
  local e = summary.errors
  io.write(string.format(
    'BEACONS {"completed":%d,"countable":%d,"drain":%d,"micros":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50us":%d,"p99us":%d}\n',
    summary.requests, sent, drain, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
