#!/usr/bin/env bash
# Builds the busybox image the built-in `fixture` template and the tests use, without pulling anything:
# Debian's static busybox plus one symlink per applet, imported as an image and tagged with the name the
# catalog uses, so the same template runs here offline and pulls the real image elsewhere.
set -euo pipefail
tag=${1:-busybox:1.36}
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "image $tag already present"
  exit 0
fi
bb=/bin/busybox
if ! file -L "$bb" 2>/dev/null | grep -q 'statically linked'; then
  if ! dpkg -s busybox-static >/dev/null 2>&1; then
    apt-get install -y -qq busybox-static >/dev/null
  fi
fi
file -L "$bb" | grep -q 'statically linked' || { echo "busybox.sh: $bb is not a static busybox" >&2; exit 1; }
root=$(mktemp -d /var/tmp/asym-busybox.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/www" "$root/root"
chmod 1777 "$root/tmp"
cp "$bb" "$root/bin/busybox"
for applet in $("$bb" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
tar -C "$root" -c . | docker import -c 'CMD ["sh"]' -c 'ENV PATH=/bin' - "$tag" >/dev/null
echo "built $tag from $(busybox | head -1)"
