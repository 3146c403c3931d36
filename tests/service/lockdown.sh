#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The kiosk as shipped lets no visitor out (issue 16). Reads
# dist/vitrine.service and README's "Running a kiosk" files and fails when:
#  - the unit runs cage with -s (cage's -s *allows* VT switching), a shell
#    without exec, or could give up restarting (Restart=always, and
#    StartLimitIntervalSec=0 in [Unit]); or systemd-analyze verify finds
#    fault with it (an unknown or misplaced key is ignored by systemd, so
#    a warning counts as a failure here);
#  - README's xorg.conf.d file does not set DontVTSwitch and DontZap in
#    ServerFlags, or sets them false;
#  - README's .bash_profile starts X without exec, or could end in a shell;
#  - README names `cage -s` anywhere in its code;
#  - README's sysctl and logind files do not turn off SysRq and the spare
#    consoles, or put a comment after a value (systemd reads it as part of
#    the value);
#  - the lecture hall's dist/vitrine-hall.service fails the unit's checks,
#    or its dist/sway-hall.conf binds a key in sway (bindsym: a way to a
#    terminal or out of sway), keeps the console keys (Ctrl+Alt+F1..F12
#    switch consoles in sway unless xkb_options has srvrkeys:none), shows
#    a bar, or lets sway outlive vitrine (no swaymsg exit after it).
# Then it breaks copies of both files, one way at a time, and fails unless
# each broken copy is caught: the checks themselves are tested.
#
#   lockdown.sh ROOT OUTDIR
set -eu
root=$1 out=$2
rm -rf "$out" && mkdir -p "$out"

# ---- the unit ----------------------------------------------------------------

