#!/usr/bin/env bash
# npm run bench:public — starts a throw-away PostgreSQL cluster (port 4359 unless
# PG_CLUSTER_PORT says otherwise), builds if needed, runs scripts/bench-public.ts (1,000,000
# documents: generating them takes a few minutes) and removes the cluster. Loopback only.
# With BENCH_DATABASE_URL set, that server is used and kept (the documents are generated once).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ -f .next/BUILD_ID ] || npx next build
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  source scripts/pg-cluster.sh
  PG_CLUSTER_PORT=${PG_CLUSTER_PORT:-4359} pg_cluster_start
  trap pg_cluster_stop EXIT
  export BENCH_DATABASE_URL="$TEST_PG_URL"
fi
npx tsx scripts/bench-public.ts
