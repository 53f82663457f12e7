#!/usr/bin/env bash
# Builds an AppCDS archive for target/vodcert.jar (README "Memory and start-up"):
#   scripts/cds.sh            -> target/vodcert.jsa
# One training start on a fresh, throwaway data folder, answering one signed
# DescribeVodDomainCertificateInfo, then a normal stop; the JVM writes the classes it loaded to the
# archive as it exits. Start with it:
#   java -XX:SharedArchiveFile=target/vodcert.jsa -jar target/vodcert.jar serve --port 8080 --data ./data
# The archive fits that jar file only: run this again after every build (a stale archive is ignored,
# with a warning, and the start is as slow as without it).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/vodcert.jar
ARCHIVE=${1:-target/vodcert.jsa}
[ -f "$JAR" ] || { echo "cds.sh: $JAR is missing; build it first (mvn -q -DskipTests package)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
ID=LTAIcdstraining0001
SECRET=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
rm -f "$ARCHIVE"
VODCERT_ACCESS_KEY_ID=$ID VODCERT_ACCESS_KEY_SECRET=$SECRET java -XX:ArchiveClassesAtExit="$ARCHIVE" \
  -jar "$JAR" serve --port 0 --admin-port -1 --data "$WORK/data" >"$WORK/out.txt" 2>"$WORK/err.txt" &
PID=$!
PORT=""
for _ in $(seq 1 600); do
  PORT=$(sed -n 's#^vodcert: listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$WORK/out.txt")
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/err.txt" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "cds.sh: the training start did not listen within 60 s" >&2; exit 1; }

# One signed request (HMAC-SHA1, signature version 1.0), as the official SDKs send it.
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
QUERY="AccessKeyId=$ID&Action=DescribeVodDomainCertificateInfo&DomainName=cds.example.com&Format=JSON"
QUERY="$QUERY&SignatureMethod=HMAC-SHA1&SignatureNonce=$(date +%s%N)&SignatureVersion=1.0"
QUERY="$QUERY&Timestamp=${NOW//:/%3A}&Version=2017-03-21"
TO_SIGN="GET&%2F&$(printf '%s' "$QUERY" | sed -e 's/%/%25/g' -e 's/=/%3D/g' -e 's/&/%26/g')"
SIGNATURE=$(printf '%s' "$TO_SIGN" | openssl dgst -sha1 -hmac "$SECRET&" -binary | base64 \
  | sed -e 's/+/%2B/g' -e 's#/#%2F#g' -e 's/=/%3D/g')
STATUS=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' "http://127.0.0.1:$PORT/?$QUERY&Signature=$SIGNATURE")
if [ "$STATUS" != 404 ]; then
  echo "cds.sh: the training request got HTTP $STATUS, not 404 InvalidDomain.NotFound: $(cat "$WORK/answer.json")" >&2
  exit 1
fi
kill "$PID"
wait "$PID" || true
[ -s "$ARCHIVE" ] || { echo "cds.sh: no archive was written" >&2; cat "$WORK/err.txt" >&2; exit 1; }
echo "cds.sh: wrote $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)); start with:"
echo "  java -XX:SharedArchiveFile=$ARCHIVE -jar $JAR serve --port 8080 --data ./data"
