#!/usr/bin/env bash
# The test command of README.md: installs what the tests need from Debian's packages when it is missing
# (Chromium for the browser-rendering test; root runs apt-get, anyone else is told what to install), then
# runs every test. Extra arguments go to `dotnet test` (for example --filter ...).
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

exec dotnet test Extraction.sln -c Release "$@"
