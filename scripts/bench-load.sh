#!/usr/bin/env bash
# npm run bench:load — starts a throw-away PostgreSQL cluster (port 4349 unless
# PG_CLUSTER_PORT says otherwise), builds if needed, runs scripts/bench-load.ts, and
# removes the cluster. Loopback only; about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ -f .next/BUILD_ID ] || npx next build
source scripts/pg-cluster.sh
# Statement statistics: bench-load.ts prints where PostgreSQL's time went.
export PG_CLUSTER_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"
PG_CLUSTER_PORT=${PG_CLUSTER_PORT:-4349} pg_cluster_start
trap pg_cluster_stop EXIT
export BENCH_DATABASE_URL="$TEST_PG_URL"
npx tsx scripts/bench-load.ts
