"""The film page names its subtitle languages beside the tracks of the videos every viewer may
watch, in English and Chinese; a screener's tracks are not shown to the public."""

from __future__ import annotations

import pytest
from django.utils import translation

from filmfolio.films.choices import LanguageRole
from filmfolio.films.services import language_add
from filmfolio.media import services
from filmfolio.media.tracks import LanguageRow, subtitle_rows

from .flows import ready_video
from .subtitledata import english_vtt

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _public(film, owner):
    film.visibility = "public"
    film.save(update_fields=["visibility"])
    language_add(film=film, actor=owner, language="en", role=LanguageRole.SUBTITLE)
    language_add(film=film, actor=owner, language="fr", role=LanguageRole.SUBTITLE)


def test_declared_languages_beside_the_public_trailers_tracks(client, film, owner, clip):
    _public(film, owner)
    client.force_login(owner)
    trailer = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    screener = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    for video, language in ((trailer, "en"), (screener, "de")):
        services.subtitle_track_add(
            video=video,
            actor=owner,
            data=english_vtt(),
            details=services.SubtitleDetails(language=language),
        )
    client.logout()
    page = client.get(film.get_absolute_url()).content.decode()
    assert (
        'English subtitles <span aria-hidden="true">✓</span>'
        '<span class="visually-hidden">(available as a track)</span>'
    ) in page
    assert "French: declared, no track yet" in page
    assert "German" not in page  # the screener's track: not every viewer may watch it
    page_zh = client.get(film.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans")
    page_zh = page_zh.content.decode()
    assert "英语字幕" in page_zh and "法语：已声明，尚无字幕轨" in page_zh


def test_rows_match_any_script_of_a_declared_language():
    class Lang:
        def __init__(self, language, label=""):
            self.language, self.label = language, label

    class Track:
        def __init__(self, language):
            self.language = language

    with translation.override("en"):
        rows = subtitle_rows([Lang("zh"), Lang("en")], [Track("zh-Hant"), Track("ja")])
    assert rows == [
        LanguageRow("Chinese", True, True),
        LanguageRow("English", True, False),
        LanguageRow("Japanese", False, True),
    ]
