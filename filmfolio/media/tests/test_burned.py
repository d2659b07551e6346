"""Burned copies: a real ffmpeg render of a 2-second clip with the watermark (CJK text) and a
subtitle track drawn in; the pixels change where the text is and nowhere else; the job's
failure, its message and the retry."""

from __future__ import annotations

import pytest
from django.test import TestCase

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.media import burn, services
from filmfolio.media.choices import BurnState
from filmfolio.media.models import BurnedCopy
from filmfolio.media.services.burned import BurnOptions, burned_copy_request, burned_copy_retry

from .factories import UserFactory
from .flows import ready_video
from .frames_read import frame_gray, region_difference
from .subtitledata import english_vtt

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

WATERMARK_BOX = (0.04, 0.06, 0.30, 0.20)  # top left, where the watermark is drawn
SUBTITLE_BOX = (0.30, 0.86, 0.70, 0.97)  # bottom centre, where libass puts a cue
QUIET_BOX = (0.62, 0.05, 0.95, 0.25)  # top right: no text in any copy
LINES = ("张三 O'Brien: 100% {\\b1} [x], a;b", "電影節 Festival", "#42 · 2026-12-07")


@pytest.fixture
def video(client, film, owner, clip):
    client.force_login(owner)
    return ready_video(client, film=film, path=clip, kind="screener", visibility="screener")


def _make(video, owner, purpose="link:1", **options) -> BurnedCopy:
    with TestCase.captureOnCommitCallbacks(execute=True):
        copy = burned_copy_request(
            video=video, purpose_key=purpose, options=BurnOptions(**options), actor=owner
        )
    copy.refresh_from_db()
    return copy


def _clean_frame(video, tmp_path):
    encoding = video.encodings.get(height=360)
    return frame_gray(encoding.files, tmp_path)


def test_watermark_is_burned_into_the_picture_top_left_only(video, owner, tmp_path):
    copy = _make(video, owner, watermark_lines=LINES)
    assert (copy.state, copy.progress_percent, copy.failure_reason) == (BurnState.READY, 100, "")
    assert copy.height == 360 and copy.attempt_count == 1
    assert copy.playlist_file.endswith(f"/burned/{copy.public_id}/index.m3u8")
    assert copy.playlist_file in copy.files and len(copy.files) >= 2
    burned, width, height = frame_gray(copy.files, tmp_path)
    clean, clean_width, _h = _clean_frame(video, tmp_path)
    assert (width, height) == (clean_width, 360) == (640, 360)
    assert region_difference(burned, clean, width, WATERMARK_BOX) > 20
    assert region_difference(burned, clean, width, QUIET_BOX) < 3
    assert region_difference(burned, clean, width, SUBTITLE_BOX) < 3


def test_subtitle_track_is_burned_in_bottom_centre(video, owner, tmp_path):
    track = services.subtitle_track_add(
        video=video,
        actor=owner,
        data=english_vtt(),
        details=services.SubtitleDetails(language="en"),
    )
    copy = _make(video, owner, purpose="subs:en", subtitle_track=track)
    assert copy.state == BurnState.READY
    burned, width, _h = frame_gray(copy.files, tmp_path)
    clean, _w, _h2 = _clean_frame(video, tmp_path)
    assert region_difference(burned, clean, width, SUBTITLE_BOX) > 8
    assert region_difference(burned, clean, width, WATERMARK_BOX) < 3


def test_missing_font_fails_with_a_clear_reason_and_retry_makes_it(
    video, owner, settings, tmp_path
):
    settings.FILMFOLIO_MEDIA = {"HEARTBEAT_SECONDS": 0.2, "BURN_FONT_FILE": "/nowhere/font.ttc"}
    copy = _make(video, owner, watermark_lines=("Ana",))
    assert copy.state == BurnState.FAILED
    assert copy.failure_reason == (
        "The font for burned text is not installed on the server (font.ttc)."
    )
    assert copy.files == [] and copy.playlist_file == "" and copy.attempt_count == 1
    settings.FILMFOLIO_MEDIA = {"HEARTBEAT_SECONDS": 0.2}
    with TestCase.captureOnCommitCallbacks(execute=True):
        burned_copy_retry(copy=copy, actor=owner)
    copy.refresh_from_db()
    assert (copy.state, copy.failure_reason, copy.progress_percent) == (BurnState.READY, "", 100)
    with pytest.raises(ValidationFailedError):
        burned_copy_retry(copy=copy, actor=owner)


def test_same_request_keeps_the_copy_other_options_make_it_again(video, owner):
    first = _make(video, owner, watermark_lines=("Ana", "Org"))
    again = _make(video, owner, watermark_lines=("Ana", "Org"))
    assert again.pk == first.pk and again.attempt_count == 1
    changed = _make(video, owner, watermark_lines=("Ana", "Other org"))
    assert changed.pk != first.pk and changed.state == BurnState.READY
    assert list(BurnedCopy.objects.values_list("pk", flat=True)) == [changed.pk]


def test_refusals_change_nothing(video, owner):
    stranger = UserFactory()
    with pytest.raises(PermissionDeniedError):
        burned_copy_request(
            video=video, purpose_key="link:9", options=BurnOptions(("x",)), actor=stranger
        )
    with pytest.raises(ValidationFailedError) as error:
        burned_copy_request(
            video=video, purpose_key="link:9", options=BurnOptions(("\n", "\t")), actor=owner
        )
    assert error.value.message == "A burned copy needs a watermark or a subtitle track."
    assert BurnedCopy.objects.count() == 0


def test_user_text_never_enters_the_filter_graph(tmp_path):
    inputs = burn.BurnInputs(font_file=tmp_path / "font.ttc", text_file=tmp_path / "watermark.txt")
    chain = burn.burn_filters(inputs, height=720)
    assert chain == (
        f"drawtext=fontfile='{tmp_path}/font.ttc':textfile='{tmp_path}/watermark.txt'"
        ":expansion=none:fontsize=h/22:fontcolor=white@0.7:borderw=2:bordercolor=black@0.7"
        ":line_spacing=6:x=w*0.04:y=h*0.05,scale=-2:720"
    )
    with pytest.raises(burn.UnsafePathError):
        burn.quoted(tmp_path / "it's")
    assert burn.watermark_text(["Ana\nEvil", " %{pts} ", "", "李\t雷"]) == "AnaEvil\n%{pts}\n李雷"
