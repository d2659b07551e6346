"""The ffmpeg/ffprobe adapter: argument lists built by pure functions, run under limits.

Nothing here knows about models or storage. Every command reads the one local file it is given
(``-protocol_whitelist file``) and nothing else: the demuxer must be on ``ALLOWED_DEMUXERS``
(``-format_whitelist`` when probing, an explicit ``-f`` afterwards), so playlists, concat lists,
image sequences and other formats that open further files or addresses never start. Commands run
under the limits of ``media.processes``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from . import processes
from .processes import MediaToolError as MediaToolError
from .processes import kill_group as kill_group

FFMPEG = "ffmpeg"
FFPROBE = "ffprobe"

# Containers a video may arrive in, as ffmpeg names its demuxers. None of them opens another file
# or address by itself; the mov demuxer could (external data references), so that is switched off
# explicitly. Everything else -- HLS/DASH playlists, concat lists, image sequences, tee, subfile,
# data URIs, SDP, raw pipes -- is refused before its demuxer reads a byte past the probe.
ALLOWED_DEMUXERS = (
    "mov,mp4,m4a,3gp,3g2,mj2",
    "matroska,webm",
    "avi",
    "mpegts",
    "mxf",
    "ogg",
    "flv",
    "mpeg",
)
FORMAT_WHITELIST = ",".join(ALLOWED_DEMUXERS)
_NOT_ON_WHITELIST = "Format not on whitelist"


class FormatNotAllowedError(MediaToolError):
    """The file is not in one of the allowed containers (a playlist, a list, an image...)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(format_refusal(), detail=detail, retryable=False)


def format_refusal() -> str:
    """The one message for every refused container, whatever the file points at."""
    return _(
        "This file is not a video container we accept. Playlists (such as .m3u8), lists of "
        "files and image sequences are refused: upload the video file itself (MP4, MOV, MKV, "
        "WebM, AVI, MPEG-TS, MXF, Ogg, FLV or MPEG)."
    )


def demuxer_for(container: str) -> str:
    """The demuxer to name with ``-f`` for a probed ``format_name``; refuse any other."""
    for allowed in ALLOWED_DEMUXERS:
        if container == allowed:
            return allowed.split(",")[0]
    raise FormatNotAllowedError(detail=container)


def input_args(source: Path, container: str) -> list[str]:
    """Input options that open ``source`` with exactly its allowed demuxer and nothing more."""
    demuxer = demuxer_for(container)
    args = ["-protocol_whitelist", "file", "-format_whitelist", FORMAT_WHITELIST, "-f", demuxer]
    if demuxer == "mov":
        args += ["-enable_drefs", "0"]
    return [*args, "-i", f"file:{source}"]


@dataclass(frozen=True)
class ProbeResult:
    """What ffprobe found in a file."""

    container: str
    duration_seconds: float | None
    width: int
    height: int
    video_codec: str
    audio_codec: str
    frame_rate: float | None
    raw: dict

    @property
    def has_audio(self) -> bool:
        return bool(self.audio_codec)


@dataclass(frozen=True)
class Rung:
    """One output of the ladder: a name (directory), a target height and bitrates."""

    name: str
    height: int
    video_kbps: int
    audio_kbps: int


@dataclass(frozen=True)
class EncodeOptions:
    """How to encode: HLS segment length, x264 preset and threads (0 = automatic)."""

    segment_seconds: int = 4
    preset: str = "veryfast"
    threads: int = 0


def probe_args(source: Path) -> list[str]:
    """ffprobe arguments that describe ``source`` as JSON."""
    return [
        FFPROBE,
        "-v", "error",
        "-protocol_whitelist", "file",
        "-format_whitelist", FORMAT_WHITELIST,
        "-print_format", "json",
        "-show_format",
        "-show_streams",
        "-i", f"file:{source}",
    ]  # fmt: skip


