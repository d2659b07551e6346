"""Sitemap, Atom feed and oEmbed: public films only, through the access policy."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from filmfolio.api.tests.factories import FilmFactory, UserFactory
from filmfolio.films.choices import TextKind
from filmfolio.films.models import FilmText

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}


def test_sitemap_lists_public_films_their_people_and_festivals(client, demo):
    FilmFactory(slug="private-one", private=True, owner=UserFactory())
    FilmFactory(slug="unlisted-one", unlisted=True)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locs = [e.text for e in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)]
    films = sorted(loc for loc in locs if "/films/" in loc)
    assert films == [
        "http://testserver/films/out-of-focus/",
        "http://testserver/films/the-home-gleaners/",
        "http://testserver/films/when-we-meet-under-the-same-sky/",
    ]
    assert "http://testserver/people/shengze-zhu/" in locs
    assert "http://testserver/festivals/cinema-du-reel/" in locs


def test_sitemap_query_budget(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/sitemap.xml").status_code == 200


def test_feed_lists_published_public_films_newest_first(client):
    now = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    FilmFactory(slug="older", title="Older", published_at=now - dt.timedelta(days=3))
    FilmFactory(slug="newer", title="Newer", published_at=now)
    FilmFactory(slug="never", title="Never published", published_at=None)
    FilmFactory(slug="hidden", title="Hidden", private=True, published_at=now)
    response = client.get("/feeds/films.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall("a:entry", ATOM_NS)
    assert [e.find("a:title", ATOM_NS).text for e in entries] == ["Newer (2013)", "Older (2013)"]
    assert entries[0].find("a:published", ATOM_NS).text == "2026-01-10T00:00:00+00:00"


def test_oembed_for_a_public_film_page(client, demo):
    response = client.get(
        "/oembed", {"url": "http://testserver/films/out-of-focus/", "format": "json"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "version": "1.0",
        "type": "link",
        "title": "Out of Focus (2013)",
        "provider_name": "Filmfolio",
        "provider_url": "http://127.0.0.1:8000/",
        "cache_age": 3600,
        "author_name": "Shengze Zhu",
        "author_url": "http://127.0.0.1:8000/people/shengze-zhu/",
        "thumbnail_url": "http://127.0.0.1:8000/films/out-of-focus/card.png",
        "thumbnail_width": 1200,
        "thumbnail_height": 630,
    }


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"url": "http://testserver/films/secret/"}, 404),
        ({"url": "http://elsewhere.example/films/out-of-focus/"}, 404),
        ({"url": "http://testserver/people/shengze-zhu/"}, 404),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "http://testserver/films/out-of-focus/", "format": "xml"}, 501),
    ],
)
def test_oembed_refuses_what_it_cannot_embed(client, demo, params, status):
    FilmFactory(slug="secret", private=True, owner=UserFactory())
    response = client.get("/oembed", params)
    assert response.status_code == status


def test_feed_summaries_are_text_and_markup_stays_text(client):
    film = FilmFactory(slug="marked", published_at=dt.datetime(2026, 1, 10, tzinfo=dt.UTC))
    logline = '<img src=x onerror="alert(1)"> A <b>bold</b> film & more'
    FilmText.objects.create(film=film, kind=TextKind.LOGLINE, language="en", body=logline)
    response = client.get("/feeds/films.atom")
    summary = ET.fromstring(response.content).find("a:entry/a:summary", ATOM_NS)
    assert summary.attrib == {"type": "text"}
    assert summary.text == logline
    assert b"&lt;img src=x" in response.content
    assert b"<summary" in response.content and b"<img" not in response.content


@pytest.mark.parametrize(
    "query",
    [
        "url=http://%5B::1/films/x/",  # an unclosed IPv6 bracket
        "url=http://[::1/films/x/",
        "url=http://[not-an-address]/films/x/",
    ],
)
def test_oembed_answers_a_malformed_address_with_400(client, demo, query):
    response = client.get(f"/oembed?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": "The url parameter is not a valid address."}


def test_oembed_malformed_address_message_in_chinese(client, demo):
    response = client.get("/oembed?url=http://%5B::1/films/x/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    assert response.json() == {"error": "url 参数不是有效的网址。"}
