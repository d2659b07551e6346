#!/usr/bin/env bash
# Prepare the installation and start the web server and the background worker together; Ctrl-C
# stops both.
#   scripts/run.sh         production settings (DEBUG off, manifest static files) under gunicorn
#   scripts/run.sh --dev   development settings (DEBUG on) under Django's development server
set -euo pipefail
cd "$(dirname "$0")/.."
FILMFOLIO=.venv/bin/filmfolio
ADDRESS="${FILMFOLIO_ADDRESS:-127.0.0.1:8000}"
VAR_DIR="${FILMFOLIO_VAR_DIR:-var}"
export FILMFOLIO_ADDRESS="$ADDRESS"
if [ "${1:-}" = "--dev" ]; then
  export DJANGO_SETTINGS_MODULE=config.settings.dev
else
  export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.prod}"
fi

mkdir -p "$VAR_DIR"
new_key=""
if [ -z "${FILMFOLIO_SECRET_KEY:-}" ] && [ ! -e "$VAR_DIR/secret_key" ]; then new_key=1; fi
$FILMFOLIO migrate --no-input -v0
$FILMFOLIO demo
if [ "$DJANGO_SETTINGS_MODULE" != config.settings.dev ]; then
  $FILMFOLIO collectstatic --no-input -v0
fi
if [ -n "$new_key" ]; then
  echo "A new secret key is kept in $VAR_DIR/secret_key (only you can read it); back it up" \
       "with the database."
fi
if ! $FILMFOLIO createadmin --check; then
  echo "No administrator yet. Create the first one with:  .venv/bin/filmfolio createadmin"
fi

$FILMFOLIO worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Filmfolio is running at http://${ADDRESS}/ (${DJANGO_SETTINGS_MODULE##*.} settings," \
     "worker pid ${worker}); Ctrl-C stops it."
if [ "$DJANGO_SETTINGS_MODULE" = config.settings.dev ]; then
  $FILMFOLIO runserver "$ADDRESS"
else
  .venv/bin/gunicorn config.wsgi:application -c config/gunicorn.py --bind "$ADDRESS" \
    --workers "${FILMFOLIO_WEB_WORKERS:-2}"
fi