def _rate(text: str | None) -> float | None:
    if not text or "/" not in text:
        return None
    num, _, den = text.partition("/")
    try:
        return round(int(num) / int(den), 3) if int(den) else None
    except ValueError:
        return None


def parse_probe(text: str) -> ProbeResult:
    """Read ffprobe's JSON; raise ``MediaToolError`` when there is no video stream."""
    try:
        data = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise MediaToolError(_("The file could not be read as a video.")) from exc
    video, audio = _video_and_audio(data.get("streams", []))
    fmt = data.get("format", {})
    container = fmt.get("format_name", "")
    demuxer_for(container)
    duration = fmt.get("duration") or video.get("duration")
    return ProbeResult(
        container=container,
        duration_seconds=round(float(duration), 3) if duration else None,
        width=int(video["width"]),
        height=int(video["height"]),
        video_codec=video.get("codec_name", ""),
        audio_codec=audio.get("codec_name", ""),
        frame_rate=_rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate")),
        raw=data,
    )


def _video_and_audio(streams: list[dict]) -> tuple[dict, dict]:
    """The first video stream with a size and the first audio stream ({} without one);
    raise ``MediaToolError`` when there is no video stream."""
    video = next((s for s in streams if s.get("codec_type") == "video" and s.get("width")), None)
    if video is None:
        raise MediaToolError(_("The file contains no video stream."))
    audio: dict = next((s for s in streams if s.get("codec_type") == "audio"), {})
    return video, audio


def ladder_for(source_height: int, rungs: Sequence[Rung]) -> list[Rung]:
    """The rungs not above the source height, highest first; at least the lowest rung, scaled
    down to the source height when the source is smaller than every rung."""
    ordered = sorted(rungs, key=lambda r: r.height, reverse=True)
    chosen = [r for r in ordered if r.height <= source_height]
    if not chosen and ordered:
        low = ordered[-1]
        even = max(2, source_height - source_height % 2)
        chosen = [Rung(low.name, even, low.video_kbps, low.audio_kbps)]
    return chosen


def hls_args(
    *,
    source: Path,
    container: str,
    out_dir: Path,
    rungs: Sequence[Rung],
    has_audio: bool,
    options: EncodeOptions,
) -> list[str]:
    """One ffmpeg run that writes every rung as H.264/AAC HLS plus ``master.m3u8``.

    Output layout: ``out_dir/<rung name>/index.m3u8`` and ``seg_00000.ts`` …
    """
    split = f"[0:v]split={len(rungs)}" + "".join(f"[s{i}]" for i in range(len(rungs)))
    scales = [f"[s{i}]scale=-2:{r.height}[v{i}]" for i, r in enumerate(rungs)]
    args = [FFMPEG, "-hide_banner", "-nostdin", "-y", *input_args(source, container)]
    args += ["-filter_complex", ";".join([split, *scales])]
    stream_map = []
    for i, rung in enumerate(rungs):
        args += ["-map", f"[v{i}]", f"-c:v:{i}", "libx264", f"-b:v:{i}", f"{rung.video_kbps}k"]
        args += [f"-maxrate:v:{i}", f"{rung.video_kbps * 107 // 100}k"]
        args += [f"-bufsize:v:{i}", f"{rung.video_kbps * 3 // 2}k"]
        entry = f"v:{i}"
        if has_audio:
            args += ["-map", "0:a:0", f"-c:a:{i}", "aac", f"-b:a:{i}", f"{rung.audio_kbps}k"]
            entry += f",a:{i}"
        stream_map.append(f"{entry},name:{rung.name}")
    segment_seconds = options.segment_seconds
    args += ["-preset", options.preset, "-profile:v", "main", "-pix_fmt", "yuv420p"]
    args += ["-force_key_frames", f"expr:gte(t,n_forced*{segment_seconds})", "-sc_threshold", "0"]
    if has_audio:
        args += ["-ac", "2", "-ar", "48000"]
    args += ["-threads", str(options.threads), "-f", "hls", "-hls_time", str(segment_seconds)]
    args += ["-hls_playlist_type", "vod", "-hls_flags", "independent_segments"]
    args += ["-hls_segment_filename", str(out_dir / "%v" / "seg_%05d.ts")]
    args += ["-master_pl_name", "master.m3u8", "-var_stream_map", " ".join(stream_map)]
    args += ["-progress", "pipe:1", "-nostats", str(out_dir / "%v" / "index.m3u8")]
    return args


