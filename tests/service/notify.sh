#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine under a fake systemd: a NOTIFY_SOCKET that records what it is told.
# It must say READY=1 once its first frame is presented, keep saying
# WATCHDOG=1 while nobody touches it (it wakes to present a frame for each),
# and STOPPING=1 on SIGTERM, then exit 0. Also: dist/vitrine.service passes
# `systemd-analyze verify` (with ExecStart pointed at this build, since the
# unit's cage and /usr/local/bin are not installed here).
# Then, in real time with the background hot reload (issue 16): a kiosk
# started with --exhibition steppe while steppe's manifest is broken stays
# up, says STATUS=waiting for exhibition "steppe"... with READY=1 and
# "waiting_for":"steppe" in its --state-file; once a good manifest is
# renamed into place, steppe opens (state file) and STATUS=showing
# exhibitions follows. The same with kiosk.exhibition_only set: "being
# prepared" instead of the home screen, and once open, its folder renamed
# away and back: STATUS= says it waits again (gone), then it opens again.
#
#   notify.sh VITRINE ROOT OUTDIR
set -eu
vitrine=$1 root=$2 out=$3
rm -rf "$out" && mkdir -p "$out"

if command -v systemd-analyze >/dev/null 2>&1; then
    sed -e "s|^ExecStart=.*|ExecStart=$vitrine $root/exhibitions|" -e "s|^User=.*|User=root|" \
        "$root/dist/vitrine.service" >"$out/vitrine.service"
    systemd-analyze verify "$out/vitrine.service"
    echo "systemd-analyze verify: ok"
else
    echo "systemd-analyze not installed: unit not verified" >&2
    exit 1
fi

if ! "$vitrine" --version >/dev/null 2>&1; then exit 1; fi
python3 - "$vitrine" "$root" "$out" <<'PY'
import os, signal, socket, subprocess, sys, time
vitrine, root, out = sys.argv[1:4]
path = os.path.join(out, "notify.sock")
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
sock.settimeout(0.2)
env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="600000", SDL_VIDEODRIVER="offscreen")
# WATCHDOG_PID must be vitrine's own pid: let a shell exec into it
p = subprocess.Popen(["sh", "-c", 'WATCHDOG_PID=$$ exec "$0" --windowed --size 640x360 "$1"',
                      vitrine, os.path.join(root, "exhibitions")], env=env,
                     stdout=subprocess.DEVNULL, stderr=open(os.path.join(out, "stderr.txt"), "w"))
got = []
end = time.time() + 4.0
while time.time() < end:
    try:
        got.append((time.time(), sock.recv(4096).decode()))
    except socket.timeout:
        pass
p.send_signal(signal.SIGTERM)
rc = p.wait(timeout=10)
end = time.time() + 0.5
while time.time() < end:
    try:
        got.append((time.time(), sock.recv(4096).decode()))
    except socket.timeout:
        pass
msgs = [m for _, m in got]
t0 = got[0][0] if got else 0
print("messages:", ["%s@%.2f" % (m.split("\n")[0], t - t0) for t, m in got])
ok = True
if not msgs or not msgs[0].startswith("READY=1"):
    print("FAIL: the first message is not READY=1"); ok = False
pings = [t for t, m in got if m.startswith("WATCHDOG=1")]
# 600 ms watchdog: a ping every 300 ms while idle, so some 8 in 3.5 s
if len(pings) < 5:
    print("FAIL: only %d watchdog pings in 4 s with WatchdogSec=0.6" % len(pings)); ok = False
if not any(m.startswith("STOPPING=1") for m in msgs):
    print("FAIL: no STOPPING=1 on SIGTERM"); ok = False
if rc != 0:
    print("FAIL: exit status %d after SIGTERM" % rc); ok = False

# ---- a kiosk whose --exhibition is broken at start --------------------------------
import json, shutil
def read_state(state):
    try:
        with open(state) as f:
            return json.loads(f.read())
    except (OSError, ValueError):
        return None
def recv_until(pred, secs):
    end = time.time() + secs
    while time.time() < end:
        try:
            m = sock.recv(4096).decode()
            got.append((time.time(), m))
        except socket.timeout:
            pass
        if pred():
            return True
    return False

