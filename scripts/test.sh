#!/usr/bin/env bash
# The whole test suite. First installs what the tests need when it is missing:
#   - Debian's pebble (ACME test server) and pebble-challtestsrv (test DNS), for the issuance tests;
#   - nginx-light and haproxy, the edges the certificate feed tests keep current with real handshakes;
#   - curl (with HTTP/2), for the built-in edge's HTTP/2 test;
#   - Debian's chromium and chromium-driver, for the operators' console tests (Selenium drives them).
# Then runs Maven (which fetches the Java dependencies on first use): the service's and the JUnit 5
# extension's tests, installing both into the local Maven repository, where the example project
# (examples/https-on, a user's project tested with the extension) finds the extension; then the
# example's tests. Any failing test fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pebble >/dev/null 2>&1 || [ -x /usr/bin/pebble ] || need_apt+=(pebble)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need_apt+=(haproxy)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)         # the edge's HTTP/2 test
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]} (Debian packages)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mvn -B -ntp install "$@"
exec mvn -B -ntp -f examples/https-on/pom.xml test "$@"
