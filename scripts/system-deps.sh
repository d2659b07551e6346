#!/usr/bin/env bash
# Install the system packages Filmfolio needs, only those missing: ffmpeg, Chromium (browser
# tests), CJK fonts (press kit PDF; burned-in watermarks and subtitles) and Pango (press kit
# PDF), poppler (PDF checks), gettext (translations),
# wrk (page benchmarks), the PostgreSQL client and zstd (backups), nginx (X-Accel-Redirect test).
#   scripts/system-deps.sh --wait-only   only wait for another package manager to finish
set -euo pipefail

# Unattended upgrades (at boot, most often) or another apt holds the dpkg lock: wait for them,
# up to FILMFOLIO_APT_LOCK_TIMEOUT seconds, instead of failing at once.
APT_LOCK_TIMEOUT="${FILMFOLIO_APT_LOCK_TIMEOUT:-900}"
package_manager_running() {
  local name
  for name in apt apt-get aptitude dpkg unattended-upgr packagekitd; do
    if pgrep -x "$name" >/dev/null 2>&1; then return 0; fi
  done
  return 1
}
wait_for_package_manager() {
  local waited=0
  while package_manager_running; do
    if [ "$waited" -eq 0 ]; then
      echo "Another package manager is running; waiting for it (up to ${APT_LOCK_TIMEOUT} s)..."
    fi
    if [ "$waited" -ge "$APT_LOCK_TIMEOUT" ]; then
      echo "Another package manager is still running after ${APT_LOCK_TIMEOUT} s (see" \
           "\`ps -C apt,apt-get,dpkg,unattended-upgr\`). Let it finish and run the command" \
           "again, or wait longer with FILMFOLIO_APT_LOCK_TIMEOUT=SECONDS." >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}
if [ "${1:-}" = "--wait-only" ]; then
  wait_for_package_manager
  exit
fi

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
need nginx sh -c "command -v nginx || test -x /usr/sbin/nginx"

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
wait_for_package_manager
# apt itself also waits for the lock (a package manager may start between the check and here).
LOCK_WAIT=(-o "DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT}")
$SUDO apt-get "${LOCK_WAIT[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${LOCK_WAIT[@]}" install -y -qq \
  --no-install-recommends "${missing[@]}"
