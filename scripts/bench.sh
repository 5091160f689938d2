#!/usr/bin/env bash
# make bench: how fast and how big cloudcontract is, alone and beside two peers.
#
#  1. The offline replay of every suite (bin/cloudcontract run, from cassettes/): wall time, CPU
#     time and peak RSS, median of REPLAYS runs.
#  2. A contract run of the ukcloud contract against the same simulator (a fresh
#     `cloudcontract simulate` process for each tool): cloudcontract's own live run; Dredd
#     (npm `dredd`), which sends the transactions it generates from the spec's examples; and
#     cloudcontract's run sent through Prism's validation proxy (npm `@stoplight/prism-cli`).
#  3. Throughput on loopback of `cloudcontract simulate` and of `prism mock` on the same spec,
#     measured with wrk (or scripts/loadgen where wrk cannot be installed), bounded in time.
#
# Targets (a 2-core machine): replay < 5 s wall and < 150 MB peak RSS; simulator >= 10x the
# requests per second of Prism's mock. Exits 1 when a target is missed, 2 when the benchmark
# could not run (build, npm install, a server that does not start, a broken run).
#
# The npm tools are installed (once, then reused) under $BENCH_DIR/npm, with the logs of the
# last run in $BENCH_DIR/logs; $BENCH_DIR (default .bench) is ignored by git.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-.bench}
REPLAYS=${REPLAYS:-3}             # offline replays; the median is reported
DURATION=${DURATION:-5s}          # each throughput measurement
ROUNDS=${ROUNDS:-3}               # throughput rounds, simulator and Prism in turn; the best counts
CONNS=${CONNS:-8}                 # load generator connections
PEER_TIMEOUT=${PEER_TIMEOUT:-300} # seconds, any one contract run
DREDD_VERSION=${DREDD_VERSION:-14.1.0}
PRISM_VERSION=${PRISM_VERSION:-5.16.0}
API=ukcloud
SPEC=specs/$API/openapi.yaml
LOGIN='{"email":"api.user@example.com","password":"portal-sim-password"}' # the simulator's user
# GET operations loaded in turn in the throughput test (both servers answer them 200).
LOAD_PATHS=(/api/accounts /api/ping /api/my_calls /api/accounts/1/vorgs)

die() { echo "bench: $*" >&2; exit 2; }
for tool in node npm curl /usr/bin/time timeout getconf; do
  command -v "$tool" >/dev/null || die "$tool is needed"
done
mkdir -p "$BENCH_DIR/logs" bin
LOGS=$(cd "$BENCH_DIR/logs" && pwd)
TMP=$(mktemp -d)

# Every server started here is stopped on exit, whatever happens.
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do stop "$pid"; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # a port nobody listens on, from the kernel
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
wait_port() { # PORT SECONDS LOG: until something listens on PORT (a TCP connect, no request: none to log)
  local deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    ((SECONDS < deadline)) || { tail -5 "$3" >&2; die "nothing listens on 127.0.0.1:$1 after $2 s (log: $3)"; }
    sleep 0.2
  done
}
start_sim() { # LOG [FLAGS...]: a fresh simulator of $API; sets SIM and SIM_PID
  local log=$1 port
  shift
  port=$(free_port)
  bin/cloudcontract simulate --api "$API" --addr "127.0.0.1:$port" --seed 1 "$@" >"$log" 2>&1 &
  SIM_PID=$!
  PIDS+=("$SIM_PID")
  SIM=http://127.0.0.1:$port
  wait_port "$port" 30 "$log"
}
stop() { # PID: one of PIDS, stopped now rather than on exit
  local i keep=()
  for i in "${PIDS[@]}"; do [ "$i" = "$1" ] || keep+=("$i"); done
  PIDS=("${keep[@]}")
  kill -TERM "$1" 2>/dev/null || return 0
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$1" 2>/dev/null || break; sleep 0.3; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
login() { # URL: the session cookie of the simulator's user
  curl -s -D - -o /dev/null --max-time 10 -H 'Content-Type: application/json' -d "$LOGIN" "$1/api/authenticate" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | head -1
}
requests_seen() { # LOG of a simulator: the requests it answered (its access log)
  grep -cE '^[A-Z]+ /' "$1" || true
}
timed() { # OUT CMD...: runs CMD under GNU time and $PEER_TIMEOUT; OUT's last line: "wall user sys maxrss_kB"
  local out=$1 rc=0
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$out" timeout --foreground -k 5 "$PEER_TIMEOUT" "$@" || rc=$?
  if [ "$rc" = 130 ]; then exit 130; fi # Ctrl-C: time passes the child's SIGINT on as a status
  return "$rc"
}
field() { awk -v k="$1" '{ for (i = 1; i <= NF; i++) { n = index($i, "="); if (substr($i, 1, n - 1) == k) print substr($i, n + 1) } }'; }
calc() { awk "BEGIN { printf $1 }"; }
proc_cpu() { # PID: user+system CPU seconds so far
  sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / hz }'
}
proc_hwm() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; } # PID: peak RSS in kB

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

