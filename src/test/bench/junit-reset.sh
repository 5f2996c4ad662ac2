#!/usr/bin/env bash
# Per-test isolation from Java (issue 13's table): Reset.EACH_TEST through the client for a database-only, a hook
# and a recreated clone, against a fresh Postgres container per test and a hand-written schema reset, in one run.
# Writes docs/benchmarks-junit.md (bench.sh includes it in docs/benchmarks.md).
#
#   bash src/test/bench/junit-reset.sh            # 20 runs each
#   RUNS=10 bash src/test/bench/junit-reset.sh
#
# Needs a running Docker engine and the local images busybox:1.36, postgres:16-alpine, redis:7-alpine,
# wiremock/wiremock:3.13.2-1 (.ci/images/*.sh build them). Public tools only: bash, docker, java 17, the project's jars.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
RUNS=${RUNS:-20}
OUT=${OUT:-$ROOT/docs/benchmarks-junit.md}
cd "$ROOT"
[ -f junit/target/classes/dev/asymmetric/junit/AsymmetricExtension.class ] || ./mvnw -B -q install -DskipTests -pl core,junit
CP_FILE=$(mktemp)
./mvnw -B -q -pl junit dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
WORK=$(mktemp -d /tmp/asym-junit-bench.XXXXXX)
export ASYM_HOME=$WORK/home
export ASYM_TEMPLATES_DIR=$ROOT/examples/junit-demo/templates
cleanup() {
  ids=$(docker ps -aq --filter label=dev.asymmetric.test=junit-bench)
  [ -n "$ids" ] && docker rm -f -v $ids >/dev/null 2>&1 || true
  rm -rf "$WORK" "$CP_FILE"
}
trap cleanup EXIT
TABLE=$(java -cp "junit/target/classes:$(cat "$CP_FILE")" src/test/bench/JunitResetBench.java \
  "$ROOT/junit/src/test/specs" "$ASYM_TEMPLATES_DIR" "$RUNS")
{
  echo "### Per-test isolation from Java (\`src/test/bench/junit-reset.sh\`, $(date -u +%Y-%m-%d))"
  echo
  echo "$TABLE"
} >"$OUT"
cat "$OUT"