def waiting_kiosk(name, args, screen, shows):
    """A kiosk started with --exhibition steppe (args more options) while
    steppe's manifest is broken: running on `screen`, STATUS= saying it
    waits and shows `shows`, "waiting_for" in the state file; the fix
    renamed into place opens steppe at slide 2 and STATUS=showing
    exhibitions follows. Returns (process, state file, folder), running."""
    global got, ok
    ex = os.path.join(out, name)
    shutil.copytree(os.path.join(root, "tests/fixtures/waiting"), ex)
    state = os.path.join(out, name + "-state.json")
    recv_until(lambda: False, 0.5) # what the kiosk before said last
    got = []
    p = subprocess.Popen(["sh", "-c", 's=$1; shift; WATCHDOG_PID=$$ exec "$0" --windowed --size 640x360 '
                          '--exhibition steppe --slide 2 --state-file "$s" "$@"', vitrine, state] + args + [ex], env=env,
                         stdout=subprocess.DEVNULL, stderr=open(os.path.join(out, name + "-stderr.txt"), "w"))
    status = 'STATUS=waiting for exhibition "steppe" (missing or broken at start): showing ' + shows
    waiting = lambda: any(m.endswith(status) for _, m in got) and \
        (read_state(state) or {}).get("waiting_for") == "steppe"
    if not recv_until(waiting, 6):
        print("FAIL: %s: no %s and \"waiting_for\" in the state file:" % (name, status),
              [m for _, m in got], read_state(state)); ok = False
    elif not got[0][1].startswith("READY=1\n" + status):
        print("FAIL: %s: READY=1 did not carry the waiting status:" % name, got[0][1]); ok = False
    st = read_state(state) or {}
    if p.poll() is not None or st.get("screen") != screen:
        print("FAIL: %s: not running on the %s screen while waiting:" % (name, screen), p.poll(), st); ok = False
    # the curator saves a good version, the way editors do (a new file renamed into place)
    good = os.path.join(ex, "steppe", ".exhibition.json.new")
    shutil.copy(os.path.join(root, "tests/fixtures/reload-edits/steppe-edited.json"), good)
    os.rename(good, os.path.join(ex, "steppe", "exhibition.json"))
    opened = lambda: (read_state(state) or {}).get("exhibition") == "steppe" and \
        any(m.startswith("STATUS=showing exhibitions") for _, m in got)
    if not recv_until(opened, 6):
        print("FAIL: %s: steppe did not open (with STATUS=showing exhibitions) after the fix:" % name,
              [m.split("\n")[-1] for _, m in got], read_state(state)); ok = False
    st = read_state(state) or {}
    if st.get("slide") != 2 or "waiting_for" in st:
        print("FAIL: %s: expected steppe at slide 2 and no waiting_for:" % name, st); ok = False
    return p, state, ex

def stop(name, p):
    global ok
    p.send_signal(signal.SIGTERM)
    if p.wait(timeout=10) != 0:
        print("FAIL: %s: the kiosk did not exit 0 on SIGTERM" % name); ok = False
    print(name + ":", [m.replace("\n", " | ") for _, m in got if "STATUS" in m])

p, _, _ = waiting_kiosk("waiting", [], "home", "the home screen")
stop("waiting kiosk", p)

# The same kiosk set to show steppe only (kiosk.exhibition_only): "being
# prepared" while it waits; and when steppe's folder is then renamed away,
# it waits again (STATUS=... (gone)), and opens again once it is back.
p, state, ex = waiting_kiosk("only", ["--settings", os.path.join(root, "tests/fixtures/settings/exhibition-only.json")],
                             "preparing", '"being prepared"')
os.rename(os.path.join(ex, "steppe"), os.path.join(ex, ".steppe-away"))
gone = 'STATUS=waiting for exhibition "steppe" (gone): showing "being prepared"'
if not recv_until(lambda: any(m == gone for _, m in got) and
                  (read_state(state) or {}).get("screen") == "preparing", 6):
    print("FAIL: only: no %s and \"preparing\" after the folder went:" % gone,
          [m for _, m in got], read_state(state)); ok = False
del got[:]
os.rename(os.path.join(ex, ".steppe-away"), os.path.join(ex, "steppe"))
if not recv_until(lambda: (read_state(state) or {}).get("slide") == 2 and
                  any(m.startswith("STATUS=showing exhibitions") for _, m in got), 6):
    print("FAIL: only: steppe did not open again when its folder came back:",
          [m for _, m in got], read_state(state)); ok = False
stop("kiosk showing steppe only", p)
print("service notify: ok" if ok else "service notify: FAILED")
sys.exit(0 if ok else 1)
PY
