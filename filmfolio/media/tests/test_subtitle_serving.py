"""Subtitle tracks in HLS, under the video's access rules: the master playlist names every
track as a WebVTT rendition, each track has its media playlist and WebVTT; screener holders and
collaborators get them, strangers and revoked links 404; only managers download .vtt/.srt."""

from __future__ import annotations

import re

import pytest

from filmfolio.media import services

from .factories import CollaboratorFactory, FilmFactory, UserFactory
from .flows import open_screener_link, ready_video
from .subtitledata import chinese_srt_gb18030, english_vtt

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def tracks(client, film, owner, clip):
    """A private film's ready screener with English captions and Chinese subtitles."""
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    client.logout()
    english = services.subtitle_track_add(
        video=video,
        actor=owner,
        data=english_vtt(),
        details=services.SubtitleDetails(language="en", kind="captions", label='English "CC"'),
    )
    chinese = services.subtitle_track_add(
        video=video,
        actor=owner,
        data=chinese_srt_gb18030(),
        details=services.SubtitleDetails(language="zh-Hans"),
    )
    return video, english, chinese


def _urls(video, track):
    base = f"/media/videos/{video.public_id}/hls"
    manage = f"/media/manage/subtitles/{track.public_id}"
    return {
        "master": f"{base}/master.m3u8",
        "playlist": f"{base}/subs/{track.public_id}.m3u8",
        "vtt": f"{base}/subs/{track.public_id}.vtt",
        "download_vtt": f"{manage}/download.vtt",
        "download_srt": f"{manage}/download.srt",
        "page": f"/media/manage/videos/{video.public_id}/subtitles/",
    }


def _statuses(client, urls):
    return {key: client.get(url).status_code for key, url in urls.items()}


def test_the_master_playlist_lists_the_tracks(client, film, owner, tracks):
    video, english, chinese = tracks
    open_screener_link(client, film=film, owner=owner)
    response = client.get(_urls(video, english)["master"])
    assert (response["Content-Type"], response["Cache-Control"]) == (
        "application/vnd.apple.mpegurl",
        "private, no-store",
    )
    # Every address is signed (test_signed_hls); here only what follows the signature counts.
    lines = re.sub(r"/media/s/[0-9a-f-]{36}/[^/]+/", "", response.content.decode()).splitlines()
    media = [line for line in lines if line.startswith("#EXT-X-MEDIA:")]
    assert media == [
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English \'CC\'",LANGUAGE="en",'
        'DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,CHARACTERISTICS="public.accessibility.'
        'transcribes-spoken-dialog,public.accessibility.describes-music-and-sound",'
        f'URI="subs/{english.public_id}.m3u8"',
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Chinese (Simplified)",'
        'LANGUAGE="zh-Hans",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,'
        f'URI="subs/{chinese.public_id}.m3u8"',
    ]
    variants = [line for line in lines if line.startswith("#EXT-X-STREAM-INF:")]
    assert len(variants) == 1
    assert variants[0].endswith(',SUBTITLES="subs"')
    assert lines.index(media[-1]) < lines.index(variants[0])
    playlist = client.get(_urls(video, chinese)["playlist"]).content.decode()
    assert playlist == (
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n"
        f"#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:{video.duration_seconds:.3f},\n"
        f"{chinese.public_id}.vtt\n#EXT-X-ENDLIST\n"
    )
    vtt = client.get(_urls(video, chinese)["vtt"])
    assert vtt["Content-Type"] == "text/vtt; charset=utf-8"
    assert vtt.content.decode() == (
        "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n"
        "00:00:00.200 --> 00:00:01.000\n我们回家吧\n\n"
        "00:00:01.000 --> 00:00:01.900\n这里是汉语字幕\n"
    )


def test_who_gets_the_subtitles(client, film, owner, tracks):
    from filmfolio.sharing.services import screener_link_revoke

    video, english, _chinese = tracks
    urls = _urls(video, english)
    closed = dict.fromkeys(urls, 404)
    streams = {**closed, "master": 200, "playlist": 200, "vtt": 200}
    # signed out, the manager's page sends to the sign-in page first
    signed_out = {"page": 302}
    assert _statuses(client, urls) == {**closed, **signed_out}
    client.force_login(UserFactory())
    assert _statuses(client, urls) == closed
    client.logout()
    link = open_screener_link(client, film=film, owner=owner)
    assert _statuses(client, urls) == {**streams, **signed_out}
    screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    assert _statuses(client, urls) == {**closed, **signed_out}
    viewer = UserFactory()
    CollaboratorFactory(film=film, user=viewer, viewer=True)
    client.force_login(viewer)
    assert _statuses(client, urls) == streams
    editor = UserFactory()
    CollaboratorFactory(film=film, user=editor, editor=True)
    client.force_login(editor)
    assert _statuses(client, urls) == dict.fromkeys(urls, 200)


def test_a_team_video_keeps_its_subtitles_from_screener_links(client, film, owner, tracks):
    video, english, _chinese = tracks
    video.visibility = "team"
    video.save()
    open_screener_link(client, film=film, owner=owner)
    urls = _urls(video, english)
    assert _statuses(client, urls) == {**dict.fromkeys(urls, 404), "page": 302}


def test_a_track_of_another_video_is_not_served_under_this_one(client, owner, tracks, clip):
    _video, english, _chinese = tracks
    other_film = FilmFactory(public=True)
    CollaboratorFactory(film=other_film, user=owner)
    client.force_login(owner)
    other = ready_video(client, film=other_film, path=clip, kind="trailer", visibility="film")
    client.logout()
    base = f"/media/videos/{other.public_id}/hls/subs/{english.public_id}"
    assert client.get(f"{base}.m3u8").status_code == 404
    assert client.get(f"{base}.vtt").status_code == 404
    master = client.get(f"/media/videos/{other.public_id}/hls/master.m3u8")
    assert "SUBTITLES" not in master.content.decode()


def test_managers_download_vtt_and_srt(client, film, owner, tracks):
    video, _english, chinese = tracks
    client.force_login(owner)
    srt = client.get(_urls(video, chinese)["download_srt"])
    assert srt["Content-Disposition"] == f'attachment; filename="{film.slug}-zh-Hans-subtitles.srt"'
    assert srt.content.decode() == (
        "1\n00:00:00,200 --> 00:00:01,000\n我们回家吧\n\n2\n00:00:01,000 --> 00:00:01,900\n"
        "这里是汉语字幕\n"
    )
    vtt = client.get(_urls(video, chinese)["download_vtt"])
    assert vtt.content.decode() == chinese.vtt
