"""The ffmpeg/ffprobe adapter: argument lists built by pure functions, run under limits.

Nothing here knows about models or storage. Every command reads local files only
(``-protocol_whitelist file``), never the network, with a timeout and resource limits set in the
child before it starts (address space, core dumps, and death together with the parent so a killed
worker leaves no ffmpeg behind).
"""

from __future__ import annotations

import ctypes
import json
import resource
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

FFMPEG = "ffmpeg"
FFPROBE = "ffprobe"
_PR_SET_PDEATHSIG = 1


class MediaToolError(Exception):
    """ffmpeg or ffprobe failed; ``reason`` is a short readable explanation."""

    def __init__(self, reason: str, *, detail: str = "", retryable: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.retryable = retryable


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
    streams = data.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video" and s.get("width")), None)
    if video is None:
        raise MediaToolError(_("The file contains no video stream."))
    audio: dict = next((s for s in streams if s.get("codec_type") == "audio"), {})
    fmt = data.get("format", {})
    duration = fmt.get("duration") or video.get("duration")
    return ProbeResult(
        container=fmt.get("format_name", ""),
        duration_seconds=round(float(duration), 3) if duration else None,
        width=int(video["width"]),
        height=int(video["height"]),
        video_codec=video.get("codec_name", ""),
        audio_codec=audio.get("codec_name", ""),
        frame_rate=_rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate")),
        raw=data,
    )


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
    args = [FFMPEG, "-hide_banner", "-nostdin", "-y", "-protocol_whitelist", "file"]
    args += ["-i", f"file:{source}", "-filter_complex", ";".join([split, *scales])]
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


def poster_args(*, source: Path, target: Path, at_seconds: float, height: int) -> list[str]:
    """ffmpeg arguments that write one JPEG frame of ``source`` at ``at_seconds``."""
    return [
        FFMPEG, "-hide_banner", "-nostdin", "-y",
        "-protocol_whitelist", "file",
        "-ss", f"{at_seconds:.3f}",
        "-i", f"file:{source}",
        "-frames:v", "1",
        "-vf", f"scale=-2:{height}",
        "-q:v", "3",
        str(target),
    ]  # fmt: skip


def _limit_child(memory_bytes: int) -> Callable[[], None]:
    """A ``preexec_fn`` that applies resource limits in the child before exec."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    return apply


def _tail(path: Path, limit: int = 2000) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return text[-limit:].strip()


def run(
    args: Sequence[str],
    *,
    timeout: float,
    memory_bytes: int,
    on_progress: Callable[[float], None] | None = None,
) -> str:
    """Run one command; return its standard output. ``on_progress`` gets the output time in
    seconds from ``-progress pipe:1`` lines. Raise ``MediaToolError`` on failure or timeout."""
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="filmfolio-ffmpeg-") as tmp:
        err_path = Path(tmp) / "stderr.txt"
        with err_path.open("wb") as err:
            proc = subprocess.Popen(
                list(args),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=err,
                preexec_fn=_limit_child(memory_bytes),
                close_fds=True,
            )
            with proc:
                try:
                    output = _pump(proc, deadline, on_progress)
                except BaseException:  # a failed heartbeat or an interrupt: never leave it running
                    proc.kill()
                    proc.wait()
                    raise
        if proc.returncode != 0:
            detail = _tail(err_path)
            last = detail.splitlines()[-1] if detail else ""
            reason = _("%(tool)s failed: %(error)s") % {"tool": Path(args[0]).name, "error": last}
            raise MediaToolError(reason, detail=detail)
    return output


def _pump(
    proc: subprocess.Popen, deadline: float, on_progress: Callable[[float], None] | None
) -> str:
    """Read the child's output line by line until it exits, enforcing the deadline."""
    assert proc.stdout is not None
    lines: list[str] = []
    timer = _Killer(proc, deadline)
    try:
        for raw in proc.stdout:
            line = raw.decode(errors="replace")
            lines.append(line)
            if on_progress and line.startswith("out_time_us="):
                value = line.partition("=")[2].strip()
                if value.isdigit():
                    on_progress(int(value) / 1_000_000)
        proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    finally:
        timer.cancel()
    if timer.fired:
        raise MediaToolError(_("The job took longer than its time limit and was stopped."))
    return "".join(lines)


class _Killer:
    """Kills the child at the deadline even while the reader is blocked on its output."""

    def __init__(self, proc: subprocess.Popen, deadline: float) -> None:
        import threading

        self.fired = False
        self._proc = proc
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._kill)
        self._timer.daemon = True
        self._timer.start()

    def _kill(self) -> None:
        if self._proc.poll() is None:
            self.fired = True
            self._proc.kill()

    def cancel(self) -> None:
        self._timer.cancel()
