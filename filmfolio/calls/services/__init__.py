"""Writes of the calls app: keyword-only services that check the actor through
``calls.access``, run in one transaction and write a change record (``core.audit``)."""

from .calls import CallDraft, CategoryDraft, call_create, call_set_open, category_add
from .members import award_add, member_appoint, member_remove, section_add
from .programming import (
    Decision,
    assignment_add,
    review_save,
    submission_decide,
    submission_shortlist,
    submissions_notify,
)
from .submissions import submission_create, submission_withdraw

__all__ = [
    "CallDraft",
    "CategoryDraft",
    "Decision",
    "assignment_add",
    "award_add",
    "call_create",
    "call_set_open",
    "category_add",
    "member_appoint",
    "member_remove",
    "review_save",
    "section_add",
    "submission_create",
    "submission_decide",
    "submission_shortlist",
    "submission_withdraw",
    "submissions_notify",
]
