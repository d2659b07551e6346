"""Relevance: each query's first result, on whichever database the suite runs against."""

from __future__ import annotations

from typing import Any

import pytest

from filmfolio.films.access import Viewer
from filmfolio.search.query import SearchRequest
from filmfolio.search.selectors import search_page_for

pytestmark = pytest.mark.django_db

RELEVANCE = [
    # people, in every script and order
    ("Zhu Shengze", "Zhu Shengze"),
    ("Shengze Zhu", "Zhu Shengze"),
    ("zhu sheng-ze", "Zhu Shengze"),
    ("zhushengze", "Zhu Shengze"),
    ("朱声仄", "Zhu Shengze"),
    ("朱聲仄", "Zhu Shengze"),
    ("Zeng Fanzhi", "曾凡志"),
    ("Fanzhi Zeng", "曾凡志"),
    ("曾凡志", "曾凡志"),
    ("Agnes Varda", "Agnès Varda"),
    ("agnès varda", "Agnès Varda"),
    ("Wang Bing", "王兵"),
    ("王兵", "王兵"),
    ("Jia Zhangke", "贾樟柯"),
    ("Zhangke Jia", "贾樟柯"),
    ("賈樟柯", "贾樟柯"),
    ("Edward Yang", "Edward Yang"),
    ("杨德昌", "Edward Yang"),
    ("Shan Liren", "单立人"),
    ("Liren Shan", "单立人"),
    ("Qiu Xiaoguang", "仇晓光"),
    ("Zha Jianying", "查建英"),
    ("Ge Lili", "盖丽丽"),
    ("Ouyang Nana", "欧阳娜娜"),
    ("Nana Ouyang", "欧阳娜娜"),
    ("Chen Chuanxing", "陈传兴"),
    ("Jessica Kingdon", "Jessica Kingdon"),
    ("Wang Xiaoshuai", "王小帅"),
    # titles in Chinese (simplified, traditional, one or two characters) and English
    ("Ascension", "Ascension"),
    ("登楼叹", "Ascension"),
    ("登樓嘆", "Ascension"),
    ("Present Perfect", "Present.Perfect."),
    ("完美现在时", "Present.Perfect."),
    ("他们在岛屿写作", "他們在島嶼寫作"),
    ("岛屿", "他們在島嶼寫作"),
    ("島嶼", "他們在島嶼寫作"),
    ("Inner Island", "他們在島嶼寫作"),
    ("Le Bonheur", "Le Bonheur"),
    ("bonheur", "Le Bonheur"),
    ("Cleo de 5 a 7", "Cléo de 5 à 7"),
    ("cléo", "Cléo de 5 à 7"),
    ("Xi'an Blues", "Xi'an Blues"),
    ("xian blues", "Xi'an Blues"),
    ("西安", "Xi'an Blues"),
    ("Dead Souls", "Dead Souls"),
    ("死灵魂", "Dead Souls"),
    ("Three Sisters", "Three Sisters"),
    ("三姊妹", "Three Sisters"),
    ("Taipei Story", "Taipei Story"),
    ("青梅竹馬", "Taipei Story"),
    ("A Touch of Sin", "A Touch of Sin"),
    ("天注定", "A Touch of Sin"),
    ("Still Life", "Still Life"),
    ("三峽好人", "Still Life"),
    ("Bitter Money", "Bitter Money"),
    ("苦錢", "Bitter Money"),
    ("Beijing Bicycle", "Beijing Bicycle"),
    ("十七歲的單車", "Beijing Bicycle"),
    ("Mountains May Depart", "Mountains May Depart"),
    ("山河故人", "Mountains May Depart"),
    ("The Ditch", "The Ditch"),
    ("夾邊溝", "The Ditch"),
    ("路", "The Road"),
    ("大山之夢", "Mountain Dream"),
    ("写中国", "Writing China"),
    # festivals and organisations
    ("Rotterdam", "International Film Festival Rotterdam"),
    ("IFFR", "International Film Festival Rotterdam"),
    ("Cinema du Reel", "Cinéma du Réel"),
    ("金马奖", "Golden Horse Awards"),
    ("Golden Horse", "Golden Horse Awards"),
    ("Berlinale", "Berlinale"),
    ("CNEX", "CNEX Foundation"),
    # one typo in a Latin word
    ("Ascenssion", "Ascension"),
    ("Agnes Vadra", "Agnès Varda"),
    ("Jessica Kingdom", "Jessica Kingdon"),
    ("Bonhuer", "Le Bonheur"),
]


def first_title(text: str) -> str | None:
    page = search_page_for(Viewer.anonymous(), SearchRequest(text=text), with_facets=False)
    return page.hits[0].title if page.hits else None


def test_relevance_set_is_large_enough() -> None:
    assert len(RELEVANCE) >= 60


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_first_result(catalogue: Any, query: str, expected: str) -> None:
    assert first_title(query) == expected