# --- build and tools ---------------------------------------------------------------------------
go build -o bin/cloudcontract ./cmd/cloudcontract || die "go build of cloudcontract failed"
go build -o bin/loadgen ./scripts/loadgen || die "go build of scripts/loadgen failed"

npm_tool() { # NAME PACKAGE VERSION: installs PACKAGE@VERSION under $BENCH_DIR/npm/NAME unless there
  local dir=$BENCH_DIR/npm/$1 have
  have=$(node -p "require(require('path').resolve('$dir/node_modules/$2/package.json')).version" 2>/dev/null || true)
  if [ "$have" != "$3" ]; then
    echo "installing $2@$3 into $dir ..." >&2
    mkdir -p "$dir"
    timeout 900 npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$2@$3" \
      >"$LOGS/npm-$1.log" 2>&1 || { tail -20 "$LOGS/npm-$1.log" >&2; die "npm install $2@$3 failed (log: $LOGS/npm-$1.log)"; }
  fi
  echo "$(cd "$dir" && pwd)/node_modules"
}
DREDD_MODULES=$(npm_tool dredd dredd "$DREDD_VERSION")
PRISM_MODULES=$(npm_tool prism @stoplight/prism-cli "$PRISM_VERSION")
DREDD=$DREDD_MODULES/.bin/dredd
PRISM=$PRISM_MODULES/.bin/prism
if [ ! -x "$DREDD" ] || [ ! -x "$PRISM" ]; then die "dredd or prism missing after npm install"; fi

# --- 1. offline replay of every suite ------------------------------------------------------------
echo "replaying every suite $REPLAYS times ..." >&2
: >"$TMP/replays"
for i in $(seq "$REPLAYS"); do
  rc=0
  timed "$TMP/t" bin/cloudcontract run --format progress >"$LOGS/replay.log" 2>&1 || rc=$?
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGS/replay.log" | tail -1 || true)
  if [ "$rc" != 0 ] || [ -z "$summary" ]; then
    tail -20 "$LOGS/replay.log" >&2
    die "the offline replay failed (log: $LOGS/replay.log)"
  fi
  tail -1 "$TMP/t" >>"$TMP/replays"
done
scenarios=$(echo "$summary" | awk '{ print $1 + $3 }')
# median by wall time; peak RSS over all the runs
read -r r_wall r_user r_sys < <(sort -n "$TMP/replays" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }' | awk '{ print $1, $2, $3 }')
r_cpu=$(calc "\"%.2f\", $r_user + $r_sys")
r_rss=$(awk '$4 > m { m = $4 } END { printf "%.0f", m / 1024 }' "$TMP/replays")
r_min=$(sort -n "$TMP/replays" | head -1 | awk '{ print $1 }')
r_max=$(sort -n "$TMP/replays" | tail -1 | awk '{ print $1 }')

# --- 2. contract runs over the same spec and simulator -------------------------------------------
# cloudcontract's live ukcloud suite without its one @slow scenario (it waits for a session to
# expire), so that the times compare work rather than a deliberate sleep.
CC_RUN=(bin/cloudcontract run --api "$API" --tags '~@slow' --format progress)
cc_result() { grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 || echo "no result (log: $1)"; }

