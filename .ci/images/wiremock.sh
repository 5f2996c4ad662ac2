#!/usr/bin/env bash
# The image of the built-in `wiremock` template, wiremock/wiremock:3.13.2-1: pulled when a registry answers,
# otherwise built here as a stand-in of the same program under the same name.
#
#   sudo .ci/images/wiremock.sh          # quick no-op if the image is local
#   FORCE=1 sudo .ci/images/wiremock.sh  # build the stand-in even so
#
# The stand-in: org.wiremock:wiremock-standalone:3.13.2 from Maven Central (SHA-1 pinned here and checked
# against Maven Central's .sha1) on Debian bookworm's openjdk-17-jre-headless (the official 3.13.2-1 image
# runs Java 11 on eclipse-temurin; 17 runs the same jar), with the official layout and interface:
# /var/wiremock/lib/wiremock-standalone.jar, /var/wiremock/extensions, WORKDIR /home/wiremock with mappings/
# and __files/, EXPOSE 8080 8443, ENTRYPOINT /docker-entrypoint.sh (arguments starting with '-' go to
# WireMock; JAVA_OPTS, WIREMOCK_OPTIONS, uid= as documented), runs as root, curl for the HEALTHCHECK.
# The entrypoint drops to uid= with setpriv (wiremock-docker's later revisions) instead of gosu.
# Env: WIREMOCK_IMAGE, plus lib.sh's (IMAGE_CACHE, PULL_TIMEOUT, FORCE, DEBIAN_MIRROR, ...).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

WIREMOCK_VERSION=3.13.2
WIREMOCK_SHA1=8bfbad28c85f7b4927694491f2c8030c898c72a9
JAR_URL="https://repo1.maven.org/maven2/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar"

img_begin wiremock "${WIREMOCK_IMAGE:-wiremock/wiremock:$WIREMOCK_VERSION-1}"
img_download "$JAR_URL" "$WIREMOCK_SHA1" "wiremock-standalone-$WIREMOCK_VERSION.jar"
jar="$IMG_FILE"

# (java itself needs /proc, so it is first run in the built image, by the verification)
java_check() { [ -x "$1$(chroot "$1" readlink -f /usr/bin/java)" ] || img_die "no java in the rootfs"; }
img_rootfs java17 openjdk-17-jre-headless,curl java_check
java_home=$(tar -tf "$IMG_ROOTFS" | sed -n 's!^\./usr/lib/jvm/\(java-17-openjdk-[a-z0-9]*\)/$!/usr/lib/jvm/\1!p')
java_home=${java_home%%$'\n'*}
[ -n "$java_home" ] || img_die "no /usr/lib/jvm/java-17-openjdk-* in $IMG_ROOTFS"

app="$IMG_WORK/app"
mkdir -p "$app/var/wiremock/lib" "$app/var/wiremock/extensions" "$app/home/wiremock/mappings" "$app/home/wiremock/__files"
cp "$jar" "$app/var/wiremock/lib/wiremock-standalone.jar"
cat >"$app/docker-entrypoint.sh" <<'SH'
#!/bin/bash
set -e
# Set `java` command if needed
if [ "$1" = "" -o "${1:0:1}" = "-" ]; then
  set -- java $JAVA_OPTS -cp /var/wiremock/lib/*:/var/wiremock/extensions/* wiremock.Run "$@"
fi
# allow the container to be started with `-e uid=`
if [ "$uid" != "" ]; then
  chown -R $uid:$uid /home/wiremock
  set -- setpriv --reuid=$uid --regid=$uid --init-groups "$@"
fi
exec "$@" $WIREMOCK_OPTIONS
SH
chmod 0755 "$app/docker-entrypoint.sh"

img_build "$IMG_TAG" "$IMG_ROOTFS" "$app" <<DOCKERFILE
ENV PATH=$IMG_BASE_PATH JAVA_HOME=$java_home LANG=C.UTF-8 WIREMOCK_VERSION=$WIREMOCK_VERSION
WORKDIR /home/wiremock
EXPOSE 8080 8443
HEALTHCHECK --start-period=5s CMD curl -f http://localhost:8080/__admin/health || exit 1
ENTRYPOINT ["/docker-entrypoint.sh"]
LABEL org.opencontainers.image.title="WireMock $WIREMOCK_VERSION" \
      org.opencontainers.image.description="stand-in for wiremock/wiremock:$WIREMOCK_VERSION-1 built by .ci/images/wiremock.sh (Debian openjdk-17)"
DOCKERFILE
img_done
