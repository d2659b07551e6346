"""TTML / DFXP subtitle files are read with pycaption into the same cues, checks and WebVTT
storage as SRT and WebVTT; a broken one is refused with a reason and changes nothing; a DTD's
entities are never expanded."""

from __future__ import annotations

import pytest

from filmfolio.media import services
from filmfolio.media import subtitles as subs
from filmfolio.media.models import SubtitleTrack
from filmfolio.media.ttml import looks_like_ttml

TTML = """<?xml version="1.0" encoding="utf-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="zh-Hans">
 <body><div>
  <p begin="00:00:01.000" end="00:00:02.500">你好，<span>世界</span><br/>第二行</p>
  <p begin="3s" end="4.5s">Tom &amp; Jerry</p>
 </div></body></tt>
"""


def test_ttml_reads_into_cues():
    reading = subs.read(TTML.encode("utf-8"))
    assert reading.format == "ttml"
    assert reading.cues == [
        subs.Cue(1000, 2500, "你好，世界\n第二行"),
        subs.Cue(3000, 4500, "Tom & Jerry"),
    ]
    assert subs.to_vtt(reading.cues) == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n你好，世界\n第二行\n\n"
        "00:00:03.000 --> 00:00:04.500\nTom &amp; Jerry\n"
    )


def test_ttml_in_utf16_and_dfxp_namespace():
    dfxp = TTML.replace("http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1")
    reading = subs.read(dfxp.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    assert (reading.format, reading.encoding, len(reading.cues)) == ("ttml", "utf-16", 2)


def test_entities_of_a_dtd_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    evil = TTML.replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY x SYSTEM "file://{secret}">]>',
    ).replace("Tom &amp; Jerry", "Tom &x; Jerry")
    assert looks_like_ttml(evil) is True
    assert subs.read(evil.encode()).cues[1] == subs.Cue(3000, 4500, "Tom &x Jerry")


def test_xml_that_is_not_ttml_is_refused_with_the_usual_reason():
    with pytest.raises(subs.SubtitleUnreadableError) as error:
        subs.read(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&z;</a>')
    assert error.value.message == (
        "This is not a subtitle file we can read (SubRip .srt or WebVTT .vtt)."
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><div></div></body></tt>',
            "The file holds no subtitles.",
        ),
        (
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
            '<p begin="zz" end="1s">x</p></div></body></tt>',
            "This TTML file cannot be read:",
        ),
    ],
)
def test_broken_ttml_is_refused(body, reason):
    with pytest.raises(subs.SubtitleUnreadableError) as error:
        subs.read(body.encode())
    assert error.value.message.startswith(reason)


@pytest.mark.django_db
def test_ttml_track_is_stored_as_webvtt(film, owner):
    from filmfolio.media.models import Video

    video = Video.objects.create(
        film=film, kind="screener", visibility="screener", state="ready",
        original_file="o.mp4", size_bytes=1, sha256="0" * 64, width=640, height=360,
    )  # fmt: skip
    track = services.subtitle_track_add(
        video=video,
        actor=owner,
        data=TTML.encode(),
        details=services.SubtitleDetails(language="zh-Hans"),
    )
    assert (track.original_format, track.cue_count) == ("ttml", 2)
    assert SubtitleTrack.objects.get(pk=track.pk).vtt.startswith("WEBVTT\n\n00:00:01.000")
