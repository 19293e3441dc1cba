-- wrk script: sign-ups through the JSON API, each with an address of its own.
-- SLUGS (environment): one event slug, or several separated by commas (spread evenly, round robin per thread).
local slugs = {}
for slug in string.gmatch(os.getenv("SLUGS") or "ruimte-voor-eerstelijnszorg", "[^,]+") do
  slugs[#slugs + 1] = slug
end
-- RUN (environment) keeps the addresses of one wrk run apart from those of the runs before it.
local run = os.getenv("RUN") or tostring(os.time())
local counter = 0
-- Each thread gets its number as the global "tid" (a local here would stay 0 in every thread: addresses would repeat).
local threads = 0
setup = function(thread) thread:set("tid", threads); threads = threads + 1 end
request = function()
  counter = counter + 1
  local slug = slugs[(counter + tid) % #slugs + 1]
  local body = string.format('{"firstName":"Bench","lastName":"Client %d","email":"bench-%s-%d-%d@example.org",'
      .. '"organisation":"Gemeente Utrecht","role":"Beleidsmedewerker"}', tid, run, tid, counter)
  return wrk.format("POST", "/api/events/" .. slug .. "/registrations", {["Content-Type"]="application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
