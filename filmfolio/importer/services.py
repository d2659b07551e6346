"""Commit film records to the catalogue: all or nothing, linking what already exists.

``records_commit`` is the one write path for records: the demo, ``filmfolio import``, the
synthetic catalogue and the reviewed import form all use it. A record whose slug exists replaces
that film's facts, so importing an export again gives the same catalogue.

Records arrive validated (`FilmRecord`), so the commit does not validate again. It writes each
batch with a fixed number of statements: one lookup of existing slugs, one insert of the new
films, one insert per kind of child row, one lookup and one insert for the people not seen
before (see `rows.py` for why rows are written as tuples rather than model instances).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import transaction
from django.utils import timezone

from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.festivals.models import Entry
from filmfolio.films.changes import films_changed_many
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import (
    BASIC_FIELDS,
    SPEC_FIELDS,
    Collaborator,
    Credit,
    Film,
    FilmCompany,
    FilmCountry,
    FilmLanguage,
    FilmLink,
    FilmText,
    Title,
)
from filmfolio.films.services import publication_time, require_edit
from filmfolio.search import index
from filmfolio.search.choices import DocumentKind

from .records import FilmRecord
from .resolvers import FreshNames, PersonRef, ResolveLog, Resolvers, SlugAllocator
from .rows import RowUpdater, RowWriter

FILM_FIELDS = [*BASIC_FIELDS, *SPEC_FIELDS, "visibility", "published_at"]


@dataclass
class CommitReport:
    """What a commit did: films created and updated, records linked and created."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    log: ResolveLog = field(default_factory=ResolveLog)
    film_ids: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated)


def records_commit(
    *,
    records: Iterable[FilmRecord],
    actor: Any = None,
    batch_size: int = 500,
    update_index: bool = True,
    fresh: FreshNames | None = None,
) -> CommitReport:
    """Write every record in one transaction; any error rolls everything back.

    ``actor`` (a user) becomes owner of the films it creates and may replace only films they may
    edit; only people and festivals they may credit or enter a film at are linked. Without an
    actor (the operator's commands) every film may be replaced and everyone linked. Records are
    read lazily, one batch of ``batch_size`` at a time, so a generator of a million records
    needs little memory. Each batch ends in ``films_changed_many``: a change
    record per film, new versions, the search documents in the same transaction. A caller that
    rebuilds the index afterwards may pass ``update_index=False``: new films then wait for the
    rebuild, while replaced films are still re-indexed at once (one made private must leave
    search when the import commits). ``fresh`` names the people and festivals a reviewer said
    are new: they are created even when one of the same name exists.
    """
    report = CommitReport()
    with transaction.atomic():
        writer = _CatalogueWriter(actor=actor, report=report, fresh=fresh)
        for batch in _batches(records, batch_size):
            film_ids, updated = writer.write(batch)
            report.film_ids += film_ids
            created = [pk for pk in film_ids if pk not in updated]
            films_changed_many(
                Film,
                created,
                actor=actor,
                action=AuditAction.CREATE,
                section=AuditSection.IMPORT,
                reindex=update_index,
            )
            films_changed_many(
                Film,
                sorted(updated),
                actor=actor,
                action=AuditAction.REPLACE,
                section=AuditSection.IMPORT,
            )
        if update_index:
            for kind, ids in _created_kinds(report.log).items():
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


