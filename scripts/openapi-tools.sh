#!/usr/bin/env bash
# make openapi: every contract is valid OpenAPI that other tools load unpatched (specs/README.md,
# "Other OpenAPI tools"). For each spec (default specs/*/openapi.yaml, or the files given):
#
#  1. redocly lint --extends recommended: an error fails, warnings are allowed;
#  2. redocly bundle: every $ref resolves into one document;
#  3. prism mock: starts on a free port, listens, and answers a documented GET path with a 2xx
#     (a path without parameters when there is one; the credentials its security scheme asks).
#
# The tools are the versions pinned in tools/openapi/package-lock.json, installed with `npm ci`
# into $TOOLS_DIR (default .tools/node, ignored by git) once, and again when the lock changes.
# Logs of the last run are in $TOOLS_DIR/logs. Exits 1 when a spec fails a tool (the spec, the
# tool and its output are printed), 2 when the check cannot run (node, npm, the install).
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS_DIR=${TOOLS_DIR:-.tools/node}
PRISM_WAIT=${PRISM_WAIT:-60} # seconds Prism may take to load a spec and listen
LOCK_DIR=tools/openapi

die() { echo "openapi-tools: $*" >&2; exit 2; }
for tool in node npm curl; do
  command -v "$tool" >/dev/null || die "$tool is needed (node >= 20 with npm)"
