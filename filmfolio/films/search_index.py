"""What the search index holds for films: titles, credits, festivals, companies and facets.

Registered with ``filmfolio.search.registry`` when Django starts. Whether a film is listed is
decided by ``sharing.access`` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet

from filmfolio.core.text import index_terms
from filmfolio.search.choices import DocumentKind, Facet
from filmfolio.search.registry import DocumentData, IndexedKind, register
from filmfolio.sharing import access

from .choices import CountryRole, LanguageRole, LinkKind
from .models import Credit, Film

_DIRECTOR_CATEGORY = "director"


def _films(ids: list[int]) -> QuerySet:
    """Films with everything their documents need, in a fixed number of queries."""
    from filmfolio.festivals.models import Entry

    return Film.objects.filter(id__in=ids).prefetch_related(
        "titles",
        "genres",
        "countries",
        "languages",
        "links",
        "companies__organisation",
        Prefetch(
            "credits",
            queryset=Credit.objects.select_related("person", "role").prefetch_related(
                "person__names"
            ),
        ),
        Prefetch("festival_entries", queryset=Entry.objects.select_related("edition__festival")),
    )


def _title_terms(film: Film) -> list[str]:
    """Terms of the display title and every other title."""
    texts = dict.fromkeys([film.title, *(title.text for title in film.titles.all())])
    return [term for text in texts for term in index_terms(text)]


def _extra_terms(film: Film) -> list[str]:
    """Terms of credited names, festivals, companies and the year."""
    terms: list[str] = []
    for credit in film.credits.all():
        if credit.person is not None:
            names = dict.fromkeys(
                [credit.person.display_name, *(n.name for n in credit.person.names.all())]
            )
            for name in names:
                terms.extend(index_terms(name, is_name=True))
    for entry in film.festival_entries.all():
        terms.extend(index_terms(entry.edition.festival.name))
    for company in film.companies.all():
        terms.extend(index_terms(company.organisation.name))
    if film.year:
        terms.append(str(film.year))
    return terms


def _facets(film: Film) -> dict[str, list[tuple[str, str]]]:
    """Facet values of a film (codes with English labels; pages translate codes)."""
    languages = list(film.languages.all())
    festivals = {
        e.edition.festival.slug: e.edition.festival.name for e in film.festival_entries.all()
    }
    return {
        Facet.GENRE: [(genre.slug, genre.name_en) for genre in film.genres.all()],
        Facet.COUNTRY: list(
            dict.fromkeys(
                (c.country, c.country) for c in film.countries.all() if c.role == CountryRole.ORIGIN
            )
        ),
        Facet.LANGUAGE: list(
            dict.fromkeys(
                (lang.language, lang.language)
                for lang in languages
                if lang.role == LanguageRole.ORIGINAL
            )
        ),
        Facet.SUBTITLE: list(
            dict.fromkeys(
                (lang.language, lang.language)
                for lang in languages
                if lang.role == LanguageRole.SUBTITLE
            )
        ),
        Facet.FESTIVAL: list(festivals.items()),
    }


def _subtitle(film: Film) -> str:
    """Year and directors, as the result list shows under the title."""
    directors = [
        credit.person.display_name
        for credit in film.credits.all()
        if credit.person is not None and credit.role.category == _DIRECTOR_CATEGORY
    ]
    parts = [str(film.year)] if film.year else []
    if directors:
        parts.append(", ".join(dict.fromkeys(directors)))
    return " · ".join(parts)


def _document(film: Film, anonymous: access.Viewer) -> DocumentData:
    """The search document of one film."""
    awards = [entry for entry in film.festival_entries.all() if entry.is_award]
    return DocumentData(
        object_id=film.pk,
        title=film.title,
        url=film.get_absolute_url(),
        terms=_title_terms(film),
        extra_terms=_extra_terms(film),
        subtitle=_subtitle(film),
        is_public=access.is_listed(anonymous, film),
        film_id=film.pk,
        boost=len(awards) + 0.1 * len(film.festival_entries.all()),
        film_kind=film.kind,
        year=film.year,
        runtime_minutes=film.runtime_minutes,
        is_award_winning=bool(awards),
        has_trailer=any(link.kind == LinkKind.TRAILER for link in film.links.all()),
        facets=_facets(film),
    )


def film_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the films with these ids."""
    anonymous = access.Viewer.anonymous()
    for film in _films(ids):
        yield _document(film, anonymous)


def film_ids() -> Iterable[int]:
    """Every film id, in id order."""
    return Film.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=5000)


def extra_listed_film_ids(viewer: access.Viewer) -> QuerySet | None:
    """Ids of films listed for ``viewer`` but not for everyone (their own films)."""
    if not viewer.is_authenticated:
        return None
    anonymous_q = access.listed_films_q(access.Viewer.anonymous())
    return access.listed_films(viewer, Film.objects.all()).exclude(anonymous_q).values("id")


register(
    IndexedKind(
        kind=DocumentKind.FILM,
        model_label="films.Film",
        documents=film_documents,
        all_ids=film_ids,
        extra_listed_ids=extra_listed_film_ids,
    )
)
