"""Festival evidence and laurels on the film page in Chromium, in English and Chinese at 1280
and 390 px: a festival's confirmed award shows its drawn laurel and "confirmed by the
festival"; an award the filmmaker typed by hand (``festivals.services.entry_add``, the studio's
and the API's write) shows as claimed, with a hollow laurel that says so; the laurel's PNG
downloads poster-sized on a transparent background. axe-core finds nothing serious and the page
never scrolls sideways. Screenshots go to test-artifacts/."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image

from filmfolio.festivals import services
from filmfolio.festivals.tests.factories import AwardFactory, EditionFactory, EntryFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .chromium import AXE, keep_screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "confirmed": "Confirmed by the festival",
        "claimed": "Claimed by the filmmaker",
        "png": "PNG, black",
    },
    "zh-hans": {"confirmed": "电影节已确认", "claimed": "由电影人自述", "png": "PNG，黑色"},
}


@pytest.fixture
def film(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    owner = CollaboratorFactory(
        role=CollaboratorRole.OWNER,
        film__title="Lantern Harbour",
        film__slug="lantern-harbour",
        film__public=True,
    )
    horse = EditionFactory(
        festival__name="Golden Horse Awards", festival__aliases=["金马奖"], number=51, year=2014
    )
    EntryFactory(
        film=owner.film,
        edition=horse,
        result="won",
        award=AwardFactory(festival=horse.festival, name="Best Documentary"),
        evidence="confirmed",
        confirmed_at=timezone.make_aware(datetime.datetime(2014, 11, 22, 20, 0)),
    )
    services.entry_add(
        film=owner.film,
        actor=owner.user,
        draft=services.EntryDraft(
            new_festival_name="Starlight Award Mill",
            year=2015,
            result="won",
            award_name="Best Film",
        ),
    )
    return owner.film


def _entry(tab, festival: str):
    return tab.locator("#festivals li.entry").filter(has_text=festival)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [1280, 390])
def test_confirmed_and_claimed_awards_with_their_laurels(
    film, live_server, chromium, tmp_path, language, width
):
    words = WORDS[language]
    context = chromium.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    context.add_init_script(path=str(AXE))
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    tab = context.new_page()
    response = tab.goto(f"{live_server.url}/films/lantern-harbour/")
    assert response is not None and response.status == 200
    confirmed, claimed = _entry(tab, "Golden Horse Awards"), _entry(tab, "Starlight Award Mill")
    assert confirmed.locator(".evidence").inner_text() == words["confirmed"]
    assert claimed.locator(".evidence").inner_text() == words["claimed"]
    # The header's laurels: the claimed one without its wreath, saying so in words.
    header = tab.locator(".laurels .laurel")
    assert header.count() == 2
    assert tab.locator(".laurels .laurel-confirmed .evidence").inner_text() == words["confirmed"]
    assert tab.locator(".laurels .laurel-claimed .evidence").inner_text() == words["claimed"]
    for entry in (confirmed, claimed):
        image = entry.locator("img.laurel-image")
        image.scroll_into_view_if_needed()
        tab.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        assert image.evaluate("img => img.naturalWidth") == 600
    assert "(" not in confirmed.locator("img.laurel-image").get_attribute("alt")
    assert (
        claimed.locator("img.laurel-image")
        .get_attribute("alt")
        .endswith("(claimed)" if language == "en" else "(自述)")
    )
    assert tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert serious_violations(tab) == []
    keep_screenshot(tab, f"laurels-{language}-{width}")
    with tab.expect_download() as info:
        confirmed.get_by_role("link", name=words["png"]).click()
    saved = tmp_path / "laurel.png"
    info.value.save_as(saved)
    picture = Image.open(io.BytesIO(saved.read_bytes()))
    assert (picture.format, picture.mode, picture.size) == ("PNG", "RGBA", (2400, 1680))
    assert picture.getpixel((0, 0)) == (0, 0, 0, 0)
    context.close()
