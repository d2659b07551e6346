"""Every response carries the Content-Security-Policy, and no template holds an inline script,
an inline event handler or an inline style block that the policy would block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as directive -> sources."""
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


TEMPLATES = sorted(Path(settings.BASE_DIR, "filmfolio").glob("*/templates/**/*.html"))
# Rendered to PDF by WeasyPrint, never served to a browser.
PDF_ONLY = {"presskit/templates/presskit/presskit.html"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/films/",
        "/films/open-film/",
        "/films/no-such-film/",
        "/accounts/login/",
        "/accounts/signup/",
        "/api/v1/films",
        "/feeds/films.atom",
        "/sitemap.xml",
    ],
)
def test_every_response_carries_the_policy(client, path):
    FilmFactory(slug="open-film", visibility="public")
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert policy(response) == POLICY


@pytest.mark.django_db
def test_editor_pages_carry_the_policy_and_load_their_script_from_a_file():
    owner = CollaboratorFactory(film=FilmFactory(slug="heron"), role=CollaboratorRole.OWNER)
    client = Client()
    client.force_login(owner.user)
    page = client.get("/studio/films/heron/credits/")
    assert policy(page) == POLICY
    html = page.content.decode()
    assert '<script src="/static/films/lookup.js" defer></script>' in html
    assert '<script src="/static/people/picker.js"></script>' in html
    assert 'data-person-picker="/people/lookup/"' in html
    assert policy(client.get("/accounts/profile/")) == POLICY
    other = Client()
    other.force_login(UserFactory())
    assert policy(other.get("/studio/films/heron/credits/")) == POLICY


def _relative(path: Path) -> str:
    return str(path.relative_to(Path(settings.BASE_DIR, "filmfolio")))


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_BLOCK = re.compile(r"<style\b|\sstyle\s*=", re.I)
SCRIPT_URL = re.compile(r"""href\s*=\s*["']\s*javascript:""", re.I)


@pytest.mark.parametrize("template", TEMPLATES, ids=_relative)
def test_templates_have_nothing_inline_that_the_policy_blocks(template):
    if _relative(template) in PDF_ONLY:
        return
    text = template.read_text(encoding="utf-8")
    found = {
        name: pattern.findall(text)
        for name, pattern in [
            ("inline script", INLINE_SCRIPT),
            ("event handler", EVENT_HANDLER),
            ("inline style", STYLE_BLOCK),
            ("javascript: link", SCRIPT_URL),
        ]
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_scan_sees_every_template():
    assert len(TEMPLATES) > 60
    assert "films/templates/studio/list.html" in {_relative(t) for t in TEMPLATES}
