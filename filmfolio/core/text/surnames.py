"""Chinese surnames whose reading differs from the character's everyday reading.

Default pinyin reads 曾 as "ceng" and 单 as "dan"; as surnames they are Zeng and Shan. The table
is applied to the first character(s) of a person's name only. Compound surnames come first so
that 尉迟 is read yuchi rather than 尉 alone.
"""

from __future__ import annotations

# Simplified characters (the normaliser folds traditional before looking up).
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
    "皇甫": ("huang", "fu"),
    "公孙": ("gong", "sun"),
    "欧阳": ("ou", "yang"),
    "上官": ("shang", "guan"),
    "司马": ("si", "ma"),
    "夏侯": ("xia", "hou"),
    "诸葛": ("zhu", "ge"),
    "东方": ("dong", "fang"),
    "闻人": ("wen", "ren"),
    "宇文": ("yu", "wen"),
    "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"),
    "端木": ("duan", "mu"),
    "呼延": ("hu", "yan"),
    "亓官": ("qi", "guan"),
}

SURNAMES: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "仇": "qiu",
    "区": "ou",
    "解": "xie",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "种": "chong",
    "秘": "bi",
    "缪": "miao",
    "员": "yun",
    "句": "gou",
    "召": "shao",
    "繁": "po",
    "黑": "he",
    "翟": "zhai",
    "祭": "zhai",
    "过": "guo",
    "宿": "su",
    "能": "nai",
    "隗": "wei",
    "都": "du",
    "薄": "bo",
    "折": "she",
    "眭": "sui",
    "郇": "huan",
    "冼": "xian",
    "洗": "xian",
    "藏": "zang",
    "柏": "bai",
    "乜": "nie",
    "粘": "nian",
    "朝": "chao",
    "长": "chang",
    "重": "chong",
    "华": "hua",
    "任": "ren",
    "沈": "shen",
    "纪": "ji",
    "尉": "wei",
    "万": "wan",
    "於": "yu",
    "燕": "yan",
    "蕃": "pi",
    "么": "yao",
    "阚": "kan",
    "褚": "chu",
    "相": "xiang",
    "贲": "ben",
    "逄": "pang",
    "殷": "yin",
    "叶": "ye",
}


def surname_reading(name: str) -> tuple[int, tuple[str, ...]]:
    """The surname reading at the start of a (folded, simplified) Chinese name.

    Returns how many characters the surname covers and their syllables, or ``(0, ())`` when the
    name does not start with a surname in the table.
    """
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound and len(name) > 2:
        return 2, compound
    single = SURNAMES.get(name[:1])
    if single and len(name) > 1:
        return 1, (single,)
    return 0, ()


def surname_syllables(surname: str) -> tuple[str, ...] | None:
    """The table's reading of a surname written on its own ("曾" -> ("zeng",)); None when the
    surname is not in the table (its everyday reading is its surname reading)."""
    if surname in COMPOUND_SURNAMES:
        return COMPOUND_SURNAMES[surname]
    single = SURNAMES.get(surname) if len(surname) == 1 else None
    return (single,) if single else None