echo "contract run: cloudcontract ..." >&2
start_sim "$LOGS/sim-cloudcontract.log"
rc=0
timed "$TMP/t" "${CC_RUN[@]}" --target "$SIM" >"$LOGS/cloudcontract-live.log" 2>&1 || rc=$?
[ "$rc" = 0 ] || { tail -20 "$LOGS/cloudcontract-live.log" >&2; die "cloudcontract's live run failed (log: $LOGS/cloudcontract-live.log)"; }
read -r c_wall c_user c_sys c_rss < <(tail -1 "$TMP/t")
c_cpu=$(calc "\"%.2f\", $c_user + $c_sys")
c_req=$(requests_seen "$LOGS/sim-cloudcontract.log")
c_res=$(cc_result "$LOGS/cloudcontract-live.log")
stop "$SIM_PID"

# Dredd cannot load the spec as it is: it follows only '#/components' references (the spec
# refers to schemas/*.json) and it needs an example for every required parameter. The copy it
# gets (in a temporary folder) inlines those files and gives such parameters an example that
# exists in the simulator's seeded data (seed 1).
cat >"$TMP/inline.js" <<'EOF'
const fs = require('fs'), path = require('path');
const yaml = require(process.env.JSYAML);
const [src, dst] = process.argv.slice(2);
const files = {};
let inlined = 0;
const load = f => files[f] || (files[f] = JSON.parse(fs.readFileSync(f, 'utf8')));
const at = (doc, ptr) => ptr.split('/').slice(1)
  .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')).reduce((o, k) => o[k], doc);
// resolve copies node, found in file, with every reference that leaves the document (and every
// reference inside another file) replaced by a copy of its target.
function resolve(node, file, depth) {
  if (depth > 32) throw new Error('reference chain too deep (circular?) in ' + file);
  if (Array.isArray(node)) return node.map(n => resolve(n, file, depth));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string' && (file !== src || !node.$ref.startsWith('#'))) {
    const [ref, ptr = ''] = node.$ref.split('#');
    const target = ref ? path.resolve(path.dirname(file), ref) : file;
    if (file === src) inlined++;
    const copy = resolve(at(load(target), ptr), target, depth + 1);
    if (ptr === '') delete copy.definitions; // not an OpenAPI 3.0 keyword; its refs are inlined
    return copy;
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolve(v, file, depth);
  return out;
}
const doc = resolve(yaml.safeLoad(fs.readFileSync(src, 'utf8')), src, 0);
const examples = JSON.parse(process.env.EXAMPLES);
const added = new Set();
for (const item of Object.values(doc.paths)) {
  for (const op of [item, ...Object.values(item)]) {
    for (const p of (op && op.parameters) || []) {
      if (p.required && p.example === undefined && !(p.schema && p.schema.default !== undefined) && p.name in examples) {
        p.example = examples[p.name];
        added.add(`${p.name}=${p.example}`);
      }
    }
  }
}
fs.writeFileSync(dst, JSON.stringify(doc, null, 1));
console.log(`${inlined} references to schemas/*.json inlined (with the #/definitions references inside those files; their 'definitions' dropped)`);
if (added.size) console.log(`an example added to each required parameter that had none: ${[...added].join(', ')}`);
EOF
EXAMPLES='{"account_id":"1","vorg_id":"12","ticket_id":"INC1002183","build_id":"11",
  "vdc_urn":"urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d","org_id":"1-1-1-9836cf",
  "date":"2014-09-01","period":"2014-09"}' \
  JSYAML="$DREDD_MODULES/js-yaml" node "$TMP/inline.js" "$SPEC" "$TMP/$API-dredd.json" >"$TMP/changes" ||
  die "could not make Dredd's copy of $SPEC"