done
mkdir -p "$TOOLS_DIR/logs"
LOGS=$(cd "$TOOLS_DIR/logs" && pwd)
TMP=$(mktemp -d)
PRISM_PID=
cleanup() {
  stop_prism
  rm -rf "$TMP"
}
stop_prism() {
  [ -n "$PRISM_PID" ] || return 0
  kill -TERM "$PRISM_PID" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$PRISM_PID" 2>/dev/null || break; sleep 0.3; done
  kill -KILL "$PRISM_PID" 2>/dev/null || true
  wait "$PRISM_PID" 2>/dev/null || true
  PRISM_PID=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools: npm ci of the committed lock, unless that lock is what is installed ------------------
BIN=$TOOLS_DIR/node_modules/.bin
STAMP=$TOOLS_DIR/installed-package-lock.json # a copy of the lock, written once npm ci succeeded
if ! cmp -s "$LOCK_DIR/package-lock.json" "$STAMP" || [ ! -x "$BIN/redocly" ] || [ ! -x "$BIN/prism" ]; then
  echo "installing the OpenAPI tools of $LOCK_DIR/package-lock.json into $TOOLS_DIR ..." >&2
  rm -f "$STAMP"
  cp "$LOCK_DIR/package.json" "$LOCK_DIR/package-lock.json" "$TOOLS_DIR/"
  # --ignore-scripts: both tools are plain JavaScript; the one install script is an analytics ping.
  if ! (cd "$TOOLS_DIR" && timeout 900 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$LOGS/npm.log" 2>&1; then
    tail -20 "$LOGS/npm.log" >&2
    die "npm ci in $TOOLS_DIR failed (log: $LOGS/npm.log)"
  fi
  cp "$LOCK_DIR/package-lock.json" "$STAMP"
fi
[ -x "$BIN/redocly" ] && [ -x "$BIN/prism" ] || die "redocly or prism missing from $BIN after npm ci"
REDOCLY=$BIN/redocly
PRISM=$BIN/prism
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1

free_port() { # a port nobody listens on, from the kernel
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# probe BUNDLE.json: the request to send to Prism's mock, one curl argument a line: a documented
# GET path (the one with the fewest parameters to fill; none with a required header or cookie
# parameter), its path and required query parameters filled from their example, enum or default,
# else "1", with the credentials of its security requirement. Nothing when there is no such GET.
probe() {
  node - "$1" <<'EOF'
const doc = require(require("path").resolve(process.argv[2]));
const deref = (o) => {
  while (o && o.$ref && o.$ref.startsWith("#/")) {
    o = o.$ref.slice(2).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((n, t) => (n ? n[t] : undefined), doc);
  }
  return o || {};
};
const candidates = [];
for (const [path, raw] of Object.entries(doc.paths || {})) {
  const item = deref(raw);
  if (!item.get) continue;
  const params = [...(item.parameters || []), ...(item.get.parameters || [])].map(deref);
  if (params.some((p) => (p.in === "header" || p.in === "cookie") && p.required)) continue;
  const value = (p) => {
    let s = deref(p.schema);
    if (s.type === "array") s = deref(s.items);
    return encodeURIComponent(String(p.example ?? s.example ?? (s.enum || [])[0] ?? s.default ?? "1"));
  };
  const values = {};
  const query = [];
  for (const p of params) {
    if (p.in === "path") values[p.name] = value(p);
    else if (p.in === "query" && p.required) query.push(`${encodeURIComponent(p.name)}=${value(p)}`);
  }
  const filled = path.replace(/\{([^}]+)\}/g, (_, n) => values[n] ?? "1");
  candidates.push({ path: filled, query, fill: Object.keys(values).length + query.length, op: item.get });
}
candidates.sort((a, b) => a.fill - b.fill || a.path.localeCompare(b.path));
const c = candidates[0];
if (!c) process.exit(0);
const args = [];
const query = [...c.query];
const requirement = (c.op.security || doc.security || [{}])[0] || {};
for (const name of Object.keys(requirement)) {
  const s = deref((doc.components?.securitySchemes || {})[name]);
  if (s.type === "http" && /^basic$/i.test(s.scheme)) args.push("-u", "openapi-tools:check");
  else if (s.type === "http") args.push("-H", "Authorization: Bearer openapi-tools-check");
  else if (s.type === "apiKey" && s.in === "header") args.push("-H", `${s.name}: openapi-tools-check`);
  else if (s.type === "apiKey" && s.in === "cookie") args.push("-H", `Cookie: ${s.name}=openapi-tools-check`);
  else if (s.type === "apiKey" && s.in === "query") query.push(`${encodeURIComponent(s.name)}=openapi-tools-check`);
}
console.log([c.path + (query.length ? "?" + query.join("&") : ""), ...args].join("\n"));
EOF
}

failed=()
fail() { # SPEC TOOL LOG: report a failure with the tool's output
  echo "FAIL $1: $2 (log: $3)" >&2
  sed -e '/[╔║╚]/d' -e 's/^/    /' "$3" | tail -40 >&2
  failed+=("$1: $2")
}

specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(specs/*/openapi.yaml)
for spec in "${specs[@]}"; do
  [ -f "$spec" ] || die "no spec $spec"
  name=$(basename "$(dirname "$spec")")
  log=$LOGS/$name

  # 1. Redocly's recommended rules: errors fail, warnings are counted.
  if "$REDOCLY" lint --extends recommended --format stylish "$spec" >"$log-lint.log" 2>&1; then
    warnings=$(grep -cE '^ +[0-9]+:[0-9]+ +warning ' "$log-lint.log" || true)
    echo "ok   $spec: redocly lint (recommended): 0 errors, $warnings warnings"
  else
    fail "$spec" "redocly lint --extends recommended reports errors" "$log-lint.log"
  fi

  # 2. Redocly's bundler: one document, every $ref resolved.
  bundle=$TMP/$name.json
  if "$REDOCLY" bundle "$spec" --ext json -o "$bundle" >"$log-bundle.log" 2>&1 && [ -s "$bundle" ]; then
    echo "ok   $spec: redocly bundle"
  else
    fail "$spec" "redocly bundle fails" "$log-bundle.log"
    continue # Prism's request is chosen from the bundle
  fi

  # 3. Prism's mock: loads the spec, listens, answers a documented path.
  port=$(free_port)
  "$PRISM" mock -h 127.0.0.1 -p "$port" "$spec" >"$log-prism.log" 2>&1 &
  PRISM_PID=$!
  deadline=$((SECONDS + PRISM_WAIT))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! kill -0 "$PRISM_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      break
    fi
    sleep 0.2
  done
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    stop_prism
    fail "$spec" "prism mock does not listen on 127.0.0.1:$port after $PRISM_WAIT s (or exited)" "$log-prism.log"
    continue
  fi
  mapfile -t request < <(probe "$bundle")
  if [ ${#request[@]} -eq 0 ]; then
    stop_prism
    echo "no documented GET without required query, header or cookie parameters: nothing to ask" >>"$log-prism.log"
    fail "$spec" "prism mock: no path to ask" "$log-prism.log"
    continue
  fi
  url=http://127.0.0.1:$port${request[0]}
  status=$(curl -s -o "$TMP/answer" -D "$TMP/headers" -w '%{http_code}' --max-time 30 "${request[@]:1}" "$url" || true)
  stop_prism
  if [[ $status == 2?? ]]; then
    echo "ok   $spec: prism mock answers GET ${request[0]} with $status"
  else
    { echo "GET $url -> ${status:-no answer}"; cat "$TMP/headers" "$TMP/answer" 2>/dev/null; } >>"$log-prism.log"
    fail "$spec" "prism mock answers GET ${request[0]} with ${status:-no answer}, not 2xx" "$log-prism.log"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "openapi-tools: ${#failed[@]} failure(s):" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "openapi-tools: ${#specs[@]} spec(s) pass redocly lint (recommended), redocly bundle and prism mock"
