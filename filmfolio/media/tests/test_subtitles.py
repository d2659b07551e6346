"""Subtitle files: decoding legacy encodings, reading SRT and WebVTT, the per-cue checks, the
Chinese script conversion, and the services (audit, declared language, refusals that change
nothing)."""

from __future__ import annotations

import codecs

import pytest

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.media import services
from filmfolio.media import subtitles as subs
from filmfolio.media.models import SubtitleTrack, Video

from .factories import CollaboratorFactory, UserFactory
from .subtitledata import CHINESE_SRT, ENGLISH_VTT, chinese_srt_gb18030, english_vtt

SRT_LINE = "1\n00:00:01,000 --> 00:00:04,000\n{}\n"


CAFE = "Café, déjà vu — naïve façade"
BIG5 = "我們回家吧，這裡是繁體字幕"


@pytest.mark.parametrize(
    ("data", "encoding", "first"),
    [
        (CHINESE_SRT.encode("gb18030"), "gb18030", "我们回家吧"),
        (SRT_LINE.format(BIG5).encode("big5"), "big5", BIG5),
        (codecs.BOM_UTF16_LE + CHINESE_SRT.encode("utf-16-le"), "utf-16", "我们回家吧"),
        (CHINESE_SRT.encode("utf-16-le"), "utf-16", "我们回家吧"),
        (CHINESE_SRT.encode("utf-16-be"), "utf-16", "我们回家吧"),
        (codecs.BOM_UTF8 + CHINESE_SRT.encode(), "utf-8", "我们回家吧"),
        (SRT_LINE.format(CAFE).encode("cp1252"), "cp1252", CAFE),
    ],
)
def test_legacy_encodings_are_found(data, encoding, first) -> None:
    reading = subs.read(data)
    assert (reading.encoding, reading.cues[0].text) == (encoding, first)


def test_the_chosen_encoding_is_used_even_when_another_was_guessed() -> None:
    data = CHINESE_SRT.encode("gb18030")
    assert subs.read(data, encoding="gb18030").cues[0].text == "我们回家吧"
    with pytest.raises(subs.SubtitleUnreadableError, match="cannot be read as utf-8"):
        subs.read(data, encoding="utf-8")


def test_webvtt_and_srt_are_read_and_written() -> None:
    reading = subs.read(english_vtt())
    assert (reading.format, reading.cues) == (
        "vtt",
        [
            subs.Cue(200, 1000, "Let's go home."),
            subs.Cue(1000, 1900, "These are English subtitles."),
        ],
    )
    assert subs.to_vtt(reading.cues) == (
        "WEBVTT\n\n00:00:00.200 --> 00:00:01.000\nLet's go home.\n\n"
        "00:00:01.000 --> 00:00:01.900\nThese are English subtitles.\n"
    )
    assert subs.to_srt(reading.cues) == (
        "1\n00:00:00,200 --> 00:00:01,000\nLet's go home.\n\n"
        "2\n00:00:01,000 --> 00:00:01,900\nThese are English subtitles.\n"
    )
    assert subs.to_vtt([subs.Cue(0, 500, "a < b & c")]).endswith("a &lt; b &amp; c\n")


def test_every_check_names_its_cue() -> None:
    cues = [
        subs.Cue(1000, 1000, "Zero length"),
        subs.Cue(2000, 6000, "x" * 43),
        subs.Cue(5000, 9000, "one\ntwo\nthree"),
        subs.Cue(10000, 11000, "This line is read far too fast"),
        subs.Cue(12000, 13000, "这一行中文字幕读得太快了"),
        subs.Cue(14000, 16000, "这一行刚好"),
    ]
    issues = subs.check(cues, subs.Limits())
    assert [(i.number, i.code) for i in issues] == [
        (1, "timing"),
        (2, "length"),
        (3, "lines"),
        (3, "overlap"),
        (4, "speed"),
        (5, "speed"),
    ]
    assert issues[1].message == "A line of 43 characters; at most 42."
    assert issues[4].message == "24.0 characters per second; at most 17."
    assert issues[5].message == "12.0 characters per second; at most 9."


