"""What a press kit says about a film, in one language: a plain structure the PDF template
(and any other press-kit format) renders. Reads only prefetched relations (``selectors``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from filmfolio.core import vocab
from filmfolio.core.ordinals import edition_label
from filmfolio.films.choices import CountryRole, LanguageRole, TextKind

from .images import presskit_images_for


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


def _texts(film: Any, kind: str, language: str) -> str:
    text = pick_text([t for t in film.texts.all() if t.kind == kind], language)
    return text.body if text else ""


def _title(film: Any, language: str) -> tuple[str, list[str]]:
    titles = list(film.titles.all())
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


def _specs(film: Any, language: str) -> list[tuple[str, str]]:
    countries = [
        vocab.country_name(c.country, language)
        for c in film.countries.all()
        if c.role == CountryRole.ORIGIN
    ]
    spoken = [
        c.label or vocab.language_name(c.language, language)
        for c in film.languages.all()
        if c.role == LanguageRole.ORIGINAL
    ]
    subtitles = [
        vocab.language_name(c.language, language)
        for c in film.languages.all()
        if c.role == LanguageRole.SUBTITLE
    ]
    rows = [
        (_("Year"), str(film.year or "")),
        (_("Type"), film.get_kind_display() if film.kind else ""),
        (_("Genres"), ", ".join(g.name for g in film.genres.all())),
        (
            _("Runtime"),
            _("%(n)d min") % {"n": film.runtime_minutes} if film.runtime_minutes else "",
        ),
        (_("Countries"), ", ".join(countries)),
        (_("Languages"), ", ".join(spoken)),
        (_("Subtitles"), ", ".join(subtitles)),
        (_("Shooting format"), film.shooting_format),
        (_("Aspect ratio"), film.aspect_ratio),
        (_("Sound"), film.sound),
        (_("Colour"), film.get_color_display() if film.color else ""),
        (_("Budget"), _budget(film)),
    ]
    return [(label, value) for label, value in rows if value]


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


def _credits(film: Any, language: str) -> list[CreditGroup]:
    groups: dict[str, CreditGroup] = {}
    for credit in film.credits.all():
        label = credit.role.name
        name = _person_name(credit.person, language) if credit.person else _("Uncredited")
        group = groups.setdefault(label, CreditGroup(role=label, names=[]))
        if name not in group.names:
            group.names.append(name)
    return list(groups.values())


def _festivals(film: Any) -> list[FestivalLine]:
    lines = []
    for entry in film.festival_entries.all():
        lines.append(
            FestivalLine(
                festival=entry.edition.festival.name,
                edition=edition_label(entry.edition),
                section=entry.section.name if entry.section else "",
                result=entry.get_result_display(),
                award=entry.award.name if entry.award else "",
                date=entry.date.isoformat() if entry.date else "",
                is_award=entry.is_award,
            )
        )
    return lines


def _directors(film: Any, language: str) -> list[DirectorBio]:
    bios, seen = [], set()
    for credit in film.credits.all():
        person = credit.person
        if credit.role.category != "director" or person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        bio = pick_text(list(person.biographies.all()), language)
        others = [n.name for n in person.names.all() if n.name != person.display_name]
        bios.append(DirectorBio(person.display_name, others, bio.body if bio else ""))
    return bios


def _contacts(film: Any) -> list[tuple[str, str]]:
    return [
        (f"{c.organisation.name} — {c.get_role_display()}", c.organisation.website)
        for c in film.companies.all()
    ]


def presskit_content_for(film: Any, language: str) -> PressKit:
    """The press kit of ``film`` in ``language`` (``en`` or ``zh-hans``)."""
    poster, stills = presskit_images_for(film)
    with translation.override(language):
        title, other_titles = _title(film, language)
        return PressKit(
            language=language,
            title=title,
            other_titles=other_titles,
            logline=_texts(film, TextKind.LOGLINE, language),
            synopsis=_texts(film, TextKind.SYNOPSIS, language),
            statement=_texts(film, TextKind.STATEMENT, language),
            specs=_specs(film, language),
            credits=_credits(film, language),
            festivals=_festivals(film),
            directors=_directors(film, language),
            contacts=_contacts(film),
            links=[(link.label or link.get_kind_display(), link.url) for link in film.links.all()],
            poster=poster,
            stills=stills,
        )
