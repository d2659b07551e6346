"""Commit film records to the catalogue: all or nothing, linking what already exists.

``records_commit`` is the one write path for records: the demo, ``filmfolio import``, the
synthetic catalogue and the reviewed import form all use it. A record whose slug exists replaces
that film's facts, so importing an export again gives the same catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import transaction
from django.utils import timezone

from filmfolio.core.slugs import unique_slug
from filmfolio.festivals.models import Entry
from filmfolio.films.models import (
    Credit,
    Film,
    FilmCompany,
    FilmCountry,
    FilmLanguage,
    FilmLink,
    FilmText,
    Title,
)
from filmfolio.search import index
from filmfolio.search.choices import DocumentKind
from filmfolio.sharing.choices import CollaboratorRole
from filmfolio.sharing.models import Collaborator

from .records import FilmRecord
from .resolvers import ResolveLog, Resolvers


@dataclass
class CommitReport:
    """What a commit did: films created and updated, records linked and created."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    log: ResolveLog = field(default_factory=ResolveLog)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated)


def records_commit(
    *,
    records: Iterable[FilmRecord],
    actor: Any = None,
    batch_size: int = 500,
    update_index: bool = True,
) -> CommitReport:
    """Write every record in one transaction; any error rolls everything back.

    ``actor`` (a user) becomes owner of the films it creates. The search index follows in the
    same transaction; a caller that rebuilds the index afterwards may pass
    ``update_index=False``.
    """
    report = CommitReport()
    with transaction.atomic():
        resolvers = Resolvers()
        report.log = resolvers.log
        for batch in _batches(records, batch_size):
            film_ids = _commit_batch(batch, resolvers, report, actor)
            if update_index:
                index.update_ids(DocumentKind.FILM, film_ids)
        if update_index:
            for kind, ids in _created_kinds(resolvers.log).items():
                index.update_ids(kind, ids)
    return report


def _created_kinds(log: ResolveLog) -> dict[str, list[int]]:
    kinds = {
        "people": DocumentKind.PERSON,
        "festivals": DocumentKind.FESTIVAL,
        "organisations": DocumentKind.ORGANISATION,
    }
    return {kinds[name]: ids for name, ids in log.created_ids.items()}


