-- wrk script of the national-scale benchmark (scripts/bench/run.sh). One scenario per wrk run, chosen by
-- BENCH_SCENARIO; run.sh passes the signed-in cookie (BENCH_COOKIE), a form token for POSTs (BENCH_TOKEN) and the
-- targets file seed-bench wrote (BENCH_TARGETS). Each thread walks the targets from its own offset, so requests
-- go to many distinct sessions, groups and searches, not to one cached row. done() prints one RESULT line that
-- run.sh parses: p50/p95/p99 from wrk's latency histogram, requests per second, and answers with an unexpected
-- status (wrk itself counts only 4xx/5xx as errors, and a lost sign-in would answer 302).
--
--   roster   GET  /Attendance/Roster/{session}          the trainer's roster page
--   bare     GET  /bench/roster/{session}               the same queries as JSON, no page (Livelihood:Bench:BareEndpoints)
--   save     POST /Attendance/Roster/{session}          the roster form: everyone marked, one absent who changes
--                                                       from pass to pass; a new submission id each time (answers
--                                                       a redirect to the roster page, measured as "roster")
--   people   GET  /People?Filter.Search={text}          the people list searched by name, nickname or phone
--   group    GET  /Groups/Details/{group}               a producer group's page (as a manager: any group)
--   mygroup  GET  /Groups/Details/{group}               the group recorder's own group page (one of the busiest groups)
--   ledger   POST /Ledger/Record/{group}                a sale recorded by the group's recorder
--   dashboard     GET /Dashboard                        the manager's dashboard for the running fiscal year (kept figures)
--   lastyear      GET /Dashboard?From=&To=              the same for the last whole fiscal year (1 October to 30 September)
--   baredashboard GET /bench/dashboard                  the same figures as JSON, no page
--   barelastyear  GET /bench/dashboard?From=&To=        the last whole fiscal year's figures as JSON, no page
--   livelastyear  GET /bench/dashboard?From=&To=&Live=true  the same counted from the rows, not the kept figures

local scenario = os.getenv("BENCH_SCENARIO") or "roster"
local cookie = os.getenv("BENCH_COOKIE") or ""
local token = os.getenv("BENCH_TOKEN") or ""
local targets_file = os.getenv("BENCH_TARGETS")
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "2")
local today = os.getenv("BENCH_TODAY") or os.date("!%Y-%m-%d")
-- Submission ids must differ between wrk runs (the warm-up and the measured run of one scenario, and runs on a
-- database an earlier run wrote to): a repeated id is answered from the first save without writing anything, and
-- wrk's math.random gives every run the same numbers. run.sh passes a fresh BENCH_RUN each time.
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local function split(text, separator)
  local parts = {}
  for part in string.gmatch(text or "", "[^" .. separator .. "]+") do table.insert(parts, part) end
  return parts
end

