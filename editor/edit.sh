#!/bin/sh
# The web editor on this machine: decap-server saves into the project's files, mkdocs serve shows the
# site and the editor at /admin/, and stopping this script (Ctrl+C) stops both.
# Usage: editor/edit.sh [PROJECT_DIR] [SITE_PORT] [API_PORT]
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "${1:-$here/..}" && pwd)"
site_port="${2:-8000}"
api_port="${3:-8081}"
python="${TORGET_PYTHON:-$here/../.venv/bin/python}"

cleanup() { trap - EXIT INT TERM; kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# MODE=fs writes the edited files only; nothing is committed (review and commit them as usual).
MODE=fs GIT_REPO_DIRECTORY="$project" PORT="$api_port" BIND_HOST=127.0.0.1 LOG_LEVEL=warn \
    node "$here/node_modules/decap-server/dist/index.js" &
server=$!

echo "Redigering: http://127.0.0.1:$site_port/admin/   (nettstedet: http://127.0.0.1:$site_port/)"
echo "Stopp med Ctrl+C."
cd "$project"
TORGET_EDITOR=local TORGET_EDITOR_API="http://127.0.0.1:$api_port/api/v1" TORGET_EDITOR_ASSETS="$here/node_modules" \
    "$python" -m mkdocs serve --dev-addr "127.0.0.1:$site_port" &
serve=$!
wait "$serve"
