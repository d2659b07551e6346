"""The window: the first matches in index order, whatever the engine reads them with (on
PostgreSQL, range by range of document ids, each range with a GIN index of its own)."""

from __future__ import annotations

import pytest
from django.db import connection

from filmfolio.films.models import Film
from filmfolio.search import index
from filmfolio.search.backends import MatchQuery, get_backend
from filmfolio.search.filters import PUBLIC
from filmfolio.search.models import SearchDocument

pytestmark = pytest.mark.django_db(transaction=True)

FILMS = 70  # with its people, more documents than the ranges' shares divide into four


@pytest.fixture
def harbours() -> list[int]:
    """Seventy public films titled "Harbour N" and ten "Lantern N", indexed by a rebuild;
    the ids of the Harbour documents, in index order."""
    for number in range(FILMS):
        Film.objects.create(title=f"Harbour {number}", slug=f"h{number}", visibility="public")
    for number in range(10):
        Film.objects.create(title=f"Lantern {number}", slug=f"l{number}", visibility="public")
    index.rebuild()
    harbour = SearchDocument.objects.filter(title__startswith="Harbour")
    return sorted(harbour.values_list("id", flat=True))


def _window(text: str, limit: int) -> list[int]:
    backend = get_backend()
    match = backend.compile(MatchQuery.from_text(text), [[PUBLIC]])
    return [candidate.id for candidate in backend.window(match, limit=limit)]


@pytest.mark.parametrize("limit", [1, 5, 20, 69, 70, 300])
def test_the_window_is_the_first_matches_in_index_order(harbours: list[int], limit: int) -> None:
    assert sorted(_window("harbour", limit)) == harbours[:limit]


def test_a_window_of_a_word_in_few_documents_finds_them_all(harbours: list[int]) -> None:
    lanterns = SearchDocument.objects.filter(title__startswith="Lantern")
    assert sorted(_window("lantern", 300)) == sorted(lanterns.values_list("id", flat=True))
    assert _window("nowhere", 300) == []


def test_postgresql_ranges_cover_every_id_with_an_index_each(harbours: list[int]) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite's full-text index answers "the first matches" without ranges
    from filmfolio.search.backends.postgres import _id_ranges

    next_id = SearchDocument.objects.order_by("-id").values_list("id", flat=True)[0] + 1
    shares = [max(1, next_id // share) for share in (64, 16, 4)]
    assert _id_ranges() == [
        (0, shares[0]),
        (shares[0], shares[1]),
        (shares[1], shares[2]),
        (shares[2], None),
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'searchdoc_vector_ids_%%' "
            "ORDER BY indexname"
        )
        names = [row[0] for row in cursor.fetchall()]
    assert sorted(names) == sorted(
        f"searchdoc_vector_ids_{low}_{high or 'end'}" for low, high in _id_ranges()
    )
    index.rebuild()  # made again for the new ids, the old ones gone
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'searchdoc_vector_ids_%%'"
        )
        assert cursor.fetchone()[0] == 4
