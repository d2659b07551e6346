"""ffmpeg arguments for a burned copy: text and/or a subtitle track drawn into one HLS rung.

Pure functions, like ``media.ffmpeg``: no models, no storage. User text never enters the filter
graph: the watermark lines go to a text file that ``drawtext`` reads with ``expansion=none`` (so
``%{...}`` is not expanded), and the subtitles go to an SRT file; the graph names only those
files, in the job's scratch directory, whose paths are checked to hold no character the filter
syntax gives a meaning to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import ffmpeg

# A path the filter graph may name between single quotes without any escaping.
_SAFE_PATH = re.compile(r"^[\w/.\-]+$")
SUBTITLE_FONT_FAMILY = "Noto Sans CJK SC"


class UnsafePathError(ValueError):
    """A scratch path holds a character the filter syntax would read."""


@dataclass(frozen=True)
class BurnInputs:
    """What to draw: a watermark text file and/or an SRT file, and the font to draw with; and
    whether the source has sound to carry over."""

    font_file: Path
    text_file: Path | None = None
    subtitle_file: Path | None = None
    has_audio: bool = True


def quoted(path: Path) -> str:
    """``path`` as a quoted filter option value; refuse one that would need escaping."""
    text = str(path)
    if not _SAFE_PATH.match(text):
        raise UnsafePathError(text)
    return f"'{text}'"


def burn_filters(inputs: BurnInputs, *, height: int) -> str:
    """The ``-vf`` chain: subtitles (bottom centre), then the watermark (top left), then the
    scale to the rung's height. Sizes follow the picture height, so every rung looks alike."""
    steps = []
    if inputs.subtitle_file is not None:
        style = f"FontName={SUBTITLE_FONT_FAMILY},FontSize=22,Outline=2,MarginV=18"
        steps.append(
            f"subtitles=filename={quoted(inputs.subtitle_file)}:charenc=UTF-8"
            f":fontsdir={quoted(inputs.font_file.parent)}:force_style='{style}'"
        )
    if inputs.text_file is not None:
        steps.append(
            f"drawtext=fontfile={quoted(inputs.font_file)}:textfile={quoted(inputs.text_file)}"
            ":expansion=none:fontsize=h/22:fontcolor=white@0.7:borderw=2:bordercolor=black@0.7"
            ":line_spacing=6:x=w*0.04:y=h*0.05"
        )
    steps.append(f"scale=-2:{height}")
    return ",".join(steps)


def burned_hls_args(
    *,
    source: Path,
    container: str,
    out_dir: Path,
    rung: ffmpeg.Rung,
    inputs: BurnInputs,
    options: ffmpeg.EncodeOptions,
) -> list[str]:
    """One ffmpeg run that writes ``out_dir/index.m3u8`` and ``seg_00000.ts`` … (H.264/AAC)."""
    seconds = options.segment_seconds
    args = [ffmpeg.FFMPEG, "-hide_banner", "-nostdin", "-y", *ffmpeg.input_args(source, container)]
    args += ["-map", "0:v:0", "-vf", burn_filters(inputs, height=rung.height)]
    args += ["-c:v", "libx264", "-b:v", f"{rung.video_kbps}k"]
    args += [
        "-maxrate",
        f"{rung.video_kbps * 107 // 100}k",
        "-bufsize",
        f"{rung.video_kbps * 3 // 2}k",
    ]
    if inputs.has_audio:
        args += ["-map", "0:a:0", "-c:a", "aac", "-b:a", f"{rung.audio_kbps}k", "-ac", "2"]
        args += ["-ar", "48000"]
    args += ["-preset", options.preset, "-profile:v", "main", "-pix_fmt", "yuv420p"]
    args += ["-force_key_frames", f"expr:gte(t,n_forced*{seconds})", "-sc_threshold", "0"]
    args += ["-threads", str(options.threads), "-map_metadata", "-1"]
    args += ["-f", "hls", "-hls_time", str(seconds), "-hls_playlist_type", "vod"]
    args += ["-hls_flags", "independent_segments"]
    args += ["-hls_segment_filename", str(out_dir / "seg_%05d.ts")]
    args += ["-progress", "pipe:1", "-nostats", str(out_dir / "index.m3u8")]
    return args


def watermark_text(lines: list[str]) -> str:
    """The text file's content: one line per entry, control characters removed (a name with a
    newline or a tab must not add lines or break the layout)."""
    clean = ("".join(ch for ch in line if ch.isprintable()).strip() for line in lines)
    return "\n".join(line for line in clean if line)
