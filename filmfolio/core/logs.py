"""Log lines: one JSON object per event, and access-log targets with secrets taken out.

Screener links, invitations, password resets, sign-up confirmations and the private calendar
feed of a festival run carry their secret in the address; query strings may carry anything.
``redact_target`` keeps the shape of a request line for the access log (method, path, that a
query was there) without the secret.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

REDACTED = "[redacted]"
# Addresses whose path segments are secrets: /share/s/<token>/, /share/invitations/<token>/,
# /accounts/password/reset/<uidb64>/<token>/, /accounts/signup/confirm/<uidb64>/<token>/,
# /run/calendar/<token>.ics, and the signed media addresses /media/s/<video>/<token>/<file>.
_SECRET_SEGMENTS = (
    re.compile(r"(/share/(?:s|invitations)/|/media/s/[0-9a-f-]{36}/)[^/?#]+"),
    re.compile(r"(/accounts/(?:password/reset|signup/confirm)/)[^/?#]+/[^/?#]+"),
    re.compile(r"(/run/calendar/)[^/?#]+(\.ics)"),
)
_REPLACEMENTS = (
    rf"\g<1>{REDACTED}",
    rf"\g<1>{REDACTED}/{REDACTED}",
    rf"\g<1>{REDACTED}\g<2>",
)


def redact_target(target: str) -> str:
    """``target`` (a path with its query, or a whole URL such as a Referer) with secret path
    segments and any query string replaced by ``[redacted]``."""
    if not target or target == "-":
        return target
    head, has_query, _query = target.partition("?")
    head = head.split("#", 1)[0]
    for pattern, replacement in zip(_SECRET_SEGMENTS, _REPLACEMENTS, strict=True):
        head = pattern.sub(replacement, head)
    return head + ("?" + REDACTED if has_query else "")


def redact_text(text: str) -> str:
    """``text`` (a log message) with the secret segments of any address in it replaced."""
    for pattern, replacement in zip(_SECRET_SEGMENTS, _REPLACEMENTS, strict=True):
        text = pattern.sub(replacement, text)
    return text


class StructuredFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the exception if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            # Django names the path of a 404 or an error: a screener link's token must not
            # reach the log that way either.
            "message": redact_text(record.getMessage()),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = redact_text(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
