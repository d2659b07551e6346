"""Festivals and their editions in a query: which words name a festival, so a roman numeral next
to one reads as an edition ("Berlinale XLIX" is the 49th Berlinale; "Rocky II" is not read as a
number), and which festivals a query with an edition number or a year names, so the films of
that edition follow ("Golden Horse 49", "IDFA 2019": ``search.related``).

Read from the festivals' own public documents (their names and other names), only when a
query holds a roman numeral or a number, so other queries cost nothing more.
"""

from __future__ import annotations

from filmfolio.core.text.chars import has_han
from filmfolio.core.text.ordinals import MAX_EDITION

from .backends.base import MatchQuery
from .choices import DocumentKind
from .models import SearchDocument
from .ranking import title_hits

YEARS = range(1880, 2200)  # a four-digit number in these years can be an edition's year


def edition_numbers(query: MatchQuery) -> tuple[int, ...]:
    """The numbers of the query's tokens that can be an edition's number or year ("49",
    "49th", "第49届", "XLIX" next to a festival, "2019")."""
    numbers = []
    for token in query.tokens:
        for alternative in token.alternatives:
            word = alternative.tokens[0] if len(alternative.tokens) == 1 else ""
            if word.isdigit() and word.isascii() and _is_edition(int(word)):
                numbers.append(int(word))
                break
    return tuple(dict.fromkeys(numbers))


def _is_edition(number: int) -> bool:
    return 0 < number <= MAX_EDITION or number in YEARS


class FestivalWords:
    """The public festivals' documents, read once per query at the first question.

    Called with a word (``query_terms``'s ``edition_context``): true for a word of a public
    festival's names (a Chinese run: all its characters)."""

    def __init__(self) -> None:
        self._rows: list[tuple[int, str]] | None = None
        self._words: set[str] = set()

    def _festivals(self) -> list[tuple[int, str]]:
        if self._rows is None:
            rows = SearchDocument.objects.filter(kind=DocumentKind.FESTIVAL, is_public=True)
            self._rows = list(rows.values_list("id", "terms"))
            self._words = {word for _pk, terms in self._rows for word in terms.split()}
        return self._rows

    def __call__(self, text: str) -> bool:
        self._festivals()
        if has_han(text):
            return set(text) <= self._words
        return text in self._words

    def named(self, query: MatchQuery, numbers: tuple[int, ...]) -> list[int]:
        """Document ids of the festivals a query holding the edition numbers or years
        ``numbers`` (``edition_numbers``) names: their names hold at least half of its other
        words (at least one), and no other festival's names hold more."""
        words = _other_words(query, numbers)
        if words is None:
            return []
        hits = title_hits(words)
        held = {pk: hits(terms) for pk, terms in self._festivals()}
        best = max(held.values(), default=0)
        if best == 0 or 2 * best < len(words.tokens):
            return []
        return [pk for pk, count in held.items() if count == best]


def _other_words(query: MatchQuery, numbers: tuple[int, ...]) -> MatchQuery | None:
    """The query without its edition numbers; ``None`` when it has none or nothing else."""
    written = {str(number) for number in numbers}
    if not written:
        return None
    words = tuple(
        token
        for token in query.tokens
        if not any(alternative.tokens[0] in written for alternative in token.alternatives)
    )
    return MatchQuery(words) if words else None
