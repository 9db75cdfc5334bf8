-- A 1 KiB JSON delivery signed as GitHub does; every request carries a webhook-id, and about one in
-- ten repeats the previous one (a provider retry), so duplicate detection has work to do.
-- BODY and SIGNATURE come from the environment (set by bench/run.mts).
local body = os.getenv("BENCH_BODY")
local signature = os.getenv("BENCH_SIGNATURE")
local counter = 0
local last = "0"

request = function()
  counter = counter + 1
  local id = tostring(counter) .. "-" .. tostring(math.random(1, 1e9))
  if counter % 10 == 0 then id = last end
  last = id
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["X-GitHub-Event"] = "push"
  headers["X-Hub-Signature-256"] = signature
  headers["webhook-id"] = "msg_" .. id
  return wrk.format("POST", nil, headers, body)
end
