"""Text folded so that a lower-case pattern finds without re.I what re.I would find.

A case-insensitive search with a long pattern of words is several times slower than the same
search without re.I on lowered text. Lowering alone is not the same: re.I also matches "ı" and
"İ" to "i", "ſ" to "s", the Kelvin sign to "k", final sigma to sigma and a few Greek symbol
forms to their letters. `folded` maps those first, then lowers, one character for one (offsets
stay right); the importer's tests check every character against re.I.
"""

from __future__ import annotations

import re

_SPECIAL = {
    0x130: "i",  # İ
    0x131: "i",  # ı
    0x17F: "s",  # ſ
    0x212A: "k",  # Kelvin sign
    0x212B: "å",  # Angstrom sign
    0x3C2: "σ",  # ς
    0x3D0: "β",  # ϐ
    0x3D1: "θ",  # ϑ
    0x3F4: "θ",  # ϴ
    0x3D5: "φ",  # ϕ
    0x3D6: "π",  # ϖ
    0x3F0: "κ",  # ϰ
    0x3F1: "ρ",  # ϱ
    0x3F5: "ε",  # ϵ
    0xB5: "μ",  # micro sign
    0x345: "ι",  # combining ypogegrammeni
    0x1FBE: "ι",  # prosgegrammeni
    0x1E9B: "ṡ",  # ẛ
    0xFB05: "ﬆ",  # ﬅ
    0x1C80: "в",  # the rounded and tall forms of old Cyrillic letters
    0x1C81: "д",
    0x1C82: "о",
    0x1C83: "с",
    0x1C84: "т",
    0x1C85: "т",
    0x1C86: "ъ",
    0x1C87: "ѣ",
    0x1C88: "ꙋ",
    0x1FD3: "\u0390",  # two code points of the same Greek letter
    0x1FE3: "\u03b0",
}
_HAS_SPECIAL = re.compile("[" + "".join(map(chr, _SPECIAL)) + "]")


def folded(text: str) -> str:
    """The text lowered, with the characters re.I equates to another letter mapped to it.

    "İ" is mapped before lowering (lowered, it becomes two characters); the rest after, since
    lowering writes a final sigma where a word ends.
    """
    if "İ" in text:
        text = text.replace("İ", "i")
    text = text.lower()
    return text.translate(_SPECIAL) if _HAS_SPECIAL.search(text) else text
