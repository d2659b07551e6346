"""The extractor against the seed gold (every field) and the dev set (a regression floor)."""

import pytest

from filmfolio.importer.extract import extract_record

from .corpus import load_scorer, pages

DEV_HEADLINE_FLOOR = 0.96  # measured 0.979


@pytest.mark.parametrize(("pid", "data", "gold"), pages("seeds"), ids=lambda v: str(v)[:3])
def test_seed_page_every_field(pid, data, gold):
    scorer = load_scorer()
    result = scorer.Scorer().score(gold, extract_record(data).to_gold_dict())
    assert result["diff"] == {}


def test_dev_headline_floor():
    scorer = load_scorer()
    results = [
        scorer.Scorer().score(gold, extract_record(data).to_gold_dict())
        for _, data, gold in pages("dev")
    ]
    report = scorer.aggregate(results)
    fields = report["fields"]
    assert report["headline"] >= DEV_HEADLINE_FLOOR
    assert min(fields[f]["f1"] for f in ("year", "runtime_minutes", "directors")) >= 0.9
    assert fields["festivals"]["f1"] >= 0.8
