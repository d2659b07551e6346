"""What the search index holds for films: titles (with the pinyin of Chinese titles) in the
first column; credits, festivals, companies, vocabularies and texts in the second; facets.

Facts kept by apps above films (festival entries, trailers among the videos) come from the
parts they register in ``search_facts.FILM_FACTS``.

Registered with ``filmfolio.search.registry`` when Django starts. Whether a film is listed is
decided by ``films.access`` only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse

from filmfolio.core.text import index_terms_of, prose_terms, title_terms_of
from filmfolio.films import access
from filmfolio.people.models import Person, PersonName
from filmfolio.search.choices import DocumentKind, Facet
from filmfolio.search.registry import (
    DocumentData,
    IndexedKind,
    ids_subquery,
    register,
    register_facet_labels,
    register_named_values,
)

from . import search_people  # noqa: F401  (registers the people's documents)
from .choices import CountryRole, LanguageRole, LinkKind, RoleCategory
from .models import (
    Credit,
    Film,
    FilmCompany,
    FilmCountry,
    FilmLanguage,
    FilmLink,
    FilmText,
    Title,
)
from .search_facts import FILM_FACTS, FilmFacts
from .search_vocab import (
    country_terms,
    film_kind_label,
    genre_label,
    genre_terms,
    kind_terms,
    language_terms,
    named_values,
)

_DIRECTOR_CATEGORY = RoleCategory.DIRECTOR
_SLUG = "slug-placeholder"


def _people_names(person_ids: set[int]) -> dict[int, list[str]]:
    """Every written form of each person's name, display name first."""
    id_list = ids_subquery(list(person_ids))
    names = {
        pk: {display_name: None}
        for pk, display_name in Person.objects.filter(id__in=id_list).values_list(
            "id", "display_name"
        )
    }
    for pk, name in PersonName.objects.filter(person_id__in=id_list).values_list(
        "person_id", "name"
    ):
        names[pk][name] = None
    return {pk: list(forms) for pk, forms in names.items()}


def _add_credits(facts: dict[int, FilmFacts], ids: RawSQL) -> None:
    credits = list(
        Credit.objects.filter(film_id__in=ids, person__isnull=False).values_list(
            "film_id", "person_id", "role__category"
        )
    )
    names = _people_names({person_id for _film, person_id, _category in credits})
    for film_id, person_id, category in credits:
        person_names = names.get(person_id, [])
        facts[film_id].names.extend(person_names)
        if category == _DIRECTOR_CATEGORY and person_names:
            facts[film_id].directors.append(person_names[0])


def _add_codes(facts: dict[int, FilmFacts], ids: RawSQL) -> None:
    """Countries of origin, languages, subtitles and genres as facets, and (but subtitles)
    their names in both languages as words (``search_vocab``)."""
    for film_id, code in FilmCountry.objects.filter(
        film_id__in=ids, role=CountryRole.ORIGIN
    ).values_list("film_id", "country"):
        facts[film_id].add_facet(Facet.COUNTRY, code, code)
        facts[film_id].words += country_terms(code)
    for film_id, code, role in FilmLanguage.objects.filter(film_id__in=ids).values_list(
        "film_id", "language", "role"
    ):
        facet = Facet.SUBTITLE if role == LanguageRole.SUBTITLE else Facet.LANGUAGE
        facts[film_id].add_facet(facet, code, code)
        if facet == Facet.LANGUAGE:
            facts[film_id].words += language_terms(code)
    genres = Film.genres.through.objects.filter(film_id__in=ids).values_list(
        "film_id", "genre__slug", "genre__name_en", "genre__name_zh"
    )
    for film_id, slug, name, name_zh in genres:
        facts[film_id].add_facet(Facet.GENRE, slug, name)
        facts[film_id].words += genre_terms(name, name_zh)


def _add_texts(facts: dict[int, FilmFacts], ids: RawSQL) -> None:
    """Loglines, synopses and statements in every language, with word stems and pinyin."""
    texts = FilmText.objects.filter(film_id__in=ids).values_list("film_id", "language", "body")
    for film_id, language, body in texts:
        facts[film_id].prose += prose_terms(body, language)


