"""The film record format: what it accepts and the plain messages it gives."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from filmfolio.importer.records import FilmRecord, validation_messages


def test_minimal_record_needs_only_a_title():
    record = FilmRecord(title="Out of Focus")
    assert record.title == "Out of Focus"
    assert record.visibility == "private"
    assert record.credits == []


def test_codes_are_normalised():
    record = FilmRecord.model_validate(
        {
            "title": "X",
            "countries": [{"country": "cn"}, {"country": "fr", "role": "filming"}],
            "budget": {"amount": "347000", "currency": "usd", "as_stated": "347,000 USD"},
        }
    )
    assert [(c.country, c.role) for c in record.countries] == [("CN", "origin"), ("FR", "filming")]
    assert record.budget is not None
    assert record.budget.amount == Decimal("347000")
    assert record.budget.currency == "USD"


def test_bad_values_give_messages_per_field():
    with pytest.raises(ValidationError) as caught:
        FilmRecord.model_validate(
            {
                "title": "",
                "year": 1500,
                "countries": [{"country": "Narnia"}],
                "languages": [{"language": "klingonish"}],
                "budget": {"currency": "ZZZ"},
                "links": [{"url": "javascript:alert(1)"}],
                "visibility": "secret",
            }
        )
    messages = validation_messages(caught.value)
    assert messages["title"] == ["String should have at least 1 character"]
    assert messages["year"] == ["Input should be greater than or equal to 1870"]
    assert messages["countries.0.country"] == [
        "“Narnia” is not a two-letter country code such as CN or FR."
    ]
    assert messages["languages.0.language"] == [
        "“klingonish” is not a language code such as en, zh or zh-Hant."
    ]
    assert messages["budget.currency"] == [
        "“ZZZ” is not an ISO 4217 currency code such as USD or CNY."
    ]
    assert sorted(messages) == [
        "budget.currency",
        "countries.0.country",
        "languages.0.language",
        "links.0.url",
        "title",
        "visibility",
        "year",
    ]


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError) as caught:
        FilmRecord.model_validate({"title": "X", "runtime": 90})
    assert validation_messages(caught.value) == {"runtime": ["Extra inputs are not permitted"]}
