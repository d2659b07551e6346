"""The facts a film's search document is built from, and the parts apps above films add.

``films.search_index`` reads the film's own facts; an app above (festivals: entries and awards;
media: watchable trailers) registers a ``FilmFactsPart`` in its ``AppConfig.ready`` that fills
in its facts for a batch of films, may add to how prominent a film is when the index is rebuilt,
and may name the documents whose listing follows the films' (festivals entered).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from filmfolio.core.contributions import Registry


@dataclass
class FilmFacts:
    """What the document of one film needs, read with plain value queries (fast rebuilds)."""

    titles: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    festivals: dict[str, str] = field(default_factory=dict)
    awards: int = 0
    has_trailer: bool = False
    facet_values: dict[str, dict[tuple[str, str], None]] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    """More index terms below titles and names: vocabularies, festival editions and aliases."""
    prose: list[str] = field(default_factory=list)
    """Index terms of the film's texts (loglines, synopses, statements)."""

    def add_facet(self, facet: str, value: str, label: str) -> None:
        self.facet_values.setdefault(facet, {})[value, label] = None

    @property
    def facets(self) -> dict[str, list[tuple[str, str]]]:
        """Facet name -> (value, label) pairs, each once, in the order first seen."""
        return {facet: list(values) for facet, values in self.facet_values.items()}


@dataclass(frozen=True)
class FilmFactsPart:
    """What one app adds to films' documents. ``add(facts, ids)`` fills ``facts`` (film id ->
    ``FilmFacts``) for the films of the id subquery ``ids``; ``prominence()`` maps film ids to
    whole numbers added to their rank in a rebuild; ``followers(ids)`` names documents (kind ->
    ids) whose listing follows these films'."""

    key: str
    add: Callable[[dict[int, FilmFacts], Any], None]
    prominence: Callable[[], dict[int, int]] | None = None
    followers: Callable[[Any], dict[str, list[int]]] | None = None
    order: int = 0


FILM_FACTS: Registry[FilmFactsPart] = Registry("film_facts")
