#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz/run.sh SECONDS [TARGET...] - build the libFuzzer targets with clang and
# run each for SECONDS on a copy of its seed corpus.
#
#   fuzz/run.sh 60                  every target, 60 s each
#   fuzz/run.sh 600 fuzz_image      one target
#
# Builds in build-fuzz/ (or $FUZZ_BUILD_DIR; $FUZZ_JOBS parallel jobs, all cores unless set) with
#   CC=clang cmake -S . -B build-fuzz -DVITRINE_FUZZ=ON -DVITRINE_TESTS=OFF
# The seed corpora in fuzz/corpus/ are only read: each run starts from a fresh
# copy in build-fuzz/corpus-work/TARGET, and what libFuzzer adds stays there.
# A crash, leak, timeout or out-of-memory ends that target's run; the input is
# kept in build-fuzz/crashes/ and the script exits 1 after the other targets
# have run. Per target it prints the executions from libFuzzer's final stats.
set -eu

usage() {
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
secs=$1
shift
case "$secs" in '' | *[!0-9]*) usage ;; esac
[ "$secs" -ge 1 ] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
cc=${FUZZ_CC:-clang}
all="fuzz_manifest fuzz_replay fuzz_settings fuzz_rehearsal fuzz_image fuzz_imagehead fuzz_pdf fuzz_po fuzz_tiff
fuzz_heic fuzz_svg"
# targets whose seeds are made here at each run (make_seeds), not kept in fuzz/corpus
generated="fuzz_heic fuzz_svg"
targets=${*:-$all}
for t in $targets; do
    case " $generated " in *" $t "*) continue ;; esac
    [ -d "$root/fuzz/corpus/$t" ] || { echo "fuzz/run.sh: no target $t (one of: $all)" >&2; exit 2; }
done

# make_seeds TARGET DIR: a seed corpus for TARGET made with Debian's tools
# (libheif-examples' heif-enc, ImageMagick), so no binary is kept in git.
make_seeds() {
    case $1 in
    fuzz_heic)
        tmp=$2/.src
        mkdir -p "$tmp"
        convert -size 16x12 gradient:red-blue "$tmp/rgb.png"
        convert -size 9x7 gradient:white-black -alpha set -channel A -evaluate set 50% "$tmp/alpha.png"
        convert -size 8x6 gradient:green-yellow -strip -profile /usr/share/color/icc/compatibleWithAdobeRGB1998.icc "$tmp/icc.png" \
            2>/dev/null || cp "$tmp/rgb.png" "$tmp/icc.png"
        heif-enc -q 30 -o "$2/rgb.heic" "$tmp/rgb.png" >/dev/null
        heif-enc -q 30 -o "$2/alpha.heic" "$tmp/alpha.png" >/dev/null
        heif-enc -q 30 -o "$2/icc.heic" "$tmp/icc.png" >/dev/null
        heif-enc -q 30 -t 4 -o "$2/thumb.heic" "$tmp/rgb.png" >/dev/null
        heif-enc -A -q 30 -o "$2/rgb.avif" "$tmp/rgb.png" >/dev/null 2>&1 || true # needs an AV1 encoder
        rm -rf "$tmp"
        ;;
    fuzz_svg)
        printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect x="2" y="2" width="20" height="10" fill="#c33"/><circle cx="30" cy="20" r="8" fill="blue" opacity="0.5"/></svg>' >"$2/sized.svg"
        printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><path d="M0 0 L100 50 Q50 0 0 50 Z" stroke="black" fill="none"/></svg>' >"$2/viewbox.svg"
        printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="50%"><ellipse cx="10" cy="10" rx="5" ry="3"/></svg>' >"$2/nosize.svg"
        printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="2in" height="3cm"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue" stop-opacity="0.2"/></linearGradient><filter id="f"><feGaussianBlur stdDeviation="2"/></filter><pattern id="p" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="2" height="2"/></pattern></defs><style>.t{font:12px sans-serif;fill:green}</style><rect width="50" height="40" fill="url(#g)" filter="url(#f)"/><rect x="50" width="50" height="40" fill="url(#p)"/><text class="t" x="5" y="60">Қарлаг</text><use xlink:href="#x"/><image href="other.png" width="5" height="5"/></svg>' >"$2/features.svg"
        printf '%s\n' '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" width="1e6" height="0.5"><g transform="rotate(45) scale(2)"><polygon points="0,0 5,5 0,5"/></g><text>&a;&a;</text></svg>' >"$2/odd.svg"
        ;;
    esac
}
command -v "$cc" >/dev/null 2>&1 || { echo "fuzz/run.sh: $cc not found (install clang)" >&2; exit 2; }