def _batches(records: Iterable[FilmRecord], size: int) -> Iterator[list[FilmRecord]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _commit_batch(
    batch: list[FilmRecord], resolvers: Resolvers, report: CommitReport, actor: Any
) -> list[int]:
    """Write one batch of films and their facts; returns the films' ids."""
    existing = Film.objects.in_bulk([r.slug for r in batch if r.slug], field_name="slug")
    films: list[tuple[Film, FilmRecord]] = []
    new_films: list[Film] = []
    for record in batch:
        film = existing.get(record.slug or "")
        if film is not None:
            _clear_children(film)
            _apply_scalars(film, record)
            film.save()
            report.updated.append(film.slug)
        else:
            film = Film(slug=record.slug or unique_slug(Film, record.title))
            _apply_scalars(film, record)
            new_films.append(film)
            report.created.append(film.slug)
        films.append((film, record))
    Film.objects.bulk_create(new_films)
    if actor is not None:
        Collaborator.objects.bulk_create(
            [Collaborator(film=f, user=actor, role=CollaboratorRole.OWNER) for f in new_films]
        )
    _create_children(films, resolvers)
    return [film.pk for film, _ in films]


def _clear_children(film: Film) -> None:
    for relation in (
        film.titles,
        film.countries,
        film.languages,
        film.texts,
        film.links,
        film.companies,
        film.credits,
        film.festival_entries,
    ):
        relation.all().delete()
    film.genres.clear()


def _apply_scalars(film: Film, record: FilmRecord) -> None:
    film.title = record.title
    film.year = record.year
    film.completion_date = record.completion_date
    film.kind = record.kind or ""
    film.runtime_minutes = record.runtime_minutes
    budget = record.budget
    film.budget_amount = budget.amount if budget else None
    film.budget_currency = budget.currency if budget else ""
    film.budget_as_stated = budget.as_stated if budget else ""
    film.shooting_format = record.specs.shooting_format
    film.sound = record.specs.sound
    film.aspect_ratio = record.specs.aspect_ratio
    film.color = record.specs.color or ""
    film.is_first_time_filmmaker = record.is_first_time_filmmaker
    film.is_student_project = record.is_student_project
    film.visibility = record.visibility
    if record.visibility == "public" and film.published_at is None:
        film.published_at = timezone.now()


def _create_children(films: list[tuple[Film, FilmRecord]], resolvers: Resolvers) -> None:
    rows: dict[Any, list[Any]] = {
        Title: [],
        FilmCountry: [],
        FilmLanguage: [],
        FilmText: [],
        FilmLink: [],
        FilmCompany: [],
        Credit: [],
        Entry: [],
    }
    genre_links = []
    for film, record in films:
        for model, objects in _children_of(film, record, resolvers):
            rows[model].extend(objects)
        genre_links += [
            Film.genres.through(film_id=film.pk, genre_id=resolvers.genre(g).pk)
            for g in dict.fromkeys(record.genres)
        ]
    for model, objects in rows.items():
        model.objects.bulk_create(objects)
    Film.genres.through.objects.bulk_create(genre_links, ignore_conflicts=True)


def _children_of(film: Film, record: FilmRecord, resolvers: Resolvers) -> Iterator[tuple]:
    yield (
        Title,
        [
            Title(film=film, text=t.text, kind=t.kind, language=t.language, position=i)
            for i, t in enumerate(record.titles)
        ],
    )
    yield (
        FilmCountry,
        [
            FilmCountry(film=film, country=c.country, role=c.role, position=i)
            for i, c in enumerate(record.countries)
        ],
    )
    yield (
        FilmLanguage,
        [
            FilmLanguage(
                film=film, language=lang.language, role=lang.role, label=lang.label, position=i
            )
            for i, lang in enumerate(record.languages)
        ],
    )
    yield (
        FilmText,
        [FilmText(film=film, kind=t.kind, language=t.language, body=t.body) for t in record.texts],
    )
    yield (
        FilmLink,
        [
            FilmLink(film=film, kind=link.kind, url=link.url, label=link.label, position=i)
            for i, link in enumerate(record.links)
        ],
    )
    yield (
        FilmCompany,
        [
            FilmCompany(film=film, organisation=resolvers.organisation(c), role=c.role, position=i)
            for i, c in enumerate(record.companies)
        ],
    )
    yield Credit, _credits_of(film, record, resolvers)
    yield Entry, _entries_of(film, record, resolvers)


def _credits_of(film: Film, record: FilmRecord, resolvers: Resolvers) -> list[Credit]:
    """One credit per person and role; a repeated pair in the record is dropped."""
    credits: list[Credit] = []
    seen: set[tuple[int, int]] = set()
    for i, c in enumerate(record.credits):
        person = resolvers.person(c.person) if c.person else None
        role = resolvers.role(c.role)
        if person is not None:
            if (person.pk, role.pk) in seen:
                continue
            seen.add((person.pk, role.pk))
        credits.append(
            Credit(
                film=film,
                person=person,
                role=role,
                credited_as=c.credited_as,
                character=c.character,
                description=c.description,
                position=i,
            )
        )
    return credits


def _entries_of(film: Film, record: FilmRecord, resolvers: Resolvers) -> list[Entry]:
    entries = []
    for e in record.festivals:
        festival = resolvers.festival(e)
        edition = resolvers.edition(festival, e)
        entries.append(
            Entry(
                film=film,
                edition=edition,
                section=resolvers.section(edition, e.section) if e.section else None,
                award=resolvers.award(festival, e.award) if e.award else None,
                result=e.result,
                date=e.date,
            )
        )
    return entries