def test_reading_speed_limits_come_from_settings(settings) -> None:
    settings.FILMFOLIO_MEDIA = {"SUBTITLE_CPS_CJK": 13}
    data = SRT_LINE.format("这一行中文字幕读得太快了").replace("00:00:04", "00:00:02").encode()
    assert services.subtitle_read(data=data).issues == []
    settings.FILMFOLIO_MEDIA = {}
    assert [i.code for i in services.subtitle_read(data=data).issues] == ["speed"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The subtitle file is empty."),
        (b"just some words\nand more", "This is not a subtitle file we can read"),
        (b"WEBVTT\n\n", "The file holds no subtitles."),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "text encoding could not be recognised"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(data, message) -> None:
    with pytest.raises(ValidationFailedError, match=message):
        services.subtitle_read(data=data)


def test_chinese_scripts_convert_both_ways() -> None:
    cues = [subs.Cue(0, 1000, "这里是汉语字幕")]
    assert subs.convert_chinese(cues, to="zh-Hant") == [subs.Cue(0, 1000, "這裏是漢語字幕")]
    assert subs.convert_chinese([subs.Cue(0, 1, "漢語")], to="zh-Hans") == [subs.Cue(0, 1, "汉语")]
    assert [subs.chinese_counterpart(t) for t in ("zh", "zh-Hans", "zh-TW", "en")] == [
        "zh-Hant",
        "zh-Hant",
        "zh-Hans",
        None,
    ]


@pytest.fixture
def video(film, owner):
    return Video.objects.create(
        film=film, kind="screener", size_bytes=1, sha256="0" * 64, uploaded_by=owner
    )


@pytest.mark.django_db
def test_adding_a_track_stores_utf8_webvtt_audits_and_declares(film, owner, video) -> None:
    from filmfolio.core.models import ChangeRecord

    track = services.subtitle_track_add(
        video=video,
        actor=owner,
        data=chinese_srt_gb18030(),
        details=services.SubtitleDetails(
            language="zh-hans", filename="film.zh.srt", declare_language=True
        ),
    )
    track.refresh_from_db()
    assert (track.language, track.kind, track.label, track.cue_count) == (
        "zh-Hans",
        "subtitles",
        "Chinese (Simplified)",
        2,
    )
    assert (track.original_name, track.original_format, track.original_encoding) == (
        "film.zh.srt",
        "srt",
        "gb18030",
    )
    assert track.vtt == (
        "WEBVTT\n\n00:00:00.200 --> 00:00:01.000\n我们回家吧\n\n"
        "00:00:01.000 --> 00:00:01.900\n这里是汉语字幕\n"
    )
    assert list(film.languages.values_list("language", "role")) == [("zh-Hans", "subtitle")]
    record = ChangeRecord.objects.filter(
        content_type__model="video", object_id=video.pk, action="add"
    ).get()
    assert record.changes == {"subtitles": {"old": None, "new": "zh-Hans (subtitles)"}}

    traditional = services.subtitle_track_convert(track=track, actor=owner)
    assert (traditional.language, traditional.label, traditional.derived_from) == (
        "zh-Hant",
        "Chinese (Traditional)",
        track,
    )
    assert "這裏是漢語字幕" in traditional.vtt
    with pytest.raises(ValidationFailedError, match="already has a track"):
        services.subtitle_track_convert(track=track, actor=owner)
    assert video.subtitle_tracks.count() == 2


@pytest.mark.django_db
def test_refusals_change_nothing(film, owner, video) -> None:
    details = services.SubtitleDetails(language="en")
    with pytest.raises(ValidationFailedError, match="BCP 47"):
        services.subtitle_track_add(
            video=video,
            actor=owner,
            data=english_vtt(),
            details=services.SubtitleDetails(language="english!"),
        )
    with pytest.raises(ValidationFailedError, match="not a subtitle file"):
        services.subtitle_track_add(video=video, actor=owner, data=b"hello", details=details)
    stranger = UserFactory()
    with pytest.raises(PermissionDeniedError):
        services.subtitle_track_add(
            video=video, actor=stranger, data=english_vtt(), details=details
        )
    viewer = UserFactory()
    CollaboratorFactory(film=film, user=viewer, viewer=True)
    with pytest.raises(PermissionDeniedError):
        services.subtitle_track_add(video=video, actor=viewer, data=english_vtt(), details=details)
    assert SubtitleTrack.objects.count() == 0
    english = services.subtitle_track_add(
        video=video, actor=owner, data=english_vtt(), details=details
    )
    with pytest.raises(ValidationFailedError, match="Only Chinese"):
        services.subtitle_track_convert(track=english, actor=owner)
    with pytest.raises(PermissionDeniedError):
        services.subtitle_track_delete(track=english, actor=viewer)
    assert SubtitleTrack.objects.count() == 1
    services.subtitle_track_delete(track=english, actor=owner)
    assert SubtitleTrack.objects.count() == 0
    assert ENGLISH_VTT.startswith("WEBVTT")


@pytest.mark.django_db
def test_the_page_previews_then_saves_and_refuses_unreadable_files(client, owner, video):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(owner)
    url = f"/media/manage/videos/{video.public_id}/subtitles/"
    upload = SimpleUploadedFile("zh.srt", chinese_srt_gb18030())
    form = {"language": "zh-Hans", "kind": "subtitles", "encoding": ""}
    preview = client.post(url, {**form, "file": upload})
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "Read as gb18030 (srt): 2 cues." in body and "这里是汉语字幕" in body
    assert SubtitleTrack.objects.count() == 0
    content = preview.context["form"].initial["content"]
    saved = client.post(
        url,
        {
            **form,
            "content": content,
            "filename": "zh.srt",
            "confirm": "1",
            "declare_language": "on",
        },
    )
    assert saved.status_code == 302
    assert SubtitleTrack.objects.get().original_name == "zh.srt"
    page = client.get(url)
    assert [(row.language, has) for row, has in page.context["declared"]] == [("zh-Hans", True)]
    assert "this video has a track" in page.content.decode()
    refused = client.post(
        url, {**form, "language": "en", "file": SimpleUploadedFile("x.srt", b"not subtitles")}
    )
    assert refused.status_code == 400
    assert "This is not a subtitle file we can read" in refused.content.decode()
    assert SubtitleTrack.objects.count() == 1
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    assert client.post(url, {**form, "content": content, "confirm": "1"}).status_code == 404
    assert SubtitleTrack.objects.count() == 1
