#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The long soak, a release check (README: Release checks; not in CI): vitrine
# fullscreen under Xvfb for a given time, in real time, driven by random X
# input from xdotool while its content changes now and then, and its memory,
# threads and open files sampled every 10 s.
#
#   tests/soak/long.sh VITRINE [SECONDS] [OUTDIR]
#
# SECONDS defaults to 3600 (one hour), OUTDIR to /tmp/vitrine-long. It runs
# on a copy of tests/fixtures/soak (EXHIBITIONS=DIR: a copy of DIR instead)
# with tests/fixtures/settings/soak.json (short idle times, PIN 2468), so
# the idle reset and the attract loop come round often. Input: clicks and
# mouse drags (swipes) anywhere, wheel turns, keys (navigation, the visitors'
# buttons, the keys visitors try to leave with), the administrator's chord
# with a wrong PIN, and pauses of 22 to 45 s. Every CHANGE_S seconds
# (default 60) one change to the folder, put back the next time, as the
# suite's soak makes them: a manifest replaced by a variant, an image
# replaced, an exhibition moved out (EXHIBITIONS=DIR: its manifests only
# touched). Written to OUTDIR: samples.csv (seconds, VmRSS and VmHWM in kB,
# threads, open fds, of which font files, CPU time used so far in clock
# ticks), threads.log (the threads' names each time they change),
# vitrine.log, input.log, changes.log, and the visitor statistics vitrine
# kept (state/).
#
# It fails when vitrine dies, when RSS keeps growing (the median of the last
# quarter of the samples more than 10% above the median of the second
# quarter: the first is start-up, caches filling), or when the number of
# threads or open files other than fonts do (the last quarter's median above
# the second's). Fonts are counted apart: each size open holds its file
# open (SDL_ttf reads glyphs through it), and they come as the sizes are
# first needed, for minutes, up to text.c's 24 per text cache: at most
# FONT_FDS (72: the audience's, the measuring and the presenter's caches).
set -eu
vitrine=$(realpath "$1") seconds=${2:-3600} out=${3:-/tmp/vitrine-long}
change_s=${CHANGE_S:-60}
font_fds_max=${FONT_FDS:-72}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    echo "needs Xvfb and xdotool"; exit 2
fi

