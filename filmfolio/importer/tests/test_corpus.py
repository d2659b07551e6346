"""The extractor against the seed gold (every field) and the dev set (a regression floor);
skipped, saying so, where the evaluation corpus is not beside the project."""

import pytest

from filmfolio.importer.extract import extract_record

from .corpus import load_scorer, needs_corpus, page_params, pages

# Measured on all 60 dev pages: headline 0.898 (0.875 before, 0.561 at first); year 0.852,
# runtime 0.966, directors 0.929, festivals 0.817. The floors sit just under the measurement and
# rise as the importer improves. Half A / half B of the set-aside method (docs/importer.md):
# 0.922 / 0.840.
DEV_HEADLINE_FLOOR = 0.88
DEV_KEY_FIELD_FLOOR = 0.84
DEV_FESTIVALS_FLOOR = 0.80
# Every headline field, each just under its measurement on all 60 dev pages.
DEV_FIELD_FLOORS = {
    "title": 0.76,
    "titles": 0.73,
    "year": 0.84,
    "runtime_minutes": 0.95,
    "type": 0.84,
    "genres": 0.89,
    "countries": 0.86,
    "languages": 0.94,
    "subtitles": 0.99,
    "directors": 0.91,
    "credits_people": 0.88,
    "credits_roles": 0.89,
    "festivals": 0.8,
    "specs.shooting_format": 0.99,
    "specs.aspect_ratio": 0.99,
    "specs.sound": 0.65,
    "specs.color": 0.99,
    "specs.budget": 0.99,
    "synopsis_present": 0.9,
}


@pytest.mark.parametrize(("pid", "data", "gold"), page_params("seeds"), ids=lambda v: str(v)[:3])
def test_seed_page_every_field(pid, data, gold):
    scorer = load_scorer()
    result = scorer.Scorer().score(gold, extract_record(data).to_gold_dict())
    assert result["diff"] == {}


@needs_corpus
def test_dev_headline_floor():
    scorer = load_scorer()
    results = [
        scorer.Scorer().score(gold, extract_record(data).to_gold_dict())
        for _, data, gold in pages("dev")
    ]
    report = scorer.aggregate(results)
    fields = report["fields"]
    assert report["headline"] >= DEV_HEADLINE_FLOOR
    assert (
        min(fields[f]["f1"] for f in ("year", "runtime_minutes", "directors"))
        >= DEV_KEY_FIELD_FLOOR
    )
    assert fields["festivals"]["f1"] >= DEV_FESTIVALS_FLOOR
    below = {
        field: round(fields[field]["f1"], 3)
        for field, floor in DEV_FIELD_FLOORS.items()
        if fields[field]["f1"] < floor
    }
    assert below == {}