def poster_args(
    *, source: Path, container: str, target: Path, at_seconds: float, height: int
) -> list[str]:
    """ffmpeg arguments that write one JPEG frame of ``source`` at ``at_seconds``."""
    return [
        FFMPEG, "-hide_banner", "-nostdin", "-y",
        "-ss", f"{at_seconds:.3f}",
        *input_args(source, container),
        "-frames:v", "1",
        "-vf", f"scale=-2:{height}",
        "-q:v", "3",
        str(target),
    ]  # fmt: skip


def download_args(*, source: Path, container: str, target: Path, muxer: str) -> list[str]:
    """ffmpeg arguments that copy the pictures and sound of ``source`` into ``target`` without
    any metadata: no global, stream or chapter tags (GPS position, camera make and model,
    editing software, dates), no data or subtitle streams (GPS tracks travel in those), and no
    encoder tag. The streams themselves are copied, not re-encoded."""
    return [
        FFMPEG, "-hide_banner", "-nostdin", "-y",
        *input_args(source, container),
        "-map", "0:v:0", "-map", "0:a?",
        "-c", "copy",
        "-map_metadata", "-1",
        "-map_metadata:s", "-1",
        "-map_chapters", "-1",
        "-fflags", "+bitexact",
        "-flags:v", "+bitexact",
        "-flags:a", "+bitexact",
        "-f", muxer,
        str(target),
    ]  # fmt: skip


def run(
    args: Sequence[str],
    *,
    timeout: float,
    memory_bytes: int,
    on_progress: Callable[[float], None] | None = None,
) -> str:
    """Run one ffmpeg or ffprobe command under limits (``processes.run``); a file whose format
    is not on the whitelist raises ``FormatNotAllowedError``."""
    try:
        return processes.run(
            args, timeout=timeout, memory_bytes=memory_bytes, on_progress=on_progress
        )
    except MediaToolError as error:
        if _NOT_ON_WHITELIST in error.detail:
            raise FormatNotAllowedError(detail=error.detail) from None
        raise


def implausible_reason(
    probe: ProbeResult,
    size_bytes: int,
    *,
    min_bytes_per_second: float,
    min_bytes_per_frame: float,
    max_duration_seconds: float,
    max_frame_rate: float,
) -> str | None:
    """Why the probed duration or frame count cannot be true of a file of ``size_bytes``, or
    None. A small file that claims hours of pictures would keep a worker busy for hours."""
    duration = probe.duration_seconds or 0.0
    rate = probe.frame_rate or 0.0
    if duration > max_duration_seconds or rate > max_frame_rate:
        return _(
            "The file claims a running time or frame rate beyond what this server transcodes "
            "(%(hours)d hours, %(fps)d frames per second at most)."
        ) % {"hours": max_duration_seconds // 3600, "fps": max_frame_rate}
    frames = duration * rate
    if size_bytes < duration * min_bytes_per_second or size_bytes < frames * min_bytes_per_frame:
        return _(
            "The file claims %(duration)s of pictures but holds only %(size)d bytes: it is "
            "damaged or made to look longer than it is."
        ) % {"duration": _clock(duration), "size": size_bytes}
    return None


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def time_limit_for(
    duration_seconds: float | None, *, base: float, per_second: float, ceiling: float
) -> float:
    """Seconds an ffmpeg run over a source of ``duration_seconds`` may take (the ceiling when
    the probe found no duration)."""
    if not duration_seconds:
        return ceiling
    return min(ceiling, base + per_second * duration_seconds)
