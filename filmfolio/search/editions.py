"""Which query words name a festival, so a roman numeral next to one reads as an edition
("Berlinale XLIX" is the 49th Berlinale; "Rocky II" is not read as a number).

Read from the festivals' own public documents (their names and other names), only when a
query holds a roman numeral, so other queries cost nothing more.
"""

from __future__ import annotations

from filmfolio.core.text.chars import has_han

from .choices import DocumentKind
from .models import SearchDocument


class FestivalWords:
    """``query_terms``'s ``edition_context``: true for a word of a public festival's names (a
    Chinese run: all its characters). The festivals' words are read once per query, at the
    first question."""

    def __init__(self) -> None:
        self._words: set[str] | None = None

    def __call__(self, text: str) -> bool:
        if self._words is None:
            rows = SearchDocument.objects.filter(kind=DocumentKind.FESTIVAL, is_public=True)
            terms = rows.values_list("terms", flat=True)
            self._words = {word for text in terms for word in text.split()}
        if has_han(text):
            return set(text) <= self._words
        return text in self._words