. "$root/tests/e2e/common.sh"
xvfb='' vit='' driver=''
cleanup() {
    [ -n "$driver" ] && kill "$driver" 2>/dev/null || true
    [ -n "$vit" ] && kill "$vit" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
start_x x -screen 0 1920x1080x24

ex="$out/exhibitions"
edits="$root/tests/fixtures/soak-edits"
if [ -n "${EXHIBITIONS:-}" ]; then
    cp -R "$EXHIBITIONS" "$ex"
    edits=
else
    cp -R "$root/tests/fixtures/soak" "$ex"
fi
state="$out/state.json"
SDL_VIDEODRIVER=x11 "$vitrine" --settings "$root/tests/fixtures/settings/soak.json" --state-file "$state" \
    --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
expect '"screen":"home"'

# ---- random input ------------------------------------------------------------
# A small random number generator of our own ($RANDOM is not in POSIX sh),
# in the caller's shell: no $(...), which would forget the seed.
seed=${SEED:-$$}
rnd() { # rnd N: r = 0..N-1
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    r=$(( seed / 65536 % $1 ))
}
drive() {
    keys="Right Left Prior Next Home End Return space Escape BackSpace Tab c equal plus h z x l n p F5 b w period ctrl+q alt+F4"
    nkeys=$(echo "$keys" | wc -w)
    while :; do
        rnd 1920; x=$r
        rnd 1080; y=$r
        rnd 100
        if [ "$r" -lt 35 ]; then
            echo "click $x $y"
            xdotool mousemove "$x" "$y" click 1
        elif [ "$r" -lt 50 ]; then
            rnd 1920
            echo "drag $x $y $r $y"
            xdotool mousemove "$x" "$y" mousedown 1 mousemove $(((x + r) / 2)) "$y" mousemove "$r" "$y" mouseup 1
        elif [ "$r" -lt 58 ]; then
            rnd 2; b=$((4 + r))
            rnd 3
            echo "wheel $b x$((1 + r)) at $x $y"
            xdotool mousemove "$x" "$y" click --repeat $((1 + r)) "$b"
        elif [ "$r" -lt 90 ]; then
            rnd "$nkeys"
            k=$(echo "$keys" | cut -d' ' -f$((1 + r)))
            echo "key $k"
            xdotool key "$k"
        elif [ "$r" -lt 91 ]; then
            echo "admin chord, wrong PIN"
            xdotool key ctrl+alt+shift+q 1 1 1 1 Return Escape
        elif [ "$r" -lt 92 ]; then # past the idle timeout (20 s), into the attract loop
            rnd 24
            echo "pause $((22 + r)) s"
            sleep $((22 + r))
        fi
        rnd 9
        sleep "0.$r"
    done
}
drive >"$out/input.log" 2>&1 &
driver=$!

# ---- changes to the folder ----------------------------------------------------------
pending=
change() {
    if [ -n "$pending" ]; then # put back the last change
        eval "$pending"
        echo "$(date +%T) put back: $pending" >>"$out/changes.log"
        pending=
        return
    fi
    rnd 3
    if [ -z "$edits" ]; then # a foreign folder: touch a manifest (written again as it is)
        m=$(find "$ex" -mindepth 2 -maxdepth 2 -name exhibition.json | head -n "$((1 + r))" | tail -n 1)
        cp "$m" "$m.tmp~" && cat "$m.tmp~" >"$m" && rm "$m.tmp~"
        echo "$(date +%T) rewrote $m" >>"$out/changes.log"
        return
    fi
    case $r in
    0) rnd 3
       id=photos v=$(echo added removed broken | cut -d' ' -f$((1 + r)))
       cp "$edits/$id/$v.json" "$ex/$id/exhibition.json"
       pending="cp '$edits/$id/exhibition.json' '$ex/$id/exhibition.json'" ;;
    1) mkdir -p "$ex/.kept"
       mv "$ex/photos/images/photo.jpg" "$ex/.kept/photo.jpg"
       cp "$edits/photos/images/photo.jpg" "$ex/photos/images/photo.jpg"
       pending="mv '$ex/.kept/photo.jpg' '$ex/photos/images/photo.jpg'" ;;
    2) mkdir -p "$ex/.kept"
       mv "$ex/steppe" "$ex/.kept/steppe"
       pending="mv '$ex/.kept/steppe' '$ex/steppe'" ;;
    esac
    echo "$(date +%T) changed: put back by $pending" >>"$out/changes.log"
}

