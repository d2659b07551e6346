"""Pinyin: syllable segmentation of Latin words and readings of Chinese characters.

Segmentation lets "shengze", "sheng-ze" and "Sheng Ze" meet: a Latin word that splits fully into
pinyin syllables is also indexed (and queried) as those syllables. Readings use ``pypinyin`` with
tone marks stripped (ü becomes u, the same as folding "Lü" typed by a person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from .chars import strip_marks

# Standard Mandarin syllables without tones (ü written u, as folding leaves it). Interjections
# without a vowel (m, n, ng, hm, hng) are left out so that "ng" never splits a word.
_SYLLABLE_TEXT = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bu ca cai
    can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
    chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei
    den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
    fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui
    gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia
    jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong
    kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao
    lie lin ling liu lo long lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi
    mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie
    nin ning niu nong nou nu nuan nue nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao
    pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang
    rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai
    shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song
    sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan
    tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu
    xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze
    zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan
    zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
SYLLABLES: frozenset[str] = frozenset(_SYLLABLE_TEXT.split())

_LONGEST = max(len(syllable) for syllable in SYLLABLES)
# "lv"/"nv" is how many keyboards type lü/nü; they mean the same as the folded "lu"/"nu".
_V_SPELLINGS = {"lv": "lu", "nv": "nu", "lve": "lue", "nve": "nue"}
_TONED_RE = re.compile(r"(?:[a-z]+[1-5])+[a-z]*")
_MAX_SEGMENTATIONS = 4


def canonical_syllable(syllable: str) -> str:
    """The spelling used in the index for a syllable ("lv" -> "lu")."""
    return _V_SPELLINGS.get(syllable, syllable)


@lru_cache(maxsize=16384)
def segmentations(word: str) -> tuple[tuple[str, ...], ...]:
    """Every way ``word`` splits fully into pinyin syllables, best first (at most four).

    Best means fewest syllables, then longer syllables first: "xian" -> (("xian",), ("xi",
    "an")). A word that does not split fully gives an empty tuple.
    """
    if not word.isascii() or not word.isalpha() or len(word) > 48:
        return ()
    found = _split(word)
    ranked = sorted(found, key=lambda parts: (len(parts), [-len(p) for p in parts]))
    return tuple(
        tuple(canonical_syllable(part) for part in parts) for parts in ranked[:_MAX_SEGMENTATIONS]
    )


def _split(word: str) -> list[tuple[str, ...]]:
    """All splits of ``word`` into syllables (dynamic programming from the end, bounded)."""
    tails: list[list[tuple[str, ...]]] = [[] for _ in range(len(word) + 1)]
    tails[len(word)] = [()]
    for start in range(len(word) - 1, -1, -1):
        options: list[tuple[str, ...]] = []
        for end in range(start + 1, min(len(word), start + _LONGEST) + 1):
            head = word[start:end]
            if head in SYLLABLES:
                options.extend((head, *tail) for tail in tails[end])
        tails[start] = options[:16]
    return tails[0]


def best_segmentation(word: str) -> tuple[str, ...]:
    """The preferred split of ``word`` into syllables, or an empty tuple."""
    found = segmentations(word)
    return found[0] if found else ()


def split_tone_numbers(word: str) -> list[str]:
    """Split numbered pinyin at its tone digits: "sheng1ze4" -> ["sheng", "ze"].

    A word is only split when every part before a digit is pinyin, so "area51" stays whole.
    """
    if not _TONED_RE.fullmatch(word):
        return [word]
    parts = [part for part in re.split(r"[1-5]", word) if part]
    if all(segmentations(part) for part in parts):
        return parts
    return [word]


@lru_cache(maxsize=65536)
def char_reading(char: str) -> str:
    """The default toneless reading of one Chinese character (itself if pypinyin has none)."""
    return strip_marks(lazy_pinyin(char, style=Style.TONE, errors="default")[0])


def readings(han: str) -> list[str]:
    """Default toneless readings of a run of Chinese characters, one syllable per character.

    The run is read as a whole so that pypinyin's phrase dictionary picks the reading (银行 ->
    yin hang); characters without a reading are returned as they are.
    """
    syllables = lazy_pinyin(han, style=Style.TONE, errors=lambda chars: list(chars))  # type: ignore[arg-type,return-value]
    if len(syllables) != len(han):
        return [char_reading(char) for char in han]
    return [strip_marks(syllable) for syllable in syllables]
