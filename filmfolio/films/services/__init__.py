"""Writes to a film's record: create, edit by section, credits, titles, texts, links and the
coded facts (countries, languages, genres, companies).

Every service is keyword-only, checks the actor's right through ``films.access``, runs in one
transaction, and writes a change record (who, when, which fields, old and new value).
Festival entries are written by ``festivals.services``. Merging two people
(``person_merge``) is here because it moves credits and claims, above ``people``.
"""

from .base import (
    SECTION_FIELDS,
    film_changed,
    film_slug_for,
    require_edit,
    require_own,
    validated,
)
from .content import link_add, link_remove, text_remove, text_set, title_add, title_remove
from .credits import CreditedPerson, credit_add, credit_remove, credit_update
from .facts import (
    company_add,
    company_remove,
    country_add,
    country_remove,
    genres_set,
    language_add,
    language_remove,
    title_update,
)
from .film import film_create, film_update, film_update_section
from .organisations import organisation_delete, organisation_rows_save, organisation_save
from .people_merge import MergePlan, person_merge, person_merge_plan
from .records import film_delete, film_rows_save, film_save
from .subjects import clean_subjects, subjects_set, suggested_subjects
from .visibility import film_password_matches, film_set_visibility, publication_time
from .vocabulary import vocabulary_delete, vocabulary_save

__all__ = [
    "SECTION_FIELDS",
    "CreditedPerson",
    "MergePlan",
    "clean_subjects",
    "company_add",
    "company_remove",
    "country_add",
    "country_remove",
    "credit_add",
    "credit_remove",
    "credit_update",
    "film_changed",
    "film_create",
    "film_delete",
    "film_password_matches",
    "film_rows_save",
    "film_save",
    "film_set_visibility",
    "film_slug_for",
    "film_update",
    "film_update_section",
    "genres_set",
    "language_add",
    "language_remove",
    "link_add",
    "link_remove",
    "organisation_delete",
    "organisation_rows_save",
    "organisation_save",
    "person_merge",
    "person_merge_plan",
    "publication_time",
    "require_edit",
    "require_own",
    "subjects_set",
    "suggested_subjects",
    "text_remove",
    "text_set",
    "title_add",
    "title_remove",
    "title_update",
    "validated",
    "vocabulary_delete",
    "vocabulary_save",
]
