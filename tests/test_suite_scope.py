"""`FILMFOLIO_TEST_SCOPE=database` (used by `make test-pg`) keeps exactly the tests that open the
database, including those whose module fixture unblocks it, and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["filmfolio/search/tests/test_relevance_set.py", "tests/test_system_deps.py"]


def _collected(scope: str) -> list[str]:
    env = {**os.environ, "FILMFOLIO_TEST_SCOPE": scope}
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    done = subprocess.run(
        [*command, *FILES], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_the_database_scope_keeps_the_tests_that_open_the_database():
    assert _collected("database") == [
        "filmfolio/search/tests/test_relevance_set.py::test_mrr_and_ndcg_hold_their_floor",
        "filmfolio/search/tests/test_relevance_set.py::test_names_and_titles_people_type_most_pass",
    ]


def test_without_the_scope_every_test_is_collected():
    relevance = "filmfolio/search/tests/test_relevance_set.py::"
    assert sorted(_collected("")) == [
        f"{relevance}test_measure_grades_by_the_rank_asked_for",
        f"{relevance}test_mrr_and_ndcg_hold_their_floor",
        f"{relevance}test_names_and_titles_people_type_most_pass",
        f"{relevance}test_summaries_have_a_row_per_group_split_and_overall",
        f"{relevance}test_the_set_covers_every_group_with_enough_queries",
        "tests/test_system_deps.py::test_gives_up_after_the_timeout_with_a_clear_message",
        "tests/test_system_deps.py::test_waits_until_the_other_package_manager_ends",
    ]
