"""Running a media tool under limits: resource limits set in the child before it starts
(address space, core dumps, death together with the parent), a process group of its own killed
as a whole, a time limit, and a progress callback that ticks on a clock even when the tool is
silent (so a lease is renewed and a deletion noticed)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from django.utils.translation import gettext as _

_PR_SET_PDEATHSIG = 1
TICK_SECONDS = 0.25


class MediaToolError(Exception):
    """ffmpeg or ffprobe failed; ``reason`` is a short readable explanation."""

    def __init__(self, reason: str, *, detail: str = "", retryable: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.retryable = retryable


def _limit_child(memory_bytes: int) -> Callable[[], None]:
    """A ``preexec_fn`` that applies resource limits in the child before exec."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    return apply


def _tail(path: Path, limit: int = 2000) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return text[-limit:].strip()


def run(
    args: Sequence[str],
    *,
    timeout: float,
    memory_bytes: int,
    on_progress: Callable[[float], None] | None = None,
) -> str:
    """Run one command; return its standard output.

    ``on_progress`` is called about every ``TICK_SECONDS`` from this thread with the output time
    in seconds read from ``-progress pipe:1`` lines, whether or not the child printed anything
    new, so a caller can renew a lease or stop the run (by raising) even while ffmpeg is silent.
    The child runs in its own process group; on a timeout, an exception from ``on_progress`` or
    an interrupt the whole group is killed. Raise ``MediaToolError`` on failure or timeout.
    """
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="filmfolio-ffmpeg-") as tmp:
        err_path = Path(tmp) / "stderr.txt"
        with err_path.open("wb") as err:
            proc = subprocess.Popen(
                list(args),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=err,
                preexec_fn=_limit_child(memory_bytes),
                close_fds=True,
                start_new_session=True,
            )
            with proc:
                reader = _Reader(proc)
                try:
                    _watch(proc, deadline, reader, on_progress)
                    reader.join()
                    if on_progress is not None:  # the last lines may follow the last tick
                        on_progress(reader.seconds_done)
                except BaseException:  # a lost lease, a timeout or an interrupt: stop it all
                    kill_group(proc)
                    raise
                finally:
                    reader.join()
        if proc.returncode != 0:
            detail = _tail(err_path)
            last = detail.splitlines()[-1] if detail else ""
            reason = _("%(tool)s failed: %(error)s") % {"tool": Path(args[0]).name, "error": last}
            raise MediaToolError(reason, detail=detail)
    return reader.text()


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the child's whole process group and reap the child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _watch(
    proc: subprocess.Popen,
    deadline: float,
    reader: _Reader,
    on_progress: Callable[[float], None] | None,
) -> None:
    """Wait for the child, ticking ``on_progress`` and enforcing the deadline."""
    while True:
        try:
            proc.wait(timeout=max(0.0, min(TICK_SECONDS, deadline - time.monotonic())))
            return
        except subprocess.TimeoutExpired:
            pass
        if time.monotonic() >= deadline:
            kill_group(proc)
            raise MediaToolError(
                _("The job took longer than its time limit and was stopped."), retryable=False
            )
        if on_progress is not None:
            on_progress(reader.seconds_done)


class _Reader:
    """Reads the child's standard output in a thread: keeps the text and the progress time."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.seconds_done = 0.0
        self._lines: list[str] = []
        self._stdout = proc.stdout
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._stdout is not None
        for raw in self._stdout:
            line = raw.decode(errors="replace")
            self._lines.append(line)
            if line.startswith("out_time_us="):
                value = line.partition("=")[2].strip()
                if value.isdigit():
                    self.seconds_done = max(self.seconds_done, int(value) / 1_000_000)

    def join(self) -> None:
        self._thread.join(timeout=5)

    def text(self) -> str:
        return "".join(self._lines)
