"""Merging two records of one person: what moves, the old address, history, who may merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import translation

from filmfolio.accounts.choices import ClaimStatus
from filmfolio.accounts.models import PersonClaim
from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Film, Role
from filmfolio.films.services import person_merge, person_merge_plan
from filmfolio.people.choices import LinkKind, NameScript
from filmfolio.people.models import (
    Person,
    PersonBiography,
    PersonLink,
    PersonName,
    PersonSlugRedirect,
)
from filmfolio.people.services import person_create
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


@dataclass
class World:
    owner: Any
    keep: Person
    remove: Person
    private_film: Any
    public_film: Any
    other_film: Any
    claimant: Any


def _credit(film: Any, person: Person, role: str, **details: str) -> Credit:
    return Credit.objects.create(
        film=film, person=person, role=Role.objects.get(code=role), **details
    )


@pytest.fixture
def world() -> World:
    owner = UserFactory()
    private_film = FilmFactory(title="Private One")
    public_film = FilmFactory(title="Rivers of Salt", public=True, year=2019)
    other_film = FilmFactory(title="Somebody Else's", public=True)
    for film in (private_film, public_film):
        CollaboratorFactory(film=film, user=owner, role=CollaboratorRole.OWNER)
    CollaboratorFactory(film=other_film, role=CollaboratorRole.OWNER)
    keep = person_create(name="Shengze Zhu", actor=None)
    remove = person_create(name="Zhu Shengze", actor=None)
    PersonName.objects.create(person=remove, name="朱声仄", script=NameScript.HANS)
    _credit(other_film, keep, "director")
    _credit(public_film, keep, "editor")
    _credit(public_film, remove, "editor", credited_as="Editing", character="")
    _credit(private_film, remove, "director")
    PersonBiography.objects.create(person=keep, language="en", body="Kept biography.")
    PersonBiography.objects.create(person=remove, language="en", body="Dropped biography.")
    PersonBiography.objects.create(person=remove, language="zh-hans", body="中文简介。")
    PersonLink.objects.create(person=keep, kind=LinkKind.WEBSITE, url="https://zhu.example/")
    PersonLink.objects.create(person=remove, kind=LinkKind.WEBSITE, url="https://zhu.example/")
    PersonLink.objects.create(person=remove, kind=LinkKind.IMDB, url="https://imdb.example/zhu")
    claimant: Any = UserFactory()
    declined: Any = UserFactory()
    PersonClaim.objects.create(user=claimant, person=keep)
    PersonClaim.objects.create(user=claimant, person=remove)
    PersonClaim.objects.create(user=declined, person=remove, status=ClaimStatus.REJECTED)
    return World(owner, keep, remove, private_film, public_film, other_film, claimant)


def _rows() -> tuple[int, ...]:
    return (
        Person.objects.count(),
        Credit.objects.count(),
        PersonName.objects.count(),
        PersonBiography.objects.count(),
        PersonLink.objects.count(),
        PersonClaim.objects.count(),
        PersonSlugRedirect.objects.count(),
        ChangeRecord.objects.count(),
    )


def test_the_plan_counts_what_moves(world):
    plan = person_merge_plan(keep=world.keep, remove=world.remove)
    counts = (
        plan.credits_moved,
        plan.credits_merged,
        plan.names_moved,
        plan.biographies_moved,
        plan.biographies_dropped,
        plan.links_moved,
        plan.claims_moved,
        plan.account_moved,
    )
    assert counts == (1, 1, 2, 1, 1, 1, 1, False)
    assert plan.film_ids == sorted([world.private_film.pk, world.public_film.pk])


def test_merge_moves_credits_and_merges_a_duplicate_credit(world):
    removed_pk = world.remove.pk
    person_merge(keep=world.keep, remove=world.remove, actor=world.owner)
    assert not Person.objects.filter(pk=removed_pk).exists()
    credits = Credit.objects.filter(person=world.keep).order_by("film__title", "role__code")
    assert [(c.film.title, c.role.code, c.credited_as) for c in credits] == [
        ("Private One", "director", ""),
        ("Rivers of Salt", "editor", "Editing"),
        ("Somebody Else's", "director", ""),
    ]
    assert Credit.objects.count() == 3


def test_merge_moves_names_biographies_links_and_claims(world):
    person_merge(keep=world.keep, remove=world.remove, actor=world.owner)
    keep = world.keep
    names = sorted(keep.names.values_list("name", flat=True))
    assert names == ["Shengze Zhu", "Zhu Shengze", "朱声仄"]
    biographies = sorted(keep.biographies.values_list("language", "body"))
    assert biographies == [("en", "Kept biography."), ("zh-hans", "中文简介。")]
    links = sorted(keep.links.values_list("url", flat=True))
    assert links == ["https://imdb.example/zhu", "https://zhu.example/"]
    assert sorted(keep.claims.values_list("status", flat=True)) == ["pending", "rejected"]
    assert (PersonBiography.objects.count(), PersonLink.objects.count()) == (2, 2)
    assert PersonClaim.objects.count() == 2


def test_merge_records_both_changes_refreshes_the_films_and_redirects(world, client):
    before = dict(Film.objects.values_list("pk", "updated_at"))
    records = ChangeRecord.objects.count()
    removed_pk = world.remove.pk
    person_merge(keep=world.keep, remove=world.remove, actor=world.owner)
    merged = ChangeRecord.objects.filter(action="merge").order_by("id")
    assert [(r.object_id, r.summary) for r in merged] == [
        (removed_pk, "Zhu Shengze → Shengze Zhu"),
        (world.keep.pk, "Zhu Shengze → Shengze Zhu"),
    ]
    assert merged[1].changes["credits_moved"] == {"old": None, "new": 1}
    assert ChangeRecord.objects.count() == records + 2
    after = dict(Film.objects.values_list("pk", "updated_at"))
    assert [pk for pk in before if after[pk] <= before[pk]] == []
    redirects = list(PersonSlugRedirect.objects.values_list("old_slug", "person_id"))
    assert redirects == [("zhu-shengze", world.keep.pk)]
    response = client.get("/people/zhu-shengze/")
    assert (response.status_code, response["Location"]) == (301, "/people/shengze-zhu/")


def test_an_account_moves_to_the_kept_person(world):
    user = UserFactory()
    Person.objects.filter(pk=world.remove.pk).update(user=user)
    world.remove.refresh_from_db()
    person_merge(keep=world.keep, remove=world.remove, actor=UserFactory(staff=True))
    world.keep.refresh_from_db()
    assert world.keep.user == user


def test_a_redirect_to_the_removed_person_follows_the_merge(world):
    PersonSlugRedirect.objects.create(old_slug="zhu-sz", person=world.remove)
    person_merge(keep=world.keep, remove=world.remove, actor=world.owner)
    assert sorted(PersonSlugRedirect.objects.values_list("old_slug", "person_id")) == [
        ("zhu-shengze", world.keep.pk),
        ("zhu-sz", world.keep.pk),
    ]


def test_a_user_who_does_not_own_every_film_cannot_merge_and_nothing_changes(world):
    half_owner = UserFactory()
    CollaboratorFactory(film=world.private_film, user=half_owner, role=CollaboratorRole.OWNER)
    CollaboratorFactory(film=world.public_film, user=half_owner, role=CollaboratorRole.EDITOR)
    before = _rows()
    with pytest.raises(PermissionDeniedError):
        person_merge(keep=world.keep, remove=world.remove, actor=half_owner)
    with pytest.raises(PermissionDeniedError):
        person_merge(keep=world.remove, remove=world.keep, actor=world.owner)
    assert _rows() == before


def test_merging_a_person_into_themselves_is_refused(world):
    before = _rows()
    with pytest.raises(ValidationFailedError):
        person_merge(keep=world.remove, remove=world.remove, actor=world.owner)
    assert _rows() == before


def test_a_person_behind_another_users_private_film_cannot_be_kept(world):
    stranger_film = FilmFactory()
    CollaboratorFactory(film=stranger_film, role=CollaboratorRole.OWNER)
    hidden = person_create(name="Hidden Zhu", actor=None)
    _credit(stranger_film, hidden, "director")
    before = _rows()
    with pytest.raises(PermissionDeniedError):
        person_merge(keep=hidden, remove=world.remove, actor=world.owner)
    assert _rows() == before


def test_the_merge_page_confirms_then_merges(world, client):
    client.force_login(world.owner)
    page = client.get(f"/people/{world.remove.slug}/merge/", {"keep": world.keep.pk})
    text = page.content.decode()
    assert page.status_code == 200
    assert "1 credit moves" in text
    assert "2 written names move" in text
    assert 'class="button danger"' in text
    response = client.post(f"/people/{world.remove.slug}/merge/", {"keep": world.keep.pk})
    assert (response.status_code, response["Location"]) == (302, "/people/shengze-zhu/")
    assert list(Person.objects.values_list("slug", flat=True)) == ["shengze-zhu"]


def test_the_merge_page_offers_people_with_a_similar_name(world, client):
    client.force_login(world.owner)
    text = client.get(f"/people/{world.remove.slug}/merge/").content.decode()
    assert f'href="?keep={world.keep.pk}"' in text
    detail = client.get(f"/people/{world.remove.slug}/").content.decode()
    assert f'href="/people/{world.remove.slug}/merge/"' in detail


def test_the_merge_page_is_not_found_for_others_and_their_post_changes_nothing(world, client):
    before = _rows()
    for user in (UserFactory(), world.claimant):
        client.force_login(user)
        url = f"/people/{world.remove.slug}/merge/"
        assert client.get(url, {"keep": world.keep.pk}).status_code == 404
        assert client.post(url, {"keep": world.keep.pk}).status_code == 404
        detail = client.get(f"/people/{world.remove.slug}/").content.decode()
        assert "/merge/" not in detail
    assert _rows() == before


def test_the_merge_page_in_chinese(world, client):
    client.force_login(world.owner)
    with translation.override("zh-hans"):  # the request's language ends with the test
        page = client.get(
            f"/people/{world.remove.slug}/merge/",
            {"keep": world.keep.pk},
            HTTP_ACCEPT_LANGUAGE="zh-hans",
        ).content.decode()
    assert "1 条署名将移动" in page
    assert "2 种名字写法将移动" in page
    assert "将 Zhu Shengze 并入 Shengze Zhu？此操作无法撤销。" in page
    assert "credit moves" not in page
