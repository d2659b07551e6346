"""Marking the parts of a title that matched the query, for the results page."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from filmfolio.core.text.chars import fold_chars, has_han

from .backends import MatchQuery


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, with the original index of each folded char."""
    folded: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_chars(char):
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


def _needles(query: MatchQuery) -> list[tuple[str, bool]]:
    """Strings to find in the folded title and whether each may end inside a word."""
    needles: list[tuple[str, bool]] = []
    for token in query.tokens:
        for alternative in token.alternatives:
            if alternative.is_phrase:
                needles.append(("".join(alternative.tokens), True))
            elif len(alternative.tokens) == 1:
                needles.append((alternative.tokens[0], alternative.is_prefix))
    return needles


def _spans(folded: str, needle: str, open_end: bool) -> list[tuple[int, int]]:
    """Where ``needle`` starts a word (and ends one unless ``open_end``) in ``folded``."""
    spans = []
    cjk = has_han(needle)  # Chinese has no spaces: any run of characters may be a word
    start = folded.find(needle)
    while start != -1 and needle:
        end = start + len(needle)
        starts_word = start == 0 or not folded[start - 1].isalnum() or not needle.isascii()
        ends_word = open_end or cjk or end == len(folded) or not folded[end].isalnum()
        if starts_word and ends_word:
            spans.append((start, end))
        start = folded.find(needle, start + 1)
    return spans


def highlight(text: str, query: MatchQuery) -> SafeString:
    """``text`` escaped, with matched parts in ``<mark>``."""
    marked = _marked(text, query)
    html: list[str] = []
    start = 0
    for index in range(1, len(text) + 1):  # one escape() per run of marked or unmarked text
        if index == len(text) or marked[index] != marked[start]:
            run = escape(text[start:index])
            html.append(f"<mark>{run}</mark>" if marked[start] else run)
            start = index
    # every part of the text above went through escape()
    return mark_safe("".join(html))


def _marked(text: str, query: MatchQuery) -> list[bool]:
    """For each character of ``text``, whether a word of the query matched it."""
    folded, positions = _folded_with_positions(text)
    marked = [False] * len(text)
    for needle, open_end in _needles(query):
        for start, end in _spans(folded, needle, open_end):
            for index in range(positions[start], positions[end - 1] + 1):
                marked[index] = True
    return marked
