#!/usr/bin/env bash
# Builds the web app (preset `web`) and serves build/web/dist on 127.0.0.1 only, printing the
# URL. Any static server works the same; this one is Python's, from Debian. PORT=8000 default.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-8000}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # Emscripten's optimiser needs Debian's acorn
cd "$repo"
cmake --preset web >/dev/null
cmake --build --preset web --target reqcheck_web_static
echo
echo "reqcheck: open http://127.0.0.1:${port}/  (Ctrl+C stops the server; the page works offline once loaded)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$repo/build/web/dist"
