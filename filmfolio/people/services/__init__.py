"""Writes of people's records, each a keyword-only ``person_<verb>`` service.

- ``records``: the admin's saves and deletes, and ``person_changed`` where each write ends.
- ``editing``: a person's written names and biographies changed on the web by whoever may
  change the record (``Person.objects.editable_by``).
- ``naming``: one rule for finding people by a written name and making a new one
  (``people_matching``, ``person_for_name``, ``person_create``).

Merging two people moves credits and claims, which belong to apps above ``people``: it is
``films.services.person_merge``.
"""

from .editing import (
    person_biography_set,
    person_name_add,
    person_name_remove,
    person_name_update,
    require_person_edit,
)
from .naming import (
    MAX_NAME_LENGTH,
    RESERVED_SLUGS,
    NewPerson,
    name_order,
    name_script,
    new_person_fields,
    people_matching,
    person_create,
    person_for_name,
    person_slug,
    person_slug_text,
    taken_person_slugs,
)
from .records import (
    person_changed,
    person_delete,
    person_rows_save,
    person_save,
    require_admin,
)

__all__ = [
    "MAX_NAME_LENGTH",
    "RESERVED_SLUGS",
    "NewPerson",
    "name_order",
    "name_script",
    "new_person_fields",
    "people_matching",
    "person_biography_set",
    "person_changed",
    "person_create",
    "person_delete",
    "person_for_name",
    "person_name_add",
    "person_name_remove",
    "person_name_update",
    "person_rows_save",
    "person_save",
    "person_slug",
    "person_slug_text",
    "require_admin",
    "require_person_edit",
    "taken_person_slugs",
]
