"""A filmmaker credits someone already on the site by typing the name in another script: the
picker offers the existing person with their films, picking them makes no duplicate; then the
filmmaker opens that person's edit page from the credits and adds the name as typed. In English
and Chinese, at 1366 and 390 px; no sideways scroll, no serious axe-core violation; screenshots
in ``test-artifacts/``."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Role
from filmfolio.people.models import Person
from filmfolio.people.services import person_create
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory
from tests.browser.chromium import keep_screenshot

from . import test_studio_browser as journey
from .test_people_browser import AXE, _serious

chromium = journey.chromium
static_root = journey.static_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1366, "phone": 390}


def _world() -> tuple[Any, Any, Person]:
    """A filmmaker with two films: Out of Focus, public, directed by Zhu Shengze, and a new
    one. Owning every film crediting Zhu, the filmmaker may also edit Zhu's names."""
    zhu = person_create(name="Zhu Shengze", actor=None)
    focus = FilmFactory(title="Out of Focus", year=2013, public=True)
    Credit.objects.create(film=focus, person=zhu, role=Role.objects.get(code="director"))
    owner = CollaboratorFactory(
        film=FilmFactory(title="Heron Lantern", slug="heron", year=2019),
        role=CollaboratorRole.OWNER,
    )
    CollaboratorFactory(film=focus, user=owner.user, role=CollaboratorRole.OWNER)
    return owner.user, owner.film, zhu


def _page(chromium: Any, base: str, user: Any, language: str, width: int) -> Any:
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport={"width": width, "height": 900})
    context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base},
            {"name": "django_language", "value": language, "url": base},
        ]
    )
    context.add_init_script(path=str(AXE))  # injected by the browser, not by the page's CSP
    return context.new_page()


def _looked_at(page: Any, shot: str) -> None:
    """No sideways scroll, no serious axe-core violation; keep a screenshot."""
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= page.viewport_size["width"], f"{shot}: {wide}px wide"
    assert _serious(page) == [], shot
    keep_screenshot(page, f"{shot}")


def _t(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def _credit_by_picking(page: Any, base: str, language: str, shot: str) -> None:
    page.goto(f"{base}/studio/films/heron/credits/")
    page.select_option("#id_role", str(Role.objects.get(code="editor").pk))
    page.fill("#id_person_query", "朱声仄")
    candidate = page.locator(".person-candidate", has_text="Out of Focus (2013)")
    candidate.wait_for()
    assert candidate.locator("strong").inner_text() == "Zhu Shengze"
    create = page.locator(".person-create")
    new_person = _t(language, "Create a new person: %(name)s") % {"name": "朱声仄"}
    assert create.inner_text() == f"+ {new_person}"
    assert page.locator("#id_person_query-candidates li").count() == 2
    _looked_at(page, f"{shot}-candidates")
    candidate.click()
    assert page.input_value("#id_person_query") == "Zhu Shengze"
    assert "Out of Focus (2013)" in page.inner_text("#id_person_query-status")
    with page.expect_navigation():
        page.click('form:has(input[name=part][value="credits"]) button[type=submit]')
    assert _t(language, "Saved.") in page.inner_text(".messages")
    assert "Zhu Shengze" in page.inner_text("#credits .items")
    _looked_at(page, f"{shot}-credited")


def _add_the_typed_name(page: Any, language: str, shot: str) -> None:
    label = _t(language, "Names and biography of %(name)s") % {"name": "Zhu Shengze"}
    with page.expect_navigation():
        page.click(f".item-link:has-text('{label}')")
    page.fill("#id_name_name", "朱声仄")
    with page.expect_navigation():
        page.click('form:has(input[name=action][value="name-add"]) button[type=submit]')
    assert _t(language, "Saved.") in page.inner_text(".messages")
    assert "朱声仄" in page.inner_text("#names")
    _looked_at(page, f"{shot}-person")
    with page.expect_navigation():
        page.click(f"a:has-text('{_t(language, 'Back to the studio')}')")
    assert page.url.endswith("/studio/films/heron/credits/")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_person_typed_in_another_script_is_picked_not_duplicated(
    live_server, chromium, language, width
):
    user, film, zhu = _world()
    base = live_server.url
    page = _page(chromium, base, user, language, WIDTHS[width])
    shot = f"studio-people-{language}-{width}"
    _credit_by_picking(page, base, language, shot)
    assert list(Person.objects.values_list("display_name", flat=True)) == ["Zhu Shengze"]
    assert list(film.credits.values_list("person_id", "role__code")) == [(zhu.pk, "editor")]
    _add_the_typed_name(page, language, shot)
    assert list(zhu.names.order_by("pk").values_list("name", "script", "order")) == [
        ("Zhu Shengze", "latin", ""),
        ("朱声仄", "hans", ""),
    ]
    page.context.close()
