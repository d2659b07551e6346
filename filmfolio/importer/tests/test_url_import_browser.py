"""The import from an address in Chromium, as a newcomer would do it, in English and Chinese,
at 1366 and 390 px: give the address of a page on a local test server, see the draft with the
film already here offered for update, save, and find the synopsis and the director statement
on the film in their languages. axe-core finds no serious problem on the pages; nothing
scrolls sideways. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections

from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.importer.models import PageImport
from tests.browser.chromium import keep_screenshot

from .local_site import local_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_OPTIONS = "{resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}"  # noqa: E501
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PAGE = """<!doctype html><html lang="en"><head><title>The Home Gleaners | A Distributor</title>
<meta property="og:type" content="video.movie">
<meta property="og:title" content="The Home Gleaners">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie",
"name": "The Home Gleaners", "dateCreated": "2021", "duration": "PT1H28M",
"director": {"@type": "Person", "name": "Li Wen"}, "countryOfOrigin": "China"}</script>
</head><body><nav>Films · Shop · About</nav><article>
<h1>The Home Gleaners</h1><p>拾穗人</p>
<p>Director: Li Wen</p><p>Country: China</p><p>Language: Mandarin</p>
<p>Subtitles: 英文字幕</p>
<h2>Synopsis</h2>
<p>An old couple gleans the fields after the harvest, and the city creeps closer every year.
Their granddaughter films the last season of their work on the land.</p>
<h2>导演阐述</h2>
<p>我在这个村子长大。推土机来的时候，我想留住那些养活我们的人的面孔和手势。</p>
</article><footer>© A Distributor</footer></body></html>"""
SETTINGS = [("en", 1366), ("en", 390), ("zh-hans", 1366), ("zh-hans", 390)]


def test_import_by_address_updates_the_film_already_here(live_server, settings, monkeypatch):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.IMPORTER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    user = get_user_model().objects.create_user(username="newcomer", password="pw-Newcomer-1")
    film = FilmFactory.create(
        slug="gleaners", title="The Home Gleaners", year=2021, visibility="public"
    )
    Collaborator.objects.create(film=film, user=user, role=CollaboratorRole.OWNER)
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    with local_site() as site, sync_playwright() as p:
        url = site.page("/films/the-home-gleaners", PAGE)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for language, width in SETTINGS:
            problems += _journey(browser, live_server.url, url, language, width)
        browser.close()
    connections.close_all()
    assert problems == []
    film.refresh_from_db()
    assert (Film.objects.count(), film.runtime_minutes, film.visibility) == (1, 88, "public")
    texts = {t.kind: (t.language, t.body[:14]) for t in film.texts.all()}
    assert texts == {
        "synopsis": ("en", "An old couple "),
        "statement": ("zh-Hans", "我在这个村子长大。推土机来的"),
    }
    assert list(film.languages.values_list("language", "role")) == [
        ("zh", "original"),
        ("en", "subtitle"),
    ]
    assert set(PageImport.objects.values_list("film__slug", "action", "source_url")) == {
        ("gleaners", "updated", url)
    }


def _journey(browser, base: str, url: str, language: str, width: int) -> list[str]:
    label = f"{language}-{width}"
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(path=str(AXE))
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "newcomer")
    page.fill("#id_password", "pw-Newcomer-1")
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/profile/")
    page.goto(base + "/import/")
    page.fill("#id_url", url)
    problems = _look(page, f"importer-url-start-{label}", width)
    with page.expect_navigation():
        page.click("main form.import-start button[type=submit]")
    assert page.input_value("#id_title") == "The Home Gleaners"
    assert page.is_checked("input[name=target][value=gleaners]")
    assert page.input_value("#id_synopsis_language") == "en"
    assert page.input_value("#id_statement_language") == "zh-Hans"
    assert page.locator(".film-matches a", has_text="The Home Gleaners (2021)").is_visible()
    problems += _look(page, f"importer-url-review-{label}", width)
    with page.expect_navigation():
        page.click("main form.review button[type=submit].primary")
    page.wait_for_url("**/import/done/")
    heading = {"en": "Film updated", "zh-hans": "影片已更新"}[language]
    assert page.get_by_role("heading", name=heading).is_visible()
    assert page.locator("a[href='/films/gleaners/']").count() >= 1
    problems += _look(page, f"importer-url-done-{label}", width)
    page.goto(base + "/films/gleaners/")
    assert page.get_by_text("An old couple gleans the fields").first.is_visible()
    keep_screenshot(page, f"importer-url-film-{label}")
    context.close()
    return problems + [f"{label}: {e}" for e in errors]


def _look(page, name: str, width: int) -> list[str]:
    """Screenshot, serious axe violations and sideways scrolling of the page open now."""
    keep_screenshot(page, f"{name}")
    result = page.evaluate(f"() => axe.run(document, {AXE_OPTIONS})")
    found = [
        f"{name}: {v['id']} {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    if wide > width:
        found.append(f"{name}: {wide - width} px wider than the screen")
    return found
