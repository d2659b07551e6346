"""schema.org JSON-LD of films, people and festivals, for pages and press kits.

Values are in English (role names, country names, edition ordinals) so the document is the same
whatever language the page is shown in. Callers render it only for what the viewer may see; the
functions read the relations the page selectors prefetch and make no visibility decisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation

from filmfolio.core import ordinals as formatting
from filmfolio.core import vocab
from filmfolio.core.site import absolute_url
from filmfolio.films.choices import CompanyRole, CountryRole, LanguageRole, RoleCategory, TextKind

CONTEXT = "https://schema.org"
_PRODUCTION = (CompanyRole.PRODUCTION, CompanyRole.CO_PRODUCTION)


def absolute(path: str) -> str:
    """``path`` on the public site (``core.site``: the configured address or the request's)."""
    return absolute_url(path)


def _person(person: Any) -> dict[str, Any]:
    return {
        "@type": "Person",
        "name": person.display_name,
        "url": absolute(person.get_absolute_url()),
    }


def _language(item: Any) -> dict[str, Any]:
    return {
        "@type": "Language",
        "name": item.label or vocab.language_name(item.language, "en"),
        "alternateName": item.language,
    }


def _english_text(texts: Iterable[Any]) -> str:
    texts = list(texts)
    for kind in (TextKind.LOGLINE, TextKind.SYNOPSIS):
        matching = [t for t in texts if t.kind == kind]
        if matching:
            english = [t for t in matching if t.language.lower().startswith("en")]
            return (english or matching)[0].body
    return ""


def award_text(entry: Any) -> str:
    """ "Best Short Film — 49th Golden Horse Awards" (with the year when known)."""
    edition = entry.edition
    event = f"{formatting.edition_label(edition)} {edition.festival.name}".strip()
    return f"{entry.award.name} — {event}" if entry.award else event


def _credits(film: Any) -> dict[str, list[dict[str, Any]]]:
    """director, actor and contributor lists (schema.org's Role pattern for named roles)."""
    out: dict[str, list[dict[str, Any]]] = {"director": [], "actor": [], "contributor": []}
    for credit in film.credits.all():
        if credit.person is None:
            continue
        person = _person(credit.person)
        category = credit.role.category
        if category == RoleCategory.DIRECTOR and credit.role.code == "director":
            out["director"].append(person)
        elif category == RoleCategory.CAST:
            role: dict[str, Any] = {"@type": "PerformanceRole", "actor": person}
            role["roleName"] = credit.credited_as or credit.role.name_en
            if credit.character:
                role["characterName"] = credit.character
            out["actor"].append(role)
        else:
            prop = "director" if category == RoleCategory.DIRECTOR else "contributor"
            out[prop].append(
                {
                    "@type": "Role",
                    "roleName": credit.credited_as or credit.role.name_en,
                    prop: person,
                }
            )
    return out


def film_jsonld(film: Any) -> dict[str, Any]:
    """A schema.org ``Movie`` with every fact schema.org has a property for."""
    with translation.override("en"):
        return _film_jsonld(film)


def _film_jsonld(film: Any) -> dict[str, Any]:
    countries = list(film.countries.all())
    languages = list(film.languages.all())
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Movie",
        "name": film.title,
        "url": absolute(film.get_absolute_url()),
        "alternateName": [t.text for t in film.titles.all() if t.text != film.title],
        "dateCreated": film.completion_date.isoformat() if film.completion_date else film.year,
        "datePublished": str(film.year) if film.year else None,
        "description": _english_text(film.texts.all()),
        "genre": [g.name_en for g in film.genres.all()],
        "duration": f"PT{film.runtime_minutes}M" if film.runtime_minutes else None,
        "countryOfOrigin": [
            {"@type": "Country", "name": vocab.country_name(c.country, "en")}
            for c in countries
            if c.role == CountryRole.ORIGIN
        ],
        "inLanguage": [_language(x) for x in languages if x.role == LanguageRole.ORIGINAL],
        "subtitleLanguage": [_language(x) for x in languages if x.role == LanguageRole.SUBTITLE],
        "award": [award_text(e) for e in film.festival_entries.all() if e.award or e.is_award],
        "productionCompany": [
            _organisation(c.organisation) for c in film.companies.all() if c.role in _PRODUCTION
        ],
        **_credits(film),
    }
    if isinstance(data["dateCreated"], int):
        data["dateCreated"] = str(data["dateCreated"])
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _organisation(organisation: Any) -> dict[str, Any]:
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    return data


def person_jsonld(person: Any, *, credits: Iterable[Any] = ()) -> dict[str, Any]:
    """A schema.org ``Person``: names, biography, links, and the listed films they worked on."""
    with translation.override("en"):
        names = [n.name for n in person.names.all() if n.name != person.display_name]
        bios = list(person.biographies.all())
        english = [b for b in bios if b.language.lower().startswith("en")]
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Person",
            "name": person.display_name,
            "url": absolute(person.get_absolute_url()),
            "alternateName": names,
            "description": (english or bios)[0].body if bios else "",
            "sameAs": [link.url for link in person.links.all()],
            "nationality": (
                {"@type": "Country", "name": vocab.country_name(person.country, "en")}
                if person.country
                else None
            ),
            "subjectOf": _films_of(credits),
        }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _films_of(credits: Iterable[Any]) -> list[dict[str, Any]]:
    seen: dict[int, dict[str, Any]] = {}
    for credit in credits:
        film = credit.film
        seen.setdefault(
            film.pk,
            {"@type": "Movie", "name": film.title, "url": absolute(film.get_absolute_url())},
        )
    return list(seen.values())


def festival_jsonld(festival: Any) -> dict[str, Any]:
    """A schema.org ``Festival`` with its editions as sub-events."""
    with translation.override("en"):
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Festival",
            "name": festival.name,
            "url": absolute(festival.get_absolute_url()),
            "alternateName": list(festival.aliases or []),
            "description": festival.description,
            "sameAs": [festival.website] if festival.website else [],
            "location": _place(festival.city, festival.country),
            "subEvent": [_edition(festival, e) for e in festival.editions.all()],
        }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _place(city: str, country: str) -> dict[str, Any] | None:
    if not (city or country):
        return None
    address = {"@type": "PostalAddress"}
    if city:
        address["addressLocality"] = city
    if country:
        address["addressCountry"] = country
    return {"@type": "Place", "address": address}


def _edition(festival: Any, edition: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Festival",
        "name": f"{formatting.edition_label(edition)} {festival.name}".strip(),
    }
    if edition.starts_on:
        data["startDate"] = edition.starts_on.isoformat()
    if edition.ends_on:
        data["endDate"] = edition.ends_on.isoformat()
    place = _place(edition.city, festival.country)
    if place:
        data["location"] = place
    return data
