"""The search page and autocomplete: access, facets, bad input, index updates."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.films.access import Viewer
from filmfolio.films.models import Film
from filmfolio.search import index
from filmfolio.search.models import SearchDocument
from filmfolio.search.query import SearchRequest
from filmfolio.search.selectors import autocomplete_for, catalogue_page_for, search_page_for

pytestmark = [pytest.mark.django_db, pytest.mark.urls("filmfolio.search.tests.urls")]


def titles(viewer: Viewer, text: str) -> list[str]:
    page = search_page_for(viewer, SearchRequest(text=text), with_facets=False)
    return [hit.title for hit in page.hits]


class TestAccess:
    def test_private_film_hidden_from_anonymous(self, catalogue: Any) -> None:
        assert titles(Viewer.anonymous(), "Kumquat") == []
        assert titles(Viewer.anonymous(), "金橘") == []

    def test_private_film_hidden_from_other_user(self, catalogue: Any) -> None:
        assert titles(Viewer.for_user(catalogue["other"]), "Kumquat Secret") == []

    def test_owner_sees_own_private_and_unlisted(self, catalogue: Any) -> None:
        owner = Viewer.for_user(catalogue["owner"])
        assert titles(owner, "Kumquat Secret") == ["Kumquat Secret"]
        assert titles(owner, "Hidden Harbour") == ["Hidden Harbour"]

    def test_unlisted_film_not_listed(self, catalogue: Any) -> None:
        assert titles(Viewer.anonymous(), "Hidden Harbour") == []

    def test_autocomplete_respects_access(self, catalogue: Any) -> None:
        assert autocomplete_for(Viewer.anonymous(), "Kumq") == []
        owner = Viewer.for_user(catalogue["owner"])
        assert [r["title"] for r in autocomplete_for(owner, "Kumq")] == ["Kumquat Secret"]

    def test_private_film_not_in_anonymous_counts(self, catalogue: Any) -> None:
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        assert page.total == 20
        owner_page = catalogue_page_for(Viewer.for_user(catalogue["owner"]), SearchRequest())
        assert owner_page.total == 22

    def test_page_hides_private_film(self, catalogue: Any, client: Client) -> None:
        response = client.get("/search/", {"q": "Kumquat"})
        assert response.status_code == 200
        assert "Secret" not in response.content.decode()
        client.force_login(catalogue["owner"])
        assert (
            "<mark>Kumquat</mark> Secret"
            in client.get("/search/", {"q": "Kumquat"}).content.decode()
        )


class TestFacets:
    def test_coproductions_count_for_each_country(self, catalogue: Any) -> None:
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        countries = {item.value: item.count for item in page.facets["country"]}
        assert countries == {"CN": 15, "FR": 3, "JP": 2, "TW": 2, "US": 2}

    def test_facet_filters_combine(self, catalogue: Any) -> None:
        request = SearchRequest(text="贾樟柯", facets={"country": ("JP",)}, sort="year")
        page = search_page_for(Viewer.anonymous(), request)
        assert [hit.title for hit in page.hits] == ["A Touch of Sin", "Mountains May Depart"]

    def test_flags_and_ranges(self, catalogue: Any) -> None:
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        assert [(i.value, i.count) for i in page.facets["award"]] == [("1", 4)]
        assert [(i.value, i.count) for i in page.facets["trailer"]] == [("1", 1)]
        runtimes = {item.value: item.count for item in page.facets["runtime"]}
        assert runtimes == {"0-15": 1, "15-40": 3, "70-120": 12, "120-": 4}
        request = SearchRequest(award_winning=True, year_min=2000, sort="-year")
        found = catalogue_page_for(Viewer.anonymous(), request)
        assert [hit.title for hit in found.hits] == [
            "Ascension", "Present.Perfect.", "Beijing Bicycle",
        ]  # fmt: skip

    def test_sort_by_runtime(self, catalogue: Any) -> None:
        page = search_page_for(Viewer.anonymous(), SearchRequest(text="王兵", sort="-runtime"))
        assert [hit.title for hit in page.hits][:3] == [
            "Dead Souls", "Three Sisters", "Bitter Money",
        ]  # fmt: skip


class TestPage:
    def test_results_highlighted(self, catalogue: Any, client: Client) -> None:
        response = client.get("/search/", {"q": "岛屿"})
        assert response.status_code == 200
        assert "他們在<mark>島嶼</mark>寫作" in response.content.decode()

    def test_empty_state_with_suggestions(self, catalogue: Any, client: Client) -> None:
        response = client.get("/search/", {"q": "zzzzqqq"})
        assert response.status_code == 200
        assert 'class="search-empty"' in response.content.decode()

    def test_pagination(self, catalogue: Any, client: Client) -> None:
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest(page=2))
        assert (page.total, page.num_pages, len(page.hits)) == (20, 1, 0)

    def test_autocomplete_json(self, catalogue: Any, client: Client) -> None:
        response = client.get("/search/autocomplete", {"q": "asc"})
        assert response.status_code == 200
        assert [r["title"] for r in response.json()["results"]] == ["Ascension"]

    def test_autocomplete_names(self, catalogue: Any, client: Client) -> None:
        results = client.get("/search/autocomplete", {"q": "zhu sheng"}).json()["results"]
        assert results[0]["title"] == "Zhu Shengze"


BAD_QUERIES = [
    "",
    " ",
    "x" * 5000,
    "!!!???...",
    '"',
    '"unbalanced',
    "*",
    "a*",
    "NEAR",
    "NEAR(a b, 2)",
    "^",
    "^start",
    ":",
    "terms:foo",
    "AND OR NOT",
    "'; DROP TABLE search_searchdocument; --",
    "1=1 OR 1=1",
    "%_\\",
    "\x00",
    "(((",
    "'s",
    "<script>alert(1)</script>",
]


class TestBadInput:
    @pytest.mark.parametrize("query", BAD_QUERIES)
    def test_search_page(self, catalogue: Any, client: Client, query: str) -> None:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()

    @pytest.mark.parametrize("query", BAD_QUERIES)
    def test_autocomplete(self, catalogue: Any, client: Client, query: str) -> None:
        assert client.get("/search/autocomplete", {"q": query}).status_code == 200

    @pytest.mark.parametrize(
        "params",
        [
            {"q": "王兵", "country": "'; --"},
            {"q": "王兵", "year_min": "abc", "year_max": "99999999999"},
            {"q": "王兵", "runtime_min": "-5", "page": "0"},
            {"q": "王兵", "page": "99999"},
            {"q": "王兵", "sort": "rank; DROP"},
            {"q": "王兵", "kind": "nonsense", "genre": "x" * 500},
            {"q": "王兵", "award": "maybe", "trailer": "1"},
        ],
    )
    def test_invalid_facet_values(self, catalogue: Any, client: Client, params: dict) -> None:
        assert client.get("/search/", params).status_code == 200

    def test_tables_survive(self, catalogue: Any, client: Client) -> None:
        client.get("/search/", {"q": "'; DROP TABLE search_searchdocument; --"})
        assert SearchDocument.objects.filter(kind="film").count() == 22


class TestIndexUpdates:
    def test_update_for_follows_changes(self, catalogue: Any) -> None:
        film = Film.objects.get(title="Ascension")
        film.title = "Ascension Revisited"
        film.save()
        index.update_for(film)
        assert titles(Viewer.anonymous(), "revisited") == ["Ascension Revisited"]
        film.visibility = "private"
        film.save()
        index.update_for(film)
        assert titles(Viewer.anonymous(), "revisited") == []
        film.title, film.visibility = "Ascension", "public"
        film.save()
        index.update_for(film)
        assert titles(Viewer.anonymous(), "Ascension") == ["Ascension"]

    def test_remove_for(self, catalogue: Any) -> None:
        film = Film.objects.get(title="Still Life")
        index.remove_for(film)
        assert titles(Viewer.anonymous(), "Still Life") == []
        index.update_for(film)
        assert titles(Viewer.anonymous(), "Still Life") == ["Still Life"]

    def test_person_rename_reindexes_films(self, catalogue: Any) -> None:
        person = catalogue["people"]["仇晓光"]
        person.display_name = "Qiu Xiaoguang Junior"
        person.save()
        index.update_for(person)
        assert titles(Viewer.anonymous(), "Junior") == ["Qiu Xiaoguang Junior"]
