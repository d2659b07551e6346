"""Words a Chinese text repeats, without a dictionary: the runs of two to four Han characters
that occur more than once, none holding a function character (的, 了, 在, 们…), and none
that is only part of a longer repeated run occurring as often (农民 inside 农民工).

The search index keeps Chinese text as single characters (any word is a run of them), so this
is the same reading, counted: it suggests subjects such as 农民工 or 孩子 from a synopsis.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .chars import to_simplified

_HAN_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SIZES = range(2, 5)
# characters that mostly glue words together: a run holding one is not a word
STOP_CHARACTERS = frozenset(
    "的了是在和与及也都就而并或着被把从对为以之于其这那他她它们我你个一有不没很"
)
# words too common in film texts to say what a film is about
STOP_WORDS = frozenset(
    {"影片", "电影", "故事", "导演", "拍摄", "作品", "观众", "时候", "因为", "所以", "但是",
     "可以", "自己", "什么", "如何", "已经", "开始", "一起", "成为", "生活"}
)  # fmt: skip


def repeated_han_words(texts: Iterable[str]) -> list[tuple[str, int]]:
    """(word, count) of the repeated Han words of ``texts`` (simplified), most frequent
    first, then longer first, then in order of first appearance."""
    counts: Counter[str] = Counter()
    for text in texts:
        for run in _HAN_RUN_RE.findall(to_simplified(text)):
            counts.update(_grams(run))
    first_seen = {gram: order for order, gram in enumerate(counts)}
    repeated = {gram: n for gram, n in counts.items() if n > 1 and gram not in STOP_WORDS}
    words = [gram for gram in repeated if not _inside_longer(gram, repeated)]
    words.sort(key=lambda gram: (-repeated[gram], -len(gram), first_seen[gram]))
    return [(word, repeated[word]) for word in words]


def _inside_longer(gram: str, repeated: dict[str, int]) -> bool:
    """Whether ``gram`` is part of a longer repeated run occurring as often (农民 in 农民工)."""
    count = repeated[gram]
    return any(gram in longer and n == count for longer, n in repeated.items() if longer != gram)


def _grams(run: str) -> Iterable[str]:
    """The runs of two to four characters of ``run`` without a function character."""
    for size in SIZES:
        for start in range(len(run) - size + 1):
            gram = run[start : start + size]
            if STOP_CHARACTERS.isdisjoint(gram):
                yield gram
