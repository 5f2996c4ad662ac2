#!/usr/bin/env bash
# Spins the demo environment (specs/demo.yaml) on this machine: makes sure a Docker engine answers and the
# local busybox image exists (nothing can be pulled on an offline machine), builds the launcher, spins.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dockerd >/dev/null 2>&1 || ! { [ -x /bin/busybox ] && file -L /bin/busybox | grep -q 'statically linked'; }; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io busybox-static file >/dev/null
fi
if ! timeout 10 docker info >/dev/null 2>&1; then
  nohup dockerd >/var/log/asym-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do timeout 5 docker info >/dev/null 2>&1 && break; sleep 1; done
fi
bash .ci/images/busybox.sh
[ -x target/asymmetric ] || ./mvnw -B -q package -DskipTests
target/asymmetric env spin specs/demo.yaml
echo
echo "Try:  curl \$(target/asymmetric env status demo --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"clones\"][0][\"endpoints\"][\"api\"])')/cgi-bin/records"
