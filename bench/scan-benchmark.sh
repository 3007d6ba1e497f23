#!/usr/bin/env bash
# Scan benchmark: how a scan's requests, coverage, wall time, CPU and memory grow with the size of the API, and how
# its throughput compares with a bare JDK HttpClient loop against the same loopback server.
#
# For each size N (SIZES, default "100 1000 5000 20000") it starts a generated N-operation API on 127.0.0.1
# (dev.parapet.testkit.bench.GeneratedApiServer, which stops by itself after SERVER_SECONDS), scans it with
#   parapet scan URL --spec FILE --rate 1000 --concurrency 32 --format json -o REPORT
# under /usr/bin/time -v and `timeout`, and reads requests and coverage from the JSON report, CPU seconds and peak RSS
# from time. Then, against one 1,000-operation server, it runs BareClientLoop at 2,000 requests/s and a scan at
# --rate 2000, and compares their requests per second: over the whole run, and in each one's busiest 3 seconds as
# the server counted them (a scan also waits: for out-of-band callbacks, between stages), which is what the rate
# ceiling and the client's own cost decide.
#
# Writes bench/results/scan-benchmark.md and .json. Every run is bounded: the scan by --max-time (MAX_TIME) and
# `timeout` (SCAN_TIMEOUT seconds), the bare loop by a count and a time, each server by its own lifetime.
#
# Environment: SIZES, MODE (safe, or active: then --i-own 127.0.0.1), MAX_TIME (default 300s), SCAN_TIMEOUT (600),
# SKIP_BUILD=1 (use the jars already built), JAVA_OPTS (extra JVM options for the scan, e.g. a JFR recording),
# THROUGHPUT=0 (skip the comparison), OUT (results directory, default bench/results). Scans run with the JVM options
# ./parapet gives a scan (`./parapet --print-jvm-options`), then JAVA_OPTS; JVM_DEFAULTS="" runs them without the
# defaults, and a JAVA_OPTS that chooses a garbage collector replaces them, as in the launcher.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
sizes="${SIZES:-100 1000 5000 20000}"
mode="${MODE:-safe}"
max_time="${MAX_TIME:-300s}"
scan_timeout="${SCAN_TIMEOUT:-600}"
server_seconds="${SERVER_SECONDS:-900}"
out="${OUT:-$root/bench/results}"
work="$(mktemp -d /tmp/parapet-bench.XXXXXX)"
jar="$root/parapet-cli/target/parapet.jar"
cp="$root/parapet-testkit/target/classes:$root/parapet-demo/target/classes"
mkdir -p "$out"
jvm_opts="${JVM_DEFAULTS-$("$root/parapet" --print-jvm-options)}"
[[ "${JAVA_OPTS:-}" == *-XX:+Use*GC* ]] && jvm_opts=""
jvm_opts="$jvm_opts ${JAVA_OPTS:-}"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  echo "building the CLI and the testkit once..." >&2
  ./mvnw -B -o -DskipTests -pl parapet-cli,parapet-testkit -am package > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; exit 2; }
fi

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

# start_server N: starts the generated API, sets $server_pid and $port, writes the spec to $work/spec-N.json.
start_server() {
  local n="$1"
  : > "$work/server-$n.out"
  "$java" -cp "$cp" dev.parapet.testkit.bench.GeneratedApiServer "$n" "$work/spec-$n.json" "$server_seconds" \
    > "$work/server-$n.out" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 1 120); do
    port="$(sed -n 's/^port \([0-9]*\)$/\1/p' "$work/server-$n.out" || true)"
    [[ -n "$port" ]] && return 0
    sleep 0.5
  done
  echo "the generated API for $n operations did not start" >&2
  cat "$work/server-$n.out" >&2
  exit 2
}

mode_args=(--mode "$mode")
[[ "$mode" == active ]] && mode_args+=(--i-own 127.0.0.1)

# scan NAME N RATE: scans the running server, leaves $work/NAME.json (report) and $work/NAME.time (time -v).
scan() {
  local name="$1" n="$2" rate="$3"
  # shellcheck disable=SC2086
  timeout "$scan_timeout" /usr/bin/time -v -o "$work/$name.time" "$java" $jvm_opts -jar "$jar" scan \
    "http://127.0.0.1:$port/" --spec "$work/spec-$n.json" --rate "$rate" --concurrency 32 "${mode_args[@]}" \
    --max-time "$max_time" --format json -o "$work/$name.json" --no-store --no-progress \
    > "$work/$name.out" 2> "$work/$name.err" || echo "scan $name exited with $?" >&2
}