class _CatalogueWriter:
    """Writes batches of records within the caller's transaction."""

    def __init__(self, *, actor: Any, report: CommitReport, fresh: FreshNames | None) -> None:
        self.actor = actor
        self.report = report
        self.resolvers = Resolvers(actor=actor, fresh=fresh)
        report.log = self.resolvers.log
        self.film_slugs = SlugAllocator(Film)
        self.films = RowWriter(Film, ["slug", *FILM_FIELDS, "password_hash"])
        self.film_updates = RowUpdater(Film, FILM_FIELDS, touch=False)
        self.children = _ChildWriters()
        self.owners = RowWriter(Collaborator, ["film", "user", "role"])

    def write(self, batch: list[FilmRecord]) -> tuple[list[int], set[int]]:
        """Create or replace the films of one batch with all their facts; returns their ids
        in the order of the records, and the ids of those replaced."""
        now = timezone.now()
        new, updates, order = self._sort(batch)
        replaced = [pk for pk, _, _ in updates]
        self._check_may_replace(replaced)
        self.children.clear(replaced)
        self._update(updates, now)
        ids = self._insert(new, now)
        ids.update({r.slug: pk for pk, r, _ in updates if r.slug})
        films = [(ids[slug], record) for slug, record in zip(order, batch, strict=True)]
        self.children.write(films, self.resolvers, self._credited_people(batch), now)
        return [pk for pk, _ in films], set(replaced)

    def _sort(
        self, batch: list[FilmRecord]
    ) -> tuple[list[tuple[str, FilmRecord]], list[tuple[int, FilmRecord, Any]], list[str]]:
        """The records of new films with their slugs, those replacing a film (its id, the
        record, its publication time) and every record's slug in order; noted in the report."""
        slugs = [r.slug for r in batch if r.slug]
        existing = {
            slug: (pk, published)
            for slug, pk, published in Film.objects.filter(slug__in=slugs).values_list(
                "slug", "pk", "published_at"
            )
        }
        new: list[tuple[str, FilmRecord]] = []
        updates: list[tuple[int, FilmRecord, Any]] = []
        order: list[str] = []
        for record in batch:
            if record.slug and record.slug in existing:
                pk, published = existing[record.slug]
                updates.append((pk, record, published))
                self.report.updated.append(record.slug)
                order.append(record.slug)
            else:
                slug = record.slug or self.film_slugs.allocate(record.title)
                new.append((slug, record))
                self.report.created.append(slug)
                order.append(slug)
        return new, updates, order

    def _update(self, updates: list[tuple[int, FilmRecord, Any]], now: Any) -> None:
        """Rewrite the rows of replaced films (a published film keeps its publication time)."""
        self.film_updates.update(
            [(*_film_values(r, _published(r, now, published)), pk) for pk, r, published in updates]
        )

    def _credited_people(self, batch: list[FilmRecord]) -> dict[int, PersonRef]:
        """The people credited in the batch, resolved to their rows."""
        return self.resolvers.people(c.person for r in batch for c in r.credits if c.person)

    def _check_may_replace(self, film_ids: list[int]) -> None:
        """Refuse to replace a film the importing user may not edit (commands run with no
        user: the operator may replace any film)."""
        if self.actor is None or not film_ids:
            return
        for film in Film.objects.filter(pk__in=film_ids).only("pk", "visibility"):
            require_edit(film=film, actor=self.actor)

    def _insert(self, new: list[tuple[str, FilmRecord]], now: Any) -> dict[str, int]:
        if not new:
            return {}
        self.films.insert(
            [(slug, *_film_values(r, _published(r, now)), "") for slug, r in new], now=now
        )
        slugs = [slug for slug, _ in new]
        ids = dict(Film.objects.filter(slug__in=slugs).values_list("slug", "pk"))
        if self.actor is not None:
            self.owners.insert(
                [(ids[s], self.actor.pk, CollaboratorRole.OWNER) for s in slugs], now=now
            )
        return ids


def _published(record: FilmRecord, now: Any, published_at: Any = None) -> Any:
    """The film's publication date: kept once set, else now if it is imported public."""
    return publication_time(visibility=record.visibility, published_at=published_at, now=now)


def _film_values(record: FilmRecord, published_at: Any) -> tuple[Any, ...]:
    budget, specs = record.budget, record.specs
    return (
        record.title,
        record.year,
        record.completion_date,
        record.kind or "",
        record.runtime_minutes,
        budget.amount if budget else None,
        budget.currency if budget else "",
        budget.as_stated if budget else "",
        specs.shooting_format,
        specs.sound,
        specs.aspect_ratio,
        specs.color or "",
        record.is_first_time_filmmaker,
        record.is_student_project,
        record.visibility,
        published_at,
    )


