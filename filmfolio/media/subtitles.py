"""Subtitle files in and out: decoding, reading, checking and writing cues.

Pure functions with no knowledge of models. An upload's bytes are decoded (a byte-order mark
first, then UTF-8, then the likeliest of the legacy encodings, or the one the user picked), read
by ``pysubs2`` (SubRip and WebVTT), checked cue by cue, and written back as UTF-8 WebVTT (the
stored form) or SubRip (a download). ``convert_chinese`` makes the Simplified or Traditional
version of the cues with OpenCC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer
import opencc
import pysubs2
from django.utils.translation import gettext as _

from . import ttml

# Encodings offered to the user; "" means "find it out".
ENCODINGS = ["utf-8", "utf-16", "gb18030", "big5", "cp1252"]
FORMATS = {"srt": "SubRip (.srt)", "vtt": "WebVTT (.vtt)", "ttml": "TTML / DFXP (.ttml, .dfxp)"}
# Legacy encodings guessed from the bytes when the file has no byte-order mark and is not UTF-8.
_LEGACY = ["gb18030", "big5", "cp1252"]
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
]
_OPENCC = {"zh-Hant": "s2t", "zh-Hans": "t2s"}


class SubtitleUnreadableError(ValueError):
    """The file cannot be used as subtitles; ``message`` says why in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Cue:
    """One cue: its start and end in milliseconds and its plain text (lines split by ``\\n``)."""

    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class Issue:
    """A warning about one cue (1-based ``number``); it does not stop the track being saved."""

    number: int
    code: str
    message: str


@dataclass(frozen=True)
class Limits:
    """What a readable cue may hold (from the media settings)."""

    line_chars: int = 42
    lines: int = 2
    cps_latin: float = 17.0
    cps_cjk: float = 9.0


@dataclass
class Reading:
    """A decoded and read file: the encoding used, its format, the cues and their warnings."""

    encoding: str
    format: str
    cues: list[Cue]
    issues: list[Issue] = field(default_factory=list)


def decode(data: bytes, encoding: str = "") -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with (``encoding`` if given)."""
    if encoding:
        return _decode_as(data, encoding), encoding
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="strict"), name
    if _looks_utf16(data):
        return _utf16_text(data), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _guess_legacy(data)


def _decode_as(data: bytes, encoding: str) -> str:
    """``data`` read in the encoding the user chose."""
    if encoding not in ENCODINGS:
        raise SubtitleUnreadableError(_("Unknown text encoding."))
    try:
        if encoding == "utf-16":
            return _utf16_text(data)
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        raise SubtitleUnreadableError(
            _("The file cannot be read as %(encoding)s.") % {"encoding": encoding}
        ) from exc


def _guess_legacy(data: bytes) -> tuple[str, str]:
    """The likeliest of GB18030, Big5 and Windows-1252 (GB2312 and GBK files are GB18030)."""
    best = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None:
        raise SubtitleUnreadableError(_("The file's text encoding could not be recognised."))
    name = codecs.lookup(best.encoding).name
    name = {"gb2312": "gb18030", "gbk": "gb18030", "big5hkscs": "big5"}.get(name, name)
    return data.decode(name if name in _LEGACY else best.encoding), name


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII timings is zero."""
    sample = data[:400]
    return len(sample) >= 4 and sample.count(0) * 3 >= len(sample)


def _utf16_text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    # Without a mark, the zero bytes sit after the ASCII ones in little-endian text.
    little = data[1::2].count(0) >= data[0::2].count(0)
    return data.decode("utf-16-le" if little else "utf-16-be")


def read(data: bytes, *, encoding: str = "", limits: Limits | None = None) -> Reading:
    """Decode, read and check a subtitle file. Raises ``SubtitleUnreadableError``."""
    text, used = decode(data, encoding)
    text = text.lstrip("\ufeff")
    if ttml.looks_like_ttml(text):
        return _reading(used, "ttml", [Cue(*cue) for cue in _ttml_cues(text)], limits)
    try:
        parsed = pysubs2.SSAFile.from_string(text)
    except (pysubs2.exceptions.Pysubs2Error, ValueError, SyntaxError) as exc:  # XML: SyntaxError
        raise SubtitleUnreadableError(
            _("This is not a subtitle file we can read (SubRip .srt or WebVTT .vtt).")
        ) from exc
    if parsed.format not in FORMATS:
        raise SubtitleUnreadableError(
            _("This is not a subtitle file we can read (SubRip .srt or WebVTT .vtt).")
        )
    cues = [Cue(e.start, e.end, e.plaintext) for e in parsed if not e.is_comment]
    return _reading(used, parsed.format, cues, limits)


def _ttml_cues(text: str) -> list[tuple[int, int, str]]:
    try:
        return ttml.read_cues(text)
    except ttml.TTMLUnreadableError as exc:
        raise SubtitleUnreadableError(str(exc)) from exc


