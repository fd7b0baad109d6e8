#!/usr/bin/env bash
# `npm test`: every test the project has, against real parts. Installs what is missing
# (Debian's chromium and postgresql, as root), starts a throw-away PostgreSQL cluster,
# and prints one closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=$(mktemp -d /tmp/toolaud-results.XXXXXX)
started=$(date +%s)

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need_apt+=(zbar-tools)
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)  # pain.001 payment files are checked against their XSD
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)  # the e2e edge: nginx with TLS in front of two instances
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${need_apt[*]}. Install them (apt-get install ${need_apt[*]}) or run as root." >&2
    exit 1
  fi
  echo "== installing ${need_apt[*]} (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >/dev/null || exit 1
fi

source scripts/pg-cluster.sh
pg_cluster_start || exit 1
trap 'pg_cluster_stop; rm -rf "$results"' EXIT

failed_steps=()
step() {
  local name=$1; shift
  local t0; t0=$(date +%s)
  echo "== $name"
  if "$@"; then echo "== $name: ok ($(( $(date +%s) - t0 )) s)"; else echo "== $name: FAILED ($(( $(date +%s) - t0 )) s)"; failed_steps+=("$name"); fi
}

# Steps that run side by side (PGlite's single thread beside the PostgreSQL server and the
# build): each writes to its own log, printed whole when it ends, so the output stays readable.
step_bg() {
  local name=$1; shift
  local log="$results/$(echo "$name" | tr -c 'a-zA-Z0-9' _).log"
  ( t0=$(date +%s); if "$@" >"$log" 2>&1; then r=ok; else r=FAILED; fi
    echo "$r $(( $(date +%s) - t0 ))" >"$log.rc" ) &
  bg_names+=("$name"); bg_logs+=("$log")
}
wait_bg() {
  wait
  local i
  for i in "${!bg_names[@]}"; do
    local name=${bg_names[$i]} log=${bg_logs[$i]} r s
    read -r r s <"$log.rc" || { r=FAILED; s=?; }
    echo "== $name"; cat "$log"; echo "== $name: $r ($s s)"
    [ "$r" = ok ] || failed_steps+=("$name")
  done
  bg_names=(); bg_logs=()
}
bg_names=(); bg_logs=()

vitest_json() { npx vitest run --reporter=default --reporter=json --outputFile="$results/$1.json" "${@:2}"; }

step_bg lint npm run -s lint
# The route types first (as `next build` would write them), so tsc sees what the build's own
# check saw; the build below then skips that check.
step_bg typecheck npm run -s typecheck
wait_bg
step unit vitest_json unit --project unit
step_bg "integration (PGlite)" vitest_json integration-pglite --project integration-pglite
step_bg "integration (PostgreSQL)" vitest_json integration-postgres --project integration-postgres
# Types were checked above; no Turbopack cache, which a fresh machine never reads (BENCHMARKS.md).
step_bg build env TOOLAUD_TYPES_CHECKED=1 TOOLAUD_BUILD_CACHE=off npx next build
wait_bg
step "demo (PGlite)" npx tsx scripts/demo-smoke.ts
step "e2e (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$results" "$(( $(date +%s) - started ))" "${failed_steps[@]}"