echo "fuzz: building in $build"
mkdir -p "$build"
CC=$cc cmake -S "$root" -B "$build" -DVITRINE_FUZZ=ON -DVITRINE_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build/configure.log" 2>&1 ||
    { cat "$build/configure.log" >&2; exit 1; }
if grep -q "fuzz targets are not built" "$build/configure.log"; then
    grep -A2 "fuzz targets are not built" "$build/configure.log" >&2
    exit 1
fi
rm -f "$build/configure.log"
cmake --build "$build" --target fuzz_all -j "${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}" >/dev/null ||
    cmake --build "$build" --target fuzz_all 2>&1 | tail -40 >&2
for t in $targets; do
    [ -x "$build/fuzz/$t" ] || { echo "fuzz/run.sh: $build/fuzz/$t was not built" >&2; exit 1; }
done

mkdir -p "$build/crashes" "$build/logs" "$build/corpus-work"

run() { # run LOG ARGS...: the target $t with libFuzzer's ARGS, output to LOG
    runlog=$1
    shift
    (cd "$build" && ASAN_OPTIONS=$asan LSAN_OPTIONS=$lsan \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        timeout $((secs * 2 + 120)) "./fuzz/$t" -print_final_stats=1 \
        -artifact_prefix="$build/crashes/$t-" "$@") >"$runlog" 2>&1
}

failed=0
summary=""
for t in $targets; do
    work=$build/corpus-work/$t
    log=$build/logs/$t.log
    regress=$root/tests/fixtures/fuzz/$t
    rm -rf "$work"
    mkdir -p "$work"
    case " $generated " in
    *" $t "*) make_seeds "$t" "$work" ;;
    *) cp "$root/fuzz/corpus/$t/"* "$work/" ;;
    esac
    dict=""
    [ -f "$root/fuzz/dict/$t.dict" ] && dict="-dict=$root/fuzz/dict/$t.dict"
    # The image path goes through SDL_image, which leaks on some broken SVGs
    # (see fuzz/lsan.supp); its frames are only seen with the slow unwinder.
    asan="detect_leaks=1:allocator_may_return_null=0"
    lsan="print_suppressions=0"
    if [ "$t" = fuzz_image ]; then
        asan="$asan:fast_unwind_on_malloc=0"
        lsan="$lsan:suppressions=$root/fuzz/lsan.supp"
    fi
    # librsvg's libraries (pango, fontconfig, libxml2) leak too: fuzz/lsan.supp
    [ "$t" = fuzz_svg ] && lsan="$lsan:suppressions=$root/fuzz/lsan.supp"
    # Inputs that once crashed this target: each must now pass, under
    # tighter limits; then they seed the run.
    if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
        if ! run "$build/logs/$t.regressions.log" \
            -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 "$regress"/*; then
            failed=1
            line="$t: a regression input in tests/fixtures/fuzz/$t fails again"
            echo "---- last lines of $build/logs/$t.regressions.log ----"
            grep -v "^#[0-9]" "$build/logs/$t.regressions.log" | tail -40
            echo "----"
            echo "fuzz: $line"
            summary="$summary
  $line"
            continue
        fi
        cp "$regress/"* "$work/"
    fi
    echo "fuzz: $t for $secs s (log: $log)"
    rc=0
    # shellcheck disable=SC2086
    run "$log" -max_total_time="$secs" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=25 \
        $dict "$work" || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(find "$work" -type f | wc -l)
    if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
        line="$t: $execs executions (${rate:-?}/s), corpus $units files: ok"
    else
        failed=1
        kind="exit status $rc"
        if grep -q "ERROR: libFuzzer: timeout" "$log"; then kind="timeout"
        elif grep -q "ERROR: libFuzzer: out-of-memory" "$log"; then kind="out of memory"
        elif grep -q "ERROR: LeakSanitizer" "$log"; then kind="leak"
        elif grep -q "ERROR: AddressSanitizer" "$log"; then kind="memory error"
        elif grep -q "runtime error:" "$log"; then kind="undefined behaviour"
        elif grep -q "deadly signal" "$log"; then kind="crash"
        elif [ "$rc" -eq 124 ]; then kind="hung (killed after $((secs * 2 + 120)) s)"
        fi
        input=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
        line="$t: ${execs:-?} executions: FAILED ($kind)${input:+, input kept in $input}"
        echo "---- last lines of $log ----"
        grep -v "^#[0-9]" "$log" | tail -40
        echo "----"
    fi
    echo "fuzz: $line"
    summary="$summary
  $line"
done

echo "fuzz: summary ($secs s per target):$summary"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: FAILED; reproduce with $build/fuzz/TARGET FILE (see fuzz/README.md)"
    exit 1
fi
