"""Screener link controls: the window in the recipient's time zone, the play limit, download or
stream only, the watermark data, the password changed after sending, bulk extend and revoke,
and every refusal changing nothing."""

from __future__ import annotations

import datetime
import zoneinfo
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.media import storage
from filmfolio.media.choices import BurnState
from filmfolio.media.models import BurnedCopy, Video
from filmfolio.sharing import link_controls, services
from filmfolio.sharing.controls import LinkControls
from filmfolio.sharing.models import ScreenerLink

from .factories import CollaboratorFactory, ScreenerLinkFactory

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MASTER = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000,RESOLUTION=64x36\nv0/index.m3u8\n"


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


def _screener_video(film, *, download: bool = False) -> Video:
    """A ready screener-only video with a stored master playlist (and a download copy)."""
    video = Video.objects.create(
        film=film, kind="screener", visibility="screener", original_file="x", size_bytes=1,
        sha256="0" * 64, state="ready", width=64, height=36, allow_download=download,
    )  # fmt: skip
    prefix = storage.video_dir(film.pk, video.public_id)
    master = storage.media_storage().save(f"{prefix}/hls/master.m3u8", ContentFile(MASTER))
    video.master_playlist_file = master
    if download:
        video.download_file = storage.media_storage().save(
            f"{prefix}/download.mp4", ContentFile(b"mp4 copy")
        )
    video.save()
    return video


def _browser() -> Client:
    return Client(HTTP_USER_AGENT=BROWSER)


def _send(owner, **controls) -> tuple[ScreenerLink, str]:
    recipient = controls.pop("recipient", "Li Wei")
    return services.screener_link_send(
        film=owner.film, actor=owner.user, recipient=recipient, controls=LinkControls(**controls)
    )


# --- the window ------------------------------------------------------------------------------


def test_a_link_before_its_window_says_when_it_opens_in_the_recipients_time_zone(owner):
    opens = datetime.datetime(2030, 3, 1, 10, 0, tzinfo=PARIS)
    _link, token = _send(owner, time_zone="Europe/Paris", not_before=opens)
    client = _browser()
    response = client.get(f"/share/s/{token}/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "This screener opens on March 1, 2030, 10 a.m. (Europe/Paris)." in text
    assert owner.film.title not in text
    assert "filmfolio.link_grants" not in client.session
    assert client.get(f"/films/{owner.film.slug}/").status_code == 404


def test_the_window_message_is_in_chinese_for_a_chinese_browser(owner):
    opens = datetime.datetime(2030, 3, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
    _link, token = _send(owner, time_zone="Asia/Shanghai", not_before=opens)
    response = Client(HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT_LANGUAGE="zh-hans").get(
        f"/share/s/{token}/"
    )
    assert response.status_code == 403
    assert "此放映链接将于" in response.content.decode()
    assert "(Asia/Shanghai)" in response.content.decode()


def test_a_closed_link_says_when_it_closed(owner):
    link = ScreenerLinkFactory(
        film=owner.film, token="c" * 43, time_zone="Asia/Tokyo",
        expires_at=datetime.datetime(2025, 1, 2, 3, 0, tzinfo=datetime.UTC),
    )  # fmt: skip
    response = _browser().get(f"/share/s/{'c' * 43}/")
    assert response.status_code == 404
    assert "This screener closed on Jan. 2, 2025, noon (Asia/Tokyo)." in response.content.decode()
    assert ScreenerLink.objects.get(pk=link.pk).open_count == 0


def test_moving_the_window_later_closes_the_link_for_a_browser_that_opened_it(owner):
    link, token = _send(owner)
    client = _browser()
    client.get(f"/share/s/{token}/")
    assert client.get(f"/films/{owner.film.slug}/").status_code == 200
    later = timezone.now() + datetime.timedelta(days=2)
    link_controls.screener_link_update(
        film=owner.film, actor=owner.user, link_id=link.pk, recipient="Li Wei",
        controls=LinkControls(not_before=later),
    )  # fmt: skip
    assert client.get(f"/films/{owner.film.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("controls", "field", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone",
         "Name a time zone such as Europe/Paris or Asia/Shanghai."),
        ({"max_plays": 0}, "max_plays",
         "Allow between 1 and 1000 plays, or leave it empty for no limit."),
        ({"delivery": "original"}, "delivery", "Choose stream only or a download copy."),
        ({"watermark": "none"}, "watermark", "Choose how the picture is watermarked."),
        ({"watermark": "burned", "delivery": "download"}, "delivery",
         "A link with the watermark burned in streams only: the download copy carries no "
         "watermark."),
        ({"recipient_email": "nobody"}, "recipient_email", "Enter a valid e-mail address."),
        ({"recipient_language": "xx"}, "recipient_language",
         "Choose one of the site's languages."),
        ({"not_before": datetime.datetime(2030, 5, 2, tzinfo=datetime.UTC),
          "expires_at": datetime.datetime(2030, 5, 1, tzinfo=datetime.UTC)},
         "not_before", "The link must open before it closes."),
        ({"expires_at": datetime.datetime(2030, 5, 1)}, "expires_at",
         "Give the time with its time zone."),
    ],
)  # fmt: skip
def test_wrong_controls_are_refused_and_nothing_is_created(owner, controls, field, message):
    with pytest.raises(ValidationFailedError) as error:
        _send(owner, **controls)
    assert error.value.errors == {field: [message]}
    assert ScreenerLink.objects.count() == 0


