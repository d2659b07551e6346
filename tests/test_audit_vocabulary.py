"""Change records speak one vocabulary: ``AuditAction`` and ``AuditSection``. Every admin
inline's formset prefix (the section its rows are recorded under) is a section, and anything
outside the vocabulary is refused before a record is written."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db.models import ForeignKey
from django.utils import translation

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.admin import FestivalPartAdmin
from filmfolio.films.admin import SECTIONS
from filmfolio.films.tests.factories import FilmFactory

pytestmark = pytest.mark.django_db


def _inline_prefixes() -> set[str]:
    """The formset prefix of every inline in the admin (its reverse accessor's name)."""
    prefixes = set()
    for model, model_admin in admin.site._registry.items():
        for inline in model_admin.inlines:
            [fk] = [
                field
                for field in inline.model._meta.fields
                if isinstance(field, ForeignKey) and field.related_model is model
            ]
            prefixes.add(fk.remote_field.get_accessor_name())
    return prefixes


def test_every_admin_inline_records_under_a_known_section() -> None:
    prefixes = _inline_prefixes()
    assert "festival_entries" in prefixes
    recorded = {SECTIONS.get(prefix, prefix) for prefix in prefixes}
    # video encodings and attempts are inlines of the media admin, which records no changes
    assert recorded - set(AuditSection.values) == {"encodings", "attempts"}
    parts = {part.record_section for part in FestivalPartAdmin.__subclasses__()}
    # the festival admin itself records its rows under the record as a whole (blank)
    assert parts == {"", AuditSection.EDITIONS, AuditSection.SECTIONS, AuditSection.AWARDS}


def test_a_change_outside_the_vocabulary_writes_nothing() -> None:
    film = FilmFactory.create()
    before = ChangeRecord.objects.count()
    with pytest.raises(ValueError):
        record_change(target=film, note=ChangeNote(actor=UserFactory.create(), action="renamed"))
    with pytest.raises(ValueError):
        record_change(
            target=film,
            note=ChangeNote(actor=UserFactory.create(), action="update", section="poster"),
        )
    assert ChangeRecord.objects.count() == before


def test_a_change_record_names_its_action_and_section_in_both_languages() -> None:
    film = FilmFactory.create()
    record = record_change(
        target=film,
        note=ChangeNote(actor=UserFactory.create(), action="add", section="screener_links"),
    )
    record.refresh_from_db()
    assert (record.action, record.section) == (AuditAction.ADD, AuditSection.SCREENER_LINKS)
    with translation.override("en"):
        assert (record.get_action_display(), record.get_section_display()) == (
            "Added",
            "Screener links",
        )
    with translation.override("zh-hans"):
        assert (record.get_action_display(), record.get_section_display()) == (
            "已添加",
            "观片链接",
        )
