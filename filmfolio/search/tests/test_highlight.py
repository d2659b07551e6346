"""Matched parts of a title marked for the results page, the rest escaped."""

from __future__ import annotations

import pytest

from filmfolio.search.backends import MatchQuery
from filmfolio.search.highlight import highlight


@pytest.mark.parametrize(
    ("title", "query", "html"),
    [
        ("Tom & Jerry <3>", "jerry", "Tom &amp; <mark>Jerry</mark> &lt;3&gt;"),
        ("Jerry", "jerry", "<mark>Jerry</mark>"),
        ("Jerryland", "jerry", "Jerryland"),
        ("Rivers & River", "river", "Rivers &amp; <mark>River</mark>"),
        ("二三事", "三", "二<mark>三</mark>事"),
        ("Café Müller", "cafe muller", "<mark>Café</mark> <mark>Müller</mark>"),
        ('"Quoted" title', "title", "&quot;Quoted&quot; <mark>title</mark>"),
        ("", "anything", ""),
    ],
)
def test_highlight_marks_whole_words_and_escapes_the_rest(title, query, html):
    assert str(highlight(title, MatchQuery.from_text(query))) == html