# ---- samples ------------------------------------------------------------------------
echo "seconds,rss_kb,hwm_kb,threads,fds,font_fds,cpu_ticks" >"$out/samples.csv"
start=$(date +%s)
next_change=$((start + change_s))
last_names=
: >"$out/threads.log"
echo "long soak: $seconds s, samples every 10 s in $out/samples.csv"
while :; do
    now=$(date +%s)
    [ $((now - start)) -ge "$seconds" ] && break
    if ! kill -0 "$vit" 2>/dev/null; then
        echo "FAIL: vitrine died after $((now - start)) s"; tail -n 20 "$out/vitrine.log"; exit 1
    fi
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$vit/status")
    hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$vit/status")
    threads=$(awk '/^Threads/ { print $2 }' "/proc/$vit/status")
    fds=$(find "/proc/$vit/fd" -mindepth 1 -maxdepth 1 | wc -l)
    fonts=$(find "/proc/$vit/fd" -mindepth 1 -maxdepth 1 -lname '*.[ot]tf' | wc -l)
    # utime + stime, fields 14 and 15 after the ")" that ends the name
    cpu=$(sed 's/.*) //' "/proc/$vit/stat" | awk '{ print $12 + $13 }')
    echo "$((now - start)),$rss,$hwm,$threads,$fds,$fonts,$cpu" >>"$out/samples.csv"
    # which threads, by name, each time the set changes
    names=$(cat /proc/"$vit"/task/*/comm 2>/dev/null | sort | tr '\n' ' ')
    if [ "$names" != "$last_names" ]; then
        echo "$((now - start)) s: $names" >>"$out/threads.log"
        last_names=$names
    fi
    if [ "$now" -ge "$next_change" ]; then
        change
        next_change=$((now + change_s))
    fi
    sleep 10
done
[ -n "$pending" ] && change # the folder as it was

kill "$driver" 2>/dev/null || true
driver=
kill -TERM "$vit"
status=0
wait "$vit" || status=$?
vit=
[ "$status" -eq 0 ] || { echo "FAIL: vitrine exited $status after SIGTERM"; tail -n 20 "$out/vitrine.log"; exit 1; }

# ---- the verdict --------------------------------------------------------------------
# column c's median over the samples from quarter q (1..4); column 0: the
# open files other than fonts
median() {
    awk -F, -v c="$1" -v q="$2" 'NR > 1 { v[n++] = c ? $c : $5 - $6 } END {
        lo = int(n * (q - 1) / 4); hi = int(n * q / 4); k = 0
        for (i = lo; i < hi; i++) s[k++] = v[i]
        for (i = 1; i < k; i++) { x = s[i]; for (j = i - 1; j >= 0 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
        print k ? s[int(k / 2)] : 0 }' "$out/samples.csv"
}
n=$(($(wc -l <"$out/samples.csv") - 1))
[ "$n" -ge 8 ] || { echo "FAIL: only $n samples (run it for at least 80 s)"; exit 1; }
rss2=$(median 2 2) rss4=$(median 2 4) thr2=$(median 4 2) thr4=$(median 4 4) fd2=$(median 0 2) fd4=$(median 0 4)
fonts=$(awk -F, 'NR > 1 && $6 > m { m = $6 } END { print m + 0 }' "$out/samples.csv")
hwm=$(tail -n 1 "$out/samples.csv" | cut -d, -f3)
first=$(sed -n 2p "$out/samples.csv" | cut -d, -f2) last=$(tail -n 1 "$out/samples.csv" | cut -d, -f2)
echo "samples: $n; RSS first $first kB, last $last kB, peak (VmHWM) $hwm kB"
echo "median RSS: 2nd quarter $rss2 kB, 4th quarter $rss4 kB; threads $thr2 -> $thr4;" \
     "open files other than fonts $fd2 -> $fd4; font files open at most $fonts"
# CPU: share of one core over the whole run and over its last quarter
hz=$(getconf CLK_TCK)
awk -F, -v hz="$hz" 'NR > 1 { t[n] = $1; c[n++] = $7 } END {
    q = int(n * 3 / 4)
    printf "CPU: %.2f %% of a core over the run, %.2f %% over the last quarter\n",
        100 * (c[n-1] - c[0]) / hz / (t[n-1] - t[0]), 100 * (c[n-1] - c[q]) / hz / (t[n-1] - t[q]) }' "$out/samples.csv"
echo "threads: $(head -n 1 "$out/threads.log")"
[ "$(wc -l <"$out/threads.log")" -gt 1 ] && echo "threads at the end: $(tail -n 1 "$out/threads.log")"
echo "inputs: $(wc -l <"$out/input.log"), changes to the folder: $(wc -l <"$out/changes.log" 2>/dev/null || echo 0)," \
     "reloads: $(grep -c 'vitrine: reloaded' "$out/vitrine.log" || true)"
fail=0
if [ "$rss4" -gt $((rss2 + rss2 / 10)) ]; then
    echo "FAIL: RSS keeps growing (the last quarter's median is more than 10% above the second's)"; fail=1
fi
[ "$thr4" -le "$thr2" ] || { echo "FAIL: the number of threads grows"; fail=1; }
[ "$fd4" -le "$fd2" ] || { echo "FAIL: the number of open files grows"; fail=1; }
[ "$fonts" -le "$font_fds_max" ] || { echo "FAIL: more than $font_fds_max font files open"; fail=1; }
[ "$fail" -eq 0 ] && echo "long soak: ok"
exit $fail
