"""The credits section of the studio: the one person picker (a picked person, an explicit new
person, a typed name matched by the one rule), credits whose person the film does not name,
and credits changed in place; every write through the credit services, recorded."""

from __future__ import annotations

import pytest
from django.utils import translation

from filmfolio.core.models import ChangeRecord
from filmfolio.films.models import Credit, Role
from filmfolio.people.models import Person
from filmfolio.people.services import person_create
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db
URL = "/studio/films/heron/credits/"


def _role(code: str) -> Role:
    return Role.objects.get(code=code)


def _credits(heron_owner) -> list[tuple[str | None, str, str, str]]:
    return list(
        Credit.objects.filter(film=heron_owner.film)
        .order_by("pk")
        .values_list("person__display_name", "role__code", "credited_as", "description")
    )


def _credit_records(heron_owner) -> list[tuple[str, dict]]:
    records = ChangeRecord.objects.filter(object_id=heron_owner.film.pk, section="credits")
    return list(records.order_by("pk").values_list("action", "changes"))


def test_the_form_uses_the_one_person_picker(heron_client):
    html = heron_client.get(URL).content.decode()
    assert 'data-person-picker="/people/lookup/"' in html
    assert 'data-person-field="person"' in html
    assert 'data-create-field="person_new"' in html
    assert 'name="name_not_given"' in html
    assert "people/picker.js" in html
    assert "/credits/lookup/" not in html


def test_a_credit_whose_person_is_not_named(heron_owner, heron_client):
    data = {
        "part": "credits",
        "role": _role("post-production").pk,
        "person_query": "",
        "name_not_given": "on",
        "credited_as": "Post-production",
        "description": "Cut an alternative version.",
    }
    assert heron_client.post(URL, data).status_code == 302
    assert _credits(heron_owner) == [
        (None, "post-production", "Post-production", "Cut an alternative version.")
    ]
    assert Person.objects.count() == 0
    page = heron_client.get(URL).content.decode()
    assert "Post-production — Name not given (Post-production)" in page


def test_name_not_given_wins_over_a_typed_name(heron_owner, heron_client):
    data = {
        "part": "credits",
        "role": _role("editor").pk,
        "person_query": "Someone",
        "name_not_given": "on",
    }
    assert heron_client.post(URL, data).status_code == 302
    assert _credits(heron_owner) == [(None, "editor", "", "")]
    assert Person.objects.count() == 0


