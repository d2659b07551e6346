"""The canary: a private film with a unique title must appear nowhere a stranger can look.

Its director also made a public film and it shares a festival edition with a public film, so
person, festival, list, search, feed, sitemap and API pages all have a reason to mention it.
The crawl follows every internal link from the home page and the catalogue, plus the known
endpoints, as an anonymous visitor and as another logged-in user.
"""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals.models import Edition, Entry, Festival
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Credit, FilmText, Role, Title
from filmfolio.films.services import film_set_visibility
from filmfolio.people.models import Person, PersonName
from filmfolio.search import index
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .url_inventory import body_of, site_paths

pytestmark = pytest.mark.django_db

CANARY = "Qwv Canary Heron 4417"
CANARY_ZH = "鹭鸶金丝雀四四一七"
# The title's distinctive word, the rest of its Chinese form, its address: search highlighting
# may split a title with <mark>, so the whole title is not enough to look for.
FORBIDDEN = re.compile(r"\bQwv\b|金丝雀四四一七|qwv-canary-heron", re.IGNORECASE)
HREF = re.compile(r"""(?:href|src|action)=["'](/[^"'#]*)""")
MAX_PAGES = 400


def _world() -> dict[str, str]:
    director = Person.objects.create(display_name="Lin Canary Director", slug="lin-director")
    PersonName.objects.create(person=director, name="林导演", script="hans")
    festival = Festival.objects.create(name="Heron Documentary Days", slug="heron-days")
    edition = Edition.objects.create(festival=festival, year=2023, number=5)
    role = Role.objects.get(code="director")
    secret = FilmFactory(title=CANARY, slug="qwv-canary-heron", year=2023)
    CollaboratorFactory(film=secret, role=CollaboratorRole.OWNER)
    Title.objects.create(film=secret, text=CANARY_ZH, kind="original", language="zh-Hans")
    FilmText.objects.create(film=secret, kind="synopsis", language="en", body="Heron story.")
    Credit.objects.create(film=secret, person=director, role=role)
    Entry.objects.create(film=secret, edition=edition, result="won")
    public = FilmFactory(public=True, title="Open Water Film", slug="open-water")
    Credit.objects.create(film=public, person=director, role=role)
    Entry.objects.create(film=public, edition=edition, result="selected")
    index.rebuild()
    return {"slug": "lin-director", "person": "lin-director", "festival": "heron-days"}


def _known_endpoints(values: dict[str, str]) -> list[str]:
    listed = [path for path, _name in site_paths(values, default_int="1") if "<" not in path]
    return [
        "/",
        "/films/",
        "/people/",
        "/festivals/",
        "/people/lin-director/",
        "/festivals/heron-days/",
        # Queries are parts of the title without its distinctive word: a search box echoes them.
        "/search/?q=Canary Heron",
        "/search/?q=Heron",
        "/search/?q=鹭鸶",
        "/search/?q=林导演",
        "/sitemap.xml",
        "/feeds/films/",
        "/api/v1/films/",
        "/api/v1/films/?q=Canary Heron",
        "/api/v1/people/",
        "/api/v1/people/lin-director/",
        "/api/v1/festivals/",
        "/api/v1/festivals/heron-days/",
        "/api/v1/search/?q=Canary Heron",
        "/search/autocomplete?q=Canary",
        "/api/v1/openapi.json",
        *listed,
    ]


def _crawl(client: Client, start: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque(start)
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen or path.startswith(("/accounts/logout", "/static/", "/admin/")):
            continue
        response = client.get(path)
        seen[path] = response.status_code
        body = body_of(response)
        found = FORBIDDEN.search(body)
        assert found is None, f"{path} reveals the private film: {found and found.group(0)}"
        if response.get("Content-Type", "").startswith(("text/html", "application/json")):
            queue.extend(link for link in HREF.findall(body) if link not in seen)
    return seen


@pytest.mark.parametrize("who", ["anonymous", "other user"])
def test_private_film_appears_nowhere(who):
    values = _world()
    client = Client()
    if who == "other user":
        client.force_login(UserFactory())
    seen = _crawl(client, _known_endpoints(values))
    assert seen["/"] == 200
    assert len(seen) >= 10


def test_canary_is_found_by_its_owner():
    """The crawl is not blind: the owner does meet the film on its own page."""
    _world()
    owner = CollaboratorFactory._meta.model.objects.get(film__slug="qwv-canary-heron").user
    client = Client()
    client.force_login(owner)
    assert CANARY in client.get("/films/qwv-canary-heron/").content.decode()


def test_film_made_private_leaves_search_at_once():
    """The search index keeps a copy of "listed"; changing visibility must update it."""
    owner = CollaboratorFactory(
        film=FilmFactory(public=True, title=CANARY, slug="qwv-canary-heron"),
        role=CollaboratorRole.OWNER,
    )
    index.rebuild()
    client = Client()
    assert "/films/qwv-canary-heron/" in client.get("/search/?q=Heron").content.decode()
    film_set_visibility(film=owner.film, actor=owner.user, visibility=Visibility.PRIVATE)
    assert "qwv-canary-heron" not in client.get("/search/?q=Heron").content.decode()
    film_set_visibility(film=owner.film, actor=owner.user, visibility=Visibility.UNLISTED)
    assert "qwv-canary-heron" not in client.get("/search/?q=Heron").content.decode()
