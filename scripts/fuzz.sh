#!/usr/bin/env bash
# Long fuzzing campaign: each Jazzer target in turn, in fuzzing mode, for SECONDS each.
#   scripts/fuzz.sh [SECONDS] [TestClass ...]
# Default: 600 seconds for each of the seven targets. The sources are compiled once and the classes
# copied to vodcert/target/fuzz/snapshot, so builds during a long campaign cannot change the targets under
# it; each target then runs in its own JVM (Jazzer fuzzes one @FuzzTest per JVM) through
# dev.vodcert.testing.FuzzMain. The corpus grows in vodcert/.cifuzz-corpus/; a finding is written next to the
# seeds (vodcert/src/test/resources/<package>/<Class>Inputs/<method>/crash-*) and fails that target's run:
# fix it and keep the file there as a regression seed. Figures: vodcert/target/fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/../vodcert"   # the service's module: its sources, tests and target/
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
snapshot=target/fuzz/snapshot
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt
rm -rf "$snapshot" && mkdir -p "$snapshot"
cp -r target/classes "$snapshot/classes" && cp -r target/test-classes "$snapshot/test-classes"
classpath="$snapshot/test-classes:$snapshot/classes:$(cat target/fuzz/classpath.txt)"
for target in "${targets[@]}"; do
  log="target/fuzz/${target##*.}.log"
  echo "fuzz.sh: $target for ${seconds}s (log: $log)"
  status=0
  # -Xmx bounds the heap, so an input that makes memory grow without bound ends in an
  # OutOfMemoryError, which Jazzer reports as a finding; -timeout reports an input that runs 10 s.
  JAZZER_FUZZ=1 java -Xmx512m -cp "$classpath" -Djazzer.hooks=true \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=${seconds}" \
    -Djazzer.internal.arg.2=-timeout=10 -Djazzer.internal.arg.3=-print_final_stats=1 \
    dev.vodcert.testing.FuzzMain "$target" > "$log" 2>&1 || status=$?
  runs=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  cov=$(grep -aE '#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  echo "$(date -u +%FT%TZ) $target exit=$status | $runs | $cov" | tee -a target/fuzz/summary.txt
done
git status --short -- src/test/resources | grep -E 'crash-|timeout-|oom-|slow-unit-' || echo "fuzz.sh: no findings"
