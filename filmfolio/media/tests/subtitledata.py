"""Subtitle files for tests, in the encodings festivals send them in."""

from __future__ import annotations

CHINESE_SRT = (
    "1\r\n00:00:00,200 --> 00:00:01,000\r\n我们回家吧\r\n\r\n"
    "2\r\n00:00:01,000 --> 00:00:01,900\r\n这里是汉语字幕\r\n"
)
ENGLISH_VTT = (
    "WEBVTT\n\n00:00:00.200 --> 00:00:01.000\nLet's go home.\n\n"
    "00:00:01.000 --> 00:00:01.900\nThese are English subtitles.\n"
)


def chinese_srt_gb18030() -> bytes:
    return CHINESE_SRT.encode("gb18030")


def english_vtt() -> bytes:
    return ENGLISH_VTT.encode()
