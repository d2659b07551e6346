"""Documents a query brings along with the object it names: a person's films.

When a candidate's titles or names hold every word of the query (the query names a person),
the kind's ``related`` hook gives SQL for the objects that should follow it, each with a weight
(for a person: their films, by the weight of their roles and how many they had). The named
objects, their related objects and those objects' documents are read in ONE query
(``SearchBackend.related``), through the same public match as the window (access, filters and
the query's words), so nothing is found that the query would not find; a person with many films
brings them even when they lie past the window. Without filters they are read among the public
documents only (they hold the named object's words by construction, so the match would only
cost time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import registry
from .backends import Candidate, Match, get_backend
from .filters import token

MAX_NAMED = 3  # objects named outright whose related documents are read
MAX_RELATED = 200  # related documents read per query


def related_weights(
    candidates: Sequence[Candidate],
    named: Callable[[Candidate], bool],
    match: Match | None,
) -> tuple[list[Candidate], dict[int, float]]:
    """Documents related to the ``named`` candidates that match ``match`` (``None``: that
    are public), and the weight of every related document id; one query per kind named (the
    people: one query)."""
    hooks = {k.kind: k.related for k in registry.kinds() if k.related is not None}
    found: list[Candidate] = []
    weights: dict[int, float] = {}
    backend = get_backend()
    for kind, hook in hooks.items():
        word = token("kind", kind)
        named_ids = [c.id for c in candidates if word in c.filters.split() and named(c)]
        if not named_ids:
            continue
        named_sql = backend.object_ids_sql(kind, named_ids[:MAX_NAMED])
        related_kind, source = hook(named_sql)
        for candidate, weight in backend.related(match, related_kind, source, limit=MAX_RELATED):
            found.append(candidate)
            weights[candidate.id] = max(weights.get(candidate.id, 0.0), float(weight))
    return found, weights
