#!/usr/bin/env bash
# Makes the AppCDS class archive of target/vodcert.jar again (README "Memory and start-up"); the build
# (mvn package) already makes it, unless run with -Dvodcert.skipArchive=true:
#   scripts/cds.sh            -> target/vodcert.jsa
# The jar's hidden `train` command starts the service on a throwaway folder, answers one signed
# DescribeVodDomainCertificateInfo and stops; the JVM writes the classes it loaded as it exits. Start with:
#   java -XX:SharedArchiveFile=target/vodcert.jsa -Xmx512m -jar target/vodcert.jar serve --port 8080 --data ./data
# The archive fits that jar file only, named by that path (a stale or foreign archive is ignored, with a
# warning, and the start is as slow as without it).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/vodcert.jar
ARCHIVE=${1:-target/vodcert.jsa}
[ -f "$JAR" ] || { echo "cds.sh: $JAR is missing; build it first (mvn -q -DskipTests package)" >&2; exit 1; }
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$JAR" train
[ -s "$ARCHIVE" ] || { echo "cds.sh: no archive was written" >&2; exit 1; }
echo "cds.sh: wrote $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)); start with:"
echo "  java -XX:SharedArchiveFile=$ARCHIVE -jar $JAR serve --port 8080 --data ./data"
