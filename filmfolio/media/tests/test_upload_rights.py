"""Uploading is a right checked on every request: an editor removed mid-upload cannot finish,
and the answers never tell whether a private film's address exists."""

from __future__ import annotations

import pytest
from django.test import TestCase

from filmfolio.media import storage
from filmfolio.media.choices import UploadState
from filmfolio.media.models import Upload, Video
from filmfolio.media.services.uploads import staging_path

from .factories import CollaboratorFactory, FilmFactory, UserFactory
from .flows import tus_create, tus_patch

pytestmark = pytest.mark.django_db

DISCARDED = "You may no longer add videos to this film; the upload was discarded."
NO_FILM = "There is no film with that address you may change."


def _remove(film, owner, user) -> None:
    from filmfolio.sharing.services import collaborator_remove

    collaborator = film.collaborators.get(user=user)
    collaborator_remove(film=film, actor=owner, collaborator_id=collaborator.pk)


def _half_uploaded_by_editor(client, film, clip):
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    client.force_login(editor)
    data = clip.read_bytes()
    url = tus_create(client, film=film, length=len(data), visibility="team")["Location"]
    half = len(data) // 2
    assert tus_patch(client, url, offset=0, data=data[:half]).status_code == 204
    return editor, url, data, half


def test_an_editor_removed_mid_upload_cannot_finish_it(client, film, owner, clip):
    editor, url, data, half = _half_uploaded_by_editor(client, film, clip)
    upload = Upload.objects.get()
    _remove(film, owner, editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = tus_patch(client, url, offset=half, data=data[half:])
    assert (response.status_code, response.json()) == (403, {"error": DISCARDED})
    upload.refresh_from_db()
    assert (upload.state, upload.rejection_reason, upload.offset_bytes) == (
        UploadState.REJECTED,
        DISCARDED,
        half,
    )
    assert not staging_path(upload).exists()
    assert Video.objects.count() == 0
    assert list(storage.walk(storage.video_dir(film.pk, upload.pk))) == []
    # Asking for the offset to resume gets the same refusal; nothing comes back to life.
    head = client.head(url, HTTP_TUS_RESUMABLE="1.0.0")
    assert head.status_code == 403
    assert Upload.objects.get().state == UploadState.REJECTED


def test_an_editor_demoted_to_viewer_cannot_resume(client, film, owner, clip):
    editor, url, _data, _half = _half_uploaded_by_editor(client, film, clip)
    film.collaborators.filter(user=editor).update(role="viewer")
    head = client.head(url, HTTP_TUS_RESUMABLE="1.0.0")
    assert head.status_code == 403
    upload = Upload.objects.get()
    assert (upload.state, upload.rejection_reason) == (UploadState.REJECTED, DISCARDED)
    assert not staging_path(upload).exists()


def test_an_editor_still_on_the_film_finishes(client, film, owner, clip):
    editor, url, data, half = _half_uploaded_by_editor(client, film, clip)
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        response = tus_patch(client, url, offset=half, data=data[half:])
    assert response.status_code == 204
    assert (Upload.objects.get().state, Video.objects.count()) == (UploadState.CHECKING, 0)
    with TestCase.captureOnCommitCallbacks(execute=False):
        callbacks[0]()  # the check job; its transcode is left queued
    assert Video.objects.get().uploaded_by == editor


def test_a_private_film_one_may_not_change_looks_like_no_film(client):
    hidden = FilmFactory()  # private, someone else's
    CollaboratorFactory(film=hidden)
    public = FilmFactory(public=True)
    CollaboratorFactory(film=public)
    client.force_login(UserFactory())
    answers = []
    for slug in (hidden.slug, public.slug, "no-such-film"):
        film = FilmFactory.build(slug=slug)
        response = tus_create(client, film=film, length=10)
        answers.append((response.status_code, response.json()))
    assert answers == [(403, {"error": NO_FILM})] * 3
    assert Upload.objects.count() == 0
