"""One rule for people named by typing: how a written name finds people, how a new one is made.

Every path that turns a typed name into a person comes here: the credit services (web editor,
API), the importer (``new_person_fields`` for its bulk rows, the same rule), the person picker.

A name finds a person when any of the person's written forms has the same order-free key
(``core.text.name_key``): scripts (simplified and traditional folded, Latin), both orders
("Zhu Shengze" / "Shengze Zhu"), hyphens, tones and diacritics, and the pinyin of a Chinese name
read with its surname reading ("Ye Jing" finds 叶京) all meet. ``people_matching`` ranks exact
keys first, then people whose key holds every syllable typed, then names containing the text.

A new person gets a name row in the script it is written in, and a slug from the name's
reading with the surname table of ``core.text.surnames`` (叶京 -> ``ye-jing``).
"""

from __future__ import annotations

import unicodedata
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.matching import name_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.core.text import name_reading, to_simplified
from filmfolio.core.text.chars import has_han
from filmfolio.core.viewers import Viewer

from ..choices import NameOrder, NameScript
from ..models import Person, PersonName, PersonSlugRedirect
from .records import person_changed

MAX_NAME_LENGTH = 200
MAX_KEY_TOKENS = 8
# Addresses under /people/ that a person's slug must not take.
RESERVED_SLUGS = frozenset({"lookup", "merge"})


def name_script(name: str) -> NameScript:
    """The script ``name`` is written in: Latin (with diacritics), simplified or traditional
    Chinese (a name whose characters all fold to themselves counts as simplified), or other."""
    letters = [char for char in name if char.isalpha()]
    if not letters:
        return NameScript.OTHER
    if all(unicodedata.name(char, "").startswith("LATIN") for char in letters):
        return NameScript.LATIN
    if all(has_han(char) for char in letters):
        return NameScript.HANS if to_simplified(name) == name else NameScript.HANT
    return NameScript.OTHER


def name_order(script: str) -> str:
    """The order a name in ``script`` is written in, when the script tells: Chinese names put
    the family name first; a Latin name may be written either way (left empty)."""
    if script in (NameScript.HANS, NameScript.HANT):
        return NameOrder.FAMILY_FIRST
    return ""


def person_slug_text(name: str) -> str:
    """What a new person's slug is made from: the name's reading (surname readings applied)."""
    return name_reading(name) or name


def taken_person_slugs() -> frozenset[str]:
    """Slugs no new person may take besides those of people: the /people/ addresses and the
    old addresses of merged people (which redirect)."""
    redirected = PersonSlugRedirect.objects.values_list("old_slug", flat=True)
    return RESERVED_SLUGS | frozenset(redirected)


def person_slug(name: str) -> str:
    """A free slug for a new person named ``name``, never a /people/ address or the old
    address of a merged person."""
    text = person_slug_text(name)
    slug = unique_slug(Person, text)
    if slug in RESERVED_SLUGS or PersonSlugRedirect.objects.filter(old_slug=slug).exists():
        taken = taken_person_slugs()
        n = 2
        while slug in taken:
            slug = unique_slug(Person, f"{text}-{n}")
            n += 1
    return slug


class NewPerson(NamedTuple):
    """The stored fields of a new person and of its written name, by the one rule."""

    display_name: str
    sort_name: str
    match_key: str
    script: str
    order: str


def new_person_fields(name: str) -> NewPerson:
    """The fields a new person named ``name`` is stored with (used in bulk by the importer)."""
    name = " ".join(name.split())
    script = name_script(name)
    return NewPerson(name, name, name_match_key(name), script, name_order(script))


def _key_tokens_q(field: str, tokens: list[str]) -> Q:
    """Every token of ``tokens`` is one of the space-separated syllables of ``field``."""
    q = Q()
    for token in tokens:
        q &= (
            Q(**{field: token})
            | Q(**{f"{field}__startswith": f"{token} "})
            | Q(**{f"{field}__endswith": f" {token}"})
            | Q(**{f"{field}__contains": f" {token} "})
        )
    return q


