"""What the film page says of its subtitles: the film's declared subtitle languages beside the
languages that exist as subtitle tracks of the videos every viewer of the film may watch
("English subtitles ✓"; "Chinese: declared, no track yet")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from filmfolio.core import vocab
from filmfolio.films.page_facts import language_label

from .models import SubtitleTrack


@dataclass(frozen=True)
class LanguageRow:
    """One subtitle language: its name, whether the film declares it, whether a track exists."""

    name: str
    declared: bool
    has_track: bool


def _base(tag: str) -> str:
    return tag.split("-")[0].lower()


def subtitle_rows(declared: Iterable[Any], tracks: Iterable[SubtitleTrack]) -> list[LanguageRow]:
    """The declared languages in their order, each with or without a track (a track of any
    script or region of the language counts), then the tracks' languages not declared."""
    tracks = list(tracks)
    rows, seen = [], set()
    for lang in declared:
        base = _base(lang.language or "")
        has = any(_base(t.language) == base for t in tracks) if base else False
        rows.append(LanguageRow(language_label(lang), True, has))
        seen.add(base)
    for track in tracks:
        if track.language in seen or _base(track.language) in seen:
            continue
        seen.add(track.language)
        rows.append(LanguageRow(vocab.language_name(track.language), False, True))
    return rows


def subtitle_tracks_of(videos: list[Any]) -> list[SubtitleTrack]:
    """The tracks of ``videos`` (one query; none without videos)."""
    if not videos:
        return []
    return list(SubtitleTrack.objects.filter(video__in=videos).order_by("position", "id"))
