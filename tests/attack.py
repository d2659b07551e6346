"""The attacker's view of the site: every path to try against the canary world, and how a
response is read for what it gives away."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlsplit

from django.contrib.contenttypes.models import ContentType

from filmfolio.films.models import Film

from .canary_world import KINDS, Canary, World
from .url_inventory import Chooser, all_paths, body_of

VIDEO_FILES = ("original", "poster.jpg", "hls/master.m3u8")


def _admin_ids(world: World, canary: Canary, route: str) -> list[str]:
    """Object ids for the admin's change, history and delete pages of one model."""
    model = "/".join(route.split("/")[1:3])
    by_model = {
        "films/film": canary.film.pk,
        "people/person": canary.ids["person"],
        "festivals/festival": canary.ids["festival"],
        "festivals/edition": canary.ids["edition"],
        "festivals/section": canary.ids["section"],
        "festivals/award": canary.ids["award"],
        "festivals/entry": canary.ids["entry"],
        "media/video": canary.ids["video"],
        "media/image": canary.ids["image"],
        "media/upload": canary.upload_id,
        "films/collaborator": canary.ids["collaborator"],
        "auth/user": world.owner.pk,
    }
    return [str(by_model[model])] if model in by_model else []


def chooser(world: World, canary: Canary) -> Chooser:
    """The values an attacker would put in each parameter: one canary film's own."""
    ids = canary.ids
    by_name: dict[str, list[str]] = {
        "part": ["titles", "credits", "entries", "texts", "countries", "languages"],
        "upload_id": [canary.upload_id],
        "frame_id": [canary.frame_id],
        "import_id": [canary.import_id],
        "token": [canary.revoked_token],
        "link_id": [str(ids["link"])],
        "collaborator_id": [str(ids["collaborator"])],
        "item_id": [str(ids["credit"]), str(ids["title"]), str(ids["entry"])],
        "title_id": [str(ids["title"])],
        "credit_id": [str(ids["credit"])],
        "entry_id": [str(ids["entry"])],
        "kind": ["synopsis"],
        "language": ["en"],
        "rest": [f"films/{canary.film.slug}/credits", "credits/", "sharing/"],
        "variant": ["original", "w320.webp", "w240.webp"],
        "id": [str(world.owner.pk)],
        "url": [f"films/film/{canary.film.pk}/"],
    }

    def choose(route: str, converter: str, name: str) -> list[str]:
        if name == "slug":
            if route.startswith(("people/", "api/v1/people", "accounts/people/")):
                return [canary.person_slug]
            if route.startswith(("festivals/", "api/v1/festivals")):
                return [canary.festival_slug]
            return [canary.film.slug]
        if name == "public_id":
            if "/images/" in route:
                return [str(i.public_id) for i in canary.images]
            return [str(canary.video.public_id)]
        if name == "path" and route.startswith("media/videos/"):
            return list(VIDEO_FILES)
        if name == "object_id" and route.startswith("admin/"):
            return _admin_ids(world, canary, route)
        if name == "content_type_id":
            return [str(ContentType.objects.get_for_model(Film).pk)]
        return by_name.get(name, [])

    return choose


def _typo(word: str) -> str:
    """The word with its last two letters swapped: a spelling correction would name it."""
    return word[:-2] + word[-1] + word[-2]


