"""The commands' refusals, in the operator's language, before anything is touched."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from filmfolio.backups.language import operator_language


@pytest.fixture(autouse=True)
def english(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_restore_of_a_missing_archive_speaks_the_operators_language(tmp_path, monkeypatch):
    missing = tmp_path / "none.tar"
    with pytest.raises(CommandError) as english:
        call_command("restore", str(missing))
    assert str(english.value) == f"There is no archive at {missing}."
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(CommandError) as chinese:
        call_command("restore", str(missing))
    assert str(chinese.value) == f"{missing} 处没有归档文件。"


def test_backup_never_overwrites_a_file(tmp_path):
    existing = tmp_path / "site.tar"
    existing.write_bytes(b"keep me")
    with pytest.raises(CommandError) as refused:
        call_command("backup", "--output", str(existing))
    assert str(refused.value) == f"{existing} already exists: choose another file name."
    assert existing.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.tar"]


def test_transfer_takes_only_postgres_addresses(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(CommandError) as refused:
        call_command("transfer", "--to", "sqlite:///elsewhere.sqlite3")
    assert str(refused.value) == "--to 需要一个 PostgreSQL 地址（postgres://user@host:5432/name）。"


@pytest.mark.parametrize(
    ("variables", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh-hans"),
        ({"LANG": "zh_TW.UTF-8"}, "zh-hans"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh-hans"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_operator_language(monkeypatch, variables, language):
    monkeypatch.delenv("LANG")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert operator_language() == language
