#!/usr/bin/env bash
# Install the system packages Filmfolio needs, only those missing: ffmpeg, Chromium (browser
# tests), CJK fonts and Pango (press kit PDF), poppler (PDF checks), gettext (translations),
# wrk (page benchmarks), the PostgreSQL client and zstd (backups).
set -euo pipefail

missing=()
need() { # need PACKAGE CHECK-COMMAND...
  local package=$1; shift
  if ! "$@" >/dev/null 2>&1; then missing+=("$package"); fi
}
need ffmpeg command -v ffprobe
need chromium test -x /usr/bin/chromium
need fonts-noto-cjk sh -c 'fc-list 2>/dev/null | grep -qi "Noto Sans CJK"'
need fontconfig command -v fc-list
need poppler-utils command -v pdftotext
need gettext command -v msgfmt
need libpango-1.0-0 sh -c 'ldconfig -p | grep -q libpango-1.0.so'
need libpangoft2-1.0-0 sh -c 'ldconfig -p | grep -q libpangoft2-1.0.so'
need sqlite3 command -v sqlite3
need wrk command -v wrk
need postgresql-client command -v pg_dump
need zstd command -v zstd

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
