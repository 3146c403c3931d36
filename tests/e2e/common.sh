# common.sh - sourced by the end-to-end scripts (not a test itself).
#
# Expects $out (the test's folder) and $state (vitrine's --state-file) to be
# set; sets $xvfb and $vit to the processes it starts (the caller kills them
# by their ids when it ends).

start_x() { # start_x NAME SCREEN-OPTIONS...: an X server; DISPLAY points at it
    name=$1
    shift
    Xvfb -displayfd 3 "$@" -nolisten tcp 3>"$out/$name.display" 2>"$out/$name.xvfb.log" &
    xvfb=$!
    for _ in $(seq 100); do [ -s "$out/$name.display" ] && break; sleep 0.1; done
    DISPLAY=:$(cat "$out/$name.display")
    export DISPLAY
}

expect() { # expect FRAGMENT: wait (up to 10 s) until the state file shows it
    for _ in $(seq 100); do
        if [ -f "$state" ] && grep -q "$1" "$state"; then
            echo "ok: $1"
            return 0
        fi
        sleep 0.1
    done
    echo "FAIL: state never showed $1; it is:"; cat "$state" 2>/dev/null; cat "$out"/*.log
    exit 1
}
