"""Admin writes to a film go through the services: search, history and cached pages follow.

Each test posts the real admin form (as a superuser) and then asks anonymous search, autocomplete
and the search API, with a fresh client, whether they list the film.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.films import services
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.tests.factories import FilmFactory, TitleFactory, role
from filmfolio.media.choices import VideoKind, VideoState, VideoVisibility
from filmfolio.media.models import Video
from filmfolio.media.tasks import transcode_video_task
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.search import index
from tests.admin_forms import NOWHERE, add_inline_row, everywhere, form_data, listed_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user() -> Any:
    return UserFactory.create(staff=True)


@pytest.fixture
def admin_client(client: Client, admin_user: Any) -> Client:
    client.force_login(admin_user)
    return client


def indexed_film(**values: Any) -> Film:
    film = FilmFactory.create(**values)
    index.update_for(film)
    return film


def history(film: Film) -> list[tuple[str, str, Any]]:
    """(action, section, changes) of the film's change records, oldest first."""
    records = ChangeRecord.objects.filter(object_id=film.pk, content_type__model="film")
    return [(r.action, r.section, r.changes) for r in records.order_by("id")]


def change_url(film: Film) -> str:
    return f"/admin/films/film/{film.pk}/change/"


def test_change_form_making_a_film_private_takes_it_out_of_search(
    admin_client: Client, admin_user: Any
) -> None:
    film = indexed_film(title="Kumquat Orchard", slug="kumquat-orchard")
    title = TitleFactory.create(film=film, text="Kumquat Grove", language="en")
    index.update_for(film)
    assert listed_urls("Kumquat") == everywhere("/films/kumquat-orchard/")
    data = form_data(admin_client.get(change_url(film)))
    data["visibility"] = "private"
    data["titles-0-text"] = "Kumquat Shade"  # an inline edit in the same submission
    response = admin_client.post(change_url(film), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert listed_urls("Kumquat") == NOWHERE
    title.refresh_from_db()
    assert title.text == "Kumquat Shade"
    assert history(film) == [
        ("update", "visibility", {"visibility": {"old": "public", "new": "private"}}),
        (
            "update",
            "titles",
            {
                f"title {title.pk}": {
                    "old": "Kumquat Grove",
                    "new": "Kumquat Shade",
                }
            },
        ),
    ]
    assert ChangeRecord.objects.filter(actor=admin_user).count() == 2


def test_change_form_making_a_film_public_puts_it_in_search(admin_client: Client) -> None:
    film = indexed_film(title="Kumquat Orchard", slug="kumquat-orchard", private=True)
    assert listed_urls("Kumquat") == NOWHERE
    data = form_data(admin_client.get(change_url(film)))
    data["visibility"] = "public"
    assert admin_client.post(change_url(film), data).status_code == 302
    assert listed_urls("Kumquat") == everywhere("/films/kumquat-orchard/")
    film.refresh_from_db()
    assert film.published_at is not None
    assert history(film) == [
        (
            "update",
            "visibility",
            {
                "visibility": {"old": "private", "new": "public"},
                "published_at": {"old": None, "new": film.published_at.isoformat()},
            },
        )
    ]


def test_inline_title_and_credit_added_in_the_admin_are_searchable(admin_client: Client) -> None:
    film = indexed_film(title="Out of Focus", slug="out-of-focus")
    person = PersonFactory.create(display_name="Shengze Zhu")
    assert listed_urls("Kumquat") == NOWHERE
    data = form_data(admin_client.get(change_url(film)))
    add_inline_row(
        data, "titles", {"text": "Kumquat Grove", "kind": "alternative", "position": "0"}
    )
    add_inline_row(
        data,
        "credits",
        {"role": str(role("director").pk), "person": str(person.pk), "position": "0"},
    )
    response = admin_client.post(change_url(film), data)
    assert response.status_code == 302
    assert listed_urls("Kumquat") == everywhere("/films/out-of-focus/")
    film_hits = listed_urls("Shengze")["api"]
    assert "/films/out-of-focus/" in film_hits
    sections = [section for _action, section, _changes in history(film)]
    assert sections == ["titles", "credits"]


def test_inline_title_deleted_in_the_admin_leaves_search(admin_client: Client) -> None:
    film = indexed_film(title="Out of Focus", slug="out-of-focus")
    title = TitleFactory.create(film=film, text="Kumquat Grove", language="en")
    index.update_for(film)
    assert listed_urls("Kumquat") == everywhere("/films/out-of-focus/")
    data = form_data(admin_client.get(change_url(film)))
    data["titles-0-DELETE"] = "on"
    assert admin_client.post(change_url(film), data).status_code == 302
    assert listed_urls("Kumquat") == NOWHERE
    assert history(film) == [
        (
            "update",
            "titles",
            {f"title {title.pk}": {"old": "Kumquat Grove", "new": None}},
        )
    ]


def test_film_added_in_the_admin_as_public_is_searchable(admin_client: Client) -> None:
    url = "/admin/films/film/add/"
    data = form_data(admin_client.get(url))
    data.update(title="Kumquat Orchard", slug="kumquat-orchard", visibility="public")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    film = Film.objects.get(slug="kumquat-orchard")
    assert film.visibility == "public"
    assert listed_urls("Kumquat") == everywhere("/films/kumquat-orchard/")
    assert [(a, s) for a, s, _c in history(film)] == [
        ("create", "record"),
        ("update", "visibility"),
    ]


def test_password_visibility_without_a_password_is_refused(admin_client: Client) -> None:
    film = indexed_film(title="Kumquat Orchard", slug="kumquat-orchard")
    data = form_data(admin_client.get(change_url(film)))
    data["visibility"] = "password"
    response = admin_client.post(change_url(film), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "visibility": ["A password-protected film needs a password."]
    }
    film.refresh_from_db()
    assert film.visibility == "public"
    assert history(film) == []


def test_deleting_a_film_in_the_admin_takes_it_out_of_search(
    admin_client: Client, admin_user: Any
) -> None:
    film = indexed_film(title="Kumquat Orchard", slug="kumquat-orchard")
    pk = film.pk
    response = admin_client.post(f"/admin/films/film/{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Film.objects.filter(pk=pk).exists()
    assert listed_urls("Kumquat") == NOWHERE
    record = ChangeRecord.objects.get(object_id=pk, content_type__model="film")
    assert (record.action, record.summary, record.actor) == ("delete", str(film), admin_user)


def test_bulk_delete_action_takes_every_film_out_of_search(admin_client: Client) -> None:
    films = [
        indexed_film(title=f"Kumquat {n}", slug=f"kumquat-{n}") for n in ("one", "two", "three")
    ]
    assert len(listed_urls("Kumquat")["api"]) == 3
    response = admin_client.post(
        "/admin/films/film/",
        {
            "action": "delete_selected",
            "_selected_action": [str(f.pk) for f in films[:2]],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert listed_urls("Kumquat") == everywhere("/films/kumquat-three/")
    deleted = ChangeRecord.objects.filter(action="delete", content_type__model="film")
    assert sorted(deleted.values_list("object_id", flat=True)) == sorted(f.pk for f in films[:2])


@pytest.mark.parametrize(
    ("action", "start", "end", "listed"),
    [
        ("make_private", "public", "private", False),
        ("make_unlisted", "public", "unlisted", False),
        ("make_public", "private", "public", True),
    ],
)
def test_visibility_actions_go_through_the_sharing_services(
    admin_client: Client, action: str, start: str, end: str, listed: bool
) -> None:
    film = indexed_film(title="Kumquat Orchard", slug="kumquat-orchard", visibility=start)
    other = indexed_film(title="Kumquat Other", slug="kumquat-other")
    response = admin_client.post(
        "/admin/films/film/", {"action": action, "_selected_action": [str(film.pk)]}
    )
    assert response.status_code == 302
    film.refresh_from_db()
    assert film.visibility == end
    expected = (
        {"/films/kumquat-other/", "/films/kumquat-orchard/"}
        if listed
        else {"/films/kumquat-other/"}
    )
    assert listed_urls("Kumquat")["api"] == expected
    assert listed_urls("Kumquat")["autocomplete"] == expected
    changes: dict[str, Any] = {"visibility": {"old": start, "new": end}}
    if end == "public":  # a film made public for the first time gets its publication date
        assert film.published_at is not None
        changes["published_at"] = {"old": None, "new": film.published_at.isoformat()}
    assert history(film) == [("update", "visibility", changes)]
    assert history(other) == []


def test_admin_change_shows_on_the_cached_film_page_at_once(admin_client: Client) -> None:
    film = indexed_film(title="Kumquat Orchard", slug="kumquat-orchard")
    visitor = Client()
    assert "Kumquat Orchard" in visitor.get("/films/kumquat-orchard/").content.decode()
    data = form_data(admin_client.get(change_url(film)))
    data["title"] = "Kumquat Shade"
    assert admin_client.post(change_url(film), data).status_code == 302
    page = visitor.get("/films/kumquat-orchard/").content.decode()
    assert "Kumquat Shade" in page
    assert "Kumquat Orchard" not in page
    assert history(film) == [
        ("update", "record", {"title": {"old": "Kumquat Orchard", "new": "Kumquat Shade"}})
    ]


def test_film_save_refuses_a_new_film_without_a_signed_in_actor() -> None:
    from django.contrib.auth.models import AnonymousUser

    from filmfolio.core.errors import PermissionDeniedError
    from filmfolio.films.services import film_save

    film = Film(title="Kumquat Orchard", slug="kumquat-orchard")
    with pytest.raises(PermissionDeniedError, match=r"Log in to add a film\."):
        film_save(film=film, actor=AnonymousUser(), fields=["title", "slug"])
    assert Film.objects.count() == 0
    assert ChangeRecord.objects.count() == 0


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
@pytest.mark.parametrize("how", ["service", "admin", "bulk"])
def test_deleting_a_film_drops_its_videos_queued_jobs(admin_client: Client, how: str) -> None:
    film, other = indexed_film(slug="kumquat-orchard"), indexed_film(slug="kumquat-grove")
    owner = UserFactory.create()
    Collaborator.objects.create(film=film, user=owner, role=CollaboratorRole.OWNER)
    videos = [
        Video.objects.create(
            film=f,
            kind=VideoKind.TRAILER,
            visibility=VideoVisibility.TEAM,
            state=VideoState.QUEUED,
            original_file="x",
            size_bytes=1,
            sha256="0" * 64,
        )
        for f in (film, film, other)
    ]
    for video in videos:
        transcode_video_task.enqueue(video.pk)
    kept = videos[2].pk
    if how == "service":
        services.film_delete(film=film, actor=owner)
    elif how == "admin":
        response = admin_client.post(f"/admin/films/film/{film.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
    else:
        response = admin_client.post(
            "/admin/films/film/",
            {"action": "delete_selected", "_selected_action": [str(film.pk)], "post": "yes"},
        )
        assert response.status_code == 302
    assert list(Video.objects.values_list("pk", flat=True)) == [kept]
    queued = DBTaskResult.objects.values_list("args_kwargs", "status")
    assert [(args["args"], status) for args, status in queued] == [([kept], "READY")]