def _reading(used: str, fmt: str, cues: list[Cue], limits: Limits | None) -> Reading:
    cues = [Cue(cue.start_ms, cue.end_ms, _clean(cue.text)) for cue in cues]
    cues = [cue for cue in cues if cue.text]
    if not cues:
        raise SubtitleUnreadableError(_("The file holds no subtitles."))
    return Reading(used, fmt, cues, check(cues, limits or Limits()))


def _clean(text: str) -> str:
    lines = (line.strip() for line in text.replace("\r", "").split("\n"))
    return "\n".join(line for line in lines if line)


def is_cjk(text: str) -> bool:
    """Are most letters of ``text`` Chinese, Japanese or Korean characters?"""
    letters = [c for c in text if c.isalpha()]
    wide = [c for c in letters if unicodedata.east_asian_width(c) in ("W", "F")]
    return bool(letters) and len(wide) * 2 >= len(letters)


def check(cues: list[Cue], limits: Limits) -> list[Issue]:
    """The warnings of every cue, in order."""
    issues: list[Issue] = []
    previous_end = None
    for number, cue in enumerate(cues, start=1):
        issues += [Issue(number, code, message) for code, message in _cue_issues(cue, limits)]
        if previous_end is not None and cue.start_ms < previous_end:
            issues.append(Issue(number, "overlap", _("Starts before the previous cue ends.")))
        previous_end = max(previous_end or 0, cue.end_ms)
    return issues


def _cue_issues(cue: Cue, limits: Limits) -> list[tuple[str, str]]:
    found = []
    if cue.end_ms <= cue.start_ms:
        found.append(("timing", _("Ends before it starts (or at the same time).")))
    lines = cue.text.split("\n")
    if len(lines) > limits.lines:
        found.append(
            (
                "lines",
                _("%(count)d lines; at most %(max)d.") % {"count": len(lines), "max": limits.lines},
            )
        )
    longest = max(len(line) for line in lines)
    if longest > limits.line_chars:
        found.append(
            (
                "length",
                _("A line of %(count)d characters; at most %(max)d.")
                % {"count": longest, "max": limits.line_chars},
            )
        )
    seconds = (cue.end_ms - cue.start_ms) / 1000
    chars = len(re.sub(r"\s", "", cue.text))
    limit = limits.cps_cjk if is_cjk(cue.text) else limits.cps_latin
    if seconds > 0 and chars / seconds > limit:
        found.append(
            (
                "speed",
                _("%(speed).1f characters per second; at most %(max)g.")
                % {"speed": chars / seconds, "max": limit},
            )
        )
    return found


def _stamp(ms: int, separator: str) -> str:
    ms = max(0, ms)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: list[Cue]) -> str:
    """The cues as a WebVTT document (plain text cues)."""
    blocks = ["WEBVTT"]
    for cue in cues:
        timing = f"{_stamp(cue.start_ms, '.')} --> {_stamp(cue.end_ms, '.')}"
        blocks.append(f"{timing}\n{_escape(cue.text)}")
    return "\n\n".join(blocks) + "\n"


def to_srt(cues: list[Cue]) -> str:
    """The cues as a SubRip document."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        timing = f"{_stamp(cue.start_ms, ',')} --> {_stamp(cue.end_ms, ',')}"
        blocks.append(f"{number}\n{timing}\n{cue.text}")
    return "\n\n".join(blocks) + "\n"


def cues_from_vtt(vtt: str) -> list[Cue]:
    """The cues of a WebVTT document this module wrote."""
    parsed = pysubs2.SSAFile.from_string(vtt, format_="vtt")
    return [Cue(e.start, e.end, _clean(e.plaintext)) for e in parsed]


def convert_chinese(cues: list[Cue], *, to: str) -> list[Cue]:
    """The cues in Traditional (``to="zh-Hant"``) or Simplified (``"zh-Hans"``) characters."""
    converter = opencc.OpenCC(_OPENCC[to])
    return [Cue(c.start_ms, c.end_ms, converter.convert(c.text)) for c in cues]


def chinese_counterpart(language: str) -> str | None:
    """The BCP 47 tag of the other Chinese script: zh-Hans ↔ zh-Hant (``zh``, ``zh-CN``: Hans;
    ``zh-TW``, ``zh-HK``: Hant); None for other languages."""
    tag = language.lower()
    if tag in ("zh", "zh-hans", "zh-cn", "zh-sg") or tag.startswith("zh-hans"):
        return "zh-Hant"
    if tag in ("zh-hant", "zh-tw", "zh-hk", "zh-mo") or tag.startswith("zh-hant"):
        return "zh-Hans"
    return None


_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$")


def normalise_language(tag: str) -> str | None:
    """A well-formed BCP 47 tag (language, optional script and region) in its usual case, or
    None."""
    tag = tag.strip().replace("_", "-")
    if not _TAG.match(tag):
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(out)
