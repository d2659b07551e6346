"""What a press kit says about a film, in one language: a plain structure the PDF template
(and any other press-kit format) renders. Reads the film's record (``films.record``)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from filmfolio.core import vocab
from filmfolio.core.ordinals import edition_label
from filmfolio.festivals.laurels import laurel_for, laurel_svg
from filmfolio.films.choices import TextKind
from filmfolio.films.record import FilmRecord

from .images import presskit_images_for

# The press kit's cover shows this many laurels at most (its festivals table lists every entry).
MAX_LAURELS = 4


@dataclass
class CreditGroup:
    role: str
    names: list[str]


@dataclass
class FestivalLine:
    festival: str
    edition: str
    section: str
    result: str
    award: str
    date: str
    is_award: bool
    evidence: str  # an EntryEvidence value
    evidence_label: str
    evidence_url: str = ""


@dataclass
class DirectorBio:
    name: str
    other_names: list[str]
    body: str


@dataclass
class PressKit:
    """Everything one press kit shows, already in ``language``."""

    language: str
    title: str
    other_titles: list[str]
    logline: str
    synopsis: str
    statement: str
    specs: list[tuple[str, str]]
    credits: list[CreditGroup]
    festivals: list[FestivalLine]
    directors: list[DirectorBio]
    contacts: list[tuple[str, str]]
    links: list[tuple[str, str]]
    poster: str | None = None
    laurels: list[str] = field(default_factory=list)  # SVG data addresses, awards first
    stills: list[str] = field(default_factory=list)


def _is_zh(language: str) -> bool:
    return language.lower().startswith("zh")


def pick_text(items: list[Any], language: str, attr: str = "language") -> Any | None:
    """The item in ``language`` (zh-hans matches zh-Hans and zh), else English, else any."""
    wanted = language.lower()
    prefixes = [wanted, wanted.split("-")[0], "en"]
    for prefix in prefixes:
        for item in items:
            tag = getattr(item, attr).lower()
            if tag == prefix or tag.split("-")[0] == prefix:
                return item
    return items[0] if items else None


def _texts(record: FilmRecord, kind: str, language: str) -> str:
    text = record.text(kind, language)
    return text.body if text else ""


def _title(record: FilmRecord, language: str) -> tuple[str, list[str]]:
    film = record.film
    titles = record.titles
    main = film.title
    if _is_zh(language):
        zh = [
            t.text
            for t in titles
            if t.language.lower().startswith("zh-hans") or t.language.lower() == "zh"
        ]
        main = zh[0] if zh else main
    others = [t.text for t in titles if t.text != main]
    if film.title != main and film.title not in others:
        others.insert(0, film.title)
    return main, others


def _specs(record: FilmRecord, language: str) -> list[tuple[str, str]]:
    film = record.film
    countries = [vocab.country_name(c.country, language) for c in record.origin_countries]
    spoken = [c.label or vocab.language_name(c.language, language) for c in record.spoken_languages]
    subtitles = [vocab.language_name(c.language, language) for c in record.subtitles]
    rows = [
        (_("Year"), str(film.year or "")),
        (_("Type"), film.get_kind_display()),
        (_("Genres"), ", ".join(g.name for g in record.genres)),
        (_("Runtime"), _runtime(film)),
        (_("Countries"), ", ".join(countries)),
        (_("Languages"), ", ".join(spoken)),
        (_("Subtitles"), ", ".join(subtitles)),
        (_("Shooting format"), film.shooting_format),
        (_("Aspect ratio"), film.aspect_ratio),
        (_("Sound"), film.sound),
        (_("Colour"), film.get_color_display()),
        (_("Budget"), _budget(film)),
    ]
    return [(label, value) for label, value in rows if value]


def _runtime(film: Any) -> str:
    return _("%(n)d min") % {"n": film.runtime_minutes} if film.runtime_minutes else ""


def _budget(film: Any) -> str:
    if film.budget_amount is not None:
        return f"{film.budget_amount:,.0f} {film.budget_currency}".strip()
    return film.budget_as_stated


def _person_name(person: Any, language: str) -> str:
    if _is_zh(language):
        for name in person.names.all():
            if name.script == "hans":
                return f"{name.name}（{person.display_name}）"
    return person.display_name


def _credits(record: FilmRecord, language: str) -> list[CreditGroup]:
    groups: dict[str, CreditGroup] = {}
    for credit in record.credits:
        label = credit.role.name
        name = _person_name(credit.person, language) if credit.person else _("Uncredited")
        group = groups.setdefault(label, CreditGroup(role=label, names=[]))
        if name not in group.names:
            group.names.append(name)
    return list(groups.values())


def _festivals(record: FilmRecord) -> list[FestivalLine]:
    lines = []
    for entry in record.festival_entries:
        lines.append(
            FestivalLine(
                festival=entry.edition.festival.name,
                edition=edition_label(entry.edition),
                section=entry.section.name if entry.section else "",
                result=entry.get_result_display(),
                award=entry.award.name if entry.award else "",
                date=entry.date.isoformat() if entry.date else "",
                is_award=entry.is_award,
                evidence=entry.evidence,
                evidence_label=entry.get_evidence_display(),
                evidence_url=entry.evidence_url,
            )
        )
    return lines


def _laurels(record: FilmRecord, language: str) -> list[str]:
    """The drawn laurels of the film's first entries (awards first) as SVG data addresses; a
    claimed entry's laurel is hollow and says so (``festivals.laurels``)."""
    entries = sorted(record.entries_in_festival_order, key=lambda e: not e.is_award)
    return [
        "data:image/svg+xml;base64,"
        + base64.b64encode(laurel_svg(laurel_for(e, language), tone="black").encode()).decode()
        for e in entries[:MAX_LAURELS]
    ]


def _directors(record: FilmRecord, language: str) -> list[DirectorBio]:
    bios = []
    for person in record.directors:
        bio = pick_text(list(person.biographies.all()), language)
        others = [n.name for n in person.names.all() if n.name != person.display_name]
        bios.append(DirectorBio(person.display_name, others, bio.body if bio else ""))
    return bios


def _contacts(record: FilmRecord) -> list[tuple[str, str]]:
    return [
        (f"{c.organisation.name} — {c.get_role_display()}", c.organisation.website)
        for c in record.companies
    ]


def presskit_content_for(record: FilmRecord, language: str) -> PressKit:
    """The press kit of a film's record in ``language`` (``en`` or ``zh-hans``)."""
    poster, stills = presskit_images_for(record.film)
    with translation.override(language):
        title, other_titles = _title(record, language)
        return PressKit(
            language=language,
            title=title,
            other_titles=other_titles,
            logline=_texts(record, TextKind.LOGLINE, language),
            synopsis=_texts(record, TextKind.SYNOPSIS, language),
            statement=_texts(record, TextKind.STATEMENT, language),
            specs=_specs(record, language),
            credits=_credits(record, language),
            festivals=_festivals(record),
            laurels=_laurels(record, language),
            directors=_directors(record, language),
            contacts=_contacts(record),
            links=[(link.label or link.get_kind_display(), link.url) for link in record.links],
            poster=poster,
            stills=stills,
        )
