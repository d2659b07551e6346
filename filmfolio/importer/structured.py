"""What an HTML page states as data, read before the text rules: schema.org ``Movie`` JSON-LD
and Open Graph, and the page's main text (trafilatura) for the rules to read.

`structured_facts(html)` returns values in the corpus gold schema (the extractor's output form)
for the fields the page's data states; `merge_structured(gold, facts)` lets them take the place
of what the text rules found. `main_text(html)` is the page's main text with its title on the
first line, or "" when trafilatura finds too little (the caller then reads the whole page).
Pure: no database, no network.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from typing import Any

import trafilatura

from .codes import role_code

_JSON_LD = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S
)
_META = re.compile(r"<meta\s[^>]*>", re.I)
_ATTR = re.compile(r"([a-zA-Z:_-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_DURATION = re.compile(r"^P(?:T)?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
FILM_TYPES = {"movie", "film", "tvseries", "creativework"}
MIN_MAIN_TEXT = 200


def structured_facts(html: str) -> dict[str, Any]:
    """The film facts the page's JSON-LD ``Movie`` and Open Graph tags state (gold schema keys,
    plus ``synopsis``); empty for a page without them."""
    facts = _open_graph(html)
    movie = _movie(html)
    if movie:
        facts.update({k: v for k, v in _movie_facts(movie).items() if v})
    return facts


def merge_structured(gold: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    """Put the page's structured values in place of the text rules' ones; returns the gold
    fields taken from the data."""
    taken = []
    for key in ("title", "year", "runtime_minutes", "genres", "countries", "languages"):
        if facts.get(key):
            gold[key] = facts[key]
            taken.append(key)
    if facts.get("directors"):
        # The data's directors take the place of those the text rules read.
        others = [
            c for c in gold.get("credits") or [] if role_code(c.get("role") or "") != "director"
        ]
        gold["directors"] = facts["directors"]
        gold["credits"] = [{"role": "Director", "name": n} for n in facts["directors"]] + others
        taken.append("directors")
    return taken


def main_text(html: str) -> str:
    """The page's title and main text as plain lines; "" when the page has too little."""
    text = trafilatura.extract(
        html, include_tables=True, include_comments=False, favor_recall=True, output_format="txt"
    )
    if not text or len(text) < MIN_MAIN_TEXT:
        return ""
    title = structured_facts(html).get("title") or _page_title(html)
    return f"{title}\n\n{text}" if title and title not in text[:300] else text


def _page_title(html: str) -> str:
    found = _TITLE.search(html)
    return " ".join(html_lib.unescape(found.group(1)).split()) if found else ""


def _meta_tags(html: str) -> dict[str, str]:
    """The page's Open Graph (og:, video:) meta tags, the first of each name."""
    tags: dict[str, str] = {}
    for tag in _META.findall(html[:200_000]):
        attrs = {m[0].lower(): html_lib.unescape(m[1] or m[2]) for m in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key.startswith(("og:", "video:")) and "content" in attrs:
            tags.setdefault(key, attrs["content"].strip())
    return tags


def _open_graph(html: str) -> dict[str, Any]:
    tags = _meta_tags(html)
    facts: dict[str, Any] = {}
    if tags.get("og:type", "").startswith("video.movie"):
        facts["is_movie"] = True
        facts["title"] = tags.get("og:title", "")
        facts["year"] = _year(tags.get("video:release_date", ""))
        seconds = tags.get("video:duration", "")
        facts["runtime_minutes"] = round(int(seconds) / 60) if seconds.isdigit() else None
    if tags.get("og:description"):
        facts["synopsis"] = tags["og:description"]
    return {k: v for k, v in facts.items() if v}


def _movie(html: str) -> dict[str, Any] | None:
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        found = _find_movie(data)
        if found:
            return found
    return None


def _find_movie(data: Any) -> dict[str, Any] | None:
    if isinstance(data, list):
        return next((m for item in data if (m := _find_movie(item))), None)
    if not isinstance(data, dict):
        return None
    if _is_film(data) and data.get("name"):
        return data
    return _find_movie(data.get("@graph") or data.get("mainEntity"))


def _is_film(data: dict[str, Any]) -> bool:
    types = data.get("@type")
    names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
    return any(str(t).lower() in FILM_TYPES for t in names)


def _movie_facts(movie: dict[str, Any]) -> dict[str, Any]:
    return {
        "is_movie": True,
        "title": _text(movie.get("name")),
        "year": _year(_text(movie.get("datePublished") or movie.get("dateCreated"))),
        "runtime_minutes": _minutes(_text(movie.get("duration"))),
        "directors": _names(movie.get("director")),
        "genres": _names(movie.get("genre")),
        "countries": _names(movie.get("countryOfOrigin")),
        "languages": _names(movie.get("inLanguage")),
        "synopsis": _text(movie.get("description")),
    }


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return " ".join(html_lib.unescape(str(value or "")).split())


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [name for item in items if (name := _text(item))]


def _year(text: str) -> int | None:
    found = _YEAR.search(text or "")
    return int(found.group(1)) if found else None


def _minutes(text: str) -> int | None:
    found = _DURATION.match(text.strip()) if text else None
    if not found or not any(found.groups()):
        return None
    hours, minutes, seconds = (int(g or 0) for g in found.groups())
    total = hours * 60 + minutes + round(seconds / 60)
    return total or None
