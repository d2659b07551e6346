"""Find-or-create of the shared records a film points to: people, organisations, festivals,
editions, sections, awards, roles and genres.

Each resolver keeps a cache for one import run, so a bulk import touches the database once per
distinct name, and reports which records it linked and which it created.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from filmfolio.accounts.models import Organisation
from filmfolio.core.matching import name_match_key, title_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.festivals.models import Award, Edition, Festival, Section
from filmfolio.films.models import Genre, Role
from filmfolio.films.vocabulary import sync_vocabularies
from filmfolio.people.models import Person, PersonBiography, PersonName

from .records import CompanyRecord, FestivalEntryRecord, PersonRecord


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
    """All resolvers of one import run, sharing one log."""

    def __init__(self) -> None:
        self.log = ResolveLog()
        self._people: dict[str, Person] = {}
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
        key = title_match_key(label)
        singular = key[:-1] if key.endswith("s") else key
        return self._roles.get(key) or self._roles.get(singular) or self._roles["other"]

    def genre(self, label: str) -> Genre:
        """The genre for a slug or name; an unknown genre is added to the list."""
        key = title_match_key(label)
        if key not in self._genres:
            genre, _ = Genre.objects.get_or_create(
                slug=unique_slug(Genre, label, max_length=40), defaults={"name_en": label}
            )
            self._genres[key] = genre
        return self._genres[key]

    def person(self, record: PersonRecord) -> Person:
        """The person with this name (any written form), created when nobody matches."""
        keys = [name_match_key(record.name), *(name_match_key(n.name) for n in record.names)]
        for key in keys:
            if key in self._people:
                return self._people[key]
        person = Person.objects.filter(match_key__in=keys).order_by("id").first()
        created = person is None
        if person is None:
            person = self._create_person(record, keys[0])
        self.log.note("people", person.display_name, created=created, pk=person.pk)
        for key in keys:
            self._people[key] = person
        return person

    def _create_person(self, record: PersonRecord, key: str) -> Person:
        person = Person.objects.create(
            display_name=record.name,
            slug=record.slug or unique_slug(Person, record.name),
            sort_name=record.name,
            match_key=key,
            country=record.country,
        )
        names = [PersonName(person=person, name=record.name, script="latin")]
        if any(ord(ch) > 0x2E80 for ch in record.name):
            names[0].script = "hans"
        names += [
            PersonName(person=person, name=n.name, script=n.script, order=n.order or "")
            for n in record.names
            if n.name != record.name
        ]
        PersonName.objects.bulk_create(names, ignore_conflicts=True)
        PersonBiography.objects.bulk_create(
            [
                PersonBiography(person=person, language=lang, body=body)
                for lang, body in record.biographies.items()
            ]
        )
        return person

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
        festival = Festival.objects.filter(match_key__in=keys).first()
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
