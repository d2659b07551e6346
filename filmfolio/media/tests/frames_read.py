"""Read one frame of an HLS rendition back as grey pixels, and compare regions of two frames."""

from __future__ import annotations

import subprocess
from pathlib import Path

from filmfolio.media import storage


def frame_gray(
    segment_names: list[str], scratch: Path, *, at: float = 1.0
) -> tuple[bytes, int, int]:
    """The grey pixels of the frame at ``at`` seconds of the stored segments (joined in order:
    MPEG-TS segments concatenate), with the width and height."""
    joined = scratch / "joined.ts"
    with joined.open("wb") as out:
        for name in sorted(n for n in segment_names if n.endswith(".ts")):
            path = storage.local_path(name)
            assert path is not None, name
            out.write(path.read_bytes())
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
         "stream=width,height", "-of", "csv=p=0", str(joined)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    width, height = (int(v) for v in probe.stdout.split()[0].split(","))
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(joined), "-ss", f"{at}", "-frames:v", "1",
         "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    joined.unlink()
    assert len(raw) == width * height
    return raw, width, height


def region_difference(a: bytes, b: bytes, width: int, box: tuple[float, float, float, float]):
    """Mean absolute difference of two grey frames inside ``box`` (x0, y0, x1, y1 as fractions
    of the width and height)."""
    height = len(a) // width
    x0, y0, x1, y1 = (int(f * n) for f, n in zip(box, (width, height, width, height), strict=True))
    total = count = 0
    for y in range(y0, y1):
        row = y * width
        for x in range(x0, x1):
            total += abs(a[row + x] - b[row + x])
            count += 1
    return total / count
