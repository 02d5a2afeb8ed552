#!/usr/bin/env bash
# The test command of README.md: installs what the tests need from Debian's packages when it is missing
# (Chromium for the browser-rendering test; root runs apt-get, anyone else is told what to install), then
# runs every test. Extra arguments go to `dotnet test` (for example --filter ...).
# PostgreSQL for the store's server tests: with EXTRACTION_TEST_POSTGRES already set, that server is used;
# otherwise root installs Debian's postgresql when missing and starts a throw-away server on 127.0.0.1
# (initdb as the postgres user into a temporary folder, password auth, stopped and removed on exit).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the browser-rendering test ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || echo "test.sh: could not install chromium; the browser-rendering test will fail and say so"
  else
    echo "test.sh: chromium is missing; install it (sudo apt-get install chromium), or the browser-rendering test fails"
  fi
fi

pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}

start_postgres() {
  if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
      return 1
    fi
    echo "test.sh: installing Debian's postgresql for the store's PostgreSQL tests ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || return 1
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || pg_bin=$(dirname "$(readlink -f "$(command -v initdb)")")
  id postgres >/dev/null 2>&1 || return 1
  local port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  pg_dir=$(mktemp -d /tmp/extraction-pg.XXXXXX) || return 1
  local password
  password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" >"$pg_dir/pwfile"
  chown -R postgres "$pg_dir" && chmod 700 "$pg_dir"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --pwfile="$pg_dir/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || return 1
  rm -f "$pg_dir/pwfile"
  # Loopback only, no Unix socket outside the folder; durability off (a throw-away server).
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1 || return 1
  PGPASSWORD="$password" "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
    -c "CREATE DATABASE extraction_test" >/dev/null 2>&1 || return 1
  export EXTRACTION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=extraction_test"
  echo "test.sh: PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') for the store tests on 127.0.0.1:$port ($SECONDS s)"
}

if [ -z "${EXTRACTION_TEST_POSTGRES:-}" ]; then
  if [ "$(id -u)" = "0" ]; then
    trap stop_postgres EXIT
    trap 'exit 130' INT TERM
    SECONDS=0
    start_postgres || { echo "test.sh: could not start a PostgreSQL server; the PostgreSQL store tests are skipped (CI=true: they fail)"; stop_postgres; pg_dir=""; }
  else
    echo "test.sh: no PostgreSQL configured (EXTRACTION_TEST_POSTGRES); its store tests are skipped (CI=true: they fail)"
  fi
fi

dotnet test Extraction.sln -c Release "$@"
status=$?
exit "$status"
