#!/usr/bin/env bash
# The benchmarks, one command (see bench/README.md):
#   bench/run.sh [--domains 1000,100000,1000000] [--connections 8,64,256] [--rounds 3] ...   load benchmark
#   bench/run.sh --store postgresql [...]                                                 also on PostgreSQL
#   bench/run.sh jmh [JMH options, e.g. -f 1 -wi 3 -i 5 SignatureBench]                  micro benchmarks
#   bench/run.sh edge [--seconds 10] [--rounds 3] [--threads 4] [--connections 32]     built-in edge against nginx
# Builds the service jar and the bench module first; BENCH_NO_BUILD=1 skips that.
set -euo pipefail
# The service's jar as the root build writes it, relative to the repository's root: the one place
# that names it (the bench module's pom gets it as -Dvodcert.jar).
SERVICE_JAR=target/vodcert.jar
cd "$(dirname "$0")/.."
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  mvn -q -B -DskipTests package
  mvn -q -B -f bench/pom.xml -Dvodcert.jar="$PWD/$SERVICE_JAR" package
fi
# the peers need Debian's nginx; PostgreSQL only for --store postgresql (installed when missing)
need_apt=()
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
case " $* " in
  *" --store postgresql "*) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql) ;;
esac
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "run.sh: installing Debian's ${need_apt[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# run from a snapshot of the jar and the bench classes, so that a rebuild meanwhile cannot disturb a run
mkdir -p bench/target
SNAP=$(mktemp -d "$PWD/bench/target/run-XXXXXX")
cp "$SERVICE_JAR" "$SNAP/vodcert.jar"
cp -r bench/target/classes "$SNAP/classes"
cp bench/target/peers/wiremock-standalone.jar "$SNAP/wiremock-standalone.jar"
CP="$SNAP/classes:$(sed "s#[^:]*/$SERVICE_JAR#$SNAP/vodcert.jar#" bench/target/classpath.txt)"
if [ "${1:-}" = edge ]; then
  shift
  exec java -Xmx1g -cp "$CP" dev.vodcert.bench.EdgeBench --jar "$SNAP/vodcert.jar" "$@"
fi
if [ "${1:-}" = jmh ]; then
  shift
  exec java -cp "$CP" org.openjdk.jmh.Main "$@"
fi
# the service starts as the README's command starts it: with the class archive of its jar (the build's
# archive fits the build's jar only, so the snapshot gets its own, by the same training run)
java -XX:ArchiveClassesAtExit="$SNAP/vodcert.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$SNAP/vodcert.jar" train \
  >/dev/null 2>&1 || echo "run.sh: no class archive for the snapshot; the service starts without one" >&2
ARCHIVE=()
[ -s "$SNAP/vodcert.jsa" ] && ARCHIVE=(--class-archive "$SNAP/vodcert.jsa")
exec java -Xms1g -Xmx3g -cp "$CP" dev.vodcert.bench.LoadBench --jar "$SNAP/vodcert.jar" \
  --wiremock-jar "$SNAP/wiremock-standalone.jar" "${ARCHIVE[@]}" "$@"
