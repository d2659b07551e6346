"""schema.org JSON-LD of films, people and festivals, for pages and press kits.

Values are in English (role names, country names, edition ordinals) so the document is the same
whatever language the page is shown in. Callers render it only for what the viewer may see; the
functions read a film's record (``films.record``) or the relations the page selectors
prefetch, and make no visibility decisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation

from filmfolio.core import ordinals as formatting
from filmfolio.core import vocab
from filmfolio.core.site import absolute_url
from filmfolio.festivals.choices import EntryEvidence
from filmfolio.films.choices import RoleCategory
from filmfolio.films.record import FilmRecord

from .share import Shared, SharedVideo

CONTEXT = "https://schema.org"
# The role schema.org's ``director`` property names plainly; other direction roles
# (co-director) are ``Role``s of it.
DIRECTOR_ROLE = "director"


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


# Evidence good enough for schema.org's ``award``.
BACKED_EVIDENCE = frozenset({EntryEvidence.SOURCED, EntryEvidence.CONFIRMED})


def award_text(entry: Any) -> str:
    """ "Best Short Film — 49th Golden Horse Awards" (with the year when known)."""
    edition = entry.edition
    event = f"{formatting.edition_label(edition)} {edition.festival.name}".strip()
    return f"{entry.award.name} — {event}" if entry.award else event


def _credits(record: FilmRecord) -> dict[str, list[dict[str, Any]]]:
    """director, actor and contributor lists (schema.org's Role pattern for named roles)."""
    out: dict[str, list[dict[str, Any]]] = {"director": [], "actor": [], "contributor": []}
    for credit in record.credits:
        if credit.person is None:
            continue
        person = _person(credit.person)
        category = credit.role.category
        if credit.is_directing and credit.role.code == DIRECTOR_ROLE:
            out["director"].append(person)
        elif category == RoleCategory.CAST:
            role: dict[str, Any] = {"@type": "PerformanceRole", "actor": person}
            role["roleName"] = credit.credited_as or credit.role.name_en
            if credit.character:
                role["characterName"] = credit.character
            out["actor"].append(role)
        else:
            prop = "director" if credit.is_directing else "contributor"
            out[prop].append(
                {
                    "@type": "Role",
                    "roleName": credit.credited_as or credit.role.name_en,
                    prop: person,
                }
            )
    return out


def film_jsonld(record: FilmRecord, shared: Shared | None = None) -> dict[str, Any]:
    """A schema.org ``Movie`` with every fact schema.org has a property for; with ``shared``
    (``presskit.share``: what the film's page shares of its media) also its ``image`` and its
    trailer as a ``VideoObject``."""
    with translation.override("en"):
        data = _film_jsonld(record)
        if shared is not None:
            data.update(_media(record, shared))
        return data


def _media(record: FilmRecord, shared: Shared) -> dict[str, Any]:
    image = shared.image
    data: dict[str, Any] = {
        "image": {
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
        }
    }
    if shared.video is not None:
        data["trailer"] = video_object(record, shared.video)
    return data


def video_object(record: FilmRecord, shared: SharedVideo) -> dict[str, Any]:
    """The schema.org ``VideoObject`` of the film's embeddable video."""
    video = shared.video
    data: dict[str, Any] = {
        "@type": "VideoObject",
        "name": f"{record.film.title} — {video.title or video.get_kind_display()}",
        "description": record.description("en") or record.film.title,
        "thumbnailUrl": shared.thumbnail_url,
        "uploadDate": video.created_at.isoformat(),
        "contentUrl": shared.playlist_url,
        "embedUrl": shared.embed_url,
        "encodingFormat": "application/vnd.apple.mpegurl",
    }
    if video.duration_seconds:
        data["duration"] = f"PT{round(video.duration_seconds)}S"
    if video.width and video.height:
        data["width"], data["height"] = video.width, video.height
    return data


def _screenings(record: FilmRecord, url: str) -> list[dict[str, Any]]:
    """The film's festival entries as schema.org ``ScreeningEvent``s of their festival."""
    events = []
    for entry in record.entries_in_festival_order:
        edition, festival = entry.edition, entry.edition.festival
        name = f"{formatting.edition_label(edition)} {festival.name}".strip()
        section = entry.section.name if entry.section else ""
        data: dict[str, Any] = {
            "@type": "ScreeningEvent",
            "name": f"{name} — {section}" if section else name,
            "startDate": _date(entry.date or edition.starts_on),
            "endDate": "" if entry.date else _date(edition.ends_on),
            "location": _place(edition.city or festival.city, festival.country),
            "superEvent": {
                "@type": "Festival",
                "name": festival.name,
                "url": absolute(festival.get_absolute_url()),
            },
            "workPresented": {"@id": url},
        }
        events.append(_compact(data))
    return events


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def _film_jsonld(record: FilmRecord) -> dict[str, Any]:
    film = record.film
    url = absolute(film.get_absolute_url())
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Movie",
        "@id": url,
        "name": film.title,
        "url": url,
        "alternateName": [t.text for t in record.other_titles],
        "dateCreated": _date_created(film),
        "datePublished": str(film.year or ""),
        "description": record.description("en"),
        "genre": [g.name_en for g in record.genres],
        "duration": f"PT{film.runtime_minutes}M" if film.runtime_minutes else None,
        "countryOfOrigin": [
            {"@type": "Country", "name": vocab.country_name(c.country, "en")}
            for c in record.origin_countries
        ],
        "inLanguage": [_language(x) for x in record.spoken_languages],
        "subtitleLanguage": [_language(x) for x in record.subtitles],
        "award": _awards(record),
        "productionCompany": [_organisation(c.organisation) for c in record.production_companies],
        **_credits(record),
        "subjectOf": _screenings(record, url),
    }
    return _compact(data)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without its empty values."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _date_created(film: Any) -> str:
    if film.completion_date:
        return film.completion_date.isoformat()
    return str(film.year or "")


def _awards(record: FilmRecord) -> list[str]:
    """Awards a source or the festival backs: a claimed award stays on the page, labelled
    claimed, but is not published to search engines as a fact (docs/festivals.md)."""
    return [
        award_text(e)
        for e in record.entries_in_festival_order
        if (e.award or e.is_award) and e.evidence in BACKED_EVIDENCE
    ]


def _organisation(organisation: Any) -> dict[str, Any]:
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    return data


def person_jsonld(person: Any, *, credits: Iterable[Any] = ()) -> dict[str, Any]:
    """A schema.org ``Person``: names, biography, links, and the listed films they worked on."""
    with translation.override("en"):
        names = [n.name for n in person.names.all() if n.name != person.display_name]
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Person",
            "name": person.display_name,
            "url": absolute(person.get_absolute_url()),
            "alternateName": names,
            "description": _english_biography(person),
            "sameAs": [link.url for link in person.links.all()],
            "nationality": _country(person.country),
            "subjectOf": _films_of(credits),
        }
    return _compact(data)


def _english_biography(person: Any) -> str:
    bios = list(person.biographies.all())
    english = [b for b in bios if b.language.lower().startswith("en")]
    return (english or bios)[0].body if bios else ""


def _country(code: str) -> dict[str, Any] | None:
    return {"@type": "Country", "name": vocab.country_name(code, "en")} if code else None


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
    return _compact(data)


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
