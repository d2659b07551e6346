"""What a draft may already be in the catalogue: films, people and festivals it matches.

Before a reviewed page is saved, the review shows

* `film_matches`: films the user may see listed (``Film.objects.listed_for``) that an earlier
  import of the same page by the same user went to, or with the same title in any language or
  script (any of the film's titles, compared by `core.matching.title_match_key`) or by the
  same director in the same year; each says why it matches and whether the user may edit it
  (``editable_by``: only those can be updated);
* `person_matches`: people the user may credit whose written forms match a name
  (`people.services.people_matching`, any script and order);
* `festival_matches`: festivals the user may enter a film at whose name or one of whose
  aliases has the same match key ("HK Golden Horse Award" is an alias of Golden Horse Awards).

Reads only; who may see what is decided by `films.access` through the querysets.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from filmfolio.core.matching import title_match_key
from filmfolio.core.viewers import Viewer
from filmfolio.festivals.models import Festival
from filmfolio.films import access
from filmfolio.films.models import Film
from filmfolio.people.models import Person
from filmfolio.people.services import people_matching

from .models import PageImport

MAX_FILMS = 5
MAX_PEOPLE = 3
MAX_FESTIVALS = 3


@dataclass
class FilmMatch:
    """An existing film the draft may be, why, and whether the user may update it."""

    film: Film
    reasons: list[str] = field(default_factory=list)
    editable: bool = False
    score: int = 0


def source_digest(text: str) -> str:
    """The key of a page's text for finding an earlier import of the same page."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def film_matches(
    viewer: Viewer, values: dict[str, Any], *, source_url: str = "", source_text: str = ""
) -> list[FilmMatch]:
    """Films ``viewer`` may see that the draft ``values`` (FilmRecord form) may be, best first."""
    listed = Film.objects.listed_for(viewer)
    found: dict[int, FilmMatch] = {}
    for film in _imported_before(viewer, listed, source_url, source_text):
        _add(found, film, _("you imported this page before"), 4)
    for film in _same_title(listed, values):
        _add(found, film, _("same title"), 2)
    for film in _same_director(viewer, listed, values):
        _add(found, film, _("same director"), 1)
    year = values.get("year")
    for match in list(found.values()):
        if year and match.film.year == year:
            _add(found, match.film, _("same year"), 1)
    matches = [m for m in found.values() if m.score >= 2]
    _mark_editable(viewer, matches)
    matches.sort(key=lambda m: (-m.score, m.film.title, m.film.pk))
    return matches[:MAX_FILMS]


def _mark_editable(viewer: Viewer, matches: list[FilmMatch]) -> None:
    editable = set(
        Film.objects.editable_by(viewer)
        .filter(pk__in=[m.film.pk for m in matches])
        .values_list("pk", flat=True)
    )
    for match in matches:
        match.editable = match.film.pk in editable


def _add(found: dict[int, FilmMatch], film: Film, reason: str, score: int) -> None:
    match = found.setdefault(film.pk, FilmMatch(film=film))
    if reason not in match.reasons:
        match.reasons.append(reason)
        match.score += score


def _imported_before(viewer: Viewer, listed: Any, source_url: str, source_text: str) -> list[Film]:
    if not viewer.user.is_authenticated or not (source_url or source_text):
        return []
    same = Q(source_digest=source_digest(source_text)) if source_text else Q(pk__in=[])
    if source_url:
        same |= Q(source_url=source_url)
    film_ids = PageImport.objects.filter(same, user=viewer.user).values("film_id")
    return list(listed.filter(pk__in=film_ids))


def _titles(values: dict[str, Any]) -> list[str]:
    titles = [values.get("title") or "", *(t.get("text", "") for t in values.get("titles") or [])]
    return [t for t in dict.fromkeys(t.strip() for t in titles) if t]


def _same_title(listed: Any, values: dict[str, Any]) -> list[Film]:
    """Listed films one of whose titles has the match key of one of the draft's titles."""
    titles = _titles(values)
    if not titles:
        return []
    keys = {title_match_key(t) for t in titles}
    words = Q()
    for title in titles:
        longest = max(title.split(), key=len) if title.split() else title
        words |= Q(title__icontains=longest) | Q(titles__text__icontains=longest)
    candidates = listed.filter(words).distinct().prefetch_related("titles")[:200]
    return [
        film
        for film in candidates
        if keys & {title_match_key(t) for t in (film.title, *(x.text for x in film.titles.all()))}
    ]


def _same_director(viewer: Viewer, listed: Any, values: dict[str, Any]) -> list[Film]:
    """Listed films directed by someone the draft names as its director."""
    names = [
        c["person"]["name"]
        for c in values.get("credits") or []
        if c.get("role") == "director" and c.get("person")
    ]
    creditable = Person.objects.creditable_by(viewer)
    people = [p.pk for name in names[:5] for p in people_matching(name=name, among=creditable)]
    if not people:
        return []
    return list(
        listed.filter(credits__person__in=people, credits__role__code="director").distinct()[:50]
    )


def person_matches(viewer: Viewer, name: str) -> list[Person]:
    """People ``viewer`` may credit whose written forms match ``name``."""
    creditable = Person.objects.creditable_by(viewer)
    return people_matching(name=name, limit=MAX_PEOPLE, among=creditable)


def festival_matches(viewer: Viewer, name: str) -> list[Festival]:
    """Festivals ``viewer`` may enter a film at named ``name`` or with it as an alias."""
    key = title_match_key(name)
    if not key:
        return []
    enterable = access.enterable_festivals(viewer, Festival.objects.all())
    by_name = list(enterable.filter(match_key=key).order_by("name", "pk")[:MAX_FESTIVALS])
    by_alias = [f for f in festivals_with_aliases(enterable) if key in alias_keys(f)]
    return list(dict.fromkeys([*by_name, *by_alias]))[:MAX_FESTIVALS]


def festivals_with_aliases(queryset: Any) -> list[Festival]:
    """The festivals of ``queryset`` that have aliases (read to match them in Python: aliases
    are a JSON list, whose match keys no index holds)."""
    return list(queryset.exclude(aliases=[]).order_by("name", "pk"))


def alias_keys(festival: Festival) -> set[str]:
    return {title_match_key(str(alias)) for alias in festival.aliases or []}
