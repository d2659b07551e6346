"""Subtitle tracks in HLS: the master playlist with its WebVTT renditions, and the media playlist
of one track (the whole track as one WebVTT segment).

Pure text functions; the serving view passes the stored master playlist and the tracks the viewer
may see (the video's own, under the video's access rules).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

GROUP = "subs"
# ffmpeg's MPEG-TS segments start at 1.4 s (its default mux delay and preload), in 90 kHz ticks.
MPEGTS_START = 126000
_CAPTION_CHARACTERISTICS = (
    "public.accessibility.transcribes-spoken-dialog,public.accessibility.describes-music-and-sound"
)


def _quoted(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def media_line(track: Any, *, uri: str, default: bool) -> str:
    """The ``#EXT-X-MEDIA`` line of one track."""
    forced = track.kind == "forced"
    attributes = [
        "TYPE=SUBTITLES",
        f'GROUP-ID="{GROUP}"',
        f'NAME="{_quoted(track.label)}"',
        f'LANGUAGE="{track.language}"',
        f"DEFAULT={'YES' if default else 'NO'}",
        "AUTOSELECT=YES",
        f"FORCED={'YES' if forced else 'NO'}",
    ]
    if track.kind == "captions":
        attributes.append(f'CHARACTERISTICS="{_CAPTION_CHARACTERISTICS}"')
    attributes.append(f'URI="{uri}"')
    return "#EXT-X-MEDIA:" + ",".join(attributes)


def master_with_subtitles(master: str, tracks: Sequence[Any]) -> str:
    """The stored master playlist with one rendition per track and ``SUBTITLES="subs"`` on each
    variant; unchanged when there are no tracks. The first track that is not forced is the
    default."""
    if not tracks:
        return master
    first = next((t for t in tracks if t.kind != "forced"), None)
    media = [media_line(t, uri=f"subs/{t.public_id}.m3u8", default=t is first) for t in tracks]
    out: list[str] = []
    inserted = False
    for line in master.splitlines():
        if line.startswith("#EXT-X-STREAM-INF:") and 'SUBTITLES="' not in line:
            line = f'{line},SUBTITLES="{GROUP}"'
        if line.startswith("#EXT-X-STREAM-INF:") and not inserted:
            out += media
            inserted = True
        out.append(line)
    return "\n".join(out) + "\n"


def subtitle_playlist(track: Any, *, duration_seconds: float | None) -> str:
    """The media playlist of one track: its whole WebVTT as a single segment."""
    seconds = max(duration_seconds or 0.0, _last_end_seconds(track.vtt), 1.0)
    return "\n".join(
        [
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            f"#EXT-X-TARGETDURATION:{math.ceil(seconds)}",
            "#EXT-X-MEDIA-SEQUENCE:0",
            "#EXT-X-PLAYLIST-TYPE:VOD",
            f"#EXTINF:{seconds:.3f},",
            f"{track.public_id}.vtt",
            "#EXT-X-ENDLIST",
            "",
        ]
    )


def segment_vtt(vtt: str) -> str:
    """The stored WebVTT with the timestamp map that lines it up with ffmpeg's segments."""
    header, _, body = vtt.partition("\n")
    stamp = f"X-TIMESTAMP-MAP=MPEGTS:{MPEGTS_START},LOCAL:00:00:00.000"
    return f"{header}\n{stamp}\n{body}"


def _last_end_seconds(vtt: str) -> float:
    ends = [line.split(" --> ")[1].split()[0] for line in vtt.splitlines() if " --> " in line]
    if not ends:
        return 0.0
    hours, minutes, seconds = ends[-1].split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)
