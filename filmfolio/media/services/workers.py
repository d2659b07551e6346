"""Who runs a transcode: a worker's identity and whether it is still alive.

An attempt records ``host:pid:start`` (the process's start time in clock ticks since boot, from
``/proc``), so a reused process id is not mistaken for the worker. On the same host the sweeper
and a claiming worker ask the kernel; for a worker on another host the lease is all there is.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def _start_ticks(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its last ")".
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def worker_identity() -> str:
    """This process as an attempt records it."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_ticks(pid) or 0}"


def worker_alive(identity: str) -> bool | None:
    """True or False for a worker on this host; None when it cannot be told (another host, or
    an identity without a start time): then only its lease says whether it is alive."""
    host, _sep, rest = identity.partition(":")
    pid, _sep, start = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit() or not start or start == "0":
        return None
    return _start_ticks(int(pid)) == start
