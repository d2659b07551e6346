"""Documents a query brings along with the object it names: a person's films.

When a candidate's titles or names hold every word of the query (the query names a person),
the kind's ``related`` hook gives the documents that should follow it, each with a weight (for
a person: their films, by the weight of their roles and how many they had). They are read
through the same public match as the window (access, filters and the query's words), so nothing
is found that the query would not find; a person with many films brings them even when they
lie past the window. Without filters they are read by id among the public documents only
(they hold the named object's words by construction, so the match would only cost time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import registry
from .backends import Candidate, Match, get_backend
from .filters import token
from .models import SearchDocument

MAX_NAMED = 3  # objects named outright whose related documents are read
MAX_RELATED = 200  # related documents read per query


def related_weights(
    candidates: Sequence[Candidate],
    named: Callable[[Candidate], bool],
    match: Match | None,
) -> tuple[list[Candidate], dict[int, float]]:
    """Documents related to the ``named`` candidates (not among ``candidates``) that match
    ``match`` (``None``: that are public), and the weight of every related document id."""
    hooks = _hooks()
    named_ids = _named_ids(candidates, named, list(hooks))
    if not hooks or not named_ids:
        return [], {}
    weights: dict[int, float] = {}
    for kind, object_ids in _named_objects(named_ids, list(hooks)).items():
        for related_kind, by_object in hooks[kind](object_ids).items():
            _add_weights(weights, related_kind, by_object)
    present = {c.id for c in candidates}
    missing = [pk for pk in weights if pk not in present]
    backend = get_backend()
    if match is None:
        return backend.public_with_ids(missing), weights
    return backend.with_ids(match, missing), weights


def _named_ids(
    candidates: Sequence[Candidate], named: Callable[[Candidate], bool], kinds: list[str]
) -> list[int]:
    """Ids of the candidates of these kinds the query names; the kind's filter word is tested
    first, a cheap test that spares most candidates the named one."""
    words = {token("kind", kind) for kind in kinds}
    return [c.id for c in candidates if not words.isdisjoint(c.filters.split()) and named(c)]


def _hooks() -> dict[str, Callable[[list[int]], dict[str, dict[int, float]]]]:
    """Kind -> its ``related`` hook, for the kinds that have one."""
    return {k.kind: k.related for k in registry.kinds() if k.related is not None}


def _named_objects(document_ids: list[int], kinds: list[str]) -> dict[str, list[int]]:
    """Kind -> object ids of the first ``MAX_NAMED`` of these documents of these kinds."""
    rows = SearchDocument.objects.filter(id__in=document_ids, kind__in=kinds)
    objects: dict[str, list[int]] = {}
    for kind, object_id in rows.values_list("kind", "object_id")[:MAX_NAMED]:
        objects.setdefault(kind, []).append(object_id)
    return objects


def _add_weights(weights: dict[int, float], kind: str, by_object: dict[int, float]) -> None:
    """The document ids of the ``MAX_RELATED`` heaviest objects, with their weights."""
    best = sorted(by_object.items(), key=lambda item: -item[1])[:MAX_RELATED]
    documents = SearchDocument.objects.filter(
        kind=kind, object_id__in=[pk for pk, _weight in best]
    ).values_list("id", "object_id")
    for doc_id, object_id in documents:
        weights[doc_id] = max(weights.get(doc_id, 0.0), by_object[object_id])