# check_unit UNIT: prints "FAIL: ..." per problem; status 1 if any.
check_unit() {
    awk '
    function fail(m) { print "FAIL: " FILENAME ": " m; bad = 1 }
    /^[ \t]*[#;]/ || /^[ \t]*$/ { next }
    /^\[/ { section = $0; next }
    {
        line = $0
        key = line; sub(/=.*/, "", key); gsub(/[ \t]/, "", key)
        val = line; sub(/^[^=]*=[ \t]*/, "", val)
    }
    key == "Restart" && val == "always" { restart = 1 }
    key == "StartLimitIntervalSec" {
        if (section != "[Unit]") fail("StartLimitIntervalSec belongs in [Unit], not " section)
        else if (val == "0") nolimit = 1
    }
    key == "ExecStart" && val != "" {
        execs++
        sub(/^[-@:+!]+/, "", val)
        n = split(val, w, /[ \t]+/)
        prog = w[1]; sub(/.*\//, "", prog)
        if (prog == "cage") {
            for (i = 2; i <= n && w[i] != "--"; i++)
                if (w[i] ~ /^-[a-zA-Z]*s[a-zA-Z]*$/)
                    fail("cage " w[i] ": -s allows VT switching (Ctrl+Alt+F2 gives a login prompt)")
        }
        if (prog ~ /^(sh|bash|dash)$/ && val !~ /(^|[ \t;&|"'"'"'])exec[ \t]/)
            fail("ExecStart runs a shell without exec: " val)
    }
    END {
        if (!execs) fail("no ExecStart")
        if (!restart) fail("no Restart=always")
        if (!nolimit) fail("no StartLimitIntervalSec=0 in [Unit]: systemd gives up after 5 starts in 10 s")
        exit bad
    }' "$1"
}

# verify_unit UNIT: systemd-analyze verify on a copy that can run here (the
# unit's cage, /usr/local/bin and user need not exist on this machine).
verify_unit() {
    sed -e "s|^ExecStart=.*|ExecStart=/bin/true|" -e "s|^User=.*|User=root|" "$1" >"$out/verify.service"
    if ! systemd-analyze verify "$out/verify.service" >"$out/verify.log" 2>&1; then
        echo "FAIL: systemd-analyze verify $1:"; cat "$out/verify.log"; return 1
    fi
    # what systemd ignores it only warns about: an ignored StartLimit... is a kiosk left dark
    if [ -s "$out/verify.log" ]; then
        echo "FAIL: systemd-analyze verify $1 warns:"; cat "$out/verify.log"; return 1
    fi
}

# ---- README -------------------------------------------------------------------

# block FILE HEADER: the fenced code block of FILE whose first line is HEADER.
block() {
    awk -v h="$2" '
    /^```/ { if (inb) { if (take) exit; inb = 0 } else { inb = 1; first = 1 } next }
    inb && first { first = 0; if ($0 == h) take = 1; next }
    inb && take { print }' "$1"
}

# check_readme README: prints "FAIL: ..." per problem; status 1 if any.
check_readme() {
    bad=0
    xorg=$(block "$1" "# /etc/X11/xorg.conf.d/10-vitrine-kiosk.conf")
    if [ -z "$xorg" ]; then
        echo "FAIL: $1: no xorg.conf.d file (# /etc/X11/xorg.conf.d/10-vitrine-kiosk.conf)"; bad=1
    fi
    flags=$(printf '%s\n' "$xorg" | awk '/^[ \t]*Section[ \t]+"ServerFlags"/ { on = 1; next }
                                         /^[ \t]*EndSection/ { on = 0 } on && !/^[ \t]*#/')
    for opt in DontVTSwitch DontZap; do
        # an Option without a value means true in xorg.conf
        if ! printf '%s\n' "$flags" |
                grep -Eiq "^[[:space:]]*Option[[:space:]]+\"$opt\"([[:space:]]+\"(true|on|yes|1)\")?[[:space:]]*\$"; then
            echo "FAIL: $1: the X11 file does not set Option \"$opt\" \"true\" in ServerFlags"; bad=1
        fi
        if printf '%s\n' "$xorg" | grep -Eiq "\"$opt\"[[:space:]]+\"(false|off|no|0)\""; then
            echo "FAIL: $1: the X11 file turns $opt off"; bad=1
        fi
    done

    profile=$(block "$1" "# ~vitrine/.bash_profile (the kiosk user logs in on tty1 and nowhere else)")
    if [ -z "$profile" ]; then
        echo "FAIL: $1: no ~vitrine/.bash_profile"; bad=1
    fi
    code=$(printf '%s\n' "$profile" | sed -e 's/#.*//' -e '/^[[:space:]]*$/d')
    starts=$(printf '%s\n' "$code" | grep -E '(^|[[:space:];&|])(startx|xinit)([[:space:]]|$)' || true)
    if [ -z "$starts" ]; then
        echo "FAIL: $1: the .bash_profile starts no X (startx)"; bad=1
    fi
    if printf '%s\n' "$starts" | grep -Evq '^[[:space:]]*exec[[:space:]]+(startx|xinit)([[:space:]]|$)'; then
        echo "FAIL: $1: the .bash_profile starts X without exec: leaving vitrine leaves a shell"; bad=1
    fi
    last=$(printf '%s\n' "$code" | tail -n 1)
    if ! printf '%s\n' "$last" | grep -Eq '^[[:space:]]*(exit|logout)([[:space:]]|$)'; then
        echo "FAIL: $1: the .bash_profile does not end in exit: where startx cannot run, a shell is left"; bad=1
    fi

    if awk '/^```/ { inb = !inb; next } inb' "$1" |
            grep -Eq '(^|[[:space:]/])cage([[:space:]]+-[a-zA-Z]+)*[[:space:]]+-[a-zA-Z]*s[a-zA-Z]*([[:space:]]|$)'; then
        echo "FAIL: $1: cage -s in README's code: it allows VT switching"; bad=1
    fi

    sysctl=$(block "$1" "# /etc/sysctl.d/90-vitrine-kiosk.conf")
    if ! printf '%s\n' "$sysctl" | grep -Eq '^kernel\.sysrq[[:space:]]*=[[:space:]]*0$'; then
        echo "FAIL: $1: the sysctl file does not set kernel.sysrq = 0"; bad=1
    fi
    logind=$(block "$1" "# /etc/systemd/logind.conf.d/vitrine-kiosk.conf")
    for want in NAutoVTs=0 ReserveVT=0 HandlePowerKey=ignore HandleSuspendKey=ignore; do
        if ! printf '%s\n' "$logind" | grep -qx "$want"; then
            echo "FAIL: $1: the logind file lacks $want"; bad=1
        fi
    done
    getty=$(block "$1" "# /etc/systemd/system/getty@tty1.service.d/autologin.conf")
    for f in "$sysctl" "$logind" "$getty"; do
        if printf '%s\n' "$f" | grep -Eq '^[^#;].*[=].*[[:space:]]#'; then
            echo "FAIL: $1: a comment after a value in a systemd or sysctl file (it becomes part of the value):"
            printf '%s\n' "$f" | grep -E '^[^#;].*[=].*[[:space:]]#'; bad=1
        fi
    done
    return $bad
}

# ---- the lecture hall's sway configuration --------------------------------------------

# check_sway CONF: prints "FAIL: ..." per problem; status 1 if any.
check_sway() {
    bad=0
    code=$(sed -e 's/^[[:space:]]*#.*//' -e '/^[[:space:]]*$/d' "$1")
    if printf '%s\n' "$code" | grep -Eq '^[[:space:]]*(bindsym|bindcode|bindswitch)[[:space:]]'; then
        echo "FAIL: $1: a key binding in sway (a visitor's way to a terminal or out of sway)"; bad=1
    fi
    if ! printf '%s\n' "$code" | grep -Eq '^[[:space:]]*input[[:space:]]+(type:keyboard|\*)[[:space:]]+xkb_options[[:space:]]+([^[:space:]]*,)?srvrkeys:none(,|[[:space:]]|$)'; then
        echo "FAIL: $1: no input type:keyboard xkb_options srvrkeys:none: Ctrl+Alt+F2 switches console"; bad=1
    fi
    if printf '%s\n' "$code" | grep -Eq '^[[:space:]]*bar([[:space:]]|$)'; then
        echo "FAIL: $1: a bar beside vitrine"; bad=1
    fi
    if ! printf '%s\n' "$code" | grep -Eq "^[[:space:]]*exec[[:space:]].*vitrine[^;]*;[[:space:]]*swaymsg exit"; then
        echo "FAIL: $1: sway does not end when vitrine does (exec ...vitrine...; swaymsg exit)"; bad=1
    fi
    return $bad
}

# ---- the files as shipped -------------------------------------------------------

status=0
check_unit "$root/dist/vitrine.service" || status=1
if command -v systemd-analyze >/dev/null 2>&1; then
    verify_unit "$root/dist/vitrine.service" || status=1
else
    echo "systemd-analyze not installed: the unit is checked, not verified"
fi
check_readme "$root/README.md" || status=1
check_unit "$root/dist/vitrine-hall.service" || status=1
if command -v systemd-analyze >/dev/null 2>&1; then
    verify_unit "$root/dist/vitrine-hall.service" || status=1
fi
check_sway "$root/dist/sway-hall.conf" || status=1
if [ "$status" -ne 0 ]; then
    echo "kiosk lockdown: FAILED"
    exit 1
fi
echo "dist/vitrine.service, README's kiosk files and the lecture hall's files: locked down"

# ---- and broken copies of them, each of which must be caught ----------------------

must_fail() { # what, check, file
    if "$2" "$3" >"$out/caught.log" 2>&1; then
        echo "FAIL: the check missed: $1"; status=1
    else
        echo "caught: $1 ($(head -n 1 "$out/caught.log" | sed 's/^FAIL: [^:]*: //'))"
    fi
}
unit=$root/dist/vitrine.service readme=$root/README.md
sed 's|cage --|cage -s --|' "$unit" >"$out/cage-s.service"
must_fail "cage -s" check_unit "$out/cage-s.service"
sed 's|cage --|cage -ds --|' "$unit" >"$out/cage-ds.service"
must_fail "cage -ds" check_unit "$out/cage-ds.service"
sed '/^StartLimitIntervalSec=/d' "$unit" >"$out/limit.service"
must_fail "no StartLimitIntervalSec" check_unit "$out/limit.service"
sed -e '/^StartLimitIntervalSec=/d' -e 's/^Restart=always/&\nStartLimitIntervalSec=0/' "$unit" >"$out/misplaced.service"
must_fail "StartLimitIntervalSec in [Service]" check_unit "$out/misplaced.service"
sed 's|^ExecStart=.*|ExecStart=/bin/sh -c "/usr/bin/cage -- /usr/local/bin/vitrine /srv"|' "$unit" >"$out/shell.service"
must_fail "a shell without exec" check_unit "$out/shell.service"
if command -v systemd-analyze >/dev/null 2>&1; then
    sed 's/^StartLimitIntervalSec=0/StartLimitIntervalSecs=0/' "$unit" >"$out/typo.service"
    must_fail "a key systemd ignores (StartLimitIntervalSecs)" verify_unit "$out/typo.service"
fi
sed 's/"DontZap" "true"/"DontZap" "false"/' "$readme" >"$out/zap.md"
must_fail "DontZap false" check_readme "$out/zap.md"
sed '/"DontVTSwitch"/d' "$readme" >"$out/vt.md"
must_fail "no DontVTSwitch" check_readme "$out/vt.md"
sed 's/exec startx/startx/' "$readme" >"$out/exec.md"
must_fail "startx without exec" check_readme "$out/exec.md"
sed 's/^exit 1 .*$//' "$readme" >"$out/exit.md"
must_fail "no exit after exec" check_readme "$out/exit.md"
sed 's/^\(ExecStart=-.*autologin.*\)$/\1  # log in/' "$readme" >"$out/comment.md"
must_fail "a comment after a value in the getty drop-in" check_readme "$out/comment.md"
printf '\n```sh\n/usr/bin/cage -s -- vitrine\n```\n' | cat "$readme" - >"$out/cage.md"
must_fail "cage -s in README" check_readme "$out/cage.md"
sway=$root/dist/sway-hall.conf
printf 'bindsym Mod4+Return exec foot\n' | cat "$sway" - >"$out/bind.conf"
must_fail "a key binding in sway" check_sway "$out/bind.conf"
sed 's/srvrkeys:none/compose:ralt/' "$sway" >"$out/vt.conf"
must_fail "console keys kept in sway" check_sway "$out/vt.conf"
sed 's/; swaymsg exit//' "$sway" >"$out/outlive.conf"
must_fail "sway outliving vitrine" check_sway "$out/outlive.conf"
printf 'bar {\n}\n' | cat "$sway" - >"$out/bar.conf"
must_fail "a bar" check_sway "$out/bar.conf"
if [ "$status" -ne 0 ]; then
    echo "kiosk lockdown: the checks miss a way out"
    exit 1
fi
echo "kiosk lockdown: ok"
