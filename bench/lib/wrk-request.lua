-- Request shape for bench/lib/load-tools.mts: method and body come from the environment,
-- headers from wrk's -H flags.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local f = os.getenv("BENCH_BODY_FILE")
if f then
  local h = io.open(f, "rb")
  wrk.body = h:read("*a")
  h:close()
end
