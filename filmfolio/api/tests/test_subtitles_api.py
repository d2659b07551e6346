"""The subtitle endpoints: list for whoever may watch the video, add and delete for those who
manage the film's media; an unreadable file or a stranger changes nothing."""

from __future__ import annotations

import base64

import pytest

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.media.models import SubtitleTrack, Video
from filmfolio.media.tests.subtitledata import chinese_srt_gb18030

from .factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def video(owner):
    film = FilmFactory(private=True, owner=owner)
    return Video.objects.create(
        film=film, kind="screener", visibility="team", size_bytes=1, sha256="0" * 64
    )


def _token(user) -> dict[str, str]:
    _token, key = api_token_create(user=user, name="script", scope=TokenScope.WRITE)
    return {"Authorization": f"Bearer {key}"}


def _body(**extra):
    data = base64.b64encode(chinese_srt_gb18030()).decode()
    return {"language": "zh-Hans", "filename": "zh.srt", "data_base64": data, **extra}


def test_add_list_and_delete(client, video, auth):
    url = f"/api/v1/videos/{video.public_id}/subtitles"
    created = client.post(url, _body(), content_type=JSON, headers=auth)
    assert created.status_code == 201, created.content
    track = SubtitleTrack.objects.get()
    assert created.json() == {
        "id": str(track.public_id),
        "language": "zh-Hans",
        "kind": "subtitles",
        "label": "Chinese (Simplified)",
        "cue_count": 2,
        "original_name": "zh.srt",
        "original_format": "srt",
        "original_encoding": "gb18030",
        "position": 1,
    }
    listed = client.get(url, headers=auth)
    assert [t["id"] for t in listed.json()] == [str(track.public_id)]
    gone = client.delete(f"{url}/{track.public_id}", headers=auth)
    assert gone.status_code == 204
    assert SubtitleTrack.objects.count() == 0


def test_bad_files_and_strangers_change_nothing(client, video, auth):
    url = f"/api/v1/videos/{video.public_id}/subtitles"
    bad = client.post(url, _body(data_base64="aGVsbG8="), content_type=JSON, headers=auth)
    assert (bad.status_code, bad.json()["error"]["message"]) == (
        422,
        "This is not a subtitle file we can read (SubRip .srt or WebVTT .vtt).",
    )
    stranger = _token(UserFactory())
    for response in (
        client.get(url, headers=stranger),
        client.post(url, _body(), content_type=JSON, headers=stranger),
    ):
        assert response.status_code == 404
    assert SubtitleTrack.objects.count() == 0
    client.post(url, _body(), content_type=JSON, headers=auth)
    track = SubtitleTrack.objects.get()
    assert client.delete(f"{url}/{track.public_id}", headers=stranger).status_code == 404
    assert SubtitleTrack.objects.count() == 1
