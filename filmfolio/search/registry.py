"""What each domain app indexes: the only way the search app learns about films, people...

A domain app writes a ``search_index.py`` module that calls ``register(IndexedKind(...))``; the
search app imports those modules when Django starts (``SearchConfig.ready`` autodiscovers them,
as the admin does with ``admin.py``), so ``search`` never imports a domain app by name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from filmfolio.core.viewers import Viewer

SqlPart = tuple[str, list[Any]]


@dataclass
class DocumentData:
    """Everything the index stores for one object, built by the app that owns the object."""

    object_id: int
    title: str
    url: str
    terms: list[str]
    extra_terms: list[str] = field(default_factory=list)
    subtitle: str = ""
    is_public: bool = True
    film_id: int | None = None
    boost: float = 0.0
    film_kind: str = ""
    year: int | None = None
    runtime_minutes: int | None = None
    is_award_winning: bool = False
    has_trailer: bool = False
    facets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Facet name -> list of (value, label)."""
    suggest: list[str] = field(default_factory=list)
    """Texts autocomplete completes to this document (``[title]`` when empty)."""
    suggest_is_name: bool = False
    """True when ``suggest`` holds a person's names (Chinese read with surname readings)."""


@dataclass(frozen=True)
class IndexedKind:
    """How one kind of object is indexed.

    ``documents(ids)`` builds documents for the objects that still exist (missing ids are
    removed from the index); ``all_ids()`` lists every id for a rebuild, most prominent first
    (a rebuild numbers documents in that order, and broad queries look at the first matches
    in that order); ``dependants(obj)``
    names other documents whose terms mention ``obj`` (a person's films), re-indexed after the
    commit; ``followers(ids)`` names documents whose listing follows these objects' (the
    people and festivals of films), whose listing is brought up to date in the same
    transaction; ``public_ids(ids)`` says which of these objects ``films.access`` lists for
    everyone (kinds that follow others); ``extra_listed_ids``
    returns, for a signed-in viewer, a queryset of the object ids of this kind the viewer may
    see listed beyond the public ones (taken from ``films.access``); ``related(sql,
    numbers)`` names, for the objects of this kind a query names outright (a person, a
    festival; ``sql`` selects their ids; ``numbers``: the query's edition numbers and years),
    the documents that should follow them in the ranking: their kind and SQL giving
    ``(object_id, weight)`` rows (a person's films, by the weight of their roles; the films of
    a festival's edition), read in one query with the documents themselves, or ``None``.
    """

    kind: str
    model_label: str
    documents: Callable[[list[int]], Iterator[DocumentData]]
    all_ids: Callable[[], Iterable[int]]
    dependants: Callable[[Any], dict[str, list[int]]] | None = None
    extra_listed_ids: Callable[[Viewer], QuerySet | None] | None = None
    followers: Callable[[list[int]], dict[str, list[int]]] | None = None
    public_ids: Callable[[list[int]], set[int]] | None = None
    related: Callable[[SqlPart, tuple[int, ...]], tuple[str, SqlPart] | None] | None = None


_KINDS: dict[str, IndexedKind] = {}
_FACET_LABELS: dict[str, Callable[[str], str | None]] = {}
_NAMED_VALUES: list[Callable[[str], tuple[tuple[str, str], ...]]] = []


def register(indexed: IndexedKind) -> None:
    """Register (or replace) how a kind of object is indexed."""
    _KINDS[indexed.kind] = indexed


def register_facet_labels(facet: str, labels: Callable[[str], str | None]) -> None:
    """How the app that owns a facet's values names them in the active language (``None``:
    keep the stored label)."""
    _FACET_LABELS[facet] = labels


def register_named_values(named: Callable[[str], tuple[tuple[str, str], ...]]) -> None:
    """How an app says which filter values a (folded) query word names: ``"documentary"`` ->
    ``(("film_kind", "documentary"), ("film_kind", "documentary_short"))``; the ranking puts
    the documents holding one of them first among equal title matches."""
    if named not in _NAMED_VALUES:
        _NAMED_VALUES.append(named)


def named_values(word: str) -> set[tuple[str, str]]:
    """(filter, value) pairs ``word`` names, from every app that registered a reader."""
    return {pair for named in _NAMED_VALUES for pair in named(word)}


def facet_label(facet: str, value: str) -> str | None:
    """A facet value's name in the active language, from its app; ``None`` if it has none."""
    labels = _FACET_LABELS.get(facet)
    return labels(value) if labels is not None else None


def kinds() -> list[IndexedKind]:
    """Every registered kind, in registration order."""
    return list(_KINDS.values())


def get(kind: str) -> IndexedKind:
    """The registration of ``kind``; ``KeyError`` if nothing registered it."""
    return _KINDS[kind]


def ids_subquery(ids: list[int]) -> RawSQL:
    """``ids`` as a subquery for ``field__in=`` filters: one parameter however many ids, so
    building documents in batches of thousands stays cheap."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


def for_model(model: Any) -> IndexedKind | None:
    """The registration for a model class (``None`` for models that are not indexed)."""
    label = model._meta.label
    return next((item for item in _KINDS.values() if item.model_label == label), None)