def _match_tiers(name: str) -> list[Q]:
    """The filters of each rank: the exact key, every syllable typed, the text contained."""
    key = name_match_key(name)
    tiers = []
    if key:
        tiers.append(Q(match_key=key) | Q(names__match_key=key))
        tokens = key.split()[:MAX_KEY_TOKENS]
        tiers.append(_key_tokens_q("match_key", tokens) | _key_tokens_q("names__match_key", tokens))
    contained = Q(display_name__icontains=name) | Q(names__name__icontains=name)
    simplified = to_simplified(name)
    if simplified != name:
        contained |= Q(names__name__icontains=simplified)
    tiers.append(contained)
    return tiers


def people_matching(
    *, name: str, limit: int = 10, among: QuerySet[Person] | None = None
) -> list[Person]:
    """People any of whose written forms match ``name`` (any script, order, spelling), exact
    matches first, at most ``limit``. ``among`` narrows the candidates; callers showing them
    pass the people the viewer may credit (``Person.objects.creditable_by(viewer)``, which
    asks ``films.access``)."""
    name = " ".join(name.split())[:MAX_NAME_LENGTH]
    if not name or limit < 1:
        return []
    base = Person.objects.all() if among is None else among
    ids: list[int] = []
    for tier in _match_tiers(name):
        rows = (
            base.filter(tier)
            .exclude(pk__in=ids)
            .order_by("display_name", "pk")
            .values_list("pk", "display_name")
            .distinct()[: limit - len(ids)]
        )
        ids.extend(pk for pk, _name in rows)
        if len(ids) >= limit:
            break
    people = Person.objects.in_bulk(ids)
    return [people[pk] for pk in ids]


def _creditable(actor: Any) -> QuerySet[Person]:
    """The people ``actor`` may credit (the access policy decides, through the queryset);
    every person for the operator's commands (no actor)."""
    if actor is None:
        return Person.objects.all()
    return Person.objects.creditable_by(Viewer.for_user(actor))


def _validated(person: Person) -> None:
    try:
        person.full_clean(exclude=["slug", "user"])
    except ValidationError as error:
        raise ValidationFailedError(
            _("Some values are not valid."), errors=error.message_dict
        ) from error


def person_create(*, name: str, actor: Any) -> Person:
    """A new person named ``name``, the name kept as one of their written names in its script.

    For an explicit "create a new person" choice; a typed name goes through
    ``person_for_name``, which finds the existing person first."""
    fields = new_person_fields(name)
    person = Person(
        display_name=fields.display_name,
        slug="placeholder",
        sort_name=fields.sort_name,
        match_key=fields.match_key,
    )
    _validated(person)
    with transaction.atomic():
        person.slug = person_slug(fields.display_name)
        person.save()
        PersonName.objects.create(
            person=person, name=fields.display_name, script=fields.script, order=fields.order
        )
        person_changed(
            person,
            ChangeNote(
                actor=actor,
                action=AuditAction.CREATE,
                section=AuditSection.PERSON,
                summary=person.display_name,
            ),
        )
    return person


def person_for_name(*, name: str, actor: Any, person_id: int | None = None) -> Person:
    """The person a credit names: the picked person (``person_id``) when given, else the
    earliest person ``actor`` may credit whose written forms have exactly the key of ``name``,
    else a new person so named.

    A picked person the actor may not credit is refused like an unknown one; a name matching
    only such people makes a new person (``Person.objects.creditable_by``).
    """
    creditable = _creditable(actor)
    if person_id is not None:
        picked = creditable.filter(pk=person_id).first()
        if picked is None:
            message = _("No person has this address.")
            raise ValidationFailedError(message, errors={"person": [message]})
        return picked
    key = name_match_key(name)
    if key:
        found = creditable.filter(Q(match_key=key) | Q(names__match_key=key)).order_by("pk").first()
        if found is not None:
            return found
    return person_create(name=name, actor=actor)