echo "contract run: dredd ..." >&2
start_sim "$LOGS/sim-dredd.log"
cookie=$(login "$SIM" || true)
[ -n "$cookie" ] || die "could not log in to the simulator at $SIM"
rc=0
timed "$TMP/t" "$DREDD" "$TMP/$API-dredd.json" "$SIM" --header "Cookie: $cookie" --color=false >"$LOGS/dredd.log" 2>&1 || rc=$?
read -r d_wall d_user d_sys d_rss < <(tail -1 "$TMP/t")
d_cpu=$(calc "\"%.2f\", $d_user + $d_sys")
d_req=$(($(requests_seen "$LOGS/sim-dredd.log") - 1)) # less the login above
d_res=$(sed -n 's/^complete: \([0-9]* passing, [0-9]* failing, [0-9]* errors\).*/\1/p' "$LOGS/dredd.log" | head -1)
[ -n "$d_res" ] || d_res="did not complete (exit $rc; log: $LOGS/dredd.log)"
# Of Dredd's transactions, those of a 2xx response, how many failed, and how many only on the
# Content-Type header (Dredd compares the media type literally, so "application/json;
# charset=utf-8" fails "application/json").
read -r d_2xx d_2xx_fail d_ct_only d_status < <(awk '
  /^info: Displaying failed tests/ { details = 1 }
  !details && /^(pass|fail): [A-Z]+ \(2[0-9][0-9]\) / { n++ }
  details && /^fail: [A-Z]+ \(2[0-9][0-9]\) .* duration:/ { cur = 1; msgs = 0; ct = 0; st = 0; next }
  details && cur && /^request:/ { f++; if (msgs == 1 && ct) c++; s += st; cur = 0; next }
  details && cur && NF { msgs++; if ($0 ~ /content-type.*No enum match/) ct = 1; if ($0 ~ /Expected status code/) st = 1 }
  END { print n + 0, f + 0, c + 0, s + 0 }' "$LOGS/dredd.log")
d_ignored=$(sed -n "s/.*'Schema Object' contains unsupported key '\([^']*\)'.*/\1/p" "$LOGS/dredd.log" | sort -u | paste -sd, -)
stop "$SIM_PID"

echo "contract run: cloudcontract through prism proxy ..." >&2
start_sim "$LOGS/sim-prism-proxy.log"
pport=$(free_port)
t0=$(date +%s.%N)
"$PRISM" proxy -h 127.0.0.1 -p "$pport" --errors=false -v warn "$SPEC" "$SIM" >"$LOGS/prism-proxy.log" 2>&1 &
PROXY_PID=$!
PIDS+=("$PROXY_PID")
wait_port "$pport" 60 "$LOGS/prism-proxy.log"
p_start=$(calc "\"%.1f\", $(date +%s.%N) - $t0")
p_cpu0=$(proc_cpu "$PROXY_PID")
rc=0
timed "$TMP/t" "${CC_RUN[@]}" --target "http://127.0.0.1:$pport" >"$LOGS/cloudcontract-via-prism.log" 2>&1 || rc=$?
read -r p_wall p_user p_sys p_crss < <(tail -1 "$TMP/t")
p_pcpu=$(calc "\"%.2f\", $(proc_cpu "$PROXY_PID") - $p_cpu0")
p_cpu=$(calc "\"%.2f\", $p_user + $p_sys + $p_pcpu")
p_rss=$(proc_hwm "$PROXY_PID")
p_req=$(requests_seen "$LOGS/sim-prism-proxy.log")
p_res=$(cc_result "$LOGS/cloudcontract-via-prism.log")
p_vreq=$(grep -c 'Violation: request' "$LOGS/prism-proxy.log" || true)
p_vresp=$(grep -c 'Violation: response' "$LOGS/prism-proxy.log" || true)
stop "$PROXY_PID"
stop "$SIM_PID"

# --- 3. throughput -----------------------------------------------------------------------------
echo "throughput: cloudcontract simulate and prism mock, $ROUNDS x $DURATION each ..." >&2
start_sim "$LOGS/sim-throughput.log" --quiet
cookie=$(login "$SIM" || true)
[ -n "$cookie" ] || die "could not log in to the simulator at $SIM"
mport=$(free_port)
"$PRISM" mock -h 127.0.0.1 -p "$mport" -v error "$SPEC" >"$LOGS/prism-mock.log" 2>&1 &
MOCK_PID=$!
PIDS+=("$MOCK_PID")
wait_port "$mport" 60 "$LOGS/prism-mock.log"
# The load generator: wrk (Debian's package, installed here when missing and possible) spends
# less of the two cores than the Go one does, so it leaves more of them to the server measured;
# scripts/loadgen is the fallback. Both print the same key=value summary line.
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing wrk (Debian package) ..." >&2
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null 2>&1 || true
fi
if command -v wrk >/dev/null && [ "${LOADER:-wrk}" = wrk ]; then
  LOADER_NAME="wrk $( (wrk --version 2>&1 || true) | awk 'NR == 1 { print $2 }'), 1 thread"
  load() { # BASE DURATION: the summary line
    wrk -t1 -c "$CONNS" -d "$2" -H "Cookie: $cookie" -s scripts/wrk-paths.lua "$1" -- "${LOAD_PATHS[@]}" 2>>"$LOGS/loadgen.log" | tail -1
  }
else
  LOADER_NAME="scripts/loadgen"
  load() { # BASE DURATION: loadgen's summary line
    bin/loadgen -c "$CONNS" -d "$2" -H "Cookie: $cookie" "${LOAD_PATHS[@]/#/$1}" 2>>"$LOGS/loadgen.log"
  }
fi
load "$SIM" 2s >/dev/null # warm-up of both (Node's JIT, Go's heap), not counted
load "http://127.0.0.1:$mport" 2s >/dev/null
s_best="" m_best=""
best() { # CURRENT NEW: the line of higher rps
  if [ -z "$1" ] || awk -v a="$(echo "$1" | field rps)" -v b="$(echo "$2" | field rps)" 'BEGIN { exit !(b > a) }'; then echo "$2"; else echo "$1"; fi
}
measure() { # BASE PID: loadgen's line, with the server's CPU seconds per 2xx answer (cpu_us=, in µs)
  local c0 line c1
  c0=$(proc_cpu "$2")
  line=$(load "$1" "$DURATION")
  c1=$(proc_cpu "$2")
  echo "$line cpu_us=$(awk -v c="$(calc "\"%.2f\", $c1 - $c0")" -v r="$(echo "$line" | field rps)" \
    -v e="$(echo "$line" | field elapsed)" 'BEGIN { n = r * e; if (n > 0) printf "%.0f", c * 1e6 / n; else print "-" }')"
}
: >"$LOGS/throughput.log"
for i in $(seq "$ROUNDS"); do
  line=$(measure "$SIM" "$SIM_PID")
  echo "simulator, round $i: $line" >>"$LOGS/throughput.log"
  s_best=$(best "$s_best" "$line")
  line=$(measure "http://127.0.0.1:$mport" "$MOCK_PID")
  echo "prism mock, round $i: $line" >>"$LOGS/throughput.log"
  m_best=$(best "$m_best" "$line")
done
s_rps=$(echo "$s_best" | field rps)
m_rps=$(echo "$m_best" | field rps)
ratio=$(awk -v a="$s_rps" -v b="$m_rps" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print 1e9 }')
stop "$MOCK_PID"
stop "$SIM_PID"

# --- the table ---------------------------------------------------------------------------------
mb() { calc "\"%.0f\", $1 / 1024"; }
x() { calc "\"%.1fx\", $1 / $2"; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo ok; else echo MISSED; fi; }
v_wall=$(verdict "$r_wall < 5")
v_rss=$(verdict "$r_rss < 150")
v_rps=$(verdict "$ratio >= 10")
printf '\noffline replay of every suite (%s scenarios, median of %s runs): wall %.2f s, CPU %.2f s, peak RSS %s MB   [targets: < 5 s %s, < 150 MB %s]\n' \
  "$scenarios" "$REPLAYS" "$r_wall" "$r_cpu" "$r_rss" "$v_wall" "$v_rss"
printf '  (wall of the %s runs: %s to %s s; result: %s)\n' "$REPLAYS" "$r_min" "$r_max" "$summary"
printf '\ncontract run over the same spec and simulator (%s, live; a fresh "cloudcontract simulate --seed 1" for each tool):\n' "$API"
printf '  %-14s %7s %8s %9s %9s  %-16s  %s\n' tool wall CPU "peak RSS" requests "ratio wall, CPU" result
row() { printf '  %-14s %5.2f s %6.2f s %6s MB %9s  %-16s  %s\n' "$@"; }
row cloudcontract "$c_wall" "$c_cpu" "$(mb "$c_rss")" "$c_req" "1.0x, 1.0x" "$c_res"
row dredd "$d_wall" "$d_cpu" "$(mb "$d_rss")" "$d_req" "$(x "$d_wall" "$c_wall"), $(x "$d_cpu" "$c_cpu")" "$d_res"
row "prism proxy" "$p_wall" "$p_cpu" "$(mb "$p_rss")" "$p_req" "$(x "$p_wall" "$c_wall"), $(x "$p_cpu" "$c_cpu")" "$p_res (cloudcontract's verdicts)"
cat <<EOF
  requests: what the simulator answered (its access log). CPU: user+system of every process of the tool.
  cloudcontract: its ukcloud suite live (bin/cloudcontract run --target SIM --tags '~@slow': the one @slow
    scenario only waits for a session to expire), every answer validated against the contract.
  dredd $DREDD_VERSION: its own transactions, generated from the spec's examples (one per documented response,
    non-2xx ones included, all sent with the same example request), with the session cookie of a login made
    before it (--header). It cannot load $SPEC as it is; it was given a copy in a temporary folder:
