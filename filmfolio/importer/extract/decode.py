"""Bytes to text: BOMs, UTF-8, the common CJK encodings, a Latin-1 fallback; binary refused."""

from __future__ import annotations

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_FALLBACKS = ("utf-8", "gb18030", "big5")
_CONTROL_OK = frozenset(b"\t\n\r\x0c")


def looks_binary(data: bytes) -> bool:
    """True when a byte string is most likely not text (NULs or many control bytes)."""
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample and not _utf16_guess(sample):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _CONTROL_OK)
    return controls / len(sample) > 0.1


def _utf16_guess(sample: bytes) -> str | None:
    """UTF-16 without a BOM: NULs on every other byte of ASCII text."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    if odd / half > 0.3 and even / half < 0.05:
        return "utf-16-le"
    if even / half > 0.3 and odd / half < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """(text, warning). Binary data gives empty text and a warning naming the reason."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace"), None
    guess = _utf16_guess(data[:4096]) if b"\x00" in data[:4096] else None
    if guess:
        return data.decode(guess, "replace"), None
    if looks_binary(data):
        return "", "binary data: the input does not look like text"
    for codec in _FALLBACKS:
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "unknown encoding: decoded as Latin-1"
