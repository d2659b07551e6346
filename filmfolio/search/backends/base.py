"""The backend interface and the engine-neutral query it receives."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from filmfolio.core.text import is_phrase, query_terms


@dataclass(frozen=True)
class Alternative:
    """One way a query token may match: tokens that must all occur (in order if a phrase)."""

    tokens: tuple[str, ...]
    is_phrase: bool = False
    is_prefix: bool = False


@dataclass(frozen=True)
class Token:
    """One query token: any of its alternatives may match."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class MatchQuery:
    """A whole query: every token must match."""

    tokens: tuple[Token, ...]

    @classmethod
    def from_text(
        cls, text: str, *, prefix: bool = False, extra: dict[int, list[str]] | None = None
    ) -> MatchQuery:
        """Build from user text; ``prefix`` makes the last word match as a prefix;
        ``extra`` adds alternatives (typo corrections) to tokens by position."""
        tokens = []
        terms = query_terms(text)
        for position, alternatives in enumerate(terms):
            options = [*alternatives, *(extra or {}).get(position, [])]
            last = prefix and position == len(terms) - 1
            tokens.append(Token(tuple(_alternative(text, last) for text in options)))
        return cls(tuple(tokens))

    @property
    def is_empty(self) -> bool:
        return not self.tokens


def _alternative(text: str, last: bool) -> Alternative:
    """An alternative from a ``query_terms`` string; a single Latin last word becomes a prefix."""
    tokens = tuple(text.split())
    single_word = len(tokens) == 1 and tokens[0].isascii() and len(tokens[0]) >= 2
    return Alternative(tokens, is_phrase(text), is_prefix=last and single_word)


class SearchBackend:
    """What every backend provides; queries are applied to ``SearchDocument`` querysets."""

    vendor = ""

    def match(self, queryset: QuerySet, query: MatchQuery) -> QuerySet:
        """Documents of ``queryset`` matching ``query`` (no ordering)."""
        raise NotImplementedError

    def ranked(self, queryset: QuerySet, query: MatchQuery) -> QuerySet:
        """A ``rank`` annotation (lower is better) on a queryset already passed to ``match``."""
        raise NotImplementedError

    def title_prefix(self, queryset: QuerySet, folded: str) -> QuerySet:
        """Documents whose folded title starts with ``folded`` (using the title index)."""
        return queryset.filter(title_folded__startswith=folded)

    def raw_ids(self, query: MatchQuery, limit: int) -> list[int]:
        """Document ids of the best matches straight from the engine (no access, no facets)."""
        raise NotImplementedError

    def similar_words(self, word: str) -> list[str]:
        """Vocabulary words one typo away from ``word``, best first."""
        raise NotImplementedError
