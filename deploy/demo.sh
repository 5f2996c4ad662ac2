#!/usr/bin/env bash
# The demo: spins specs/demo.yaml (Unleash with four flags on the shared Postgres, WireMock with seeded stubs,
# MailDev, the fixture API), prints one command per clone to paste, then changes something in every clone and
# shows `env reset demo` putting it all back.
#
#   bash deploy/demo.sh            # DEMO_NO_RESET=1 skips the change-and-reset part
#
# It uses the Docker engine that answers (Docker Desktop, rootless, a remote DOCKER_HOST); only when none
# answers and this is Debian as root does it install docker.io and start dockerd. Images are kept if local,
# else pulled, else (offline, as root) built here by .ci/images/*.sh with a progress line per image.
set -euo pipefail
cd "$(dirname "$0")/.."
ASYM=target/asymmetric
log() { printf '[demo] %s\n' "$*" >&2; }
die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }
debian_root() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }
apt_install() {
	log "installing $*"
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; } \
		|| die "apt-get install $* failed"
}

# 1. A Docker engine.
engine_answers() { command -v docker >/dev/null && timeout 15 docker info >/dev/null 2>&1; }
if ! engine_answers; then
	debian_root || die "no Docker engine answers. Start Docker (Docker Desktop, rootless dockerd) or set DOCKER_HOST, then run this again"
	command -v dockerd >/dev/null || apt_install docker.io
	log "no Docker engine answers; starting dockerd (log: /var/log/asym-dockerd.log)"
	nohup dockerd >/var/log/asym-dockerd.log 2>&1 &
	for _ in $(seq 1 60); do engine_answers && break; sleep 1; done
	engine_answers || { tail -n 20 /var/log/asym-dockerd.log >&2; die "dockerd did not answer within 60 s (log above)"; }
fi
log "Docker $(docker version --format '{{.Server.Version}}') answers"

# 2. The images: local, else pulled, else built here.
pulled_or_local() { docker image inspect "$1" >/dev/null 2>&1 || timeout 30 docker pull -q "$1" >/dev/null 2>&1; }
if ! pulled_or_local busybox:1.36; then
	if ! file -L /bin/busybox 2>/dev/null | grep -q 'statically linked'; then
		debian_root || die "busybox:1.36 can't be pulled; building it needs Debian's busybox-static as root"
		apt_install busybox-static file
	fi
	bash .ci/images/busybox.sh
fi
if ! pulled_or_local postgres:16-alpine || ! pulled_or_local redis:7-alpine; then
	bash .ci/images/data-plane.sh
fi
bash .ci/images/real-programs.sh

# 3. The launcher.
if [ ! -x "$ASYM" ]; then
	command -v java >/dev/null || die "no java: install JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)"
	log "building the launcher (./mvnw package, a few minutes the first time)"
	./mvnw -B -q package -DskipTests || die "the build failed"
fi

# 4. Spin.
"$ASYM" env spin specs/demo.yaml --timeout 10m || die "the demo did not come up: see $ASYM env status demo"

status=$(mktemp)
trap 'rm -f "$status"' EXIT
refresh() { "$ASYM" env status demo --json >"$status"; }
refresh
command -v python3 >/dev/null || { log "no python3: see the endpoints with $ASYM env status demo"; exit 0; }

# The rest reads the environment's JSON and talks to the clones over their loopback ports.
demo_py() {
	python3 - "$1" "$status" <<'PY'
import json, smtplib, sys, urllib.request
from email.message import EmailMessage

what, status = sys.argv[1], json.load(open(sys.argv[2]))
clones = {c["template"]: c for c in status["clones"]}
ADMIN = "*:*.unleash-insecure-admin-api-token"

def url(t, path=""):
    return next(iter(clones[t]["endpoints"].values())) + path

def call(method, u, body=None, headers=None):
    req = urllib.request.Request(u, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=10) as r:
        text = r.read().decode()
        return json.loads(text) if text.strip()[:1] in "[{" else text

smtp = clones["maildev"]["ports"]["mail.smtp"]

if what == "commands":
    print("\nThe demo stack is up. Paste any of these:\n")
    print("  # Unleash: is new-checkout on? (the admin API, with the template's admin token)")
    print(f"  curl -s -H '{ 'Authorization: ' + ADMIN }' {url('unleash', '/api/admin/projects/default/features/new-checkout')}")
    print("  # WireMock: a seeded stub")
    print(f"  curl -s {url('wiremock', '/v1/customers/cus_acme')}")
    print("  # MailDev: send a mail over SMTP, then list the mailbox")
    print(f"  printf 'From: app@demo.example\\r\\nTo: you@demo.example\\r\\nSubject: Hello\\r\\n\\r\\nFrom the demo.\\r\\n' "
          f"| curl -s smtp://127.0.0.1:{smtp} --mail-from app@demo.example --mail-rcpt you@demo.example -T -")
    print(f"  curl -s {url('maildev', '/api/email')}")
    print("  # The fixture API: Acme Corp's records")
    print(f"  curl -s {url('fixture', '/cgi-bin/records')}")
    print(f"  # Unleash's UI: {url('unleash')}  (admin / unleash4all)   MailDev's UI: {url('maildev')}\n")
elif what == "change":
    call("POST", url("unleash", "/api/admin/projects/default/features"),
         {"name": "made-by-the-demo", "type": "release"}, {"Authorization": ADMIN})
    call("POST", url("wiremock", "/__admin/mappings"),
         {"request": {"url": "/made-by-the-demo"}, "response": {"status": 200, "body": "hi"}})
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "app@demo.example", "you@demo.example", "Made by the demo"
    m.set_content("This mail goes away with the reset.")
    with smtplib.SMTP("127.0.0.1", smtp, timeout=10) as s:
        s.send_message(m)
    call("POST", url("fixture", "/cgi-bin/records"), {"name": "Made by the demo"})
else:
    flags = [f["name"] for f in call("GET", url("unleash", "/api/admin/projects/default/features"),
                                     headers={"Authorization": ADMIN})["features"]]
    stubs = call("GET", url("wiremock", "/__admin/mappings"))["meta"]["total"]
    mails = len(call("GET", url("maildev", "/api/email")))
    records = len(call("GET", url("fixture", "/cgi-bin/records")))
    print(f"  {what:<14} unleash: {len(flags)} flags ({', '.join(sorted(flags))})")
    print(f"  {'':<14} wiremock: {stubs} stubs   maildev: {mails} mail(s)   fixture: {records} records")
PY
}

demo_py commands
if [ -z "${DEMO_NO_RESET:-}" ]; then
	echo "Now the reset: one change in every clone (a flag, a stub, a mail, a record), then 'env reset demo'."
	demo_py seeded
	demo_py change
	demo_py changed
	"$ASYM" env reset demo --timeout 10m || die "the reset failed: see $ASYM env status demo"
	refresh
	demo_py "after reset"
	echo
fi
echo "Destroy it with: $ASYM env destroy demo"
