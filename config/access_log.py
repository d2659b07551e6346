"""Gunicorn's access log without secrets: screener, invitation and password-reset tokens and
query strings are replaced by ``[redacted]`` in every field that can carry them."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from filmfolio.core.logs import REDACTED, redact_target


class RedactingLogger(Logger):
    """Gunicorn's logger whose access-log fields never hold a token."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        target = redact_target(environ.get("RAW_URI") or "")
        atoms["r"] = f"{environ['REQUEST_METHOD']} {target} {environ['SERVER_PROTOCOL']}"
        atoms["q"] = REDACTED if atoms.get("q") else ""
        if atoms.get("{query_string}e"):
            atoms["{query_string}e"] = REDACTED
        # Paths and URLs anywhere else: the path, the Referer, a Location, the environ copies.
        for key, value in atoms.items():
            if key != "r" and isinstance(value, str) and value.startswith(("/", "http")):
                atoms[key] = redact_target(value)
        return atoms
