# Starts a throwaway PostgreSQL server on a free loopback port and sets
# PG_URL; it is stopped and deleted when the calling script exits. Sourced
# by scripts/test and scripts/bench-signing. PostgreSQL refuses to run as
# root, so as root it runs as the postgres user the Debian package created.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_postgres() {
  local fsync=$1 # "on" for benchmarks, "off" for tests of logic only
  PGBIN=$(pg_bin)
  PGDATA=$(mktemp -d /tmp/svoboda-pg.XXXXXX)
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  stop_postgres() {
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  }
  trap stop_postgres EXIT
  echo "== starting PostgreSQL on port $PGPORT"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=$fsync" start >/dev/null
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres svoboda_test
  PG_URL="postgres://postgres@127.0.0.1:$PGPORT/svoboda_test"
}
