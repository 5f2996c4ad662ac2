# shellcheck shell=bash
# Shared by the stand-in image scripts (wiremock.sh, maildev.sh, unleash.sh): sourced, never run.
#
# Each script names the public image it stands in for, then:
#   img_begin NAME TAG        exits 0 at once if TAG is local, or once `docker pull TAG` worked (offline the
#                             pull fails at once); otherwise returns and the script builds the stand-in
#   img_rootfs NAME PKGS FN   sets IMG_ROOTFS to a Debian root file system as a tar (debootstrap minbase +
#                             PKGS, then FN run on the tree), cached under $IMAGE_CACHE/rootfs keyed by its inputs
#   img_build TAG BASE APP    `docker build` of FROM scratch / ADD BASE (that tar) / ADD APP (a directory,
#                             tarred as root or as APP_OWNER) plus the Dockerfile lines read from stdin
#   img_done                  one line: what was built, how long it took, its size
#   img_download URL SHA1 F   sets IMG_FILE to F in the download cache, fetched once, its SHA-1 checked
#
# Downloads are cached under IMAGE_CACHE (default /var/cache/asym-images), so a rebuild is quick.
# Needs root (debootstrap, chroot), a Docker engine, a Debian mirror; the callers add Maven Central / npm.
# Env: IMAGE_CACHE, PULL_TIMEOUT (seconds a started download may take, default 600), FORCE=1 (build even if local or pullable),
#      DEBIAN_SUITE (bookworm), DEBIAN_MIRROR, DEBOOTSTRAP_TIMEOUT (15m).

IMAGE_CACHE="${IMAGE_CACHE:-/var/cache/asym-images}"
PULL_TIMEOUT="${PULL_TIMEOUT:-600}"
IMG_PULL_LOG=/dev/null
DEBIAN_SUITE="${DEBIAN_SUITE:-bookworm}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBOOTSTRAP_TIMEOUT="${DEBOOTSTRAP_TIMEOUT:-15m}"
FORCE="${FORCE:-}"
IMG_BASE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
IMG_NAME=image
IMG_TAG=
IMG_START=$SECONDS
IMG_WORK=
IMG_ROOTFS=
IMG_FILE=
shopt -s inherit_errexit

img_log() { printf '[%s] %s\n' "$IMG_NAME" "$*" >&2; }
img_die() { printf '[%s] ERROR: %s\n' "$IMG_NAME" "$*" >&2; exit 1; }

img_cleanup() {
	[ -n "$IMG_WORK" ] && [ -d "$IMG_WORK" ] || return 0
	local m
	# debootstrap leaves /proc, /sys mounts behind when interrupted: never rm -rf across them.
	awk -v r="$IMG_WORK" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r \
		| while read -r m; do umount -l "$m" 2>/dev/null || :; done
	rm -rf --one-file-system "$IMG_WORK" 2>/dev/null || img_log "WARNING: could not remove $IMG_WORK"
}

# img_pull: `docker pull IMG_TAG`. Offline it fails at once (no registry resolves); a pull still running after
# 5 s is downloading, and may take up to PULL_TIMEOUT seconds before it is given up.
img_pull() {
	local pid waited=0
	docker pull -q "$IMG_TAG" >"$IMG_PULL_LOG" 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		[ "$waited" = 5 ] && img_log "pulling $IMG_TAG (up to ${PULL_TIMEOUT}s)"
		if [ "$waited" -ge "$PULL_TIMEOUT" ]; then
			kill "$pid" 2>/dev/null || :
			wait "$pid" 2>/dev/null || :
			img_log "gave up pulling $IMG_TAG after ${PULL_TIMEOUT}s"
			return 1
		fi
		sleep 1
		waited=$((waited + 1))
	done
	wait "$pid"
}

