"""An editor uploads the festival's notification (a PDF) as the source of an entry, in
Chromium, in English and Chinese at 1280 and 390 px: the studio then says "Sourced
(notification, checked <date>)" with a download link that gives the file back as an
attachment, and the public film page shows the entry as sourced without naming or linking the
file. axe-core finds nothing serious and neither page scrolls sideways. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from filmfolio.festivals.models import Entry
from filmfolio.festivals.tests.factories import AwardFactory, EditionFactory, EntryFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .chromium import AXE, keep_screenshot, serious_violations, signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WORDS = {
    "en": {
        "file": "Festival's notification",
        "save": "Save",
        "sourced": "Sourced (notification, checked {date})",
        "download": "Download the notification",
        "public": "Sourced",
        "checked": "checked {date}",
    },
    "zh-hans": {
        "file": "电影节的通知",
        "save": "保存",
        "sourced": "有来源（通知，核对于{date}）",
        "download": "下载通知",
        "public": "有来源",
        "checked": "核对于{date}",
    },
}


@pytest.fixture
def editor(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    owner = CollaboratorFactory(
        role=CollaboratorRole.OWNER,
        film__title="Lantern Harbour",
        film__slug="lantern-harbour",
        film__public=True,
    )
    reel = EditionFactory(festival__name="Cinéma du Réel", number=36, year=2014)
    EntryFactory(
        film=owner.film,
        edition=reel,
        result="won",
        award=AwardFactory(festival=reel.festival, name="Grand Prix"),
    )
    return CollaboratorFactory(film=owner.film, role=CollaboratorRole.EDITOR).user


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [1280, 390])
def test_an_editor_uploads_the_festivals_notification(
    editor, live_server, chromium, tmp_path, language, width
):
    words = WORDS[language]
    with translation.override(language):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    context = signed_in_context(
        chromium,
        live_server.url,
        editor,
        language=language,
        viewport={"width": width, "height": 900},
        accept_downloads=True,
    )
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    tab.goto(f"{live_server.url}/studio/films/lantern-harbour/festivals/")
    row = tab.locator("#entries li").filter(has_text="Cinéma du Réel")
    row.locator("summary").click()
    row.get_by_label(words["file"]).set_input_files(
        files=[{"name": "Réel 2014.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    keep_screenshot(tab, f"festival-notification-form-{language}-{width}")
    row.get_by_role("button", name=words["save"]).click()
    tab.wait_for_url(f"{live_server.url}/studio/films/lantern-harbour/festivals/")
    row = tab.locator("#entries li").filter(has_text="Cinéma du Réel")
    assert words["sourced"].format(date=today) in row.locator("summary").inner_text()
    assert "Réel 2014" not in tab.content()
    assert tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert serious_violations(tab) == []
    keep_screenshot(tab, f"festival-notification-studio-{language}-{width}")
    with tab.expect_download() as info:
        row.get_by_role("link", name=words["download"]).click()
    entry = Entry.objects.get()
    assert info.value.suggested_filename == f"festival-notification-{entry.pk}.pdf"
    saved = tmp_path / "notification.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes() == PDF

    visitor = chromium.new_context(viewport={"width": width, "height": 900})
    visitor.add_init_script(path=str(AXE))
    visitor.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = visitor.new_page()
    page.goto(f"{live_server.url}/films/lantern-harbour/")
    shown = page.locator("#festivals li.entry").filter(has_text="Grand Prix")
    assert shown.locator(".entry-evidence .evidence").inner_text() == words["public"]
    assert words["checked"].format(date=today) in shown.locator(".entry-evidence").inner_text()
    assert shown.locator(".entry-evidence a").count() == 0
    html = page.content()
    assert entry.evidence_file.rsplit("/", 1)[1] not in html and "/evidence/" not in html
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert serious_violations(page) == []
    shown.scroll_into_view_if_needed()
    keep_screenshot(page, f"festival-notification-film-{language}-{width}")
    visitor.close()
    context.close()
