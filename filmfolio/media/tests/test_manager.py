"""The media manager's writes: stills in the exact order asked for, the poster from a still or
from a frame of a video (a background job), a cancelled upload leaving nothing behind; and what
those who may not change the film's media get (404, nothing changed)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.media import services, storage
from filmfolio.media.choices import FrameState, UploadState
from filmfolio.media.models import Image, PosterFrame, Upload
from filmfolio.media.services.uploads import staging_path

from .factories import CollaboratorFactory, UserFactory
from .flows import ready_video, tus_create, tus_patch
from .imagedata import jpeg_with_gps

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def _stills(film, owner, count: int) -> list[Image]:
    return [
        services.image_upload(
            film=film,
            actor=owner,
            data=jpeg_with_gps(320, 240),
            details=services.ImageDetails(caption=c),
        )
        for c in "abcdefgh"[:count]
    ]


def _order(film) -> list[str]:
    return list(
        Image.objects.filter(film=film).order_by("position", "id").values_list("caption", flat=True)
    )


def test_reorder_gives_exactly_the_order_asked_for(film, owner):
    a, b, c, d = _stills(film, owner, 4)
    services.images_reorder(
        film=film, actor=owner, image_ids=[str(i.public_id) for i in (c, a, d, b)]
    )
    assert _order(film) == ["c", "a", "d", "b"]
    assert list(
        Image.objects.filter(film=film).order_by("position").values_list("position", flat=True)
    ) == [1, 2, 3, 4]


def test_the_manager_saves_the_order_in_one_request(client, film, owner):
    a, b, c = _stills(film, owner, 3)
    client.force_login(owner)
    order = ",".join(str(i.public_id) for i in (b, c, a))
    response = client.post(f"/media/films/{film.slug}/manage/order/", {"order": order}, **JSON)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert _order(film) == ["b", "c", "a"]


def test_a_refused_order_is_told_and_changes_nothing(client, film, owner):
    a, b = _stills(film, owner, 2)
    client.force_login(owner)
    order = f"{b.public_id},{b.public_id},{a.public_id}"
    response = client.post(f"/media/films/{film.slug}/manage/order/", {"order": order}, **JSON)
    assert (response.status_code, response.json()) == (
        400,
        {"error": "The new order names images that are not in this film."},
    )
    assert _order(film) == ["a", "b"]


@pytest.mark.parametrize("role", [None, "viewer"])
def test_those_who_may_not_manage_cannot_reorder(client, film, owner, role):
    a, b = _stills(film, owner, 2)
    user = UserFactory()
    if role:
        CollaboratorFactory(film=film, user=user, role=role)
    client.force_login(user)
    order = f"{b.public_id},{a.public_id}"
    response = client.post(f"/media/films/{film.slug}/manage/order/", {"order": order}, **JSON)
    assert response.status_code == 404
    assert _order(film) == ["a", "b"]
    with pytest.raises(PermissionDeniedError):
        services.images_reorder(film=film, actor=user, image_ids=[str(b.public_id)])
    assert _order(film) == ["a", "b"]


def test_use_a_still_as_the_poster(film, owner):
    old = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(is_poster=True)
    )
    still, _other = _stills(film, owner, 2)
    services.image_set_poster(image=still, actor=owner)
    assert list(Image.objects.filter(film=film, is_poster=True)) == [still]
    old.refresh_from_db()
    assert old.is_poster is False


def test_the_manager_lists_stills_with_their_ends_marked(client, film, owner):
    services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(is_poster=True)
    )
    _a, b, _c = _stills(film, owner, 3)
    client.force_login(owner)
    html = client.get(f"/studio/films/{film.slug}/media/").content.decode()
    stills = html.split('class="still-list"')[1].split("</ol>")[0]
    assert stills.count('class="still"') == 3  # the poster is shown in its own place
    assert stills.count('class="button move-earlier" hidden') == 1
    assert stills.count('class="button move-later" hidden') == 1
    first, last = stills.split(f'data-id="{b.public_id}"')
    assert 'move-earlier" hidden' in first and 'move-later" hidden' in last
    assert "media/vendor/tus-js-client/tus.min.js" in html


def test_an_image_sent_by_the_script_comes_back_as_its_list_item(client, film, owner):
    client.force_login(owner)
    response = client.post(
        f"/media/films/{film.slug}/manage/images/", {"file": _jpeg(), "album": ""}, **JSON
    )
    image = Image.objects.get(film=film)
    answer = response.json()
    assert (response.status_code, answer["id"], answer["poster"]) == (
        200,
        str(image.public_id),
        False,
    )
    assert answer["html"].startswith(f'<li class="still" data-id="{image.public_id}">')
    response = client.post(
        f"/media/films/{film.slug}/manage/images/", {"file": _jpeg(), "is_poster": "on"}, **JSON
    )
    assert response.json()["poster"] is True
    assert 'id="poster-figure"' in response.json()["html"]
    assert Image.objects.filter(film=film, is_poster=True).count() == 1


def _jpeg() -> SimpleUploadedFile:
    return SimpleUploadedFile("still.jpg", jpeg_with_gps(640, 480), content_type="image/jpeg")


@pytest.mark.slow
def test_the_poster_from_a_frame_of_the_trailer(client, film, owner, clip):
    client.force_login(owner)
    old = services.image_upload(
        film=film, actor=owner, data=jpeg_with_gps(), details=services.ImageDetails(is_poster=True)
    )
    video = ready_video(client, film=film, path=clip)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/media/manage/videos/{video.public_id}/frame/", {"at": "1.2"}, **JSON
        )
    frame = PosterFrame.objects.get()
    assert response.json()["status_url"] == f"/media/manage/frames/{frame.public_id}/status"
    status = client.get(response.json()["status_url"]).json()
    assert (status["state"], status["progress"], status["reason"]) == ("done", 100, "")
    poster = Image.objects.get(film=film, is_poster=True)
    assert (frame.image, frame.at_seconds, poster.width, poster.height) == (poster, 1.2, 640, 360)
    assert poster.original_format == "jpeg"
    old.refresh_from_db()
    assert old.is_poster is False


@pytest.mark.slow
def test_a_frame_outside_the_video_or_by_a_stranger_changes_nothing(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    with pytest.raises(ValidationFailedError):
        services.poster_frame_request(video=video, actor=owner, at_seconds=2.5)
    stranger = UserFactory()
    CollaboratorFactory(film=film, user=stranger, role="viewer")
    client.force_login(stranger)
    response = client.post(f"/media/manage/videos/{video.public_id}/frame/", {"at": "1"}, **JSON)
    assert response.status_code == 404
    assert PosterFrame.objects.count() == 0
    assert Image.objects.filter(film=film).count() == 0


@pytest.mark.slow
def test_a_frame_asked_by_someone_removed_since_is_not_used(client, film, owner, clip):
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    client.force_login(editor)
    video = ready_video(client, film=film, path=clip, visibility="team")
    frame = services.poster_frame_request(video=video, actor=editor, at_seconds=0.5)
    film.collaborators.filter(user=editor).delete()
    assert services.poster_frame_extract(frame_id=frame.pk) == "failed"
    frame.refresh_from_db()
    assert (frame.state, frame.failure_reason, frame.image) == (
        FrameState.FAILED,
        "You may not change the media of this film.",
        None,
    )
    assert Image.objects.filter(film=film).count() == 0
    client.force_login(owner)
    status = client.get(f"/media/manage/frames/{frame.public_id}/status").json()
    assert status["state"] == "failed"
    client.force_login(editor)
    assert client.get(f"/media/manage/frames/{frame.public_id}/status").status_code == 404


def _half_upload(client, film, clip) -> tuple[str, Upload, int]:
    data = clip.read_bytes()
    url = tus_create(client, film=film, length=len(data), visibility="team")["Location"]
    half = len(data) // 2
    assert tus_patch(client, url, offset=0, data=data[:half]).status_code == 204
    return url, Upload.objects.get(), half


def test_cancel_leaves_nothing(client, film, owner, clip, media_dirs):
    client.force_login(owner)
    url, upload, _half = _half_upload(client, film, clip)
    assert staging_path(upload).stat().st_size == len(clip.read_bytes()) // 2
    response = client.delete(url, HTTP_TUS_RESUMABLE="1.0.0")
    assert response.status_code == 204
    assert Upload.objects.count() == 0
    assert list((media_dirs / "work" / "uploads").iterdir()) == []
    assert list(storage.walk(f"films/{film.pk}")) == []
    assert client.head(url, HTTP_TUS_RESUMABLE="1.0.0").status_code == 404


def test_someone_else_cannot_cancel_an_upload(client, film, owner, clip):
    client.force_login(owner)
    url, upload, half = _half_upload(client, film, clip)
    other = UserFactory()
    CollaboratorFactory(film=film, user=other, editor=True)
    client.force_login(other)
    assert client.delete(url, HTTP_TUS_RESUMABLE="1.0.0").status_code == 404
    with pytest.raises(PermissionDeniedError):
        services.upload_terminate(upload=upload, actor=other)
    upload.refresh_from_db()
    assert (upload.state, upload.offset_bytes) == (UploadState.RECEIVING, half)
    assert staging_path(upload).stat().st_size == half


def test_cancelling_after_losing_the_film_discards_the_bytes(client, film, owner, clip):
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    client.force_login(editor)
    url, upload, _half = _half_upload(client, film, clip)
    film.collaborators.filter(user=editor).update(role="viewer")
    response = client.delete(url, HTTP_TUS_RESUMABLE="1.0.0")
    assert (response.status_code, response.json()) == (
        403,
        {"error": "You may no longer add videos to this film; the upload was discarded."},
    )
    upload.refresh_from_db()
    assert upload.state == UploadState.REJECTED
    assert not staging_path(upload).exists()


def test_the_status_of_an_upload_stops_with_the_right_to_change_the_film(client, film, clip):
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    client.force_login(editor)
    url, _upload, half = _half_upload(client, film, clip)
    status = client.get(f"{url}/status").json()
    assert (status["state"], status["offset"]) == ("receiving", half)
    film.collaborators.filter(user=editor).delete()
    response = client.get(f"{url}/status")
    assert (response.status_code, response.json()) == (404, {"error": "No such upload."})
