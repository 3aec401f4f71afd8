#!/usr/bin/env bash
# An ephemeral PostgreSQL server for the SQL ledger tests: initdb in a temporary directory, a free port on loopback,
# run as the `postgres` user. `pg.sh start` prints the connection string into .tmp/pg.env; `pg.sh stop` removes it all.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="$root/.tmp/pg"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$bin" ] || { echo "pg: FAILED: PostgreSQL is not installed (run tests/setup/deps.sh)" >&2; exit 1; }

run_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$root/.tmp"
    data="$(mktemp -d /tmp/segrestore-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    run_as_pg "$bin/initdb" -D "$data/db" -U postgres -A trust --no-sync >"$data/initdb.log" 2>&1 \
      || { cat "$data/initdb.log" >&2; echo "pg: FAILED: initdb" >&2; exit 1; }
    run_as_pg "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$data/server.log" >&2; echo "pg: FAILED: pg_ctl start" >&2; exit 1; }
    mkdir -p "$state"
    echo "$data" > "$state/dir"
    # Quoted: the connection string holds ';', which would end the assignment when the file is sourced.
    echo "SEGRESTORE_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'" > "$root/.tmp/pg.env"
    echo "SEGRESTORE_TEST_PG_DATA=$data/db" >> "$root/.tmp/pg.env"
    echo "SEGRESTORE_TEST_PG_BIN=$bin" >> "$root/.tmp/pg.env"
    echo "pg: started on 127.0.0.1:$port ($data)"
    ;;
  stop)
    if [ -f "$state/dir" ]; then
      data="$(cat "$state/dir")"
      run_as_pg "$bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$data" "$state" "$root/.tmp/pg.env"
      echo "pg: stopped"
    fi
    ;;
  *) echo "usage: pg.sh start|stop" >&2; exit 2 ;;
esac
