"""Every admin of a model that belongs to a film's, person's or festival's record writes
through the domain services, so a model registered tomorrow cannot become a side door.

An admin passes when it cannot write at all (no add, change or delete for a superuser) or when
it overrides every write the Django admin makes: ``save_model`` (change forms and
``list_editable``), ``delete_model``, ``delete_queryset`` (the bulk delete action) and, when it
has inlines that can write, ``save_formset``.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.test import RequestFactory

from filmfolio.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RECORD_APPS = {"films", "festivals", "people", "sharing", "media", "calls", "circuit"}
# Models of other apps whose names are on films' documents and pages.
NAMED_ON_FILMS = {"accounts.Organisation"}
# Encoding settings of the site, not part of any film's record.
NOT_A_RECORD = {"media.EncodeProfile"}
WRITES = ("save_model", "delete_model", "delete_queryset")
# Shown only: albums are made on the site, uploads finish or expire there.
READ_ONLY = {"media.Album", "media.Upload"}
# Shown only: festivals change their calls on their desk or through the API.
READ_ONLY |= {"calls.Call", "calls.Category", "calls.Review", "calls.Submission"}


def _writes(model_admin: ModelAdmin, request: object) -> bool:
    return any(
        check(request)
        for check in (
            model_admin.has_add_permission,
            model_admin.has_change_permission,
            model_admin.has_delete_permission,
        )
    )


def _inline_writes(model_admin: ModelAdmin, request: object) -> bool:
    for inline in model_admin.get_inline_instances(request):
        fields = inline.get_fields(request)
        readonly = set(inline.get_readonly_fields(request))
        if inline.can_delete or set(fields) - readonly:
            return True
    return False


def record_admins() -> list[tuple[str, ModelAdmin]]:
    return sorted(
        (model._meta.label, model_admin)
        for model, model_admin in admin.site._registry.items()
        if (model._meta.app_label in RECORD_APPS or model._meta.label in NAMED_ON_FILMS)
        and model._meta.label not in NOT_A_RECORD
    )


def test_every_record_admin_is_known() -> None:
    assert [label for label, _admin in record_admins()] == [
        "accounts.Organisation",
        "calls.Call",
        "calls.Category",
        "calls.FestivalMember",
        "calls.Review",
        "calls.Submission",
        "circuit.RunEntry",
        "festivals.Award",
        "festivals.Edition",
        "festivals.Entry",
        "festivals.Festival",
        "festivals.Section",
        "films.Collaborator",
        "films.Film",
        "films.Genre",
        "films.Role",
        "media.Album",
        "media.Image",
        "media.Upload",
        "media.Video",
        "people.Person",
    ]


@pytest.mark.parametrize(("label", "model_admin"), record_admins())
def test_admin_writes_only_through_the_services(label: str, model_admin: ModelAdmin) -> None:
    request = RequestFactory().get("/admin/")
    request.user = UserFactory.create(staff=True)
    if label in READ_ONLY:
        assert not _writes(model_admin, request)
        return
    own = type(model_admin)
    missing = [name for name in WRITES if getattr(own, name) is getattr(ModelAdmin, name)]
    if _inline_writes(model_admin, request) and own.save_formset is ModelAdmin.save_formset:
        missing.append("save_formset")
    assert missing == [], f"{label} writes around the services"
