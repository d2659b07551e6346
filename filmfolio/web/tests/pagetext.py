"""Reading pages in tests: visible text and the JSON-LD document."""

from __future__ import annotations

import json
import re
from typing import Any


def text_of(response: Any) -> str:
    """The page's visible text with tags removed and whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").split())
    return text.replace(" ,", ",")


def jsonld_of(response: Any) -> dict[str, Any]:
    """The one JSON-LD document of the page."""
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(found) == 1
    return json.loads(found[0])
