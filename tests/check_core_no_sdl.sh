#!/bin/sh
# The core must stay free of SDL: it is tested without a display and may be
# reused by other front ends. Fails if any file in src/core includes SDL.
set -eu
core="$(cd "$(dirname "$0")/.." && pwd)/src/core"
if grep -nE '#[[:space:]]*include[[:space:]]*[<"](SDL|SDL2/)' "$core"/*.c "$core"/*.h; then
    echo "src/core includes SDL headers (above): keep SDL in src/platform"
    exit 1
fi
echo "src/core: no SDL includes in $(ls "$core" | wc -l) files"
