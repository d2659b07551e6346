"""BibTeX ("cite this film"): one ``@misc`` entry, UTF-8 (biber and modern BibTeX read it)."""

from __future__ import annotations

import re
from typing import Any

from filmfolio.films.record import FilmRecord

from .csl import film_csl

_SPECIAL = re.compile(r"[&%$#_{}~^\\]")
_REPLACEMENTS = {
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
}


def escape(text: str) -> str:
    """Escape BibTeX's special characters in one pass."""
    return _SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(), "\\" + m.group()), text)


def _name(parts: dict[str, str]) -> str:
    if "literal" in parts:
        return "{" + escape(parts["literal"]) + "}"
    return f"{escape(parts['family'])}, {escape(parts['given'])}"


def _how_published(item: dict[str, Any]) -> str:
    """ "Film, Documentary, 88 min" (what the CSL item says of its kind and length)."""
    return ", ".join(v for v in ("Film", item.get("genre"), item.get("dimensions")) if v)


def film_bibtex(record: FilmRecord) -> str:
    """The BibTeX entry of a film's record (built from its CSL item, so both say the same)."""
    item = film_csl(record)
    key = re.sub(r"[^A-Za-z0-9-]", "", record.film.slug) or "film"
    fields: list[tuple[str, str]] = [("title", "{" + escape(item["title"]) + "}")]
    if "director" in item:
        fields.append(("author", " and ".join(_name(p) for p in item["director"])))
    if "issued" in item:
        fields.append(("year", str(item["issued"]["date-parts"][0][0])))
    fields.append(("howpublished", escape(_how_published(item))))
    if "original-title" in item:
        fields.append(("note", escape(f"Original title: {item['original-title']}")))
    if "publisher" in item:
        fields.append(("publisher", escape(item["publisher"])))
    fields.append(("url", item["URL"]))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"
