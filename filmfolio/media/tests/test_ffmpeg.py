"""The ffmpeg adapter: pure argument builders, probe parsing, limits and timeouts."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from filmfolio.media import ffmpeg
from filmfolio.media.ffmpeg import Rung

LADDER = [
    Rung("1080p", 1080, 5000, 128),
    Rung("720p", 720, 2800, 128),
    Rung("480p", 480, 1400, 96),
    Rung("360p", 360, 800, 96),
]


def test_probe_args_read_local_files_only():
    assert ffmpeg.probe_args(Path("/x/in.mp4")) == [
        "ffprobe",
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mxf,ogg,flv,mpeg",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        "-i",
        "file:/x/in.mp4",
    ]


def test_poster_args():
    assert ffmpeg.poster_args(
        source=Path("/s.mp4"),
        container="mov,mp4,m4a,3gp,3g2,mj2",
        target=Path("/o/poster.jpg"),
        at_seconds=1.5,
        height=360,
    ) == [
        "ffmpeg",
        "-hide_banner",
        "-nostdin",
        "-y",
        "-ss",
        "1.500",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        ffmpeg.FORMAT_WHITELIST,
        "-f",
        "mov",
        "-enable_drefs",
        "0",
        "-i",
        "file:/s.mp4",
        "-frames:v",
        "1",
        "-vf",
        "scale=-2:360",
        "-q:v",
        "3",
        "/o/poster.jpg",
    ]


def test_ladder_never_goes_above_the_source():
    assert [r.name for r in ffmpeg.ladder_for(720, LADDER)] == ["720p", "480p", "360p"]
    assert [r.name for r in ffmpeg.ladder_for(2160, LADDER)] == ["1080p", "720p", "480p", "360p"]
    assert ffmpeg.ladder_for(241, LADDER) == [Rung("360p", 240, 800, 96)]


def test_hls_args_map_each_rung_with_audio():
    args = ffmpeg.hls_args(
        source=Path("/s.mp4"),
        container="mov,mp4,m4a,3gp,3g2,mj2",
        out_dir=Path("/o"),
        rungs=LADDER[1:3],
        has_audio=True,
        options=ffmpeg.EncodeOptions(segment_seconds=4),
    )
    assert args[:16] == [
        "ffmpeg",
        "-hide_banner",
        "-nostdin",
        "-y",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        ffmpeg.FORMAT_WHITELIST,
        "-f",
        "mov",
        "-enable_drefs",
        "0",
        "-i",
        "file:/s.mp4",
        "-filter_complex",
        "[0:v]split=2[s0][s1];[s0]scale=-2:720[v0];[s1]scale=-2:480[v1]",
    ]
    assert args[args.index("-filter_complex") + 1] == (
        "[0:v]split=2[s0][s1];[s0]scale=-2:720[v0];[s1]scale=-2:480[v1]"
    )
    assert args[args.index("-var_stream_map") + 1] == "v:0,a:0,name:720p v:1,a:1,name:480p"
    assert args[args.index("-b:v:1") + 1] == "1400k"
    assert args[args.index("-hls_segment_filename") + 1] == "/o/%v/seg_%05d.ts"
    assert args[-1] == "/o/%v/index.m3u8"
    assert not any(a.startswith(("http", "tcp", "rtmp")) for a in args)


def test_hls_args_without_audio_map_video_only():
    args = ffmpeg.hls_args(
        source=Path("/s.mkv"),
        container="matroska,webm",
        out_dir=Path("/o"),
        rungs=LADDER[3:],
        has_audio=False,
        options=ffmpeg.EncodeOptions(segment_seconds=4),
    )
    assert args[args.index("-var_stream_map") + 1] == "v:0,name:360p"
    assert "0:a:0" not in args
    assert args[4:12] == [
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        ffmpeg.FORMAT_WHITELIST,
        "-f",
        "matroska",
        "-i",
        "file:/s.mkv",
    ]


def test_parse_probe_reads_streams():
    data = {
        "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "12.5"},
        "streams": [
            {
                "codec_type": "video",
                "codec_name": "h264",
                "width": 1920,
                "height": 1080,
                "avg_frame_rate": "24000/1001",
            },
            {"codec_type": "audio", "codec_name": "aac"},
        ],
    }
    result = ffmpeg.parse_probe(json.dumps(data))
    assert (result.container, result.duration_seconds, result.width, result.height) == (
        "mov,mp4,m4a,3gp,3g2,mj2",
        12.5,
        1920,
        1080,
    )
    assert (result.video_codec, result.audio_codec, result.frame_rate) == ("h264", "aac", 23.976)


def test_parse_probe_refuses_files_without_video():
    with pytest.raises(ffmpeg.MediaToolError, match="no video stream"):
        ffmpeg.parse_probe(
            json.dumps({"streams": [{"codec_type": "audio"}], "format": {"format_name": "ogg"}})
        )


def test_probe_of_a_real_clip(clip):
    out = ffmpeg.run(ffmpeg.probe_args(clip), timeout=30, memory_bytes=2 * 1024**3)
    result = ffmpeg.parse_probe(out)
    assert (result.width, result.height, result.video_codec, result.audio_codec) == (
        640,
        360,
        "h264",
        "aac",
    )
    assert result.duration_seconds == pytest.approx(2.0, abs=0.1)


def test_probe_refuses_network_inputs(tmp_path):
    with pytest.raises(ffmpeg.MediaToolError):
        ffmpeg.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-protocol_whitelist",
                "file",
                "-i",
                "http://127.0.0.1:9/x.mp4",
            ],
            timeout=10,
            memory_bytes=2 * 1024**3,
        )


def test_run_stops_a_command_past_its_time_limit():
    with pytest.raises(ffmpeg.MediaToolError, match="time limit"):
        ffmpeg.run(["sleep", "5"], timeout=0.3, memory_bytes=2 * 1024**3)


def test_run_applies_the_memory_limit():
    with pytest.raises(ffmpeg.MediaToolError):
        ffmpeg.run(
            ["python3", "-c", "b = bytearray(400 * 1024 * 1024)"],
            timeout=20,
            memory_bytes=200 * 1024**2,
        )


def test_progress_ticks_while_the_child_is_silent():
    # A lease is renewed (or a deletion noticed) even when ffmpeg prints nothing for a while.
    seen: list[float] = []
    ffmpeg.run(["sleep", "1.2"], timeout=20, memory_bytes=2 * 1024**3, on_progress=seen.append)
    assert len(seen) >= 4
    assert set(seen) == {0.0}


def test_stopping_a_run_kills_its_whole_process_group(tmp_path):
    marker = tmp_path / "child.pid"

    class Stop(Exception):
        """Raised from the progress callback to stop the run."""

    def stop_soon(_seconds: float) -> None:
        if marker.exists() and marker.read_text().strip():
            raise Stop

    script = f"sleep 60 & echo $! > {marker}; wait"
    with pytest.raises(Stop):
        ffmpeg.run(
            ["sh", "-c", script], timeout=30, memory_bytes=2 * 1024**3, on_progress=stop_soon
        )
    child = int(marker.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state
