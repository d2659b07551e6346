"""The account pages in the site's frame and design: the password pages use the site's own
templates (not the admin's of the same name), forms render their fields with labels, required
marks, help and errors, and the profile leads to the person page and the films."""

from __future__ import annotations

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from filmfolio.accounts.choices import ClaimStatus
from filmfolio.accounts.models import PersonClaim
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory

from ..views import CLAIM_DECIDED
from .factories import UserFactory

pytestmark = pytest.mark.django_db


def _templates(response) -> list[str]:
    return [t.name for t in response.templates if t.name and not t.name.startswith("django/")]


def test_password_pages_use_the_sites_templates(client):
    user = UserFactory(email="reset@example.org")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    pages = {
        "/accounts/password/reset/": "accounts/password_reset_form.html",
        "/accounts/password/reset/sent/": "accounts/password_reset_done.html",
        f"/accounts/password/reset/{uid}/{token}/": "accounts/password_reset_confirm.html",
        "/accounts/password/reset/done/": "accounts/password_reset_complete.html",
    }
    for path, template in pages.items():
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert _templates(response)[:2] == [template, "web/base.html"], path
        assert "Django administration" not in response.content.decode(), path


def test_a_form_renders_label_required_mark_help_and_errors_beside_the_field(client):
    response = client.post("/accounts/signup/", {"username": "", "password1": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<label for="id_username">Username</label>'
        '<span class="required" aria-hidden="true">*</span>' in html
    )
    assert 'aria-invalid="true"' in html
    assert '<ul class="errorlist" id="id_username_error"><li>This field is required.</li></ul>' in (
        html
    )
    assert 'aria-describedby="id_username_helptext id_username_error"' in html
    assert '<div class="field has-error">' in html


def test_the_profile_links_the_person_page_and_the_films(client):
    user = UserFactory(username="mei")
    person = PersonFactory(user=user)
    collaboration = CollaboratorFactory(user=user)
    client.force_login(user)
    html = client.get("/accounts/profile/").content.decode()
    assert f'<a href="{person.get_absolute_url()}">{person.display_name}</a>' in html
    film = collaboration.film
    assert f'<a class="item-main" href="{film.get_absolute_url()}">{film.title}</a>' in html
    assert f'<a class="button" href="/studio/films/{film.slug}/">Edit in studio</a>' in html


def test_a_profile_without_person_or_films_points_to_the_next_steps(client):
    client.force_login(UserFactory())
    html = client.get("/accounts/profile/").content.decode()
    assert '<p><a href="/people/">Find your person page</a></p>' in html
    assert '<a class="button primary" href="/studio/new/">Add a film</a>' in html
    assert '<a class="button" href="/import/">New film from text</a>' in html


@pytest.mark.parametrize(
    ("decision", "status", "message"),
    [
        (
            "approve",
            ClaimStatus.APPROVED,
            "Confirmed: the person page now belongs to that account.",
        ),
        ("reject", ClaimStatus.REJECTED, "Declined: the person page stays unclaimed."),
    ],
)
def test_deciding_a_claim_says_what_happened(client, decision, status, message):
    assert str(CLAIM_DECIDED[True]) == "Confirmed: the person page now belongs to that account."
    assert str(CLAIM_DECIDED[False]) == "Declined: the person page stays unclaimed."
    claim = PersonClaim.objects.create(user=UserFactory(), person=PersonFactory())
    client.force_login(UserFactory(is_staff=True))
    response = client.post(
        f"/accounts/claims/{claim.pk}/decide/", {"decision": decision}, follow=True
    )
    claim.refresh_from_db()
    assert claim.status == status
    assert [str(m) for m in response.context["messages"]] == [str(message)]
    assert '<div class="empty"><p>No claims are waiting.</p></div>' in response.content.decode()
