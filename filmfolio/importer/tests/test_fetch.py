"""Import from an address: the internal-address guard, the limits, and reading what a page
states as data (schema.org Movie JSON-LD, Open Graph) before its text, on a real local server."""

from __future__ import annotations

import pytest

from filmfolio.importer import fetch
from filmfolio.importer.fetch import FetchRefusedError, checked_target, fetch_page
from filmfolio.importer.review import review_for_fetched
from filmfolio.importer.structured import main_text, structured_facts

from .local_site import Answer, local_site

NOT_PUBLIC = "This address is not on the public internet, so we do not fetch it."

MOVIE_PAGE = """<!doctype html><html><head><title>Shop | Films | Some Distributor</title>
<meta property="og:type" content="video.movie">
<meta property="og:title" content="The Home Gleaners">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Some Distributor"},
 {"@type": "Movie", "name": "The Home Gleaners", "dateCreated": "2021-03-01",
  "duration": "PT1H28M", "director": [{"@type": "Person", "name": "Li Wen"}],
  "genre": ["Documentary"], "countryOfOrigin": {"@type": "Country", "name": "China"},
  "description": "An old couple gleans the fields after the harvest while the city comes closer."}]}
</script></head>
<body><nav>Home · Shop · About · Contact</nav>
<article><h1>The Home Gleaners (2021)</h1>
<p>Director: Someone Else Entirely</p>
<h2>Synopsis</h2>
<p>An old couple gleans the fields after the harvest, and the city creeps closer every year.
Their granddaughter films the last season of their work on the land they have always known.</p>
<h2>Director's statement</h2>
<p>I grew up in this village. When the diggers came, I wanted to keep the faces and the
gestures of the people who fed us, before they were gone.</p>
</article><footer>© Some Distributor · Privacy · Cookies</footer></body></html>"""


@pytest.fixture
def site(settings):
    settings.IMPORTER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with local_site() as served:
        yield served


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8000/x",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
        "http://0.0.0.0/",
    ],
)
def test_the_guard_refuses_internal_addresses_by_default(url):
    with pytest.raises(FetchRefusedError) as refused:
        checked_target(url)
    assert str(refused.value) == NOT_PUBLIC


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "Give a web address starting with http:// or https://."),
        ("ftp://example.org/", "Give a web address starting with http:// or https://."),
        ("http://user:pw@example.org/", "Give the address without a user name or password."),
    ],
)
def test_the_guard_refuses_other_schemes_and_credentials(url, message):
    with pytest.raises(FetchRefusedError) as refused:
        checked_target(url)
    assert str(refused.value) == message


def test_a_public_address_passes_the_guard():
    target = checked_target("http://8.8.8.8/page")
    assert (target.host, str(target.address)) == ("8.8.8.8", "8.8.8.8")


def test_the_local_server_is_refused_without_the_test_setting():
    with local_site() as served:
        url = served.page("/film", MOVIE_PAGE)
        with pytest.raises(FetchRefusedError) as refused:
            fetch_page(url)
        assert str(refused.value) == NOT_PUBLIC
        assert served.requests == []


@pytest.mark.parametrize(
    "location",
    [
        "http://10.0.0.5/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8000/",
        "http://192.168.0.1:8000/",
    ],
)
def test_a_redirect_to_an_internal_address_is_refused(site, location):
    url = site.url("/go")
    site.pages["/go"] = Answer(status=302, headers={"Location": location})
    with pytest.raises(FetchRefusedError) as refused:
        fetch_page(url)
    assert str(refused.value) == NOT_PUBLIC
    assert site.requests == ["/go"]


def test_a_redirect_is_followed_and_rechecked(site):
    site.page("/film", MOVIE_PAGE)
    site.pages["/old"] = Answer(status=301, headers={"Location": "/film"})
    page = fetch_page(site.url("/old"))
    assert (page.url, page.content_type) == (site.url("/film"), "text/html")
    assert page.body == MOVIE_PAGE.encode()
    assert site.requests == ["/old", "/film"]


def test_too_many_redirects_are_refused(site):
    site.pages["/loop"] = Answer(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchRefusedError) as refused:
        fetch_page(site.url("/loop"))
    assert str(refused.value) == "The address redirects too many times."
    assert len(site.requests) == fetch.MAX_REDIRECTS + 1


def test_a_page_larger_than_the_limit_is_refused(site, monkeypatch):
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    site.page("/big", "<p>" + "x" * 2000 + "</p>")
    with pytest.raises(FetchRefusedError) as refused:
        fetch_page(site.url("/big"))
    assert str(refused.value) == "The page is larger than 2 MB."


def test_a_site_that_answers_too_slowly_is_given_up(site, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.3)
    site.pages["/slow"] = Answer(b"<p>late</p>", delay_seconds=1.0)
    with pytest.raises(FetchRefusedError) as refused:
        fetch_page(site.url("/slow"))
    assert str(refused.value) == "The site took too long to answer."


def test_a_file_that_is_not_a_page_is_refused(site):
    site.pages["/poster.jpg"] = Answer(b"\xff\xd8\xff", headers={"Content-Type": "image/jpeg"})
    with pytest.raises(FetchRefusedError) as refused:
        fetch_page(site.url("/poster.jpg"))
    assert str(refused.value) == "This address is not a web page (it is “image/jpeg”)."


def test_an_error_answer_is_reported(site):
    with pytest.raises(FetchRefusedError) as refused:
        fetch_page(site.url("/missing"))
    assert str(refused.value) == "The site answered with error 404."


def test_structured_data_is_read_before_the_text():
    facts = structured_facts(MOVIE_PAGE)
    assert facts == {
        "is_movie": True,
        "title": "The Home Gleaners",
        "year": 2021,
        "runtime_minutes": 88,
        "directors": ["Li Wen"],
        "genres": ["Documentary"],
        "countries": ["China"],
        "synopsis": "An old couple gleans the fields after the harvest while the city comes "
        "closer.",
    }


def test_open_graph_alone_gives_the_title_and_year():
    html = (
        '<meta property="og:type" content="video.movie"><meta property="og:title" '
        'content="Rooftops"><meta property="video:release_date" content="2013-05-01">'
        '<meta property="video:duration" content="5280">'
    )
    assert structured_facts(html) == {
        "is_movie": True,
        "title": "Rooftops",
        "year": 2013,
        "runtime_minutes": 88,
    }


def test_the_main_text_leaves_the_site_chrome_out():
    text = main_text(MOVIE_PAGE)
    assert text.startswith("The Home Gleaners (2021)\nDirector: Someone Else Entirely\n")
    assert "An old couple gleans the fields" in text
    assert "Privacy" not in text
    assert "Home · Shop" not in text


def test_a_fetched_page_is_reviewed_with_its_data_first(site):
    page = fetch_page(site.page("/film", MOVIE_PAGE))
    review = review_for_fetched(page)
    values = review.draft.values
    assert review.source_url == site.url("/film")
    assert (values["title"], values["year"], values["runtime_minutes"]) == (
        "The Home Gleaners",
        2021,
        88,
    )
    directors = [c["person"]["name"] for c in values["credits"] if c["role"] == "director"]
    assert directors[0] == "Li Wen"
    assert [c["country"] for c in values["countries"]] == ["CN"]
    assert {"title", "year", "runtime_minutes"} <= review.structured
    texts = {t["kind"]: (t["language"], t["body"][:40]) for t in review.draft.texts}
    assert texts == {
        "synopsis": ("en", "An old couple gleans the fields after th"),
        "statement": ("en", "I grew up in this village. When the digg"),
    }
    assert review.draft.looks_like_film is True
