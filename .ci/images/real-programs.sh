#!/usr/bin/env bash
# Gets the images of the catalog's real programs, the ones the `wiremock`, `maildev` and `unleash` templates
# run: each is kept if local, else pulled, else built here as a stand-in (wiremock.sh, maildev.sh,
# unleash.sh; one progress line per image with the time it took). Building needs root and a Debian mirror,
# Maven Central and the npm registry; downloads are cached under /var/cache/asym-images.
#
#   sudo .ci/images/real-programs.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
start=$SECONDS
for script in wiremock maildev unleash; do
	bash "$HERE/$script.sh" || { printf '[real-programs] ERROR: %s.sh failed (see above)\n' "$script" >&2; exit 1; }
done
printf '[real-programs] wiremock, maildev and unleash images ready in %ss\n' "$((SECONDS - start))" >&2
