"""Match keys: one string per name so that spellings of the same name collide.

Used to link imported people, organisations and festivals to existing records instead of
making duplicates. Order-independent for names ("Zhang Siqing" = "Siqing Zhang").
"""

from __future__ import annotations

import re
import unicodedata

from filmfolio.core.text import name_key

_SEPARATORS = re.compile(r"[\s\-‐‑–—_·•.,'’()\[\]]+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def name_match_key(name: str) -> str:
    """An order-independent key for a person's name, the same for every script and spelling
    of it ("Zhu Shengze", "Shengze Zhu", "朱声仄" -> "sheng ze zhu")."""
    return name_key(name)


def title_match_key(text: str) -> str:
    """A key for names of organisations and festivals: folded, spacing and punctuation ignored."""
    return " ".join(t for t in _SEPARATORS.split(_fold(text)) if t)
