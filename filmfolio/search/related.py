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
NAMED_WEIGHT = 1e9  # a person named outright: before the films whose titles hold the words
ALSO_NAMED_WEIGHT = 0.5  # a festival named with an edition: right below that edition's films


def related_weights(
    candidates: Sequence[Candidate],
    named: Callable[[Candidate], bool],
    match: Match | None,
    *,
    numbers: tuple[int, ...] = (),
    also_named: dict[str, list[int]] | None = None,
) -> tuple[list[Candidate], dict[int, float]]:
    """Documents related to the ``named`` candidates and to the documents ``also_named`` (kind
    -> document ids: the festivals a query with an edition number names) that match
    ``match`` (``None``: that are public), and the weight of every related document id; one
    query per kind named (the people: one query). ``numbers`` are the query's edition
    numbers and years, for the hooks that use them. The candidates named outright weigh
    most (``NAMED_WEIGHT``): the person "Wu Hai" comes before a film titled 雾海 (wu hai);
    the documents ``also_named`` weigh least (``ALSO_NAMED_WEIGHT``), right after what they
    bring."""
    hooks = {k.kind: k.related for k in registry.kinds() if k.related is not None}
    found: list[Candidate] = []
    weights: dict[int, float] = {}
    backend = get_backend()
    for kind, hook in hooks.items():
        outright = _named_ids(kind, candidates, named)
        weights.update(dict.fromkeys(outright, NAMED_WEIGHT))
        more = [pk for pk in (also_named or {}).get(kind, ()) if pk not in outright]
        weights.update(dict.fromkeys(more, ALSO_NAMED_WEIGHT))
        named_ids = [*outright, *more][:MAX_NAMED]
        wanted = hook(backend.object_ids_sql(kind, named_ids), numbers) if named_ids else None
        if wanted is None:
            continue
        related_kind, source = wanted
        for candidate, weight in backend.related(match, related_kind, source, limit=MAX_RELATED):
            found.append(candidate)
            weights[candidate.id] = max(weights.get(candidate.id, 0.0), float(weight))
    return found, weights


def _named_ids(
    kind: str, candidates: Sequence[Candidate], named: Callable[[Candidate], bool]
) -> list[int]:
    """The first ``MAX_NAMED`` candidates of ``kind`` the query names outright."""
    word = token("kind", kind)
    return [c.id for c in candidates if word in c.filters.split() and named(c)][:MAX_NAMED]
