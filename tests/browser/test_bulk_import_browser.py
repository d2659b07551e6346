"""A filmmaker adds films from a file, in English and in Chinese, at desktop and phone widths:
Add a film → From a file → a file with a bad line (named, nothing saved) → a good file → the
films it holds → the import running on the real database job queue, its progress shown → the
films made → one of them opened in the studio. Every page is checked by axe-core and for
sideways scroll; screenshots go to ``test-artifacts/bulk-*.png``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Film
from filmfolio.importer.models import FilmImport
from tests.browser.chromium import keep_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
WIDTHS = {"desktop": 1366, "phone": 390}
AXE_OPTIONS = (
    "{resultTypes: ['violations'], runOnly: {type: 'tag', values: "
    "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}"
)
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TITLES = ["Heron Lantern", "Salt Road", "Tide Clock"]
GOOD = "\n".join(
    json.dumps(record, ensure_ascii=False)
    for record in (
        {"title": TITLES[0], "year": 2019, "kind": "documentary", "runtime_minutes": 88},
        {"title": TITLES[1], "titles": [{"text": "盐路", "kind": "original", "language": "zh"}]},
        {"title": TITLES[2], "credits": [{"person": {"name": "Wu Qing"}, "role": "director"}]},
    )
).encode()
BAD = b"title,year\nFine,2001\nToo old,1500\n"


@pytest.fixture
def chromium(monkeypatch) -> Iterator[object]:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        connections.close_all()


class Journey:
    """One person's browser, in one language and width, checking every page it lands on."""

    def __init__(self, chromium, base: str, language: str, width: str) -> None:
        self.user = UserFactory()
        client = Client()
        client.force_login(self.user)
        context = chromium.new_context(viewport={"width": WIDTHS[width], "height": 900})
        context.add_cookies(
            [
                {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base},
                {"name": "django_language", "value": language, "url": base},
            ]
        )
        context.add_init_script(path=str(AXE))  # injected by the browser, not by the page
        self.page = context.new_page()
        self.base, self.language, self.label = base, language, f"bulk-{language}-{width}"

    def t(self, text: str, **values: object) -> str:
        with translation.override(self.language):
            return gettext(text) % values if values else gettext(text)

    def check(self, name: str) -> None:
        """No sideways scroll, no serious axe violation; keep a screenshot."""
        page = self.page
        wide = page.evaluate("document.documentElement.scrollWidth")
        inner = page.evaluate("window.innerWidth")
        assert wide <= inner, f"{name}: {wide}px wide in a {inner}px window"
        result = page.evaluate(f"() => axe.run(document, {AXE_OPTIONS})")
        serious = [
            (v["id"], v["nodes"][0]["target"])
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert serious == [], name
        keep_screenshot(page, f"{self.label}-{name}")

    def upload(self, name: str, data: bytes) -> None:
        page = self.page
        page.set_input_files("#id_file", {"name": name, "mimeType": "text/plain", "buffer": data})
        with page.expect_navigation():
            page.click("form.form button[type=submit]")


def start_from_a_file(journey: Journey) -> None:
    page = journey.page
    page.goto(f"{journey.base}/studio/new/")
    section = page.locator("#from-file")
    assert section.locator("h2").inner_text() == journey.t("From a file")
    journey.check("new")
    with page.expect_navigation():
        section.locator("a.button").click()
    assert page.url == f"{journey.base}/import/file/"
    assert page.locator("h1").inner_text() == journey.t("Add films from a file")
    assert page.locator('a[href="/import/file/sample.csv"]').count() == 1
    journey.check("upload")


def upload_a_bad_then_a_good_file(journey: Journey) -> FilmImport:
    page = journey.page
    journey.upload("films.csv", BAD)
    problems = page.locator(".bulk-problems")
    assert journey.t("Nothing was saved. Correct these lines and upload the file again.") in (
        problems.inner_text()
    )
    assert problems.locator("li strong").all_inner_texts() == [journey.t("Line %(line)s", line=3)]
    assert not FilmImport.objects.exists() and not Film.objects.exists()
    journey.check("problems")
    journey.upload("films.jsonl", GOOD)
    film_import = FilmImport.objects.get(user=journey.user)
    assert page.url == f"{journey.base}/import/file/{film_import.public_id}/"
    assert page.locator(".bulk-titles li").all_inner_texts() == TITLES
    journey.check("checked")
    return film_import


def import_and_follow(journey: Journey, film_import: FilmImport) -> None:
    page = journey.page
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    count = journey.t("%(done)s of %(total)s films imported", done=0, total=3)
    assert page.locator("#import-count").inner_text() == count
    assert page.locator(".bulk-progress progress").get_attribute("value") == "0"
    journey.check("progress")
    assert not Film.objects.exists()  # waiting in the queue
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    # The page follows the job and shows the films made once it has ended.
    page.wait_for_selector(".item-list", timeout=15_000)
    assert page.locator("h1").inner_text() == journey.t("Films imported")
    done = journey.t(
        "“%(name)s”: %(done)s of %(total)s films imported.", name="films.jsonl", done=3, total=3
    )
    assert done in page.locator(".notice.success").inner_text()
    assert page.locator(".item-list .item-main a").all_inner_texts() == TITLES
    journey.check("result")


def open_in_the_studio(journey: Journey) -> None:
    page = journey.page
    made = list(Film.objects.order_by("pk"))
    assert [(f.title, f.visibility) for f in made] == [(t, Visibility.PRIVATE) for t in TITLES]
    with page.expect_navigation():
        page.click(f".item-list a:has-text('{TITLES[1]}')")
    slug = made[1].slug
    assert page.url == f"{journey.base}/studio/films/{slug}/basics/"
    assert page.input_value("#id_title") == TITLES[1]
    journey.check("studio")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_add_films_from_a_file(live_server, chromium, settings, language, width):
    settings.TASKS = DB_QUEUE
    journey = Journey(chromium, live_server.url, language, width)
    start_from_a_file(journey)
    film_import = upload_a_bad_then_a_good_file(journey)
    import_and_follow(journey, film_import)
    open_in_the_studio(journey)
    owners = Film.objects.filter(collaborators__role=CollaboratorRole.OWNER)
    assert set(owners.values_list("collaborators__user_id", flat=True)) == {journey.user.pk}