for n in $sizes; do
  echo "N=$n: starting the generated API and scanning it..." >&2
  start_server "$n"
  scan "scan-$n" "$n" 1000
  stop_server
done

if [[ "${THROUGHPUT:-1}" == 1 ]]; then
  echo "throughput: bare HttpClient loop and parapet scan, both at 2000 requests/s..." >&2
  start_server 1000
  date +%s > "$work/bare.start"
  "$java" -cp "$cp" dev.parapet.testkit.bench.BareClientLoop "http://127.0.0.1:$port/" 1000 2000 32 20000 60 \
    > "$work/bare.out" 2>&1 || true
  date +%s > "$work/bare.end"
  scan "rate-2000" 1000 2000
  date +%s > "$work/rate-2000.end"
  stop_server
  cp "$work/server-1000.out" "$work/ticks.out"
fi

cores="$(nproc)"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$out" "$sizes" "$mode" "$cores" "$load" "$max_time" "$jvm_opts" <<'PY'
import json, os, re, sys, datetime
work, out, sizes, mode, cores, load, max_time, jvm_opts = sys.argv[1:9]
jvm_opts = " ".join(jvm_opts.split())

def timed(name):
    path = os.path.join(work, name + ".time")
    if not os.path.exists(path):
        return {}
    t = open(path).read()
    def num(label):
        m = re.search(re.escape(label) + r":\s*([0-9.:]+)", t)
        return m.group(1) if m else "0"
    wall = num("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return {"cpuSeconds": round(float(num("User time (seconds)")) + float(num("System time (seconds)")), 2),
            "wallSeconds": round(seconds, 2), "peakRssMiB": round(int(num("Maximum resident set size (kbytes)")) / 1024, 1)}

def report(name):
    path = os.path.join(work, name + ".json")
    if not os.path.exists(path):
        return None
    try:
        return json.load(open(path))
    except ValueError:
        return None

def row(name, n):
    r = report(name)
    t = timed(name)
    res = {"operationsInSpec": n, "completed": r is not None, **t}
    if r is None:
        err = os.path.join(work, name + ".err")
        res["error"] = open(err).read()[-400:] if os.path.exists(err) else "no report"
        return res
    c = r["coverage"]
    applicable = sum(d["inputs"] - sum(1 for u in d["untestedInputs"] if u.endswith(": no check applies"))
                     for d in c["details"])
    res.update({
        "requests": r["stats"]["requestsSent"],
        "scanMillis": r["durationMillis"],
        "complete": r["complete"],
        "operations": c["operations"], "operationsTested": c["operationsTested"],
        "operationsPercent": c["operationsPercent"],
        "inputs": c["inputs"], "inputsTested": c["inputsTested"], "inputsPercent": c["inputsPercent"],
        "inputsSomeCheckAppliesTo": applicable,
        "operationsUntested": c.get("operationsUntested", {}),
    })
    if res["requests"]:
        res["cpuMsPerRequest"] = round(1000 * res.get("cpuSeconds", 0) / res["requests"], 2)
    return res

runs = [row("scan-%s" % n, int(n)) for n in sizes.split()]
throughput = None
bare_path = os.path.join(work, "bare.out")
if os.path.exists(bare_path):
    m = re.search(r"requests (\d+) wall-ms (\d+) rps ([0-9.]+) errors (\d+)", open(bare_path).read())
    scan2000 = row("rate-2000", 1000)
    throughput = {"bareLoop": None, "parapet": scan2000}
    if m:
        throughput["bareLoop"] = {"requests": int(m.group(1)), "wallMillis": int(m.group(2)),
                                  "requestsPerSecond": float(m.group(3)), "errors": int(m.group(4))}
    if scan2000.get("requests"):
        scan2000["requestsPerSecond"] = round(scan2000["requests"] * 1000 / max(1, scan2000["scanMillis"]), 1)
    if m and scan2000.get("requestsPerSecond"):
        throughput["ratio"] = round(scan2000["requestsPerSecond"] / float(m.group(3)), 2)
    ticks = []
    tick_path = os.path.join(work, "ticks.out")
    if os.path.exists(tick_path):
        ticks = [(int(a), int(b)) for a, b in re.findall(r"^tick (\d+) (\d+)$", open(tick_path).read(), re.M)]
    def busiest(start, end, width=3):
        window = [t for t in ticks if start <= t[0] <= end + 1]
        best = 0
        for i in range(len(window) - width):
            best = max(best, (window[i + width][1] - window[i][1]) / (window[i + width][0] - window[i][0]))
        return round(best, 1)
    def stamp(name):
        return int(open(os.path.join(work, name)).read().strip())
    if ticks:
        bare_start, bare_end, scan_end = stamp("bare.start"), stamp("bare.end"), stamp("rate-2000.end")
        throughput["bareBusiest3s"] = busiest(bare_start, bare_end)
        throughput["parapetBusiest3s"] = busiest(bare_end, scan_end)
        if throughput["bareBusiest3s"]:
            throughput["busiestRatio"] = round(throughput["parapetBusiest3s"] / throughput["bareBusiest3s"], 2)

