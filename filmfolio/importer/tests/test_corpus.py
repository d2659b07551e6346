"""The extractor against the seed gold (every field) and the dev set (a regression floor);
skipped, saying so, where the evaluation corpus is not beside the project."""

import pytest

from filmfolio.importer.extract import extract_record

from .corpus import load_scorer, needs_corpus, page_params, pages

# Measured on all 60 dev pages: headline 0.933 (0.898 before, 0.561 at first); year 1.000,
# runtime 0.983, directors 0.953, festivals 0.833. The floors sit just under the measurement and
# rise as the importer improves. Half A / half B of the set-aside method (docs/importer.md):
# 0.958 / 0.887.
DEV_HEADLINE_FLOOR = 0.92
DEV_KEY_FIELD_FLOOR = 0.94
DEV_FESTIVALS_FLOOR = 0.82
# Every headline field, each just under its measurement on all 60 dev pages.
DEV_FIELD_FLOORS = {
    "title": 0.90,
    "titles": 0.88,
    "year": 0.98,
    "runtime_minutes": 0.97,
    "type": 0.88,
    "genres": 0.91,
    "countries": 0.95,
    "languages": 0.94,
    "subtitles": 0.99,
    "directors": 0.94,
    "credits_people": 0.89,
    "credits_roles": 0.90,
    "festivals": 0.82,
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
