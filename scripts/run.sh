#!/usr/bin/env bash
# Start the web server and the background worker together; stop both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.dev}"
ADDRESS="${FILMFOLIO_ADDRESS:-127.0.0.1:8000}"

.venv/bin/filmfolio worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Filmfolio is running at http://${ADDRESS}/ (worker pid ${worker}); Ctrl-C stops it."
.venv/bin/gunicorn config.wsgi:application --bind "$ADDRESS" \
  --workers "${FILMFOLIO_WEB_WORKERS:-2}" --access-logfile - --graceful-timeout 5
