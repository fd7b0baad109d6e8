#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster (Debian's server) on a free port in a temporary
# directory, for tests only; never touches a system cluster.
#   source scripts/pg-cluster.sh && pg_cluster_start   → exports TEST_PG_URL
#   pg_cluster_stop                                    → stops it and removes the directory
# PG_CLUSTER_OPTIONS adds server options (bench:load: -c shared_preload_libraries=pg_stat_statements).
# Sourced, so it leaves the caller's shell options alone (a `set -e` here made a failed test
# run exit before its own pg_cluster_stop, leaving the cluster behind): each step that can
# fail returns 1 itself.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

pg_cluster_start() {
  local bin; bin=$(pg_bin_dir) || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_CLUSTER_DIR=$(mktemp -d /tmp/toolaud-pg.XXXXXX)
  local port=${PG_CLUSTER_PORT:-}
  [ -n "$port" ] || port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_CLUSTER_DIR"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U toolaud -A trust -E UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 ||
    { echo "initdb failed: $PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w \
    -o "-p $port -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${PG_CLUSTER_OPTIONS:-}" \
    start >/dev/null || { echo "PostgreSQL did not start: $PG_CLUSTER_DIR/server.log" >&2; return 1; }
  export PG_CLUSTER_DIR PG_CLUSTER_BIN="$bin"
  export TEST_PG_URL="postgres://toolaud@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') test cluster on port $port"
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_CLUSTER_DIR"
  unset PG_CLUSTER_DIR
}