def lookup_paths(world: World) -> list[str]:
    """Searches, suggestions, lookups and facet filters that could name a canary."""
    paths = ["/search/?q=", "/api/v1/search?q=", "/search/?kind=person", "/search/?kind=festival"]
    for canary in world.canaries.values():
        year = canary.film.year
        for word in [*canary.words, *canary.zh_words]:
            paths += [
                f"/search/?q={quote(word)}",
                f"/search/autocomplete?q={quote(word[:-2])}",
                f"/api/v1/search?q={quote(word)}",
                f"/api/v1/autocomplete?q={quote(word[:-2])}",
            ]
        for word in [*canary.words[:4], *canary.zh_words]:
            paths += [
                f"/api/v1/films?q={quote(word)}",
                f"/films/?q={quote(word)}",
                f"/people/?q={quote(word)}",
                f"/festivals/?q={quote(word)}",
                f"/films/lookup/people/?q={quote(word[:-2])}",
                f"/people/lookup/?q={quote(word[:-2])}",
                f"/films/lookup/festivals/?q={quote(word[:-2])}",
            ]
        country = canary.film.countries.get().country.lower()
        paths += [
            f"/search/?country={country}",
            f"/api/v1/search?country={country}",
            f"/search/?festival={canary.festival_slug}",
            f"/api/v1/search?festival={canary.festival_slug}",
            f"/search/?decade={year - year % 10}",
            f"/search/?year_min={year}&year_max={year}",
            f"/api/v1/films?year={year}",
            f"/oembed?url=http://testserver/films/{canary.film.slug}/",
            f"/oembed?url=http://testserver/films/{canary.film.slug}/&format=xml",
        ]
    return paths


def spelling_paths(world: World) -> list[str]:
    """Searches one typo away from a canary's words: a correction must not name them."""
    paths = []
    for canary in world.canaries.values():
        for word in canary.words:
            paths += [f"/search/?q={_typo(word)}", f"/api/v1/search?q={_typo(word)}"]
    return paths


def every_path(world: World) -> list[str]:
    """Every URL pattern filled with the canaries' values, the media files and the lookups."""
    choosers = [chooser(world, canary) for canary in world.canaries.values()]
    paths = [path for path, _name in all_paths(choosers)]
    media = [p for c in world.canaries.values() for p in c.media_paths]
    return sorted(set(paths + media + lookup_paths(world)))


def _supplied(path: str) -> list[str]:
    """What the visitor typed into ``path``: a page that echoes it gives nothing away."""
    split = urlsplit(path)
    plain = unquote(split.path)
    typed = {path, split.path, plain, *(s for s in plain.split("/") if s)}
    for _key, value in parse_qsl(split.query, keep_blank_values=True):
        typed.add(value)
    for text in list(typed):
        typed |= {quote(text), quote_plus(text), quote(text, safe=""), escape(text)}
        typed |= {quote(text).lower(), quote(text, safe="").lower()}
    return sorted((t for t in typed if len(t) > 1), key=len, reverse=True)


def response_text(response: Any) -> str:
    """Headers and body of a response as one text."""
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n\n" + body_of(response)


def leaks(path: str, text: str, forbidden: re.Pattern[str]) -> list[str]:
    """The forbidden strings in ``text`` once the visitor's own input is taken out."""
    supplied = _supplied(path)
    if supplied:
        text = re.sub("|".join(re.escape(s) for s in supplied), "", text, flags=re.IGNORECASE)
    return sorted({m.group(0).lower() for m in forbidden.finditer(text)})


# What each canary field belongs to: a leak is reported by the record it gives away.
PARTS = {
    "person": "person",
    "biography": "person",
    "导演": "person",
    "festival": "festival",
    "section": "festival",
    "award": "festival",
    "city": "festival",
    "festdesc": "festival",
    "festcity": "festival",
    "note": "festival",
}


def part_of(found: str) -> str:
    """``film``, ``person``, ``festival`` (with its editions, sections, awards), ``media`` or
    ``sharing`` for one leaked string."""
    if found.startswith("qxsh"):
        return "sharing"
    if found.startswith(("zorb", "qxkv")):
        return PARTS.get(found[7:], "film")
    if "-" in found:
        return "media"  # a video's or image's public id
    for _visibility, zh_query, zh_marker, _year in KINDS.values():
        found = found.replace(zh_query, "").replace(zh_marker, "")
    return PARTS.get(found, "film")