# img_begin NAME TAG: sets up logging and traps; exits 0 when there is nothing to build.
img_begin() {
	IMG_NAME="$1" IMG_TAG="$2" IMG_START=$SECONDS
	# shellcheck disable=SC2154  # rc is assigned inside the trap string
	trap 'rc=$?; printf "[%s] ERROR: command failed (exit %s) at line %s: %s\n" "$IMG_NAME" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR
	trap img_cleanup EXIT
	trap 'img_log interrupted; exit 130' INT
	trap 'img_log terminated; exit 143' TERM
	command -v docker >/dev/null || img_die "the docker CLI is not installed"
	timeout 30 docker info >/dev/null 2>&1 || img_die "no Docker engine answers (start dockerd, or set DOCKER_HOST)"
	if [ -z "$FORCE" ]; then
		if timeout 30 docker image inspect "$IMG_TAG" >/dev/null 2>&1; then
			img_log "image $IMG_TAG already present"
			exit 0
		fi
		if img_pull; then
			img_log "pulled $IMG_TAG in $((SECONDS - IMG_START))s"
			exit 0
		fi
		img_log "$IMG_TAG is neither local nor pullable; building a stand-in"
	fi
	[ "$(id -u)" = 0 ] || img_die "building the stand-in needs root (debootstrap and chroot); run: sudo $0"
	if ! command -v debootstrap >/dev/null; then
		[ -x /usr/bin/apt-get ] || img_die "debootstrap is missing and this is not Debian: install debootstrap"
		img_log "installing debootstrap"
		DEBIAN_FRONTEND=noninteractive timeout 10m apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
			|| { timeout 5m apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 10m apt-get install -y -qq \
				--no-install-recommends debootstrap >/dev/null; } || img_die "apt-get install debootstrap failed"
	fi
	mkdir -p "$IMAGE_CACHE"/{rootfs,debs,downloads}
	IMG_WORK="$(mktemp -d /var/tmp/asym-image.XXXXXX)"
}

# img_rootfs KEY PACKAGES CUSTOMIZE_FN: sets IMG_ROOTFS to a cached rootfs tar (built when missing).
img_rootfs() {
	local key="$1" pkgs="$2" fn="$3" hash tar root
	hash=$( { echo "$DEBIAN_SUITE $pkgs"; declare -f "$fn"; } | sha1sum | cut -c1-12)
	tar="$IMAGE_CACHE/rootfs/$key-$DEBIAN_SUITE-$hash.tar"
	if [ -f "$tar" ]; then
		img_log "using cached root file system $tar"
		IMG_ROOTFS="$tar"
		return 0
	fi
	root="$IMG_WORK/rootfs-$key"
	img_log "debootstrap $DEBIAN_SUITE minbase + $pkgs (timeout $DEBOOTSTRAP_TIMEOUT)"
	local t0=$SECONDS
	if ! timeout --kill-after=30s "$DEBOOTSTRAP_TIMEOUT" debootstrap --variant=minbase --include="$pkgs" \
		--cache-dir="$IMAGE_CACHE/debs" "$DEBIAN_SUITE" "$root" "$DEBIAN_MIRROR" \
		>"$IMG_WORK/debootstrap.log" 2>&1 </dev/null; then
		tail -n 30 "$IMG_WORK/debootstrap.log" >&2 || :
		[ -f "$root/debootstrap/debootstrap.log" ] && tail -n 30 "$root/debootstrap/debootstrap.log" >&2
		img_die "debootstrap failed or timed out (log above)"
	fi
	img_log "debootstrap done in $((SECONDS - t0))s"
	img_trim "$root"
	"$fn" "$root"
	tar --numeric-owner --xattrs -C "$root" -cf "$tar.part" . || img_die "could not write $tar"
	mv "$tar.part" "$tar"
	rm -rf --one-file-system "$root"
	IMG_ROOTFS="$tar"
}

