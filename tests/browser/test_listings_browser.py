"""A visitor browses the catalogue, filters it, and opens a person, a festival and the home page:
posters on the cards once one is uploaded, long titles kept to two lines, numbered pages, no
sideways scrolling at 360 px, axe-core clean; in English at 1366 px and in Chinese at 390 px.
The owner of a private film sees it with its badge. Screenshots go to test-artifacts/."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image as PILImage

from filmfolio.accounts.tests.factories import PASSWORD, UserFactory
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.tests.factories import (
    AwardFactory,
    EditionFactory,
    EntryFactory,
    FestivalFactory,
    SectionFactory,
)
from filmfolio.films.models import Collaborator, Credit, Role
from filmfolio.films.tests.factories import FilmCountryFactory, FilmFactory
from filmfolio.media import services as media_services
from filmfolio.people.models import PersonBiography, PersonName
from filmfolio.people.services import person_create
from filmfolio.search import index

from .chromium import AXE, keep_screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TITLE = "The River That Remembers " * 12  # 300 characters


@pytest.fixture
def browser(chromium, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    return chromium


def _poster() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (600, 900), (180, 60, 40)).save(out, "PNG")
    return out.getvalue()


def _world() -> dict[str, Any]:
    """Thirty public films (one with a poster, one with a 300-character title), a private one
    of the owner's, a director with names in two scripts, a festival with an award."""
    owner: Any = UserFactory(username="mei")
    for n in range(28):
        FilmFactory(title=f"Archive Reel {n:02d}", year=1990 + n)
    rivers: Any = FilmFactory(title="Rivers of Salt", slug="rivers-of-salt", year=2019)
    Collaborator.objects.create(film=rivers, user=owner, role="owner")
    FilmCountryFactory(film=rivers, country="FR")
    media_services.image_upload(
        film=rivers,
        actor=owner,
        data=_poster(),
        details=media_services.ImageDetails(is_poster=True),
    )
    long = FilmFactory(title=LONG_TITLE.strip(), slug="long-title", year=2018)
    FilmCountryFactory(film=long, country="FR")
    secret: Any = FilmFactory(title="Secret Workprint", slug="secret", year=2024, private=True)
    Collaborator.objects.create(film=secret, user=owner, role="owner")
    person = person_create(name="Shengze Zhu", actor=None)
    PersonName.objects.create(person=person, name="朱声仄", script="hans", language="zh-Hans")
    PersonBiography.objects.create(person=person, language="en", body="Grew up in Wuhan.")
    for film in (rivers, long):
        Credit.objects.create(film=film, person=person, role=Role.objects.get(code="director"))
    festival = FestivalFactory(name="Cinéma du Réel", slug="cinema-du-reel", country="FR")
    edition = EditionFactory(festival=festival, number=36, year=2019)
    section = SectionFactory(edition=edition, name="International Competition")
    EntryFactory(
        film=rivers,
        edition=edition,
        section=section,
        award=AwardFactory(festival=festival, name="Grand Prix"),
        result=EntryResult.WON,
    )
    EntryFactory(film=long, edition=edition, section=section)
    index.rebuild(workers=1)
    return {"person": person}


def _serious(page: Any) -> list[str]:
    """The serious or critical axe-core violations of the page open now."""
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in serious_violations(page)]


def _check(page: Any, shot: str) -> None:
    """Screenshot, axe-core, and no sideways scroll at this width and at 360 px."""
    keep_screenshot(page, f"{shot}")
    assert _serious(page) == [], shot
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, shot
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, shot
    page.set_viewport_size({"width": width, "height": 900})


def _poster_shown(page: Any, title: str) -> bool:
    card = page.locator(".film-card", has_text=title).first
    image = card.locator("img.card-poster")
    image.scroll_into_view_if_needed()
    image.wait_for()
    return page.evaluate(
        "(img) => img.complete && img.naturalWidth > 0 && img.getAttribute('loading') === 'lazy'",
        image.element_handle(),
    )


def _lines(page: Any, title: str) -> float:
    """How many lines the card title of ``title`` takes on screen."""
    return page.evaluate(
        """(title) => {
          const el = [...document.querySelectorAll('.card-title')]
            .find((e) => e.textContent.startsWith(title));
          const style = getComputedStyle(el);
          return el.getBoundingClientRect().height / parseFloat(style.lineHeight);
        }""",
        title,
    )


@pytest.mark.parametrize(
    ("language", "width", "words"),
    [
        ("en", 1366, {"films": "30 films", "filter": "Filter films", "page": "Page 1 of 2"}),
        ("zh-hans", 390, {"films": "30 部影片", "filter": "筛选影片", "page": "第 1 页，共 2 页"}),
    ],
)
def test_listings(live_server, browser, language, width, words):
    _world()
    context = browser.new_context(
        viewport={"width": width, "height": 900}, extra_http_headers={"Accept-Language": language}
    )
    context.add_init_script(path=str(AXE))  # injected by the browser, not by the page's CSP
    page = context.new_page()
    base = live_server.url
    shot = f"listings-{language}-{width}"

    page.goto(f"{base}/films/")
    main = page.inner_text("main")
    assert words["films"] in main
    assert words["page"] in main
    assert "Secret Workprint" not in main
    assert page.locator(".page-number").all_inner_texts() == ["1", "2"]
    assert _poster_shown(page, "Rivers of Salt")
    assert _lines(page, "The River That Remembers") <= 2.05
    _check(page, f"{shot}-catalogue")

    page.click(f"summary:has-text('{words['filter']}')")
    page.locator(".facet-country a").first.click()
    page.wait_for_url("**country=FR**")
    cards = page.locator(".film-card .card-title").all_inner_texts()
    assert [title[:14] for title in cards] == ["Rivers of Salt", "The River That"]
    assert page.locator(".active-filters a").count() == 2  # the filter and "clear all"
    _check(page, f"{shot}-catalogue-filtered")

    page.goto(f"{base}/films/?page=2")
    assert page.locator(".page-number[aria-current=page]").inner_text() == "2"

    page.goto(f"{base}/people/shengze-zhu/")
    main = page.inner_text("main")
    assert "朱声仄" in main
    assert "Grew up in Wuhan." in main
    assert "Grand Prix" in main
    assert _poster_shown(page, "Rivers of Salt")
    _check(page, f"{shot}-person")

    page.goto(f"{base}/festivals/cinema-du-reel/")
    main = page.inner_text("main")
    assert "International Competition" in main
    assert "Grand Prix" in main
    assert _poster_shown(page, "Rivers of Salt")
    assert _lines(page, "The River That Remembers") <= 2.05
    _check(page, f"{shot}-festival")

    page.goto(f"{base}/")
    assert _poster_shown(page, "Rivers of Salt")
    _check(page, f"{shot}-home")
    context.close()


@pytest.mark.parametrize(("language", "badge"), [("en", "Private"), ("zh-hans", "私密")])
def test_owner_sees_their_private_film_with_its_badge(live_server, browser, language, badge):
    _world()
    context = browser.new_context(
        viewport={"width": 390, "height": 900}, extra_http_headers={"Accept-Language": language}
    )
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "mei")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/accounts/profile/")
    for path, name in (("/films/", "catalogue"), ("/", "home")):
        page.goto(f"{base}{path}")
        card = page.locator(".film-card", has_text="Secret Workprint")
        assert card.locator(".card-badge").inner_text() == badge
        assert page.locator(".card-badge").count() == 1
        _check(page, f"listings-owner-{language}-{name}")
    context.close()
