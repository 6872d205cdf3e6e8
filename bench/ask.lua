-- wrk script: POST /api/ask with a bearer token, cycling through questions across the four demo
-- domains and some out-of-scope ones. Usage: see bench/ask-load.sh.
local questions = {
  "How many vacation days do I get?", "How long is parental leave?", "What is the 401k match?",
  "How do I connect to the VPN?", "I forgot my password", "How do I get a guest wifi code?",
  "When is payday?", "How do I submit an expense report?", "What is the hotel limit in New York?",
  "What does error FLOW-429 mean?", "How do webhooks retry?", "How do I configure SAML single sign-on?",
  "What is the capital of France?", "Recommend a good pizza place",
}
local i = 0
request = function()
  i = i + 1
  local q = questions[(i % #questions) + 1]
  local body = '{"question":"' .. q .. '"}'
  return wrk.format("POST", "/api/ask", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("INFODESK_TOKEN"),
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s %.1f, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, errors %d (non-2xx %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
