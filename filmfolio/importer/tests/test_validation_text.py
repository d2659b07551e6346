"""Pydantic's messages in the user's language, and unchanged where the wording is unknown."""

from django.utils import translation

from filmfolio.importer.validation_text import translated


def test_a_known_message_is_translated_and_kept_in_english():
    item = {"type": "greater_than_equal", "msg": "Input should be greater than or equal to 1870",
            "ctx": {"ge": 1870}}  # fmt: skip
    with translation.override("en"):
        assert translated(item) == "Input should be greater than or equal to 1870"
    with translation.override("zh-hans"):
        assert translated(item) == "应大于或等于 1870"


def test_singular_and_plural_wordings_both_match():
    short = {"type": "string_too_short", "msg": "String should have at least 1 character",
             "ctx": {"min_length": 1}}  # fmt: skip
    with translation.override("zh-hans"):
        assert translated(short) == "至少应有 1 个字符"


def test_an_unknown_wording_stays_as_pydantic_wrote_it():
    item = {"type": "greater_than_equal", "msg": "Value must be at least 1870", "ctx": {"ge": 1870}}
    other = {"type": "uuid_type", "msg": "UUID input should be a string", "ctx": None}
    with translation.override("zh-hans"):
        assert translated(item) == "Value must be at least 1870"
        assert translated(other) == "UUID input should be a string"
