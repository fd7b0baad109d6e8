#!/usr/bin/env bash
# Runs the register benchmark on a throw-away PostgreSQL cluster (or on BENCH_DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || npx next build
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  source scripts/pg-cluster.sh
  pg_cluster_start
  trap pg_cluster_stop EXIT
  export BENCH_DATABASE_URL="${TEST_PG_URL%/postgres}/postgres"
fi
npx tsx scripts/bench-register.ts
