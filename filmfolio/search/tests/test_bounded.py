"""Bounded reads: filter tokens, capped totals, estimated facets, pages past the ranked
window, facet links that remove themselves, autocomplete keys and query budgets."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import QueryDict
from django.test import Client

from filmfolio.films.access import Viewer
from filmfolio.search import selectors
from filmfolio.search.facet_links import facet_sections
from filmfolio.search.filters import decode, document_tokens, token
from filmfolio.search.models import SearchDocument
from filmfolio.search.query import SearchRequest, parse_request
from filmfolio.search.registry import DocumentData
from filmfolio.search.selectors import autocomplete_for, catalogue_page_for, search_page_for

pytestmark = [pytest.mark.django_db, pytest.mark.urls("filmfolio.search.tests.urls")]
PRIVATE_TITLES = {"Kumquat Secret", "Hidden Harbour"}


class TestFilterTokens:
    def test_codes_and_slugs(self) -> None:
        assert token("country", "CN") == "xcxcn"
        assert token("festival", "cinema-du-reel") == "xfexcinemaq2dqduq2dqreel"
        assert token("film_kind", "documentary_short") == "xfkxdocumentaryq5fqshort"
        assert token("genre", "aqua") == "xgxaqqua"

    def test_decode_gives_the_folded_value_back(self) -> None:
        assert decode("xlxzhq2dqhans") == ("language", "zh-hans")
        assert decode(token("festival", "cinema-du-reel")) == ("festival", "cinema-du-reel")
        assert decode(token("genre", "aqua")) == ("genre", "aqua")
        assert decode("pub") is None

    def test_document_tokens(self) -> None:
        data = DocumentData(
            object_id=1,
            title="",
            url="",
            terms=[],
            is_public=False,
            film_kind="short",
            year=2019,
            runtime_minutes=124,
            is_award_winning=True,
            facets={"country": [("CN", "CN"), ("US", "US")], "genre": [("drama", "Drama")]},
        )
        tokens = document_tokens("film", data)
        assert tokens == [
            "npub", "xkxfilm", "xfkxshort", "xyx2019", "xdx2010", "xrx120q2dq", "award",
            "xcxcn", "xcxus", "xgxdrama",
        ]  # fmt: skip


class TestCappedTotals:
    def test_total_and_facets_estimated_past_the_window(
        self, catalogue: Any, monkeypatch: Any
    ) -> None:
        monkeypatch.setattr(selectors, "RANK_WINDOW", 5)
        films = SearchDocument.objects.filter(kind="film", is_public=True).order_by("id")
        ids = list(films.values_list("id", flat=True))
        top = SearchDocument.objects.order_by("-id").values_list("id", flat=True)[0]
        expected = round(5 * (top - ids[0] + 1) / (ids[4] - ids[0] + 1))
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        assert (page.total, page.total_is_estimate, page.facets_are_estimates) == (
            expected, True, True,
        )  # fmt: skip
        assert expected >= 20

    def test_page_says_about(self, catalogue: Any, client: Client, monkeypatch: Any) -> None:
        monkeypatch.setattr(selectors, "RANK_WINDOW", 2)
        response = client.get("/search/", {"q": "王兵"})
        page = response.context["page"]
        assert page.total_is_estimate
        assert f"About {page.total} results" in response.content.decode()
        assert "Counts are estimates from the first results." in response.content.decode()

    def test_exact_below_the_window(self, catalogue: Any) -> None:
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        assert (page.total, page.total_is_estimate, page.facets_are_estimates) == (20, False, False)

    def test_page_past_the_window_is_full_and_public(
        self, catalogue: Any, monkeypatch: Any
    ) -> None:
        full = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        monkeypatch.setattr(selectors, "RANK_WINDOW", 5)
        page = catalogue_page_for(Viewer.anonymous(), SearchRequest())
        titles = [hit.title for hit in page.hits]
        assert len(titles) == len(set(titles)) == 20
        assert set(titles) == {hit.title for hit in full.hits}
        assert not PRIVATE_TITLES & set(titles)

    def test_sorted_page_past_the_window(self, catalogue: Any, monkeypatch: Any) -> None:
        request = SearchRequest(sort="-year")
        full = [hit.title for hit in catalogue_page_for(Viewer.anonymous(), request).hits]
        monkeypatch.setattr(selectors, "RANK_WINDOW", 3)
        capped = [hit.title for hit in catalogue_page_for(Viewer.anonymous(), request).hits]
        assert capped == full
        assert capped[:3] == ["Nana Sings", "Ascension", "The Road"]

    def test_own_films_found_whatever_the_window(self, catalogue: Any, monkeypatch: Any) -> None:
        monkeypatch.setattr(selectors, "RANK_WINDOW", 1)
        owner = Viewer.for_user(catalogue["owner"])
        page = search_page_for(owner, SearchRequest(text="Kumquat"))
        assert [hit.title for hit in page.hits] == ["Kumquat Secret"]
        listed = {hit.title for hit in catalogue_page_for(owner, SearchRequest()).hits}
        assert listed >= PRIVATE_TITLES
        other = Viewer.for_user(catalogue["other"])
        assert search_page_for(other, SearchRequest(text="Kumquat")).hits == []


class TestRangesAndFacetParams:
    def test_decade_and_runtime_parameters(self) -> None:
        request = parse_request(QueryDict("decade=2010&decade=2015&runtime=70-120&runtime=x"))
        assert (request.decades, request.runtimes) == ((2010,), ("70-120",))

    def test_decade_filter(self, catalogue: Any) -> None:
        request = SearchRequest(text="王兵", decades=(2010,), sort="year")
        titles = [hit.title for hit in search_page_for(Viewer.anonymous(), request).hits]
        assert titles == ["The Ditch", "Three Sisters", "Bitter Money", "Dead Souls"]

    def test_year_range_with_whole_decades(self, catalogue: Any) -> None:
        request = SearchRequest(year_min=2009, year_max=2021, sort="year")
        years = [hit.year for hit in catalogue_page_for(Viewer.anonymous(), request).hits]
        assert years == [
            2010,
            2011,
            2012,
            2013,
            2015,
            2016,
            2016,
            2017,
            2018,
            2018,
            2019,
            2020,
            2021,
        ]


class TestFacetLinks:
    def test_selected_value_links_remove_it(self, catalogue: Any) -> None:
        request = SearchRequest(text="贾樟柯", facets={"country": ("JP",)})
        page = search_page_for(Viewer.anonymous(), request)
        params = QueryDict("q=%E8%B4%BE%E6%A8%9F%E6%9F%AF&country=JP&page=2")
        sections = {section.name: section for section in facet_sections(page, params)}
        country = sections["country"]
        assert country.title == "Country"
        japan = next(link for link in country.links if link.selected)
        assert (japan.label, japan.url) == ("Japan", "?q=%E8%B4%BE%E6%A8%9F%E6%9F%AF")
        china = next(link for link in country.links if link.label == "China")
        assert china.url == "?q=%E8%B4%BE%E6%A8%9F%E6%9F%AF&country=JP&country=CN"
        assert not china.selected

    def test_page_headings_and_remove_link(self, catalogue: Any, client: Client) -> None:
        html = client.get("/search/", {"q": "朱声仄", "award": "1"}).content.decode()
        assert "<h2>Awards</h2>" in html
        assert "<h2>award</h2>" not in html
        assert 'href="?q=%E6%9C%B1%E5%A3%B0%E4%BB%84" aria-current="true"' in html
        assert '<span class="hit-kind">Film</span>' in html
        assert 'src="/static/search/autocomplete.js"' in html


class TestAutocompleteKeys:
    def test_pinyin_initials_of_a_chinese_name(self, catalogue: Any) -> None:
        assert [r["title"] for r in autocomplete_for(Viewer.anonymous(), "zsz")] == ["Zhu Shengze"]

    def test_pinyin_of_a_chinese_title(self, catalogue: Any) -> None:
        titles = [r["title"] for r in autocomplete_for(Viewer.anonymous(), "shanhegu")]
        assert titles == ["Mountains May Depart"]

    def test_second_word_of_a_title(self, catalogue: Any) -> None:
        titles = [r["title"] for r in autocomplete_for(Viewer.anonymous(), "souls")]
        assert titles == ["Dead Souls"]

    def test_traditional_characters(self, catalogue: Any) -> None:
        titles = [r["title"] for r in autocomplete_for(Viewer.anonymous(), "島嶼")]
        assert titles == []
        titles = [r["title"] for r in autocomplete_for(Viewer.anonymous(), "他們在島")]
        assert titles == ["他們在島嶼寫作"]


class TestQueryBudgets:
    def test_anonymous_search_page(
        self, catalogue: Any, client: Client, django_assert_max_num_queries: Any
    ) -> None:
        with django_assert_max_num_queries(5):
            assert client.get("/search/", {"q": "王兵", "country": "CN"}).status_code == 200

    def test_anonymous_search_with_typo_check(
        self, catalogue: Any, client: Client, django_assert_max_num_queries: Any
    ) -> None:
        with django_assert_max_num_queries(6):
            assert client.get("/search/", {"q": "Ascenssion"}).status_code == 200

    def test_signed_in_search_page(
        self, catalogue: Any, client: Client, django_assert_max_num_queries: Any
    ) -> None:
        client.force_login(catalogue["owner"])
        with django_assert_max_num_queries(10):
            assert client.get("/search/", {"q": "Kumquat"}).status_code == 200

    def test_autocomplete(
        self, catalogue: Any, client: Client, django_assert_max_num_queries: Any
    ) -> None:
        with django_assert_max_num_queries(2):
            assert client.get("/search/autocomplete", {"q": "asc"}).status_code == 200
