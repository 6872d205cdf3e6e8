-- wrk script: POST /api/ask with a bearer token, drawing from bench/questions.txt (1,245 distinct
-- questions about the demo knowledge base, tools/bench-questions.py).
--   PROFILE=distinct  every request asks a question no earlier request asked: the pool in order,
--                     each pass with another opening ("Hi, ", "Quick one: " ...), per thread apart,
--                     from pass FIRST_PASS (default 0)
--   PROFILE=zipf      questions drawn with Zipf-like repetition (rank r with weight 1/r), as help
--                     desks see it: a few questions very often, most of them rarely
-- Usage: see bench/ask-load.sh.
local questions = {}
local threads = {}
local counter = 0

local function load(path)
  local out = {}
  for line in io.lines(path) do
    if line:sub(1, 1) ~= "#" and line:find("|", 1, true) then
      local q = line:sub(line:find("|", 1, true) + 1)
      out[#out + 1] = q:gsub('\\', '\\\\'):gsub('"', '\\"')
    end
  end
  return out
end

setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local openings = { "", "Hi, ", "Hello! ", "Quick one: ", "Hey, ", "Question: ", "Good morning, ",
  "Sorry to bother you, ", "Hi there. ", "One more thing: ", "Can you help? ", "Hi team, " }
local profile = os.getenv("PROFILE") or "distinct"
local threadCount = tonumber(os.getenv("WRK_THREADS") or "2")
-- the distinct profile starts at this pass of the pool: a warm-up from a far pass asks questions
-- that the measured run (from pass 0) never asks, so the question cache cannot answer them
local firstPass = tonumber(os.getenv("FIRST_PASS") or "0")
local cumulative = {}
local total = 0
local n = 0

init = function(args)
  questions = load(os.getenv("QUESTIONS") or "bench/questions.txt")
  math.randomseed(1000 + (id or 0))
  for r = 1, #questions do
    total = total + 1 / r
    cumulative[r] = total
  end
end

local function zipf()
  local x = math.random() * total
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < x then lo = mid + 1 else hi = mid end
  end
  return questions[lo]
end

request = function()
  local q
  if profile == "zipf" then
    q = zipf()
  else
    -- thread t asks requests t, t + threads, ...: no two requests of the run share a question
    local i = (firstPass * #questions) + n * threadCount + (id or 1) - 1
    n = n + 1
    local pass = math.floor(i / #questions)
    q = openings[(pass % #openings) + 1] .. questions[(i % #questions) + 1]
    if pass >= #openings then
      q = q .. " (" .. pass .. ")"
    end
  end
  return wrk.format("POST", "/api/ask", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("INFODESK_TOKEN"),
  }, '{"question":"' .. q .. '"}')
end

done = function(summary, latency, requests)
  io.write(string.format("%s: requests/s %.1f, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, errors %d (non-2xx %d)\n",
    profile, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