def forbidden_for(
    world: World, path: str, keys: Iterable[str], *, everywhere: bool = False
) -> re.Pattern[str]:
    """The markers of the canaries ``keys`` that ``path`` must not show: all of them, except
    an unlisted film's record on its own pages (its sharing data stays forbidden there)."""
    words: list[str] = []
    for key in keys:
        canary = world.canaries[key]
        words.append(canary.sharing_marker)
        if canary.key == "unl" and canary.own_path(path) and not everywhere:
            continue
        words += canary.markers
    return re.compile("|".join(words), re.IGNORECASE)


def key_of(world: World, found: str) -> str:
    """The canary film one leaked string belongs to."""
    for key, (_visibility, zh_query, zh_marker, _year) in KINDS.items():
        canary = world.canaries[key]
        if found[4:7] == key or zh_query in found or zh_marker in found:
            return key
        if found in {str(canary.video.public_id), *(str(i.public_id) for i in canary.images)}:
            return key
    raise AssertionError(f"{found} is no canary's")


def canary_rows(world: World) -> dict[str, list[dict[str, Any]]]:
    """Every row of the canary films and of the records reached only through them."""
    from filmfolio.core.models import ChangeRecord
    from filmfolio.festivals.models import Award, Edition, Festival, Section
    from filmfolio.importer.models import FilmImport
    from filmfolio.media.models import Encoding
    from filmfolio.people.models import Person, PersonBiography, PersonName

    canaries = list(world.canaries.values())
    film_ids = [c.film.pk for c in canaries]
    rows = {"films.Film": list(Film.objects.filter(pk__in=film_ids).order_by("pk").values())}
    for relation in Film._meta.related_objects:
        model = relation.related_model
        found = model.objects.filter(**{f"{relation.field.name}__in": film_ids}).order_by("pk")
        rows[model._meta.label] = list(found.values())
    by_id = {
        Person: "person",
        Festival: "festival",
        Edition: "edition",
        Section: "section",
        Award: "award",
    }
    for model, name in by_id.items():
        found = model.objects.filter(pk__in=[c.ids[name] for c in canaries]).order_by("pk")
        rows[model._meta.label] = list(found.values())
    people = [c.ids["person"] for c in canaries]
    for model in (PersonName, PersonBiography):
        found = model.objects.filter(person_id__in=people).order_by("pk")
        rows[model._meta.label] = list(found.values())
    encodings = Encoding.objects.filter(video__film_id__in=film_ids).order_by("pk")
    rows["media.Encoding"] = list(encodings.values())
    rows["genres"] = list(Film.genres.through.objects.filter(film_id__in=film_ids).values())
    imports = FilmImport.objects.filter(public_id__in=[c.import_id for c in canaries])
    rows["importer.FilmImport"] = list(imports.order_by("pk").values())
    made = FilmImport.films.through.objects.filter(filmimport__in=imports).order_by("pk")
    rows["importer.FilmImport.films"] = list(made.values())
    records = ChangeRecord.objects.filter(object_id__in=film_ids).order_by("pk")
    rows["core.ChangeRecord"] = list(records.values("pk", "object_id"))
    return rows


HIJACK = {
    "title": "Hijacked",
    "visibility": "public",
    "form": "visibility",
    "decision": "approve",
    "year": "1999",
    "recipient": "x",
    "role": "owner",
    "email": "attacker@example.org",
    "password": "x",
    "body": "Hijacked",
    "text": "Hijacked",
    "kind": "trailer",
    "caption": "Hijacked",
    "action": "name-add",
    "name": "Hijacked",
    "language": "en",
}


def attempts(client: Any, path: str) -> list[Any]:
    """Every way to write to ``path``: a form post, and on the API and media addresses a JSON
    post, put, patch and delete."""
    responses = [client.post(path, HIJACK)]
    if path.startswith(("/api/", "/media/")):
        body = json.dumps(HIJACK)
        for method in (client.post, client.put, client.patch, client.delete):
            responses.append(method(path, body, content_type="application/json"))
    return responses
