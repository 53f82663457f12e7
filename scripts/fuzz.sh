#!/usr/bin/env bash
# Long fuzzing campaign: each Jazzer target in turn, in fuzzing mode, for SECONDS each.
#   scripts/fuzz.sh [SECONDS] [TestClass ...]
# Default: 600 seconds for each of the seven targets. Jazzer fuzzes one @FuzzTest per JVM, so each
# target is its own Maven run. The corpus grows in .cifuzz-corpus/; a finding is written next to
# the seeds (src/test/resources/<package>/<Class>Inputs/<method>/crash-*) and fails that run; keep
# it there as a regression seed once fixed. Figures: target/fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    dev.vodcert.protocol.RequestParametersFuzzTest
    dev.vodcert.protocol.AuthenticatorV1FuzzTest
    dev.vodcert.protocol.AuthenticatorV3FuzzTest
    dev.vodcert.protocol.RpcPipelineFuzzTest
    dev.vodcert.certificate.PemFuzzTest
    dev.vodcert.domain.DomainNameFuzzTest
    dev.vodcert.domain.SourcesFuzzTest
  )
fi
mkdir -p target/fuzz
mvn -o -q -B test-compile
for target in "${targets[@]}"; do
  log="target/fuzz/${target##*.}.log"
  echo "fuzz.sh: $target for ${seconds}s (log: $log)"
  status=0
  # -Xmx bounds the heap, so an input that makes memory grow without bound ends in an
  # OutOfMemoryError, which Jazzer reports as a finding; -timeout reports a hang after 10 s.
  JAZZER_FUZZ=1 mvn -o -B test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx512m" -Djazzer.hooks=true \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=${seconds}" \
    -Djazzer.internal.arg.2=-timeout=10 -Djazzer.internal.arg.3=-print_final_stats=1 \
    > "$log" 2>&1 || status=$?
  runs=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  cov=$(grep -aoE '#[0-9]+[[:space:]]+DONE[^\n]*' "$log" | tail -1 || true)
  echo "$(date -u +%FT%TZ) $target exit=$status | $runs | $cov" | tee -a target/fuzz/summary.txt
done
git status --short -- 'src/test/resources/**/crash-*' 'src/test/resources/**/timeout-*' 'src/test/resources/**/oom-*' || true