local function urlencode(text)
  return (string.gsub(text, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local sessions, groups, searches, ledger = {}, {}, {}, nil

local function load_targets()
  for line in io.lines(targets_file) do
    local kind, rest = string.match(line, "^(%a+) (.*)$")
    if kind == "session" then
      local id, enrollments = string.match(rest, "^(%d+) ?(.*)$")
      table.insert(sessions, { id = id, enrollments = split(enrollments, ",") })
    elseif kind == "group" then
      table.insert(groups, rest)
    elseif kind == "search" then
      table.insert(searches, urlencode(rest))
    elseif kind == "ledger" then
      local group, products, members = string.match(rest, "^(%d+) (%S+) ?(%S*)$")
      local list = {}
      for _, p in ipairs(split(products, ",")) do
        local product, price = string.match(p, "^(%d+):(%d+)$")
        table.insert(list, { id = product, price = tonumber(price) })
      end
      ledger = { group = group, products = list, members = split(members, ",") }
    end
  end
end

function init(args)
  load_targets()
  sent = 0
  bad = 0
  wrk.headers["Cookie"] = cookie
end

-- The n-th target of this thread: threads start at evenly spaced offsets and walk the list.
local function pick(list)
  sent = sent + 1
  local offset = (id - 1) * math.floor(#list / thread_count)
  return list[((sent - 1 + offset) % #list) + 1], math.floor((sent - 1) / #list)
end

-- A new form's id: unique to this run, thread and request.
local function submission_id()
  return "wrk" .. run .. "x" .. id .. "x" .. sent
end

local function form_post(path, fields)
  table.insert(fields, 1, "__RequestVerificationToken=" .. urlencode(token))
  -- Headers given to wrk.format replace wrk.headers: the cookie must be repeated here.
  local headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }
  return wrk.format("POST", path, headers, table.concat(fields, "&"))
end

local scenarios = {}

scenarios.roster = function()
  return wrk.format("GET", "/Attendance/Roster/" .. pick(sessions).id)
end

scenarios.bare = function()
  return wrk.format("GET", "/bench/roster/" .. pick(sessions).id)
end

scenarios.save = function()
  local session, pass = pick(sessions)
  local fields = { "submissionId=" .. submission_id() }
  -- Everyone present but one, who changes with each pass over the sessions: a first save inserts the marks,
  -- later ones change a few (the audited path), as a trainer correcting a roster does. Each row also sends its
  -- (empty) note and the version it was shown, as the roster page's form does.
  local absent = (pass % math.max(1, #session.enrollments)) + 1
  for i, enrollment in ipairs(session.enrollments) do
    table.insert(fields, "marks%5B" .. enrollment .. "%5D=" .. (i == absent and "Absent" or "Present"))
    table.insert(fields, "versions%5B" .. enrollment .. "%5D=0")
    table.insert(fields, "notes%5B" .. enrollment .. "%5D=")
  end
  return form_post("/Attendance/Roster/" .. session.id, fields)
end

scenarios.people = function()
  return wrk.format("GET", "/People?Filter.Search=" .. pick(searches))
end

scenarios.group = function()
  return wrk.format("GET", "/Groups/Details/" .. pick(groups))
end

scenarios.mygroup = function()
  return wrk.format("GET", "/Groups/Details/" .. ledger.group)
end

scenarios.dashboard = function()
  return wrk.format("GET", "/Dashboard")
end

-- The last fiscal year that has ended (the bench keeps the default start, 1 October): a whole year of data.
local year, month = string.match(today, "^(%d+)-(%d+)")
local last_fy_end = tonumber(year) - ((tonumber(month) >= 10) and 0 or 1)
local last_fy = string.format("From=%d-10-01&To=%d-09-30", last_fy_end - 1, last_fy_end)
scenarios.lastyear = function()
  return wrk.format("GET", "/Dashboard?" .. last_fy)
end

scenarios.barelastyear = function()
  return wrk.format("GET", "/bench/dashboard?" .. last_fy)
end

-- The same counted from the rows each time, not read from the kept figures: what a view waits for when nothing
-- recent is kept (a first view, "Count now"), and what the 15-minute job spends on a stale figure.
scenarios.livelastyear = function()
  return wrk.format("GET", "/bench/dashboard?" .. last_fy .. "&Live=true")
end

scenarios.baredashboard = function()
  return wrk.format("GET", "/bench/dashboard")
end

scenarios.ledger = function()
  sent = sent + 1
  local product = ledger.products[(sent % #ledger.products) + 1]
  local quantity = (sent % 7) + 1
  return form_post("/Ledger/Record/" .. ledger.group, {
    "Entry.Kind=Sale", "Entry.EntryDate=" .. today, "Entry.ProductId=" .. product.id,
    "Entry.Quantity=" .. quantity, "Entry.UnitPrice=" .. string.format("%.2f", product.price / 100),
    "Entry.Channel=VillageMarket", "Entry.SubmissionId=" .. submission_id(),
  })
end

-- What a successful answer looks like: a page (200), or the redirect after a recorded ledger entry or a saved roster.
local expected = (scenario == "ledger" or scenario == "save") and 302 or 200

request = scenarios[scenario]
if request == nil then error("unknown BENCH_SCENARIO " .. scenario) end

function response(status, headers, body)
  if status ~= expected then bad = bad + 1 end
end

function done(summary, latency, requests)
  local unexpected = 0
  for _, thread in ipairs(threads) do unexpected = unexpected + (thread:get("bad") or 0) end
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  io.write(string.format(
    "RESULT scenario=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f socket_errors=%d unexpected_status=%d\n",
    scenario, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors.connect + errors.read + errors.write + errors.timeout, unexpected))
end
