"""Absolute links (canonical, Open Graph, JSON-LD, oEmbed, citations, press kit) follow the
address a request came to when FILMFOLIO_SITE_URL is unset, and the setting when it is set."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from filmfolio.core.site import serving, site_url
from filmfolio.presskit.services import presskit_html

pytestmark = pytest.mark.django_db
HOSTS = ["films.example.org", "192.168.1.20", "[::1]", "testserver"]


def jsonld_of(html: str) -> dict:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


@override_settings(SITE_URL="", ALLOWED_HOSTS=HOSTS)
@pytest.mark.parametrize("host", ["films.example.org", "192.168.1.20:8000", "[::1]:8000"])
def test_film_page_links_follow_the_request_host(client, demo, host):
    # the same page asked first at another address: cached head tags must not leak across
    client.get("/films/out-of-focus/", HTTP_HOST="testserver")
    html = client.get("/films/out-of-focus/", HTTP_HOST=host).content.decode()
    page = f"http://{host}/films/out-of-focus/"
    assert f'<link rel="canonical" href="{page}">' in html
    assert f'<meta property="og:url" content="{page}">' in html
    assert jsonld_of(html)["url"] == page
    assert "127.0.0.1:8000" not in html
    assert "testserver" not in html


@override_settings(
    SITE_URL="",
    ALLOWED_HOSTS=HOSTS,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
def test_links_are_https_behind_a_tls_proxy(client, demo):
    html = client.get(
        "/films/out-of-focus/", HTTP_HOST="films.example.org", HTTP_X_FORWARDED_PROTO="https"
    ).content.decode()
    assert '<link rel="canonical" href="https://films.example.org/films/out-of-focus/">' in html


@override_settings(SITE_URL="", ALLOWED_HOSTS=HOSTS)
def test_oembed_citations_and_person_page_follow_the_request_host(client, demo):
    host = "films.example.org"
    oembed = client.get(
        "/oembed", {"url": f"http://{host}/films/out-of-focus/"}, HTTP_HOST=host
    ).json()
    assert oembed["provider_url"] == "http://films.example.org/"
    assert oembed["author_url"] == "http://films.example.org/people/shengze-zhu/"
    csl = client.get("/exports/films/out-of-focus.csl.json", HTTP_HOST=host).json()
    assert csl[0]["URL"] == "http://films.example.org/films/out-of-focus/"
    person = client.get("/people/shengze-zhu/", HTTP_HOST=host).content.decode()
    assert jsonld_of(person)["url"] == "http://films.example.org/people/shengze-zhu/"


@override_settings(SITE_URL="https://films.example.org", ALLOWED_HOSTS=HOSTS)
def test_the_configured_address_wins_over_the_request(client, demo):
    html = client.get("/films/out-of-focus/", HTTP_HOST="192.168.1.20:8000").content.decode()
    assert '<link rel="canonical" href="https://films.example.org/films/out-of-focus/">' in html


@override_settings(SITE_URL="", ALLOWED_HOSTS=["films.example.org"])
def test_a_host_not_allowed_is_refused(client, demo):
    response = client.get("/films/out-of-focus/", HTTP_HOST="evil.example")
    assert response.status_code == 400


@override_settings(SITE_URL="")
def test_press_kit_built_outside_a_request_links_to_the_address_it_was_asked_at(demo):
    film = demo["out-of-focus"]
    assert site_url() == "http://127.0.0.1:8000"
    with serving("http://films.example.org:8080"):
        html = presskit_html(film, "en")
    assert "http://films.example.org:8080/films/out-of-focus/" in html
    assert "127.0.0.1" not in html
