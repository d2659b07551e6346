"""The secret key of an installation: ``FILMFOLIO_SECRET_KEY`` when set, else a random key
written once to ``var/secret_key`` (mode 600) and read back on every later start."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

KEY_FILE_NAME = "secret_key"


def secret_key_for(var_dir: Path) -> str:
    """The configured key, else the key kept in ``var_dir`` (created on first use)."""
    configured = os.environ.get("FILMFOLIO_SECRET_KEY", "").strip()
    if configured:
        return configured
    path = var_dir / KEY_FILE_NAME
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: when several processes start at once, one writes and the others read.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as key_file:
                key_file.write(secrets.token_urlsafe(50) + "\n")
    key = path.read_text().strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it to have a new key made")
    return key
