-- wrk script for the plain design reference (../shared/perf-reference): the same request as its own signup.lua,
-- POST /signup/1 with {"email": …}, but with an address that never repeats. The reference's script keeps its thread
-- number in a local (0 in every thread) and never seeds math.random, so both wrk threads send the same addresses and
-- about half its sign-ups are repeats, which skip both inserts; the platform's bench sends only new addresses.
local run = os.getenv("RUN") or tostring(os.time())
local counter = 0
local threads = 0
setup = function(thread) thread:set("tid", threads); threads = threads + 1 end
request = function()
  counter = counter + 1
  local body = string.format('{"email":"p%s.%d.%d@example.org"}', run, tid, counter)
  return wrk.format("POST", "/signup/1", {["Content-Type"]="application/json"}, body)
end
