#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The core must stay free of SDL: it is tested without a display and may be
# reused by other front ends. Fails if any file in src/core, or in the test
# harness's core level src/harness/core, includes SDL.
set -eu
src="$(cd "$(dirname "$0")/.." && pwd)/src"
status=0
for core in "$src/core" "$src/harness/core"; do
    if grep -nE '#[[:space:]]*include[[:space:]]*[<"](SDL|SDL2/)' "$core"/*.c "$core"/*.h; then
        echo "${core#"$src"/} includes SDL headers (above): keep SDL in src/platform"
        status=1
    else
        echo "${core#"$src"/}: no SDL includes in $(ls "$core" | wc -l) files"
    fi
done
exit $status
