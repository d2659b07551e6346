"""The extractor against the seed gold (every field) and the dev set (a regression floor);
skipped, saying so, where the evaluation corpus is not beside the project."""

import pytest

from filmfolio.importer.extract import extract_record

from .corpus import load_scorer, needs_corpus, page_params, pages

# Measured on all 60 dev pages: headline 0.561; year 0.605, runtime 0.696, directors 0.531,
# festivals 0.298. The floors sit just under the measurement and rise as the importer improves.
DEV_HEADLINE_FLOOR = 0.55
DEV_KEY_FIELD_FLOOR = 0.52
DEV_FESTIVALS_FLOOR = 0.29


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
