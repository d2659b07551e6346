"""scripts/system-deps.sh waits for another package manager instead of failing at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fake_package_manager(tmp_path: Path, seconds: int) -> subprocess.Popen:
    """A process named ``dpkg`` (a copy of sleep) that runs for ``seconds``, reaped as soon as
    it ends (a zombie would still count as running)."""
    dpkg = tmp_path / "dpkg"
    shutil.copy(shutil.which("sleep") or "/bin/sleep", dpkg)
    process = subprocess.Popen([str(dpkg), str(seconds)])
    threading.Thread(target=process.wait, daemon=True).start()
    return process


def wait_only(timeout: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "FILMFOLIO_APT_LOCK_TIMEOUT": str(timeout)}
    return subprocess.run(
        ["bash", "scripts/system-deps.sh", "--wait-only"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_waits_until_the_other_package_manager_ends(tmp_path):
    fake_package_manager(tmp_path, 3)
    started = time.monotonic()
    result = wait_only(60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Another package manager is running; waiting for it (up to 60 s)...\n")
    assert 2 <= time.monotonic() - started < 60


def test_gives_up_after_the_timeout_with_a_clear_message(tmp_path):
    other = fake_package_manager(tmp_path, 60)
    try:
        result = wait_only(2)
    finally:
        other.kill()
        other.wait()
    assert result.returncode == 1
    assert result.stderr == (
        "Another package manager is still running after 2 s (see `ps -C apt,apt-get,dpkg,"
        "unattended-upgr`). Let it finish and run the command again, or wait longer with "
        "FILMFOLIO_APT_LOCK_TIMEOUT=SECONDS.\n"
    )
