"""Find-or-create of the shared records a film points to: people, organisations, festivals,
editions, sections, awards, roles and genres.

Each resolver keeps a cache for one import run, so a bulk import touches the database once per
distinct name, and reports which records it linked and which it created. People come in bulk:
``people(records)`` resolves a whole batch with one lookup query and one insert. A person
record with a slug is that person when the slug exists (so an export re-imports to the same
people); otherwise any of its written names links it to an existing person.

With an importing user, only the people and festivals that user may credit or enter a film at
are matched (``access.creditable_people``, ``access.enterable_festivals``, as in the film
editor): another film's private person or festival is never linked by typing its exact name or
slug; a new one is created instead. Without a user (``filmfolio import``, ``demo``, the
operator's commands) every record is matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from slugify import slugify

from filmfolio.accounts.models import Organisation
from filmfolio.core.matching import name_match_key
from filmfolio.core.matching import title_match_key as _title_key
from filmfolio.core.slugs import unique_slug
from filmfolio.festivals.models import Award, Edition, Festival, Section
from filmfolio.films import access
from filmfolio.films.models import Genre, Role
from filmfolio.films.vocabulary import sync_vocabularies
from filmfolio.people.models import Person, PersonBiography, PersonName
from filmfolio.people.services import new_person_fields, person_slug_text, taken_person_slugs

from .records import CompanyRecord, FestivalEntryRecord, PersonRecord
from .rows import RowWriter


@lru_cache(maxsize=65536)
def title_match_key(text: str) -> str:
    """`core.matching.title_match_key`, memoised: a bulk import asks for the same names often."""
    return _title_key(text)


class PersonRef(NamedTuple):
    """A person as the commit needs it: id, display name (for the log) and slug."""

    pk: int
    name: str
    slug: str


class SlugAllocator:
    """Unique slugs for many new rows of one model: taken slugs are read once, then kept."""

    def __init__(
        self, model: type[Model], max_length: int = 80, reserved: frozenset[str] = frozenset()
    ) -> None:
        self.model = model
        self.max_length = max_length
        self.reserved = reserved
        self._taken: set[str] | None = None

    def allocate(self, text: str) -> str:
        """A slug from ``text`` used by no row and by no earlier allocation; -2, -3, ... added."""
        if self._taken is None:
            manager = self.model._default_manager  # type: ignore[attr-defined]
            self._taken = set(manager.values_list("slug", flat=True)) | set(self.reserved)
        base = slugify(text, max_length=self.max_length - 6) or "untitled"
        slug, n = base, 2
        while slug in self._taken:
            slug, n = f"{base}-{n}", n + 1
        self._taken.add(slug)
        return slug


@dataclass(frozen=True)
class FreshNames:
    """Names a reviewer said are new here: people (name match keys) and festivals (title
    match keys) that must be created even when an existing record has the same name."""

    people: frozenset[str] = frozenset()
    festivals: frozenset[str] = frozenset()


@dataclass
class ResolveLog:
    """What an import linked to existing records and what it created, by kind."""

    linked: dict[str, set[str]] = field(default_factory=dict)
    created: dict[str, set[str]] = field(default_factory=dict)
    created_ids: dict[str, list[int]] = field(default_factory=dict)

    def note(self, kind: str, name: str, *, created: bool, pk: int | None = None) -> None:
        target = self.created if created else self.linked
        target.setdefault(kind, set()).add(name)
        if created and pk is not None:
            self.created_ids.setdefault(kind, []).append(pk)


class Resolvers:
    """All resolvers of one import run, sharing one log; ``actor`` is the importing user (None
    for the operator's commands, which match every person and festival)."""

    def __init__(self, *, actor: Any = None, fresh: FreshNames | None = None) -> None:
        self.log = ResolveLog()
        self.fresh = fresh or FreshNames()
        self._alias_festivals: dict[str, Festival] | None = None
        self._matchable_people: QuerySet[Person] = Person.objects.all()
        self._matchable_festivals: QuerySet[Festival] = Festival.objects.all()
        if actor is not None:
            viewer = access.Viewer.for_user(actor)
            self._matchable_people = access.creditable_people(viewer, self._matchable_people)
            self._matchable_festivals = access.enterable_festivals(
                viewer, self._matchable_festivals
            )
        self._people: dict[str, PersonRef] = {}
        self._key_memo: dict[tuple[str | None, tuple[str, ...]], list[str]] = {}
        self._role_memo: dict[str, Role] = {}
        self._person_slugs = SlugAllocator(Person, reserved=taken_person_slugs())
        self._person_rows = RowWriter(
            Person, ["display_name", "slug", "sort_name", "match_key", "country", "user"]
        )
        self._name_rows = RowWriter(
            PersonName,
            ["person", "name", "script", "order", "language", "match_key"],
            ignore_conflicts=True,
        )
        self._bio_rows = RowWriter(PersonBiography, ["person", "language", "body"])
        self._orgs: dict[str, Organisation] = {}
        self._festivals: dict[str, Festival] = {}
        self._editions: dict[tuple[int, int | None, int | None], Edition] = {}
        self._sections: dict[int, dict[str, Section]] = {}
        self._awards: dict[tuple[int, str], Award] = {}
        self._roles: dict[str, Role] = {}
        self._genres: dict[str, Genre] = {}
        self._load_vocabularies()

    def _load_vocabularies(self) -> None:
        roles = list(Role.objects.all())
        if not roles:
            # A flushed database (tests, a wiped catalogue) loses the migration's vocabulary.
            sync_vocabularies(Role, Genre)
            roles = list(Role.objects.all())
        for role in roles:
            for label in (role.code, role.name_en, role.name_zh, *role.aliases):
                if label:
                    self._roles.setdefault(title_match_key(label), role)
        for genre in Genre.objects.all():
            for label in (genre.slug, genre.name_en, genre.name_zh):
                if label:
                    self._genres.setdefault(title_match_key(label), genre)

    def role(self, label: str) -> Role:
        """The role for a code or label in any known language; "other" when unknown."""
        role = self._role_memo.get(label)
        if role is None:
            key = title_match_key(label)
            singular = key[:-1] if key.endswith("s") else key
            role = self._roles.get(key) or self._roles.get(singular) or self._roles["other"]
            self._role_memo[label] = role
        return role

    def genre(self, label: str) -> Genre:
        """The genre for a slug or name; an unknown genre is added to the list."""
        key = title_match_key(label)
        if key not in self._genres:
            genre, _ = Genre.objects.get_or_create(
                slug=unique_slug(Genre, label, max_length=40), defaults={"name_en": label}
            )
            self._genres[key] = genre
        return self._genres[key]

    def person(self, record: PersonRecord) -> PersonRef:
        """The person with this slug or name (any written form), created when nobody matches."""
        ref = self._cached_person(record)
        if ref is None:
            self.people([record])
            ref = self._cached_person(record)
        assert ref is not None, "people() resolves every record"
        # A person created in this run is known by its slug once its row has an id.
        return self._people[f"slug:{ref.slug}"]

    def people(self, records: Iterable[PersonRecord]) -> dict[int, PersonRef]:
        """Resolve many people at once: one query for those not seen yet, one bulk insert for
        those nobody matches. Returns id(record) -> person, for records alive in the caller."""
        records = list(records)
        found = [self._cached_person(r) for r in records]
        pending = [r for r, ref in zip(records, found, strict=True) if ref is None]
        if pending:
            self._resolve_new(pending)
            found = [ref or self._cached_person(r) for r, ref in zip(records, found, strict=True)]
        people = self._people
        return {
            id(r): people[f"slug:{ref.slug}"]
            for r, ref in zip(records, found, strict=True)
            if ref is not None
        }

    def _resolve_new(self, pending: list[PersonRecord]) -> None:
        self._load_people(pending)
        created: list[tuple[PersonRecord, str]] = []
        for record in pending:
            if self._cached_person(record) is None:
                slug = self._person_slugs.allocate(record.slug or person_slug_text(record.name))
                created.append((record, slug))
                self._remember(record, PersonRef(0, record.name, slug))
        if created:
            self._create_people(created)

    def _person_keys(self, record: PersonRecord) -> list[str]:
        """Lookup keys of a person record: its slug, then its names (memoised: hot in bulk)."""
        names = (record.name, *(n.name for n in record.names))
        memo = (record.slug, names)
        keys = self._key_memo.get(memo)
        if keys is None:
            keys = [name_match_key(name) for name in names]
            keys = [f"slug:{record.slug}", *keys] if record.slug else keys
            self._key_memo[memo] = keys
        return keys

    def _cached_person(self, record: PersonRecord) -> PersonRef | None:
        return next((self._people[k] for k in self._person_keys(record) if k in self._people), None)

    def _remember(self, record: PersonRecord, ref: PersonRef) -> None:
        for key in self._person_keys(record):
            self._people.setdefault(key, ref)
        self._people[f"slug:{ref.slug}"] = ref

    def _load_people(self, records: list[PersonRecord]) -> None:
        """Link records to existing people: by slug first, then by any written name."""
        found = self._people_by_slug(records)
        by_key = self._people_by_key(records)
        for record in records:
            ref = found.get(record.slug or "") or next(
                (by_key[k] for k in self._person_keys(record) if k in by_key), None
            )
            if ref is not None and self._cached_person(record) is None:
                self._remember(record, ref)
                self.log.note("people", ref.name, created=False)

    def _people_by_slug(self, records: list[PersonRecord]) -> dict[str, PersonRef]:
        """Matchable people whose slug a record names."""
        slugs = [r.slug for r in records if r.slug]
        rows = self._matchable_people.filter(slug__in=slugs)
        return {
            slug: PersonRef(pk, name, slug)
            for pk, name, slug in rows.values_list("pk", "display_name", "slug")
        }

    def _people_by_key(self, records: list[PersonRecord]) -> dict[str, PersonRef]:
        """Matchable people any of whose written forms has a key of ``records`` (earliest
        person first for each key), as ``people.services.person_for_name`` matches."""
        keys = {
            k
            for r in records
            for k in self._person_keys(r)
            if not k.startswith("slug:") and k not in self.fresh.people
        }
        by_key: dict[str, PersonRef] = {}
        rows = self._matchable_people.filter(
            Q(match_key__in=keys) | Q(names__match_key__in=keys)
        ).order_by("id")
        fields = ("pk", "display_name", "slug", "match_key", "names__match_key")
        for pk, name, slug, key, name_key in rows.values_list(*fields):
            for found in (key, name_key):
                if found in keys:
                    by_key.setdefault(found, PersonRef(pk, name, slug))
        return by_key

    def _create_people(self, created: list[tuple[PersonRecord, str]]) -> None:
        now = timezone.now()
        fields = {id(r): new_person_fields(r.name) for r, _slug in created}
        self._person_rows.insert(
            [
                (f.display_name, slug, f.sort_name, f.match_key, r.country, None)
                for r, slug in created
                for f in (fields[id(r)],)
            ],
            now=now,
        )
        ids = dict(
            Person.objects.filter(slug__in=[slug for _, slug in created]).values_list("slug", "pk")
        )
        names, bios = [], []
        for record, slug in created:
            ref = PersonRef(ids[slug], record.name, slug)
            self._people[f"slug:{slug}"] = ref
            self.log.note("people", record.name, created=True, pk=ref.pk)
            first = fields[id(record)]
            names.append(
                (ref.pk, first.display_name, first.script, first.order, "", first.match_key)
            )
            names += [
                (ref.pk, n.name, n.script, n.order or "", "", name_match_key(n.name))
                for n in record.names
                if n.name != record.name
            ]
            bios += [(ref.pk, lang, body) for lang, body in record.biographies.items()]
        self._name_rows.insert(names)
        self._bio_rows.insert(bios)

    def organisation(self, record: CompanyRecord) -> Organisation:
        """The organisation with this name, created when none matches."""
        key = title_match_key(record.name)
        if key not in self._orgs:
            org = Organisation.objects.filter(match_key=key).first()
            if org is None:
                org = Organisation.objects.create(
                    name=record.name,
                    slug=unique_slug(Organisation, record.name),
                    kind=record.kind,
                    match_key=key,
                )
                self.log.note("organisations", org.name, created=True, pk=org.pk)
            else:
                self.log.note("organisations", org.name, created=False)
            self._orgs[key] = org
        return self._orgs[key]

    def festival(self, record: FestivalEntryRecord) -> Festival:
        """The festival with this name or one of its aliases, created when none matches."""
        keys = [title_match_key(n) for n in (record.festival, *record.festival_aliases)]
        for key in keys:
            if key in self._festivals:
                return self._festivals[key]
        festival = None
        if keys[0] not in self.fresh.festivals:
            festival = self._matchable_festivals.filter(match_key__in=keys).first()
            festival = festival or self._festival_by_alias(keys)
        created = festival is None
        if festival is None:
            festival = Festival.objects.create(
                name=record.festival,
                slug=unique_slug(Festival, record.festival),
                aliases=list(record.festival_aliases),
                match_key=keys[0],
                country=record.country,
                city=record.city,
            )
        self.log.note("festivals", festival.name, created=created, pk=festival.pk)
        for key in keys:
            self._festivals[key] = festival
        return festival

    def _festival_by_alias(self, keys: list[str]) -> Festival | None:
        """A matchable festival one of whose aliases has one of ``keys`` (aliases are read
        once per run: they are a JSON list no index holds)."""
        if self._alias_festivals is None:
            self._alias_festivals = {}
            rows = self._matchable_festivals.exclude(aliases=[]).order_by("pk")
            for festival in rows:
                for alias in festival.aliases or []:
                    self._alias_festivals.setdefault(title_match_key(str(alias)), festival)
        return next((self._alias_festivals[k] for k in keys if k in self._alias_festivals), None)

    def edition(self, festival: Festival, record: FestivalEntryRecord) -> Edition:
        """The edition by number and year, created when missing."""
        key = (festival.pk, record.edition, record.year)
        if key not in self._editions:
            edition, _ = Edition.objects.get_or_create(
                festival=festival,
                number=record.edition,
                year=record.year,
                defaults={"city": record.city},
            )
            self._editions[key] = edition
        return self._editions[key]

    def section(self, edition: Edition, name: str) -> Section:
        """The section of ``edition`` with this name, created when missing."""
        sections = self._sections_of(edition)
        key = title_match_key(name)
        if key not in sections:
            sections[key] = Section.objects.create(
                edition=edition, name=name, is_competitive="competition" in name.lower()
            )
        return sections[key]

    def _sections_of(self, edition: Edition) -> dict[str, Section]:
        if edition.pk not in self._sections:
            self._sections[edition.pk] = {
                title_match_key(s.name): s for s in Section.objects.filter(edition=edition)
            }
        return self._sections[edition.pk]

    def award(self, festival: Festival, name: str) -> Award:
        key = (festival.pk, title_match_key(name))
        if key not in self._awards:
            existing = {title_match_key(a.name): a for a in festival.awards.all()}
            self._awards[key] = existing.get(key[1]) or Award.objects.create(
                festival=festival, name=name
            )
        return self._awards[key]