img_trim() {
	local root="$1" m
	awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r \
		| while read -r m; do umount -l "$m" || img_die "could not unmount $m"; done
	(
		cd "$root"
		rm -rf usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/* usr/share/lintian \
			var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb var/cache/debconf/*-old \
			var/lib/dpkg/*-old var/log/* tmp/* debootstrap
		for d in dev proc sys; do
			if [ -d "$d" ]; then find "$d" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +; fi
		done
		: >etc/hostname
		rm -f etc/resolv.conf
	)
}

# img_build TAG BASE_TAR APP_DIR < Dockerfile-lines: APP_OWNER=uid:gid owns APP_DIR's files (default root).
img_build() {
	local tag="$1" base="$2" app="$3" ctx="$IMG_WORK/context" owner="${APP_OWNER:-0:0}"
	mkdir -p "$ctx"
	ln "$base" "$ctx/base.tar" 2>/dev/null || cp "$base" "$ctx/base.tar"
	tar --numeric-owner --owner="${owner%%:*}" --group="${owner##*:}" -C "$app" -cf "$ctx/app.tar" .
	{ printf 'FROM scratch\nADD base.tar /\nADD app.tar /\n'; cat; } >"$ctx/Dockerfile"
	img_log "docker build $tag"
	local previous
	previous=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null) || previous=
	timeout 15m docker build -q -t "$tag" "$ctx" >"$IMG_WORK/build.log" 2>&1 \
		|| { tail -n 30 "$IMG_WORK/build.log" >&2; img_die "docker build of $tag failed (log above)"; }
	# A forced rebuild leaves the image it replaced untagged: remove it unless something still uses it.
	if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect -f '{{.Id}}' "$tag")" ]; then
		docker rmi "$previous" >/dev/null 2>&1 || :
	fi
}

img_done() {
	local size
	img_cleanup
	size=$(docker image inspect -f '{{.Size}}' "$IMG_TAG" | awk '{ printf "%.0f MB", $1/1e6 }')
	img_log "built $IMG_TAG (stand-in) in $((SECONDS - IMG_START))s, $size"
}

# img_download URL SHA1 FILE: sets IMG_FILE to FILE in the download cache; fetched when missing, after checking
# that the server's URL.sha1 names the SHA-1 this script pins; the file's own SHA-1 is checked every time.
img_download() {
	local url="$1" want="$2" out="$IMAGE_CACHE/downloads/$3" got published
	if [ ! -f "$out" ]; then
		published=$(curl -fsSL --retry 3 --max-time 60 "$url.sha1") || img_die "could not fetch $url.sha1"
		[ "${published:0:40}" = "$want" ] || img_die "$url.sha1 says ${published:0:40}, this script pins $want"
		img_log "downloading $url"
		curl -fsSL --retry 3 --max-time 600 -o "$out.part" "$url" || img_die "could not download $url"
		mv "$out.part" "$out"
	fi
	got=$(sha1sum "$out" | cut -c1-40)
	[ "$got" = "$want" ] || { rm -f "$out"; img_die "$out has SHA-1 $got, expected $want (deleted it; run again)"; }
	IMG_FILE="$out"
}

# img_npm_pack SPEC: sets IMG_FILE to the package's tarball in the download cache (npm checks its integrity).
img_npm_pack() {
	local spec="$1" file
	command -v npm >/dev/null || img_die "npm is not installed (Debian: apt-get install npm)"
	file="$IMAGE_CACHE/downloads/$(printf '%s' "$spec" | sed 's/^@//; s!/!-!; s/@/-/').tgz"
	if [ ! -f "$file" ]; then
		img_log "npm pack $spec"
		timeout 10m npm pack "$spec" --pack-destination "$IMAGE_CACHE/downloads" --cache "$IMAGE_CACHE/npm" \
			--loglevel=error >/dev/null || img_die "npm pack $spec failed"
		[ -f "$file" ] || img_die "npm pack $spec did not write $file"
	fi
	IMG_FILE="$file"
}

NODE_VERSION="${NODE_VERSION:-22.23.5}"
IMG_NODE_TGZ=

# img_node_rootfs: sets IMG_ROOTFS to Debian minbase + ca-certificates + the official Node binary (the npm
# package node-linux-<arch>) as /usr/local/bin/node + the user node (1000:1000), as in the node:22 images.
img_node_rootfs() {
	local arch
	case "$(uname -m)" in
		x86_64) arch=x64 ;;
		aarch64) arch=arm64 ;;
		*) img_die "no Node binary package for $(uname -m)" ;;
	esac
	img_npm_pack "node-linux-$arch@$NODE_VERSION"
	IMG_NODE_TGZ="$IMG_FILE"
	img_rootfs "node$NODE_VERSION" ca-certificates img_node_customize
}

img_node_customize() {
	local root="$1"
	tar -xzf "$IMG_NODE_TGZ" -C "$IMG_WORK" package/bin/node || img_die "no bin/node in $IMG_NODE_TGZ"
	install -m 0755 "$IMG_WORK/package/bin/node" "$root/usr/local/bin/node"
	chroot "$root" groupadd --gid 1000 node
	chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
	chroot "$root" /usr/local/bin/node --version >/dev/null || img_die "the Node binary does not run in the rootfs"
}

# img_npm_app SPEC DIR: DIR holds the published package's files and its production node_modules.
img_npm_app() {
	local spec="$1" dir="$2"
	img_npm_pack "$spec"
	mkdir -p "$dir"
	tar -xzf "$IMG_FILE" -C "$dir" --strip-components=1
	# Only the runtime dependencies are resolved: dev dependencies and scripts are dropped from package.json.
	(cd "$dir" && node -e 'const fs = require("fs"), p = JSON.parse(fs.readFileSync("package.json"));
		delete p.devDependencies; delete p.scripts; fs.writeFileSync("package.json", JSON.stringify(p, null, 2));')
	img_log "npm install $spec (production dependencies)"
	(cd "$dir" && timeout 15m npm install --omit=dev --ignore-scripts --no-audit --no-fund --no-package-lock \
		--cache "$IMAGE_CACHE/npm" --loglevel=error >/dev/null) || img_die "npm install of $spec's dependencies failed"
}
