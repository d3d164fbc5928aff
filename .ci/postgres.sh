# Sourced by .ci/run: installs PostgreSQL from the Debian packages when it is
# missing, starts a throwaway cluster in a temporary directory (as the
# postgres user when run as root), creates a database for the story store
# suite, and exports CLAIMTRAIL_POSTGRES. stop_postgres stops it and removes
# the directory.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  echo "-- installing postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pg_dir=$(mktemp -d /tmp/claimtrail-pg.XXXXXX)
chmod 755 "$pg_dir"
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; fi
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 > '$pg_dir/initdb.log'"
# The server listens only on a socket in pg_dir; the port names the socket,
# and is chosen afresh when another cluster on this machine holds it.
for try in 1 2 3 4 5; do
  pg_port=${CLAIMTRAIL_PG_PORT:-$((20000 + (RANDOM % 30000)))}
  if as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-k $pg_dir -p $pg_port -c listen_addresses='' -c fsync=on\" start > /dev/null"; then
    break
  fi
  if [ "$try" = 5 ]; then
    cat "$pg_dir/server.log"
    exit 1
  fi
done
stop_postgres() {
  as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast -w stop > /dev/null" || true
  rm -rf "$pg_dir"
}
as_pg "'$pg_bin/createdb' -h '$pg_dir' -p $pg_port -U postgres claimtrail_test"
export CLAIMTRAIL_POSTGRES="host=$pg_dir port=$pg_port user=postgres dbname=claimtrail_test sslmode=disable"
echo "-- postgresql $("$pg_bin/postgres" --version | awk '{print $3}') at $pg_dir, port $pg_port"
