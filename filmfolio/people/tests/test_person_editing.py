"""A person's written names and biographies changed on the web: who may (the access policy's
``editable_by``), what each form writes through the people services, what is recorded, and
that refused input changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.errors import PermissionDeniedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Film, Role
from filmfolio.people import services
from filmfolio.people.models import Person
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db
EDIT = "/people/shengze-zhu/edit/"


@pytest.fixture
def world() -> Any:
    owner: Any = CollaboratorFactory(
        film=FilmFactory(title="Out of Focus", slug="out-of-focus", year=2013, public=True),
        role=CollaboratorRole.OWNER,
    )
    person = services.person_create(name="Shengze Zhu", actor=None)
    Credit.objects.create(film=owner.film, person=person, role=Role.objects.get(code="director"))
    client = Client()
    client.force_login(owner.user)
    return type(
        "World", (), {"owner": owner.user, "film": owner.film, "zhu": person, "client": client}
    )


def _names(person: Person) -> list[tuple[str, str, str, str]]:
    return list(person.names.order_by("pk").values_list("name", "script", "order", "language"))


def _bios(person: Person) -> list[tuple[str, str]]:
    return list(person.biographies.order_by("language").values_list("language", "body"))


def _records(person: Person) -> list[tuple[str, str, dict]]:
    rows = ChangeRecord.objects.filter(object_id=person.pk, section__in=["names", "biographies"])
    return list(rows.order_by("pk").values_list("action", "section", "changes"))


def _row(person: Person, name: str) -> int:
    return person.names.get(name=name).pk


def test_the_owner_adds_changes_and_removes_a_written_name(world):
    post = world.client.post
    assert post(EDIT, {"action": "name-add", "name": "朱声仄"}).status_code == 302
    add = {"action": "name-add", "name": "Zhu Shengze", "script": "latin"}
    assert post(EDIT, {**add, "order": "family_first"}).status_code == 302
    assert _names(world.zhu) == [
        ("Shengze Zhu", "latin", "", ""),
        ("朱声仄", "hans", "", ""),
        ("Zhu Shengze", "latin", "family_first", ""),
    ]
    pk = _row(world.zhu, "朱声仄")
    update = {"action": "name-update", "item": pk, f"name-{pk}-name": "朱声仄"}
    update |= {f"name-{pk}-order": "family_first", f"name-{pk}-language": "Chinese"}
    assert post(EDIT, update).status_code == 302
    assert _names(world.zhu)[1] == ("朱声仄", "hans", "family_first", "zh")
    pk = _row(world.zhu, "Zhu Shengze")
    assert post(EDIT, {"action": "name-remove", "item": pk}).status_code == 302
    assert [n[0] for n in _names(world.zhu)] == ["Shengze Zhu", "朱声仄"]
    assert _records(world.zhu) == [
        ("add", "names", {"name": {"old": None, "new": "朱声仄 · hans"}}),
        ("add", "names", {"name": {"old": None, "new": "Zhu Shengze · latin · family_first"}}),
        (
            "update",
            "names",
            {"name": {"old": "朱声仄 · hans", "new": "朱声仄 · hans · family_first · zh"}},
        ),
        ("remove", "names", {"name": {"old": "Zhu Shengze · latin · family_first", "new": None}}),
    ]


def test_a_new_written_name_finds_the_person_in_the_picker(world):
    world.client.post(EDIT, {"action": "name-add", "name": "朱聲仄"})
    found = world.client.get("/people/lookup/", {"q": "朱声仄"}).json()["results"]
    assert [p["label"] for p in found] == ["Shengze Zhu"]


def test_changing_the_shown_name_changes_the_display_name(world):
    pk = _row(world.zhu, "Shengze Zhu")
    data = {"action": "name-update", "item": pk, f"name-{pk}-name": "Zhu Shengze"}
    data[f"name-{pk}-order"] = "family_first"
    assert world.client.post(EDIT, data).status_code == 302
    zhu = Person.objects.get(pk=world.zhu.pk)
    assert (zhu.display_name, zhu.sort_name, zhu.slug) == (
        "Zhu Shengze",
        "Zhu Shengze",
        "shengze-zhu",
    )


def test_the_owner_writes_edits_and_removes_a_biography(world):
    post = world.client.post
    data = {"action": "biography-add", "language": "English", "body": " Grew up in Wuhan. "}
    assert post(EDIT, data).status_code == 302
    data = {"action": "biography-add", "language": "中文", "body": "武汉人。"}
    assert post(EDIT, data).status_code == 302
    assert _bios(world.zhu) == [("en", "Grew up in Wuhan."), ("zh", "武汉人。")]
    english = world.zhu.biographies.get(language="en").pk
    edit = {"action": "biography-update", "item": english, f"biography-{english}-body": "Wuhan."}
    assert post(EDIT, edit).status_code == 302
    assert post(EDIT, {**edit, f"biography-{english}-body": ""}).status_code == 302
    assert _bios(world.zhu) == [("zh", "武汉人。")]
    assert [(a, c) for a, _s, c in _records(world.zhu)] == [
        ("set", {"biography (en)": {"old": None, "new": "Grew up in Wuhan."}}),
        ("set", {"biography (zh)": {"old": None, "new": "武汉人。"}}),
        ("set", {"biography (en)": {"old": "Grew up in Wuhan.", "new": "Wuhan."}}),
        ("remove", {"biography (en)": {"old": "Wuhan.", "new": None}}),
    ]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"action": "name-add", "name": "Shengze Zhu"},
            "name",
            "Shengze Zhu already has this name.",
        ),
        ({"action": "name-add", "name": "  "}, "name", "This field is required."),
        ({"action": "name-add", "name": "X", "script": "runes"}, "script", None),
        (
            {"action": "biography-add", "language": "Klingonese", "body": "x"},
            "language",
            "“Klingonese” is not a language we know; pick one from the list.",
        ),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_changes_nothing(world, data, field, message):
    response = world.client.post(EDIT, data)
    assert response.status_code == 400
    form = response.context["name_form" if data["action"] == "name-add" else "biography_form"]
    assert field in form.errors
    if message:
        assert form.errors[field] == [message]
    assert (_names(world.zhu), _bios(world.zhu), _records(world.zhu)) == (
        [("Shengze Zhu", "latin", "", "")],
        [],
        [],
    )


def test_the_shown_name_cannot_be_removed(world):
    pk = _row(world.zhu, "Shengze Zhu")
    response = world.client.post(EDIT, {"action": "name-remove", "item": pk})
    assert response.status_code == 400
    assert "This is the name pages show; it cannot be removed." in response.content.decode()
    assert _names(world.zhu) == [("Shengze Zhu", "latin", "", "")]


def test_a_refusal_in_chinese(world):
    response = world.client.post(
        EDIT, {"action": "name-add", "name": "Shengze Zhu"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert "Shengze Zhu 已有这个名字。" in response.content.decode()


def _visitors(world: Any) -> dict[str, Client]:
    clients = {"anonymous": Client()}
    other_film = FilmFactory(title="Heron", public=True)
    half: Any = CollaboratorFactory(film=other_film, role=CollaboratorRole.OWNER)
    editor: Any = CollaboratorFactory(film=world.film, role=CollaboratorRole.EDITOR)
    users: dict[str, Any] = {"other": UserFactory(), "editor": editor.user, "half_owner": half.user}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    return clients


def test_nobody_else_may_edit_and_nothing_changes(world):
    # The second film makes the owner of Heron a "half owner": Zhu is also credited there.
    clients = _visitors(world)
    Credit.objects.create(
        film=Film.objects.get(title="Heron"),
        person=world.zhu,
        role=Role.objects.get(code="editor"),
    )
    for name, client in clients.items():
        got = client.get(EDIT)
        assert got.status_code == (302 if name == "anonymous" else 404), name
        client.post(EDIT, {"action": "name-add", "name": "Hijacked"})
        client.post(EDIT, {"action": "biography-add", "language": "en", "body": "Hijacked"})
        page = client.get("/people/shengze-zhu/").content.decode()
        assert "/people/shengze-zhu/edit/" not in page, name
    assert (_names(world.zhu), _bios(world.zhu), _records(world.zhu)) == (
        [("Shengze Zhu", "latin", "", "")],
        [],
        [],
    )
    # Now a film the owner does not own credits Zhu: the owner may no longer edit either.
    assert world.client.get(EDIT).status_code == 404


def test_staff_and_the_persons_own_account_may_edit(world):
    staff = Client()
    staff.force_login(UserFactory(staff=True))
    assert staff.get(EDIT).status_code == 200
    account = UserFactory()
    Person.objects.filter(pk=world.zhu.pk).update(user=account)
    own = Client()
    own.force_login(account)
    assert own.get(EDIT).status_code == 200
    # A confirmed account's record is theirs: the film's owner no longer edits it.
    assert world.client.get(EDIT).status_code == 404


def test_the_service_refuses_an_actor_who_may_not_edit(world):
    with pytest.raises(PermissionDeniedError):
        services.person_name_add(person=world.zhu, actor=UserFactory(), values={"name": "X"})
    assert _names(world.zhu) == [("Shengze Zhu", "latin", "", "")]


def test_the_person_page_and_the_studio_lead_to_the_edit_page(world):
    page = world.client.get("/people/shengze-zhu/").content.decode()
    assert 'href="/people/shengze-zhu/edit/"' in page
    credits = world.client.get("/studio/films/out-of-focus/credits/").content.decode()
    back = "next=%2Fstudio%2Ffilms%2Fout-of-focus%2Fcredits%2F"
    assert f'href="/people/shengze-zhu/edit/?{back}"' in credits
    edit = world.client.get(f"{EDIT}?{back}").content.decode()
    assert 'href="/studio/films/out-of-focus/credits/"' in edit


def test_the_back_link_never_leaves_the_site(world):
    edit = world.client.get(f"{EDIT}?next=https://evil.example/").content.decode()
    assert 'href="https://evil.example/"' not in edit
    assert "Back to the studio" not in edit