machine = {"cores": int(cores), "loadAverage": load, "mode": mode, "maxTime": max_time, "jvmOptions": jvm_opts,
           "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "note": "the cores are shared with other builds; wall times and requests/s vary with their load, "
                   "CPU seconds are the scan process's own (user + system)"}
os.makedirs(out, exist_ok=True)
json.dump({"machine": machine, "runs": runs, "throughput": throughput},
          open(os.path.join(out, "scan-benchmark.json"), "w"), indent=2)

lines = ["# Scan benchmark", "",
         "Generated by `bench/scan-benchmark.sh` on %s (%s cores, load %s; %s). Scans: `parapet scan URL --spec FILE "
         "--rate 1000 --concurrency 32 --mode %s --max-time %s --format json`, JVM options `%s`." % (
             machine["date"], cores, load, machine["note"], mode, max_time, jvm_opts or "(none)"), "",
         "| operations | requests | operations tested | inputs tested (all) | inputs tested (of those a check applies to) "
         "| wall s | CPU s | CPU ms/request | peak RSS MiB |",
         "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for r in runs:
    if not r.get("completed"):
        lines.append("| %d | (no report: %s) | | | | %s | %s | | %s |" % (r["operationsInSpec"],
                     r.get("error", "").strip().splitlines()[-1:] or "", r.get("wallSeconds", ""),
                     r.get("cpuSeconds", ""), r.get("peakRssMiB", "")))
        continue
    lines.append("| %d | %d | %d/%d (%d %%) | %d/%d (%d %%) | %d/%d | %.1f | %.1f | %.2f | %.0f |" % (
        r["operationsInSpec"], r["requests"], r["operationsTested"], r["operations"], r["operationsPercent"],
        r["inputsTested"], r["inputs"], r["inputsPercent"], r["inputsTested"], r["inputsSomeCheckAppliesTo"],
        r.get("wallSeconds", 0), r.get("cpuSeconds", 0), r.get("cpuMsPerRequest", 0), r.get("peakRssMiB", 0)))
    if r["operationsUntested"]:
        lines.append("|  | untested operations by reason: %s | | | | | | | |" % ", ".join(
            "%s %d" % kv for kv in sorted(r["operationsUntested"].items())))
if throughput:
    b, p = throughput["bareLoop"], throughput["parapet"]
    lines += ["", "## Throughput at 2,000 requests/s, 32 in flight, one 1,000-operation server", "",
              "| client | requests | requests/s over the run | requests/s in its busiest 3 s (server's count) |",
              "|---|---:|---:|---:|"]
    if b:
        lines.append("| bare JDK HttpClient loop (`BareClientLoop`) | %d | %.0f | %s |" % (
            b["requests"], b["requestsPerSecond"], throughput.get("bareBusiest3s", "")))
    if p.get("requests"):
        lines.append("| `parapet scan --rate 2000` (requests ÷ scan duration) | %d | %.0f | %s |" % (
            p["requests"], p["requestsPerSecond"], throughput.get("parapetBusiest3s", "")))
    if "ratio" in throughput:
        lines += ["", "Over the whole run Parapet reaches %.2f of the bare loop's requests/s; in the busiest seconds "
                  "%s (target: at least 0.5)." % (throughput["ratio"], throughput.get("busiestRatio", "n/a"))]
open(os.path.join(out, "scan-benchmark.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "raw files kept in $work" >&2
