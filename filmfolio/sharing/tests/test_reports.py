"""Viewing reports: heartbeats through a screener link, kept as one row per viewing, and the
owner's report (plays, furthest point, share and time watched, last viewing, devices)."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from filmfolio.films.choices import CollaboratorRole
from filmfolio.media.models import Video
from filmfolio.sharing import reports, reports_selectors, services
from filmfolio.sharing.models import Device, ScreenerViewing
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
IPAD = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"
ANDROID_TABLET = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/120 Safari"
START = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)


def _video(film, *, duration=100.0, visibility="screener"):
    return Video.objects.create(
        film=film,
        kind="screener",
        visibility=visibility,
        state="ready",
        original_file="originals/screener.mp4",
        size_bytes=1,
        sha256="0" * 64,
        duration_seconds=duration,
    )


@pytest.fixture
def world():
    film = FilmFactory()
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    video = _video(film)
    link, token = services.screener_link_create(film=film, actor=owner, recipient="Programmer")
    client = Client(HTTP_USER_AGENT=CHROME)
    assert client.get(f"/share/s/{token}/").status_code == 302
    assert client.get(film.get_absolute_url()).status_code == 200
    return {"film": film, "owner": owner, "video": video, "link": link, "client": client}


def _beat(client, video, viewing="tab-one-key", ranges="", played="0"):
    data = {"video": str(video.public_id), "viewing": viewing, "ranges": ranges, "played": played}
    return client.post("/share/viewings/beat/", data)


def test_a_viewing_is_one_row_updated_by_its_beats(world):
    client, video, link = world["client"], world["video"], world["link"]
    with freeze_time(START) as clock:
        assert _beat(client, video).status_code == 204
        clock.tick(15)
        assert _beat(client, video, ranges="0.0-15.0", played="15.0").status_code == 204
        clock.tick(15)
        assert _beat(client, video, ranges="0.0-30.0", played="15.0").status_code == 204
    viewing = ScreenerViewing.objects.get()
    assert viewing.link_id == link.pk
    assert viewing.video_key == str(video.public_id)
    assert viewing.beat_count == 3
    assert viewing.watched_seconds == 30.0
    assert viewing.furthest_seconds == 30.0
    assert viewing.played_ranges == [[0.0, 30.0]]
    assert viewing.device == Device.DESKTOP
    assert viewing.started_at == START
    assert viewing.last_beat_at == START + datetime.timedelta(seconds=30)


def test_seconds_beyond_the_wall_clock_are_not_counted(world):
    client, video = world["client"], world["video"]
    with freeze_time(START) as clock:
        _beat(client, video)
        clock.tick(10)
        # claims 50 seconds after 10: only 10 (and a second of slack) count
        assert _beat(client, video, ranges="0.0-50.0", played="50").status_code == 204
    assert ScreenerViewing.objects.get().watched_seconds == 11.0


def test_two_tabs_playing_at_once_count_the_time_once(world):
    client, video = world["client"], world["video"]
    with freeze_time(START) as clock:
        _beat(client, video, viewing="tab-one-key")
        _beat(client, video, viewing="tab-two-key")
        for _round in range(4):
            clock.tick(15)
            _beat(client, video, viewing="tab-one-key", ranges="0-60", played="15")
            _beat(client, video, viewing="tab-two-key", ranges="0-60", played="15")
    total = sum(ScreenerViewing.objects.values_list("watched_seconds", flat=True))
    # a minute of wall clock: 60 seconds plus a second of slack per beat of the second tab
    assert total == 64.0
    report = reports_selectors.film_link_reports_for(world["film"])[0]
    assert report.plays == 2
    assert report.watched_seconds == 64.0


def test_a_seek_forward_does_not_count_what_was_skipped(world):
    client, video = world["client"], world["video"]
    with freeze_time(START) as clock:
        _beat(client, video)
        clock.tick(20)
        _beat(client, video, ranges="0-10,80-90", played="20")
    report = reports_selectors.film_link_reports_for(world["film"])[0]
    assert report.furthest_seconds == 90.0
    assert report.percent_watched == 20
    assert report.watched_seconds == 20.0
    assert report.furthest_text == "1:30"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"played": "-5"}, "Seconds in a heartbeat are never negative."),
        ({"played": "nan"}, "Seconds in a heartbeat are never negative."),
        ({"played": "7200"}, "A heartbeat reports at most an hour of playing."),
        ({"ranges": "0-101.5"}, "A played range ends after the end of the video."),
        ({"ranges": "20-10"}, "A played range ends after it starts."),
        ({"ranges": "-3-10"}, "A heartbeat carries numbers of seconds."),
        ({"ranges": "ten"}, "A played range is written start-end."),
        ({"viewing": "x"}, "A heartbeat names its viewing."),
        ({"video": "not-a-uuid"}, "A heartbeat names its video."),
        (
            {"ranges": ",".join(f"{i}-{i}.5" for i in range(51))},
            "A heartbeat carries at most 50 ranges.",
        ),
    ],
)
def test_nonsense_is_refused_and_changes_nothing(world, fields, message):
    data = {
        "video": str(world["video"].public_id),
        "viewing": "tab-one-key",
        "ranges": "0-10",
        "played": "1",
        **fields,
    }
    response = world["client"].post("/share/viewings/beat/", data)
    assert response.status_code == 400
    assert response.json() == {"detail": message}
    assert ScreenerViewing.objects.count() == 0


def test_refusals_are_in_the_viewers_language(world):
    data = {"video": str(world["video"].public_id), "viewing": "tab-one-key", "played": "-1"}
    response = world["client"].post("/share/viewings/beat/", data, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    assert response.json() == {"detail": "心跳中的秒数不能为负。"}


def test_a_viewing_keeps_to_one_video(world):
    client, video = world["client"], world["video"]
    other = _video(world["film"], duration=30.0)
    assert _beat(client, video).status_code == 204
    response = _beat(client, other)
    assert response.status_code == 400
    assert response.json() == {"detail": "A viewing plays one video."}
    assert ScreenerViewing.objects.get().video_key == str(video.public_id)


def test_only_post_is_answered(world):
    response = world["client"].get("/share/viewings/beat/")
    assert response.status_code == 405


def test_a_beat_without_the_csrf_token_is_refused(world):
    client = world["client"]
    client.handler.enforce_csrf_checks = True
    assert _beat(client, world["video"]).status_code == 403
    assert ScreenerViewing.objects.count() == 0


def test_heartbeats_are_bounded_per_link(world, monkeypatch):
    monkeypatch.setattr(reports, "BEATS", reports.Throttle("test-beats", 3, 600))
    client, video = world["client"], world["video"]
    statuses = [_beat(client, video, viewing=f"viewing-{n:04d}").status_code for n in range(4)]
    assert statuses == [204, 204, 204, 429]
    assert ScreenerViewing.objects.count() == 3


def test_viewings_per_link_are_bounded(world, monkeypatch):
    monkeypatch.setattr(reports, "MAX_VIEWINGS_PER_LINK", 2)
    client, video = world["client"], world["video"]
    statuses = [_beat(client, video, viewing=f"viewing-{n:04d}").status_code for n in range(3)]
    assert statuses == [204, 204, 429]
    assert ScreenerViewing.objects.count() == 2


@pytest.mark.parametrize(
    ("agent", "device"),
    [
        (CHROME, Device.DESKTOP),
        (IPHONE, Device.PHONE),
        (IPAD, Device.TABLET),
        (ANDROID_TABLET, Device.TABLET),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari", Device.PHONE),
        ("", Device.DESKTOP),
    ],
)
def test_device_of_the_user_agent(agent, device):
    assert reports.device_of(agent) == device


def test_the_user_agent_itself_is_not_kept(world):
    client = Client(HTTP_USER_AGENT=IPHONE)
    _link, token = services.screener_link_create(
        film=world["film"], actor=world["owner"], recipient="Phone viewer"
    )
    client.get(f"/share/s/{token}/")
    assert _beat(client, world["video"]).status_code == 204
    row = ScreenerViewing.objects.values().get()
    assert row["device"] == Device.PHONE
    assert not any("iPhone" in str(value) for value in row.values())


def test_merge_ranges_joins_overlaps_and_keeps_gaps():
    assert reports.merge_ranges([(30, 40), (0, 10), (5, 12), (40, 41)]) == [
        [0.0, 12.0],
        [30.0, 41.0],
    ]
    assert reports.covered_seconds([[0, 10], [5, 12], [30, 41]]) == 23.0


def test_a_video_without_a_known_length_reports_no_share(world):
    Video.objects.filter(pk=world["video"].pk).update(duration_seconds=None)
    with freeze_time(START) as clock:
        _beat(world["client"], world["video"])
        clock.tick(5)
        assert _beat(world["client"], world["video"], ranges="0-5", played="5").status_code == 204
    report = reports_selectors.film_link_reports_for(world["film"])[0]
    assert (report.percent_watched, report.furthest_seconds, report.watched_seconds) == (
        None,
        5.0,
        5.0,
    )


def test_the_report_of_each_link(world):
    film, owner, video, client = world["film"], world["owner"], world["video"], world["client"]
    quiet, _token = services.screener_link_create(film=film, actor=owner, recipient="Quiet one")
    with freeze_time(START) as clock:
        _beat(client, video)
        clock.tick(30)
        _beat(client, video, ranges="0-30", played="30")
    watched, unopened = reports_selectors.film_link_reports_for(film)[::-1]
    assert (unopened.link, unopened.plays, unopened.opened, unopened.percent_watched) == (
        quiet,
        0,
        False,
        None,
    )
    assert watched.link == world["link"]
    assert watched.opened is True
    assert watched.plays == 1
    assert watched.percent_watched == 30
    assert watched.watched_text == "0:30"
    assert watched.last_viewed_at == START + datetime.timedelta(seconds=30)
    assert watched.device_labels == "Desktop"
    rows = reports_selectors.reports_csv([watched, unopened]).splitlines()
    assert rows[0] == (
        "Recipient,E-mail,Organisation,Campaign,Opened,Times opened,Plays,"
        "Furthest point (seconds),Percent watched,Time watched (seconds),Last viewed (UTC),Devices"
    )
    assert rows[1] == "Programmer,,,,yes,1,1,30.0,30,30.0,2026-12-01T12:00:30+00:00,Desktop"
    assert rows[2] == "Quiet one,,,,no,0,0,0.0,,0.0,,"


def test_beats_of_a_revoked_link_are_refused(world):
    services.screener_link_revoke(
        film=world["film"], actor=world["owner"], link_id=world["link"].pk
    )
    response = _beat(world["client"], world["video"])
    assert response.status_code == 404
    assert ScreenerViewing.objects.count() == 0


def test_a_trailer_beats_to_the_link_too(world):
    trailer = _video(world["film"], duration=20.0, visibility="film")
    assert _beat(world["client"], trailer, viewing="trailer-key").status_code == 204
    assert ScreenerViewing.objects.get().video_key == str(trailer.public_id)


def test_an_unknown_video_is_not_found(world):
    response = world["client"].post(
        "/share/viewings/beat/",
        {"video": str(uuid.uuid4()), "viewing": "tab-one-key", "ranges": "", "played": "0"},
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "There is nothing to report on here."}


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_SEC_FETCH_DEST": "image"},
        {"HTTP_SEC_FETCH_DEST": "empty"},
    ],
)
def test_a_prefetch_is_not_an_open(headers):
    film = FilmFactory()
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    link, token = services.screener_link_create(film=film, actor=owner, recipient="Mail client")
    client = Client(HTTP_USER_AGENT=CHROME)
    assert client.get(f"/share/s/{token}/", **headers).status_code == 302
    assert client.get(film.get_absolute_url()).status_code == 200
    link.refresh_from_db()
    assert link.open_count == 0


def test_a_navigation_is_an_open():
    film = FilmFactory()
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    link, token = services.screener_link_create(film=film, actor=owner, recipient="A person")
    client = Client(HTTP_USER_AGENT=CHROME)
    headers = {"HTTP_SEC_FETCH_DEST": "document", "HTTP_SEC_FETCH_MODE": "navigate"}
    assert client.get(f"/share/s/{token}/", **headers).status_code == 302
    assert client.get(film.get_absolute_url()).status_code == 200
    link.refresh_from_db()
    assert link.open_count == 1


def _report_page_queries(client, film) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/studio/films/{film.slug}/reports/")
    assert response.status_code == 200
    return len(queries)


def test_the_report_page_reads_any_number_of_links_in_the_same_queries(world):
    film, owner = world["film"], world["owner"]
    client = Client()
    client.force_login(owner)
    _beat(world["client"], world["video"])
    one = _report_page_queries(client, film)
    for n in range(12):
        services.screener_link_create(film=film, actor=owner, recipient=f"Recipient {n}")
    assert _report_page_queries(client, film) == one
    # the studio's frame and navigation (with the burned copies' count), the session and the
    # film, then links and viewings
    assert one == 18
    body = client.get(f"/studio/films/{film.slug}/reports/").content.decode()
    assert body.count('<th scope="row">') == 13