def test_neither_a_name_nor_name_not_given_is_refused_in_the_users_language(
    heron_owner, heron_client
):
    data = {"part": "credits", "role": _role("editor").pk, "person_query": "  "}
    response = heron_client.post(URL, data, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    with translation.override("zh-hans"):
        errors = [str(e) for e in response.context["form"].errors["person_query"]]
    assert errors == ["请输入此人的姓名，或勾选“未注明姓名”。"]
    assert "请输入此人的姓名，或勾选“未注明姓名”。" in response.content.decode()
    assert (_credits(heron_owner), _credit_records(heron_owner)) == ([], [])


def test_an_explicit_new_person_is_made_even_when_the_name_matches(heron_owner, heron_client):
    existing = person_create(name="Zhu Shengze", actor=None)
    data = {
        "part": "credits",
        "role": _role("editor").pk,
        "person_query": "朱声仄",
        "person_new": "1",
    }
    assert heron_client.post(URL, data).status_code == 302
    credit = Credit.objects.get(film=heron_owner.film)
    assert credit.person != existing
    assert credit.person.display_name == "朱声仄"
    assert Person.objects.count() == 2


def test_a_typed_name_finds_the_existing_person_in_another_script(heron_owner, heron_client):
    existing = person_create(name="Zhu Shengze", actor=None)
    data = {"part": "credits", "role": _role("editor").pk, "person_query": "朱聲仄"}
    existing.names.create(name="朱声仄", script="hans")
    assert heron_client.post(URL, data).status_code == 302
    assert Credit.objects.get(film=heron_owner.film).person == existing
    assert Person.objects.count() == 1


def test_a_credit_is_edited_in_place_to_and_from_a_named_person(heron_owner, heron_client):
    credit = Credit.objects.create(
        film=heron_owner.film, person=None, role=_role("post-production"), credited_as="Post"
    )
    person = person_create(name="Ana Lee", actor=None)
    edit = f"{URL}credits/{credit.pk}/"
    prefix = f"credits-{credit.pk}-"
    data = {
        f"{prefix}role": _role("editor").pk,
        f"{prefix}person_query": "Ana Lee",
        f"{prefix}person": person.pk,
        f"{prefix}credited_as": "Editor",
    }
    assert heron_client.post(edit, data).status_code == 302
    assert _credits(heron_owner) == [("Ana Lee", "editor", "Editor", "")]
    assert _credit_records(heron_owner) == [
        (
            "update",
            {
                "credit": {"old": "Uncredited — Post-production", "new": "Ana Lee — Editor"},
                "credited_as": {"old": "Post", "new": "Editor"},
            },
        )
    ]
    back = {f"{prefix}role": _role("editor").pk, f"{prefix}name_not_given": "on"}
    assert heron_client.post(edit, {**data, **back}).status_code == 302
    assert _credits(heron_owner) == [(None, "editor", "Editor", "")]
    assert Person.objects.count() == 1


def test_the_edit_form_shows_the_credit_and_its_own_picker(heron_owner, heron_client):
    person = person_create(name="Ana Lee", actor=None)
    credit = Credit.objects.create(film=heron_owner.film, person=person, role=_role("editor"))
    html = heron_client.get(URL).content.decode()
    assert f'data-person-field="credits-{credit.pk}-person"' in html
    assert f'name="credits-{credit.pk}-person" value="{person.pk}"' in html
    assert f'name="credits-{credit.pk}-person_query" value="Ana Lee"' in html
    assert f'action="/studio/films/heron/credits/credits/{credit.pk}/remove/"' in html


def test_an_edit_making_a_duplicate_is_refused_and_changes_nothing(heron_owner, heron_client):
    person = person_create(name="Ana Lee", actor=None)
    Credit.objects.create(film=heron_owner.film, person=person, role=_role("editor"))
    other = Credit.objects.create(film=heron_owner.film, person=None, role=_role("editor"))
    prefix = f"credits-{other.pk}-"
    data = {f"{prefix}role": _role("editor").pk, f"{prefix}person": person.pk}
    data[f"{prefix}person_query"] = "Ana Lee"
    response = heron_client.post(f"{URL}credits/{other.pk}/", data)
    assert response.status_code == 400
    assert "Ana Lee is already credited as Editor." in response.content.decode()
    assert _credits(heron_owner) == [("Ana Lee", "editor", "", ""), (None, "editor", "", "")]
    assert _credit_records(heron_owner) == []


def test_another_films_credit_cannot_be_edited(heron_owner, heron_client):
    foreign = Credit.objects.create(
        film=FilmFactory(slug="other"), person=None, role=_role("editor")
    )
    prefix = f"credits-{foreign.pk}-"
    data = {f"{prefix}role": _role("director").pk, f"{prefix}name_not_given": "on"}
    assert heron_client.post(f"{URL}credits/{foreign.pk}/", data).status_code == 404
    foreign.refresh_from_db()
    assert foreign.role.code == "editor"


def test_a_person_nobody_may_credit_is_refused_when_picked(heron_owner, heron_client):
    secret = CollaboratorFactory(film=FilmFactory(slug="kept")).film
    hidden = person_create(name="Quillon Ardmarsh", actor=None)
    Credit.objects.create(film=secret, person=hidden, role=_role("director"))
    data = {
        "part": "credits",
        "role": _role("editor").pk,
        "person_query": "Quillon Ardmarsh",
        "person": hidden.pk,
    }
    response = heron_client.post(URL, data)
    assert response.status_code == 400
    assert _credits(heron_owner) == []
