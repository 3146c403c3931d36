#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A kiosk's home screen from the start index in the state folder (issue 15):
# the same picture as without it, a manifest edited between two starts shown
# at once, a damaged index or a state folder that cannot be written never
# worse than no index, and a visitor's first key acting on the whole library.
#
#   start_index.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
cp -r "$root/exhibitions" "$out/ex"
cat >"$out/home.script" <<'SCRIPT'
screenshot home.png
key Right
key Return
state
SCRIPT

fail() { echo "FAIL: $*"; exit 1; }
# run NAME [vitrine options]: the replay, its trace, log, screenshot and states in $out/NAME.*
run() {
    name=$1
    shift
    (cd "$out" && VITRINE_TRACE="$out/$name.trace" "$vitrine" --replay home.script "$@" "$out/ex" \
        >"$out/$name.state" 2>"$out/$name.log") || fail "$name: vitrine failed"
    mv "$out/home.png" "$out/$name.png"
}
partial() { grep -q "open phase=library exhibitions=3 partial=$2" "$out/$1.trace" || fail "$1: not partial=$2"; }
same() { cmp -s "$out/$1.png" "$out/$2.png" || fail "$1.png and $2.png differ"; }

run plain                                   # no state folder: no index, as before
run first --state-dir "$out/state"          # writes the index
partial first 0
ls "$out"/state/start-index/*.json >/dev/null 2>&1 || fail "no index written"
run second --state-dir "$out/state"         # starts from it
partial second 1
same plain first
same plain second
grep -q '"screen":"slide"' "$out/second.state" || fail "second: Return opened nothing"
grep -q 'library complete exhibitions=3' "$out/second.trace" || fail "second: the whole library never came"
diff "$out/plain.state" "$out/second.state" || fail "the state after a key differs from a start without the index"

# A manifest edited between two starts: its new title at once.
sed -i 's/"en": "Karlag: Creativity Stifled in Captivity"/"en": "Karlag, edited"/; s/"kk": "Қарлаг: Қапаста тұншыққан шығармашылық"/"kk": "Қарлаг, өзгертілді"/' \
    "$out/ex/karlag-artists/exhibition.json"
grep -q 'Қарлаг, өзгертілді' "$out/ex/karlag-artists/exhibition.json" || fail "the test's edit did not apply"
run edited_plain
run edited --state-dir "$out/state"
partial edited 1                            # the other two are still summaries
same edited_plain edited
cmp -s "$out/plain.png" "$out/edited.png" && fail "the edited title is not on the home screen"
run edited_again --state-dir "$out/state"   # the index now has the edit
same edited_plain edited_again

# A damaged index: said once, started as without it, then written again.
for f in "$out"/state/start-index/*.json; do printf '{"vitrine_start_index": 1, "root": garbage' >"$f"; done
run garbage --state-dir "$out/state"
partial garbage 0
same edited_plain garbage
grep -q 'start index .* is not one vitrine can use' "$out/garbage.log" || fail "garbage: not said in the log"
run mended --state-dir "$out/state"
partial mended 1

# A state folder that cannot be written to (a file in the way: root ignores
# permissions; and a read-only folder when not root): one line, same picture.
echo x >"$out/not-a-folder"
run unwritable --state-dir "$out/not-a-folder/state"
same edited_plain unwritable
grep -q 'cannot write the start index' "$out/unwritable.log" || fail "unwritable: not said in the log"
if [ "$(id -u)" != 0 ]; then
    mkdir -p "$out/ro" && chmod 555 "$out/ro"
    run readonly --state-dir "$out/ro"
    chmod 755 "$out/ro"
    same edited_plain readonly
    grep -q 'cannot write the start index' "$out/readonly.log" || fail "readonly: not said in the log"
fi
echo "start index: ok"
