"""Under the Content-Security-Policy the site's own scripts still work in Chromium: the
editor's name picker finds an existing person and the credit links to them; the editor,
sharing, history, media and account pages load without a single policy violation."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .chromium import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/studio/films/heron/basics/",
    "/studio/films/heron/festivals/",
    "/studio/films/heron/sharing/",
    "/studio/films/heron/history/",
    "/studio/films/heron/media/",
    "/films/heron/",
    "/films/out-of-focus/",
    "/api/tokens/",
    "/accounts/profile/",
]


def test_scripts_work_under_the_policy(live_server, chromium):
    call_command("demo", stdout=io.StringIO())
    user = UserFactory(username="mei")
    CollaboratorFactory(film=FilmFactory(slug="heron"), user=user, role=CollaboratorRole.OWNER)
    problems: list[str] = []
    base = live_server.url
    page = chromium.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    log_in(page, base, "mei")

    page.goto(f"{base}/studio/films/heron/credits/")
    page.select_option("#id_role", label="Director")
    page.fill("#id_person_query", "Shengze")
    page.click(".person-candidate:has-text('Shengze Zhu')")
    page.click('form:has(input[name=part][value="credits"]) button[type=submit]')
    page.wait_for_selector("text=Shengze Zhu")
    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
    page.close()
    credit = Credit.objects.select_related("person").get(film__slug="heron")
    assert credit.person.slug == "shengze-zhu"
    assert problems == []
