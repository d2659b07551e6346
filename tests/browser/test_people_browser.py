"""An owner finds the other record of a person by typing the name in another script, tells the
namesakes apart by their films, sees what a merge moves and merges; the old address then leads
to the kept person. In English at desktop width and in Chinese on a 390 px phone."""

from __future__ import annotations

from typing import Any

import pytest

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Role
from filmfolio.people.models import Person, PersonName, PersonSlugRedirect
from filmfolio.people.services import person_create
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .chromium import AXE, keep_screenshot, log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world() -> Any:
    owner: Any = UserFactory(username="mei")
    film: Any = FilmFactory(title="Rivers of Salt", year=2019, public=True)
    other: Any = FilmFactory(title="Heron Lantern", year=2015, public=True)
    CollaboratorFactory(film=film, user=owner, role=CollaboratorRole.OWNER)
    CollaboratorFactory(film=other, role=CollaboratorRole.OWNER)
    keep = person_create(name="Shengze Zhu", actor=None)
    PersonName.objects.create(person=keep, name="朱声仄", script="hans")
    remove = person_create(name="Zhu Shengze", actor=None)
    Credit.objects.create(film=other, person=keep, role=Role.objects.get(code="editor"))
    Credit.objects.create(film=film, person=remove, role=Role.objects.get(code="director"))
    return keep


def _serious(page: Any) -> list[str]:
    """The serious or critical axe-core violations of the page open now."""
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in serious_violations(page)]


def _pick_and_merge(page: Any, base: str, name: str, shot: str) -> None:
    page.goto(f"{base}/people/zhu-shengze/merge/")
    page.fill("#merge-keep-name", "朱聲仄")
    candidate = page.locator(".person-candidate", has_text="Heron Lantern (2015)")
    candidate.wait_for()
    assert "朱声仄" in candidate.inner_text()
    assert page.locator("#merge-keep-candidates li").count() == 1  # never the one merged away
    keep_screenshot(page, f"{shot}-candidates")
    assert _serious(page) == []
    page.press("#merge-keep-name", "ArrowDown")  # the keyboard reaches the candidate too
    assert page.evaluate("document.activeElement.className") == "person-candidate"
    page.keyboard.press("Enter")
    assert page.input_value("input[name=keep]") != ""
    page.click("form[method=get] button[type=submit]")
    page.wait_for_selector(".merge-moves")
    keep_screenshot(page, f"{shot}-confirm")
    assert _serious(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button.danger")
    page.wait_for_url(f"{base}/people/shengze-zhu/")
    assert name in page.inner_text("main")


@pytest.mark.parametrize(
    ("language", "width", "moves"),
    [("en", 1280, "1 credit moves"), ("zh-hans", 390, "1 条署名将移动")],
)
def test_merge_two_records_of_one_person(live_server, chromium, language, width, moves):
    keep = _world()
    context = chromium.new_context(
        viewport={"width": width, "height": 800}, extra_http_headers={"Accept-Language": language}
    )
    context.add_init_script(path=str(AXE))  # injected by the browser, not by the page's CSP
    page = context.new_page()
    log_in(page, live_server.url, "mei")
    page.goto(f"{live_server.url}/people/zhu-shengze/merge/?keep={keep.pk}")
    assert moves in page.inner_text("main")
    _pick_and_merge(page, live_server.url, "Heron Lantern", f"people-merge-{language}")
    assert list(Person.objects.values_list("slug", flat=True)) == ["shengze-zhu"]
    assert PersonSlugRedirect.objects.get().old_slug == "zhu-shengze"
    page.goto(f"{live_server.url}/people/zhu-shengze/")
    assert page.url == f"{live_server.url}/people/shengze-zhu/"
    context.close()
