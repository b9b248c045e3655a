#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1:55432 owned by the current user, for the storage tests.
# Prints the connection string the tests read from HPPROXY_TEST_POSTGRES.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  echo "postgres: PostgreSQL server binaries not found; install postgresql" >&2
  exit 0
fi
root=${HPPROXY_PG_DIR:-/tmp/hpproxy-pg}
port=${HPPROXY_PG_PORT:-55432}
runas=()
[ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
mkdir -p "$root"
[ "$(id -u)" -eq 0 ] && chown postgres "$root"
if [ ! -f "$root/data/PG_VERSION" ]; then
  "${runas[@]}" "$bindir/initdb" -D "$root/data" -A trust -U hpproxy >/dev/null
fi
if ! "${runas[@]}" "$bindir/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
  "${runas[@]}" "$bindir/pg_ctl" -D "$root/data" -l "$root/log" -w \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1" start >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=hpproxy;Database=postgres"
