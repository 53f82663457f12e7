#!/usr/bin/env bash
# The benchmarks, one command (see bench/README.md):
#   bench/run.sh [--domains 1000,100000,1000000] [--connections 8,64,256] [--rounds 3] ...   load benchmark
#   bench/run.sh jmh [JMH options, e.g. -f 1 -wi 3 -i 5 SignatureBench]                  micro benchmarks
#   bench/run.sh edge [--seconds 10] [--rounds 3] [--threads 4] [--connections 32]     built-in edge against nginx
# Builds the service jar (target/vodcert.jar) and the bench module first; BENCH_NO_BUILD=1 skips that.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  mvn -q -B -DskipTests package
  mvn -q -B -f bench/pom.xml package
fi
# run from a snapshot of the jar and the bench classes, so that a rebuild meanwhile cannot disturb a run
SNAP=$(mktemp -d "$PWD/bench/target/run-XXXXXX")
cp target/vodcert.jar "$SNAP/vodcert.jar"
cp -r bench/target/classes "$SNAP/classes"
CP="$SNAP/classes:$(sed "s#[^:]*/target/vodcert.jar#$SNAP/vodcert.jar#" bench/target/classpath.txt)"
if [ "${1:-}" = edge ]; then
  shift
  exec java -Xmx1g -cp "$CP" dev.vodcert.bench.EdgeBench --jar "$SNAP/vodcert.jar" "$@"
fi
if [ "${1:-}" = jmh ]; then
  shift
  exec java -cp "$CP" org.openjdk.jmh.Main "$@"
fi
# the service starts as the README's command starts it: with the class archive of its jar (the build's
# target/vodcert.jsa fits target/vodcert.jar only, so the snapshot gets its own, by the same training run)
java -XX:ArchiveClassesAtExit="$SNAP/vodcert.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$SNAP/vodcert.jar" train \
  >/dev/null 2>&1 || echo "run.sh: no class archive for the snapshot; the service starts without one" >&2
ARCHIVE=()
[ -s "$SNAP/vodcert.jsa" ] && ARCHIVE=(--class-archive "$SNAP/vodcert.jsa")
exec java -Xms1g -Xmx3g -cp "$CP" dev.vodcert.bench.LoadBench --jar "$SNAP/vodcert.jar" "${ARCHIVE[@]}" "$@"