# --- plays -----------------------------------------------------------------------------------


def _play(client, film, video) -> int:
    """A play: a visit of the film page, then the master playlist the player asks for."""
    assert client.get(f"/films/{film.slug}/").status_code == 200
    return client.get(f"/media/videos/{video.public_id}/hls/master.m3u8").status_code


def test_the_play_beyond_the_limit_is_refused_in_the_viewers_language(owner, media_root):
    video = _screener_video(owner.film)
    link, token = _send(owner, max_plays=2)
    client = _browser()
    client.get(f"/share/s/{token}/")
    assert _play(client, owner.film, video) == 200
    # the same page visit may ask again (another video, a player retrying): not a new play
    assert client.get(f"/media/videos/{video.public_id}/hls/master.m3u8").status_code == 200
    assert ScreenerLink.objects.get(pk=link.pk).play_count == 1
    assert _play(client, owner.film, video) == 200
    assert ScreenerLink.objects.get(pk=link.pk).play_count == 2
    page = client.get(f"/films/{owner.film.slug}/").content.decode()
    assert "You have used all 2 plays this screener allows. Ask its sender for more." in page
    refused = client.get(
        f"/media/videos/{video.public_id}/hls/master.m3u8", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert refused.status_code == 403
    assert (
        refused.content.decode() == "此放映链接允许的 2 次播放已全部用完。如需更多，请联系发送者。"
    )
    assert ScreenerLink.objects.get(pk=link.pk).play_count == 2


def test_a_page_visit_without_pressing_play_uses_no_play(owner, media_root):
    _screener_video(owner.film)
    link, token = _send(owner, max_plays=1)
    client = _browser()
    client.get(f"/share/s/{token}/")
    for _visit in range(3):
        page = client.get(f"/films/{owner.film.slug}/").content.decode()
        assert "This screener allows 1 more play." in page
    assert ScreenerLink.objects.get(pk=link.pk).play_count == 0


def test_the_master_playlist_without_a_page_visit_is_refused_for_a_limited_link(owner, media_root):
    video = _screener_video(owner.film)
    link, token = _send(owner, max_plays=3)
    client = _browser()
    client.get(f"/share/s/{token}/")
    session = client.session
    session.pop("filmfolio.play_tickets", None)
    session.save()
    response = client.get(f"/media/videos/{video.public_id}/hls/master.m3u8")
    assert response.status_code == 403
    assert response.content.decode() == "Open the film's page again to start a new play."
    assert ScreenerLink.objects.get(pk=link.pk).play_count == 0


def test_the_team_is_never_counted_nor_refused(owner, media_root):
    video = _screener_video(owner.film)
    _link, token = _send(owner, max_plays=1)
    client = _browser()
    client.force_login(owner.user)
    client.get(f"/share/s/{token}/")
    for _play_number in range(3):
        assert client.get(f"/media/videos/{video.public_id}/hls/master.m3u8").status_code == 200
    assert ScreenerLink.objects.get().play_count == 0


def test_a_burned_link_opens_only_once_its_copy_is_ready(owner, media_root):
    _screener_video(owner.film)
    link, token = _send(owner, watermark="burned")
    copy = BurnedCopy.objects.get(purpose_key=f"link:{link.pk}")
    assert copy.state == BurnState.QUEUED
    response = _browser().get(f"/share/s/{token}/")
    assert response.status_code == 403
    assert "This screener is being prepared for you." in response.content.decode()
    BurnedCopy.objects.filter(pk=copy.pk).update(state=BurnState.READY)
    assert _browser().get(f"/share/s/{token}/").status_code == 302


def test_a_burned_link_without_a_screener_to_copy_is_refused_and_not_made(owner):
    with pytest.raises(ValidationFailedError) as refused:
        _send(owner, watermark="burned")
    assert str(refused.value) == (
        "The film has no ready screener to make this link's copy from: upload one first."
    )
    assert not ScreenerLink.objects.filter(film=owner.film).exists()


# --- download or stream only -----------------------------------------------------------------


def test_a_download_link_gets_the_copy_and_a_stream_only_link_gets_none(owner, media_root):
    video = _screener_video(owner.film, download=True)
    _stream, stream_token = _send(owner, recipient="Stream only")
    _download, download_token = _send(owner, recipient="Sales agent", delivery="download")
    streaming = _browser()
    streaming.get(f"/share/s/{stream_token}/")
    page = streaming.get(f"/films/{owner.film.slug}/").content.decode()
    assert "Download a copy" not in page
    assert streaming.get(f"/media/videos/{video.public_id}/download").status_code == 404
    downloading = _browser()
    downloading.get(f"/share/s/{download_token}/")
    page = downloading.get(f"/films/{owner.film.slug}/").content.decode()
    assert f'href="/media/videos/{video.public_id}/download" download' in page
    response = downloading.get(f"/media/videos/{video.public_id}/download")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"mp4 copy"
    assert downloading.get(f"/media/videos/{video.public_id}/original").status_code == 404


# --- the watermark data ----------------------------------------------------------------------


def test_the_watermark_data_names_the_recipient_only_for_a_screener_holder(owner):
    link, token = _send(owner, recipient_organisation="Berlinale Forum", time_zone="Asia/Tokyo")
    client = _browser()
    client.get(f"/share/s/{token}/")
    page = client.get(f"/films/{owner.film.slug}/").content.decode()
    today = timezone.now().astimezone(zoneinfo.ZoneInfo("Asia/Tokyo")).date().isoformat()
    assert f'data-watermark="Li Wei\nBerlinale Forum\n#{link.pk} · {today}"' in page
    assert "sharing/watermark.js" in page
    team = Client()
    team.force_login(owner.user)
    page = team.get(f"/films/{owner.film.slug}/").content.decode()
    assert "data-watermark" not in page
    assert "sharing/watermark.js" not in page


# --- changes after sending -------------------------------------------------------------------


def test_a_new_password_is_asked_from_then_on_and_recorded_without_the_password(owner):
    link, token = _send(owner)
    link_controls.screener_link_set_password(
        film=owner.film, actor=owner.user, link_id=link.pk, password="lantern"
    )
    response = _browser().get(f"/share/s/{token}/")
    assert response["Location"] == "/share/unlock/"
    record = ChangeRecord.objects.filter(section="screener_links").order_by("-id").first()
    assert record.changes == {"screener_link": "Li Wei", "password": {"old": "none", "new": "set"}}
    assert "lantern" not in str(record.changes)


def test_an_update_records_each_changed_field(owner):
    link, _token = _send(owner, max_plays=2)
    link_controls.screener_link_update(
        film=owner.film, actor=owner.user, link_id=link.pk, recipient="Li Wei",
        controls=LinkControls(max_plays=5, delivery="download"),
    )  # fmt: skip
    record = ChangeRecord.objects.filter(section="screener_links").order_by("-id").first()
    assert record.action == "update"
    assert record.changes == {
        "screener_link": "Li Wei",
        "max_plays": {"old": 2, "new": 5},
        "delivery": {"old": "stream", "new": "download"},
    }


def test_an_editor_may_not_change_a_link_and_nothing_changes(owner):
    link, _token = _send(owner, max_plays=2)
    editor = CollaboratorFactory(film=owner.film, role=CollaboratorRole.EDITOR)
    with pytest.raises(PermissionDeniedError):
        link_controls.screener_link_update(
            film=owner.film, actor=editor.user, link_id=link.pk, recipient="X",
            controls=LinkControls(),
        )  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        link_controls.screener_links_revoke(film=owner.film, actor=editor.user, link_ids=[link.pk])
    fresh = ScreenerLink.objects.get(pk=link.pk)
    assert (fresh.recipient, fresh.max_plays, fresh.revoked_at) == ("Li Wei", 2, None)


def test_bulk_extend_moves_expiries_and_skips_links_without_one(owner):
    soon = timezone.now() + datetime.timedelta(days=1)
    first, _t = _send(owner, recipient="A", expires_at=soon)
    second, _t = _send(owner, recipient="B")
    changed = link_controls.screener_links_extend(
        film=owner.film, actor=owner.user, link_ids=[first.pk, second.pk], days=7
    )
    assert changed == 1
    assert ScreenerLink.objects.get(pk=first.pk).expires_at == soon + datetime.timedelta(days=7)
    assert ScreenerLink.objects.get(pk=second.pk).expires_at is None


def test_bulk_actions_with_another_films_link_change_nothing(owner):
    mine, _t = _send(owner, recipient="Mine")
    other = ScreenerLinkFactory()
    with pytest.raises(ObjectNotFoundError):
        link_controls.screener_links_revoke(
            film=owner.film, actor=owner.user, link_ids=[mine.pk, other.pk]
        )
    assert ScreenerLink.objects.filter(revoked_at__isnull=False).count() == 0
    with pytest.raises(ValidationFailedError) as error:
        link_controls.screener_links_extend(
            film=owner.film, actor=owner.user, link_ids=[mine.pk], days=0
        )
    assert error.value.errors == {"days": ["Extend by 1 to 365 days."]}
    with pytest.raises(ValidationFailedError) as error:
        link_controls.screener_links_revoke(film=owner.film, actor=owner.user, link_ids=[])
    assert error.value.errors == {"links": ["Select at least one link."]}


def test_studio_creates_a_link_with_its_window_in_the_recipients_time_zone(owner):
    client = Client()
    client.force_login(owner.user)
    response = client.post(
        f"/studio/films/{owner.film.slug}/sharing/",
        {
            "form": "link", "recipient": "Li Wei", "time_zone": "Asia/Shanghai",
            "not_before": "2030-03-01T09:00", "expires_at": "2030-03-08T21:30",
            "max_plays": "2", "delivery": "download", "watermark": "overlay", "password": "jade",
        },
    )  # fmt: skip
    assert response.status_code == 302
    link = ScreenerLink.objects.get()
    assert link.not_before == datetime.datetime(2030, 3, 1, 1, 0, tzinfo=datetime.UTC)
    assert link.expires_at == datetime.datetime(2030, 3, 8, 13, 30, tzinfo=datetime.UTC)
    assert (link.max_plays, link.delivery, link.has_password) == (2, "download", True)
    page = client.get(f"/studio/films/{owner.film.slug}/sharing/").content.decode()
    assert "March 1, 2030, 9 a.m. (Asia/Shanghai)" in page


def test_studio_edit_page_refuses_a_wrong_time_zone_and_changes_nothing(owner):
    link, _token = _send(owner, max_plays=2)
    client = Client()
    client.force_login(owner.user)
    url = f"/studio/films/{owner.film.slug}/sharing/links/{link.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"recipient": "Li Wei", "time_zone": "Nowhere", "max_plays": "9"})
    assert response.status_code == 400
    assert response.context["form"].errors["time_zone"] == [
        "Name a time zone such as Europe/Paris or Asia/Shanghai."
    ]
    assert ScreenerLink.objects.get(pk=link.pk).max_plays == 2


def test_studio_bulk_revoke(owner):
    first, _t = _send(owner, recipient="A")
    second, _t = _send(owner, recipient="B")
    client = Client()
    client.force_login(owner.user)
    response = client.post(
        f"/studio/films/{owner.film.slug}/sharing/links/bulk/",
        {"action": "revoke", "links": [str(first.pk), str(second.pk)]},
    )
    assert response.status_code == 302
    assert ScreenerLink.objects.filter(revoked_at__isnull=False).count() == 2
