#!/usr/bin/env bash
# The e2e suite (or the specs given) on a throw-away PostgreSQL cluster, with where the CPU
# went: `npm run bench:e2e -- e2e/admin e2e/tasks`. Builds first if there is no build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || npx next build
source scripts/pg-cluster.sh
pg_cluster_start
trap pg_cluster_stop EXIT
npx tsx scripts/cpu-by-process.ts -- npx playwright test --reporter=dot "$@"
