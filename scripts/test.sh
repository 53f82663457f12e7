#!/usr/bin/env bash
# The whole test suite. First installs what the tests need when it is missing:
#   - Debian's pebble (ACME test server) and pebble-challtestsrv (test DNS), for the issuance tests;
#   - Debian's chromium and chromium-driver, for the operators' console tests (Selenium drives them).
# Then runs Maven (which fetches the Java dependencies on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pebble >/dev/null 2>&1 || [ -x /usr/bin/pebble ] || need_apt+=(pebble)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]} (Debian packages)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

exec mvn -B -ntp test "$@"
