"""A screener link with a burned-in watermark: its holder sees "being prepared" and no clean
stream until the copy is ready, then plays the link's own copy; the copy's files go to that
link's holder and the film's managers only (404 to a stranger, another link's holder and a
revoked link)."""

from __future__ import annotations

import pytest
from django.test import Client, TestCase

from filmfolio.copies import links
from filmfolio.media.choices import BurnState
from filmfolio.media.models import BurnedCopy
from filmfolio.media.tests.factories import UserFactory
from filmfolio.media.tests.flows import ready_video
from filmfolio.sharing import services
from filmfolio.sharing.models import ScreenerLink, Watermark

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _holder(film, owner, recipient: str, *, burned: bool) -> tuple[Client, ScreenerLink]:
    """A browser holding a link; a burned link was opened before its owner chose to burn the
    watermark in (a new burned link opens only once its copy is ready)."""
    link, token = services.screener_link_create(film=film, actor=owner, recipient=recipient)
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 Chrome/120")
    assert client.get(f"/share/s/{token}/").status_code == 302
    if burned:
        ScreenerLink.objects.filter(pk=link.pk).update(
            watermark=Watermark.BURNED, recipient_organisation="Cinéma du Réel"
        )
        link.refresh_from_db()
    return client, link


@pytest.fixture
def screening(client, film, owner, clip):
    """A private film with a ready screener; holders of a burned link, of another burned link
    and of an overlay link; the owner's client."""
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    burned, link = _holder(film, owner, "Ana Lima", burned=True)
    other, other_link = _holder(film, owner, "Bo Chen", burned=True)
    overlay, _overlay_link = _holder(film, owner, "Cy Diaz", burned=False)
    return {
        "video": video,
        "link": link,
        "burned": burned,
        "other": other,
        "other_link": other_link,
        "overlay": overlay,
        "owner": client,
    }


def _prepare(s, link, **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = s["owner"].post(
            f"/studio/films/{link.film.slug}/copies/{link.pk}/prepare/", data
        )
    assert response.status_code == 302
    return BurnedCopy.objects.get(purpose_key=f"link:{link.pk}")


def test_holder_sees_being_prepared_and_no_clean_stream_until_ready(screening, film):
    s = screening
    master = f"/media/videos/{s['video'].public_id}/hls/master.m3u8"
    page = s["burned"].get(film.get_absolute_url()).content.decode()
    assert "Your copy of the film is being prepared." in page
    assert str(s["video"].public_id) not in page
    assert s["burned"].get(master).status_code == 404
    assert s["overlay"].get(master).status_code == 200
    assert links.link_copy_ready(s["link"]) is False

    copy = _prepare(s, s["link"])
    assert copy.state == BurnState.READY
    assert copy.watermark_lines[:2] == ["Ana Lima", "Cinéma du Réel"]
    assert copy.watermark_lines[2].startswith(f"#{s['link'].pk} · ")
    assert links.link_copy_ready(s["link"]) is True
    page = s["burned"].get(film.get_absolute_url()).content.decode()
    assert f'data-hls-src="/copies/{copy.public_id}/index.m3u8"' in page
    assert "being prepared" not in page
    assert str(s["video"].public_id) not in page
    assert s["burned"].get(master).status_code == 404


def test_copy_files_go_to_that_links_holder_and_managers_only(screening, film, owner):
    s = screening
    copy = _prepare(s, s["link"])
    playlist = f"/copies/{copy.public_id}/index.m3u8"
    segment = f"/copies/{copy.public_id}/seg_00000.ts"
    got = s["burned"].get(playlist)
    assert got.status_code == 200 and got["Cache-Control"] == "private, no-store"
    assert b"seg_00000.ts" in b"".join(got.streaming_content)
    assert s["burned"].get(segment).status_code == 200
    assert s["owner"].get(segment).status_code == 200
    for client in (s["other"], s["overlay"], Client()):
        assert client.get(playlist).status_code == 404
        assert client.get(segment).status_code == 404
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(playlist).status_code == 404
    assert s["burned"].get(f"/copies/{copy.public_id}/seg_99999.ts").status_code == 404
    assert s["burned"].get(f"/copies/{copy.public_id}/../index.m3u8").status_code == 404
    services.screener_link_revoke(film=film, actor=owner, link_id=s["link"].pk)
    assert s["burned"].get(playlist).status_code == 404


def test_unknown_subtitle_track_is_refused_and_changes_nothing(screening, film):
    s = screening
    url = f"/studio/films/{film.slug}/copies/{s['other_link'].pk}/prepare/"
    response = s["owner"].post(url, {"subtitle_track": "not-a-track"}, follow=True)
    assert "Choose one of the screener&#x27;s subtitle tracks." in response.content.decode()
    assert BurnedCopy.objects.count() == 0
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.post(url).status_code == 404
    assert s["burned"].post(url).status_code == 302  # to the sign-in page
    assert BurnedCopy.objects.count() == 0


def test_owner_status_shows_progress_and_holder_gets_404(screening):
    s = screening
    copy = _prepare(s, s["link"])
    status = s["owner"].get(f"/copies/{copy.public_id}/status")
    assert status.json() == {"state": "ready", "label": "Ready", "progress": 100, "failure": ""}
    assert s["burned"].get(f"/copies/{copy.public_id}/status").status_code == 404
    assert Client().get(f"/copies/{copy.public_id}/status").status_code == 404


def test_the_holders_page_changes_when_the_copy_is_ready(screening, film):
    """The holder's page is cached per viewer: the ready copy must replace "being prepared"
    without anyone touching the film."""
    s = screening
    first = s["burned"].get(film.get_absolute_url()).content.decode()
    assert "being prepared" in first
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        s["owner"].post(f"/studio/films/{film.slug}/copies/{s['link'].pk}/prepare/")
    waiting = s["burned"].get(film.get_absolute_url()).content.decode()
    assert "being prepared" in waiting
    for job in queued:
        job()
    ready = s["burned"].get(film.get_absolute_url()).content.decode()
    assert "being prepared" not in ready and "/copies/" in ready