def _facts(ids: list[int]) -> dict[int, FilmFacts]:
    """The facts of every film in ``ids``, in about ten queries whatever the batch size."""
    facts: dict[int, FilmFacts] = defaultdict(FilmFacts)
    id_list = ids_subquery(ids)
    for film_id, text in Title.objects.filter(film_id__in=id_list).values_list("film_id", "text"):
        facts[film_id].titles.append(text)
    _add_credits(facts, id_list)
    for part in FILM_FACTS:  # festivals, media trailers
        part.add(facts, id_list)
    _add_codes(facts, id_list)
    _add_texts(facts, id_list)
    for film_id, name in FilmCompany.objects.filter(film_id__in=id_list).values_list(
        "film_id", "organisation__name"
    ):
        facts[film_id].organisations.append(name)
    trailers = FilmLink.objects.filter(film_id__in=id_list, kind=LinkKind.TRAILER)
    for film_id in trailers.values_list("film_id", flat=True):
        facts[film_id].has_trailer = True
    return facts


def _document(
    film: Any, facts: FilmFacts, anonymous: access.Viewer, url_pattern: str
) -> DocumentData:
    """The search document of one film."""
    extra = [
        *index_terms_of(facts.names, is_name=True),
        *index_terms_of([*facts.festivals.values(), *facts.organisations]),
    ]
    if film.year:
        extra.append(str(film.year))
    extra += [*kind_terms(film.kind), *facts.words]
    extra += [term for subject in film.subjects or () for term in prose_terms(subject)]
    extra += facts.prose
    subtitle = [str(film.year)] if film.year else []
    if facts.directors:
        subtitle.append(", ".join(dict.fromkeys(facts.directors)))
    return DocumentData(
        object_id=film.id,
        title=film.title,
        url=url_pattern.replace(_SLUG, film.slug),
        terms=title_terms_of([film.title, *facts.titles]),
        extra_terms=extra,
        subtitle=" · ".join(subtitle),
        is_public=access.is_listed(anonymous, film),
        film_id=film.id,
        boost=facts.awards + 0.1 * len(facts.festivals),
        film_kind=film.kind,
        year=film.year,
        runtime_minutes=film.runtime_minutes,
        is_award_winning=facts.awards > 0,
        has_trailer=facts.has_trailer,
        facets=facts.facets,
        suggest=[film.title, *facts.titles],
    )


def film_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the films with these ids."""
    anonymous = access.Viewer.anonymous()
    facts = _facts(ids)
    fields = ("id", "slug", "title", "year", "kind", "runtime_minutes", "visibility", "subjects")
    # one reverse() per batch: the address of every film differs only by its slug
    url_pattern = reverse("films:detail", kwargs={"slug": _SLUG})
    # named rows, not model instances: ``_document`` and the access policy read only these
    films = Film.objects.filter(id__in=ids_subquery(ids)).values_list(*fields, named=True)
    for film in films:
        yield _document(film, facts[film.id], anonymous, url_pattern)


def film_ids() -> Iterable[int]:
    """Every film id, most prominent first: by awards, then festival entries (about the boost
    of ``_document``, in whole numbers), then id."""
    prominence: dict[int, int] = {}
    for part in FILM_FACTS:
        if part.prominence is not None:
            for film_id, value in part.prominence().items():
                prominence[film_id] = prominence.get(film_id, 0) + value
    ids = list(Film.objects.order_by("id").values_list("id", flat=True).iterator(10000))
    return sorted(ids, key=lambda pk: (-prominence.get(pk, 0), pk))


def film_followers(ids: list[int]) -> dict[str, list[int]]:
    """People credited on the films and what the apps above add (the festivals they
    entered): whether they are listed follows the films' listing."""
    id_list = ids_subquery(ids)
    people = Credit.objects.filter(film_id__in=id_list, person__isnull=False).order_by()
    followers: dict[str, list[int]] = {
        DocumentKind.PERSON: sorted(set(people.values_list("person_id", flat=True)))
    }
    for part in FILM_FACTS:
        if part.followers is not None:
            followers.update(part.followers(id_list))
    return followers


def extra_listed_film_ids(viewer: access.Viewer) -> QuerySet | None:
    """Ids of films listed for ``viewer`` beyond the public ones (their own films; the
    search matches them among documents that are not public)."""
    own = access.own_films_q(viewer)
    if own is None:
        return None
    return Film.objects.filter(own).order_by().values("id")


register(
    IndexedKind(
        kind=DocumentKind.FILM,
        model_label="films.Film",
        documents=film_documents,
        all_ids=film_ids,
        extra_listed_ids=extra_listed_film_ids,
        followers=film_followers,
    )
)
register_facet_labels("film_kind", film_kind_label)
register_facet_labels(Facet.GENRE, genre_label)
register_named_values(named_values)