$(sed 's/^/      /' "$TMP/changes")
    $d_2xx of its transactions are for a 2xx response; $d_2xx_fail of them failed: $d_ct_only only on Content-Type (Dredd
    compares "application/json; charset=utf-8" with "application/json" literally), $d_status on the status (the example
    request is refused: the example login, ticket actions not allowed in the ticket's state, a build that does not
    exist). The others are non-2xx responses that the example request does not produce. Schema keywords its
    parser ignored (warnings):
      ${d_ignored:-none}
  prism proxy $PRISM_VERSION: the same cloudcontract run as above, sent through \`prism proxy $SPEC SIM --errors=false\`
    (Prism loads the spec as it is), which validates each request and response against the spec and logs violations:
    $p_vreq request violations (the suite's negative scenarios send invalid requests on purpose), $p_vresp response violations.
    CPU: the cloudcontract run ($(calc "\"%.2f\", $p_user + $p_sys") s) plus Prism's during it ($p_pcpu s);
    peak RSS: Prism's (the cloudcontract client: $(mb "$p_crss") MB). Prism took $p_start s to start, not counted.
EOF
printf '\nsimulator throughput (loopback, %s, best of %s x %s, %s connections; GET %s in turn, with the session cookie):\n' \
  "$LOADER_NAME" "$ROUNDS" "$DURATION" "$CONNS" "${LOAD_PATHS[*]}"
tp() { printf '  %-24s %8.0f req/s   (server CPU %s µs/request; errors %s, p50 %s, p99 %s)\n' "$1" "$(echo "$2" | field rps)" \
  "$(echo "$2" | field cpu_us)" "$(echo "$2" | field errors)" "$(echo "$2" | field p50)" "$(echo "$2" | field p99)"; }
tp "cloudcontract simulate" "$s_best"
tp "prism mock" "$m_best"
printf '  %-24s %8.1fx   [target >= 10x %s]   (server CPU per request: %sx less)\n' ratio "$ratio" "$v_rps" \
  "$(awk -v a="$(echo "$s_best" | field cpu_us)" -v b="$(echo "$m_best" | field cpu_us)" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "-" }')"
cat <<EOF
  cloudcontract simulate --quiet: the stateful simulator (real lookups, session check); prism mock -v error:
  static answers from the spec's examples (it checks that the cookie is there). The load generator runs on
  the same cores; both servers answered every request 2xx unless errors says so.
  logs: $LOGS
1-minute load average when the benchmark started: $LOAD_BEFORE on $(nproc) cores (anything else running competes
with the measurements)
EOF

errs=$(( $(echo "$s_best" | field errors) + $(echo "$m_best" | field errors) ))
[ "$errs" = 0 ] || { echo "bench: the throughput runs had $errs errors (see $LOGS/loadgen.log)" >&2; exit 2; }
if [ "$v_wall $v_rss $v_rps" != "ok ok ok" ]; then
  echo "bench: target missed (replay wall $v_wall, replay RSS $v_rss, throughput ratio $v_rps)" >&2
  exit 1
fi
echo "all targets met"
