#!/usr/bin/env bash
# Builds CloudJar, the sample functions and the benchmark, resolves any peer emulator asked for, and
# runs the benchmark. Arguments go to the benchmark (see docs/benchmark.md or --help), e.g.
#   benchmark/run.sh --start-cloudjar                 # full run against a CloudJar it starts itself
#   benchmark/run.sh --start-cloudjar --peer moto --quick
#   benchmark/run.sh --endpoint http://127.0.0.1:4566 --only s3
# Environment: BENCH_SKIP_BUILD=1 skips the Maven build; DYNAMODB_LOCAL_VERSION (default 3.3.1, falls
# back to 2.6.1 when it cannot be resolved), ELASTICMQ_VERSION (default 1.7.1).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  echo "building (mvn -B -q -Pbenchmark package -DskipTests)..." >&2
  mvn -B -q -Dstyle.color=never -Pbenchmark package -DskipTests
fi

PEERS_DIR=benchmark/target/peers
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies

# resolve NAME POM VERSION_PROPERTY VERSION...: copies the peer and its runtime dependencies (for
# DynamoDB Local that includes the sqlite4java native libraries, which it finds by their versioned
# names in java.library.path) into benchmark/target/peers/NAME; tries each version in turn; answers
# non-zero when none resolves. A resolved peer is reused on later runs (delete the folder to refresh).
resolve() {
  local name=$1 pom=$2 property=$3; shift 3
  local dir=$PEERS_DIR/$name
  if [[ -f $dir/.resolved ]]; then return 0; fi
  for version in "$@"; do
    rm -rf "$dir"
    echo "resolving $name $version into $dir ..." >&2
    if mvn -B -q -Dstyle.color=never -f "$pom" "$DEP_PLUGIN" -D"$property=$version" -DoutputDirectory="$(pwd)/$dir" \
         -DincludeScope=runtime >"$PEERS_DIR/$name-$version-resolve.log" 2>&1; then
      echo "$version" > "$dir/.resolved"
      return 0
    fi
    echo "  could not resolve $name $version (see $PEERS_DIR/$name-$version-resolve.log)" >&2
  done
  rm -rf "$dir"
  return 1
}

args=()
asked_target=0
while [[ $# -gt 0 ]]; do
  if [[ $1 == --peer && $# -ge 2 ]]; then
    peer=$2; shift 2
    asked_target=1
    mkdir -p "$PEERS_DIR"
    case $peer in
      dynamodb-local)
        if ! resolve dynamodb-local benchmark/peers/dynamodb-local.pom.xml dynamodb-local.version \
             "${DYNAMODB_LOCAL_VERSION:-3.3.1}" 2.6.1; then
          echo "SKIPPING peer dynamodb-local: com.amazonaws:DynamoDBLocal could not be resolved from Maven" >&2
          continue
        fi ;;
      elasticmq)
        if ! resolve elasticmq benchmark/peers/elasticmq.pom.xml elasticmq.version "${ELASTICMQ_VERSION:-1.7.1}"; then
          echo "SKIPPING peer elasticmq: org.elasticmq:elasticmq-server_2.13 could not be resolved from Maven" >&2
          continue
        fi ;;
      moto)
        if ! command -v moto_server >/dev/null; then
          echo "SKIPPING peer moto: moto_server is not on PATH (pip install 'moto[server]')" >&2
          continue
        fi ;;
    esac
    args+=(--peer "$peer")
  else
    case $1 in --endpoint|--start-cloudjar) asked_target=1 ;; esac
    args+=("$1"); shift
  fi
done

targets=0
for a in "${args[@]+"${args[@]}"}"; do
  case $a in --endpoint|--start-cloudjar|--peer) targets=1 ;; esac
done
if [[ $asked_target == 0 ]]; then
  args=(--start-cloudjar "${args[@]+"${args[@]}"}")   # no target given: benchmark a CloudJar started here
elif [[ $targets == 0 ]]; then
  echo "no target left to benchmark" >&2
  exit 1
fi
exec java -jar benchmark/target/benchmark.jar "${args[@]}"