class _ChildWriters:
    """The rows that hang off a film: titles, countries, languages, texts, links, companies,
    credits, festival entries and genres."""

    def __init__(self) -> None:
        self.titles = RowWriter(Title, ["film", "text", "kind", "language", "position"])
        self.countries = RowWriter(FilmCountry, ["film", "country", "role", "position"])
        self.languages = RowWriter(FilmLanguage, ["film", "language", "role", "label", "position"])
        self.texts = RowWriter(FilmText, ["film", "kind", "language", "body"])
        self.links = RowWriter(FilmLink, ["film", "kind", "url", "label", "position"])
        self.companies = RowWriter(FilmCompany, ["film", "organisation", "role", "position"])
        self.credits = RowWriter(
            Credit,
            ["film", "person", "role", "credited_as", "character", "description", "position"],
        )
        self.entries = RowWriter(
            Entry, ["film", "edition", "section", "award", "result", "date", "note"]
        )
        self.genres = RowWriter(Film.genres.through, ["film", "genre"])

    def clear(self, film_ids: list[int]) -> None:
        """Remove the child rows of films about to be replaced."""
        if not film_ids:
            return
        for model in (Title, FilmCountry, FilmLanguage, FilmText, FilmLink, FilmCompany, Credit):
            model.objects.filter(film_id__in=film_ids).delete()
        Entry.objects.filter(film_id__in=film_ids).delete()
        Film.genres.through.objects.filter(film_id__in=film_ids).delete()

    def write(
        self,
        films: list[tuple[int, FilmRecord]],
        resolvers: Resolvers,
        people: dict[int, PersonRef],
        now: Any,
    ) -> None:
        """Insert every child row of the films, one statement per kind of row."""
        rows: dict[str, list[tuple[Any, ...]]] = {
            name: []
            for name in (
                "titles",
                "countries",
                "languages",
                "texts",
                "links",
                "companies",
                "credits",
                "entries",
                "genres",
            )
        }
        for pk, record in films:
            _facts_rows(pk, record, rows)
            rows["companies"] += [
                (pk, resolvers.organisation(c).id, c.role, i)
                for i, c in enumerate(record.companies)
            ]
            rows["credits"] += _credit_rows(pk, record, resolvers, people)
            rows["entries"] += _entry_rows(pk, record, resolvers)
            genre_ids = dict.fromkeys(resolvers.genre(g).id for g in record.genres)
            rows["genres"] += [(pk, genre_id) for genre_id in genre_ids]
        for name, values in rows.items():
            getattr(self, name).insert(values, now=now)


def _facts_rows(pk: int, record: FilmRecord, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Titles, countries, languages, texts and links (exact repeats in a record dropped)."""
    rows["titles"] += _unique(
        [(pk, t.text, t.kind, t.language) for t in record.titles], positions=True
    )
    rows["countries"] += _unique(
        [(pk, c.country, c.role) for c in record.countries], positions=True
    )
    rows["languages"] += _unique(
        [(pk, x.language, x.role, x.label) for x in record.languages], positions=True
    )
    rows["texts"] += [(pk, t.kind, t.language, t.body) for t in record.texts]
    rows["links"] += [
        (pk, link.kind, link.url, link.label, i) for i, link in enumerate(record.links)
    ]


def _unique(rows: list[tuple[Any, ...]], *, positions: bool) -> list[tuple[Any, ...]]:
    kept = list(dict.fromkeys(rows))
    return [(*row, i) for i, row in enumerate(kept)] if positions else kept


def _credit_rows(
    pk: int, record: FilmRecord, resolvers: Resolvers, people: dict[int, PersonRef]
) -> list[tuple[Any, ...]]:
    """One credit per person and role; a repeated pair in the record is dropped."""
    out: list[tuple[Any, ...]] = []
    seen: set[tuple[int, int]] = set()
    for i, c in enumerate(record.credits):
        person = people[id(c.person)].pk if c.person else None
        role = resolvers.role(c.role).id
        if person is not None:
            if (person, role) in seen:
                continue
            seen.add((person, role))
        out.append((pk, person, role, c.credited_as, c.character, c.description, i))
    return out


def _entry_rows(pk: int, record: FilmRecord, resolvers: Resolvers) -> list[tuple[Any, ...]]:
    out = []
    for e in record.festivals:
        festival = resolvers.festival(e)
        edition = resolvers.edition(festival, e)
        section = resolvers.section(edition, e.section).id if e.section else None
        award = resolvers.award(festival, e.award).id if e.award else None
        out.append((pk, edition.id, section, award, e.result, e.date, ""))
    return out
