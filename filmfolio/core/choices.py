"""Enumerations of the core app: what a change record says was done, and to which part.

``record_change`` stores only these values; an admin inline's formset prefix names its section,
so every inline's prefix is one of ``AuditSection`` (a test walks the admin to check).
"""

from django.db import models
from django.utils.translation import pgettext_lazy


class AuditAction(models.TextChoices):
    """What a change did."""

    CREATE = "create", pgettext_lazy("change record", "Created")
    UPDATE = "update", pgettext_lazy("change record", "Changed")
    DELETE = "delete", pgettext_lazy("change record", "Deleted")
    ADD = "add", pgettext_lazy("change record", "Added")
    REMOVE = "remove", pgettext_lazy("change record", "Removed")
    SET = "set", pgettext_lazy("change record", "Set")
    REPLACE = "replace", pgettext_lazy("change record", "Replaced by an import")
    REVOKE = "revoke", pgettext_lazy("change record", "Revoked")
    INVITE = "invite", pgettext_lazy("change record", "Invited")
    ACCEPT = "accept", pgettext_lazy("change record", "Accepted")
    WITHDRAW = "withdraw", pgettext_lazy("change record", "Withdrawn")
    APPROVED = "approved", pgettext_lazy("change record", "Claim confirmed")
    REJECTED = "rejected", pgettext_lazy("change record", "Claim declined")
    MERGE = "merge", pgettext_lazy("change record", "Merged")


class AuditSection(models.TextChoices):
    """The part of a record a change touched (blank: the record as a whole)."""

    # a film
    FILM = "film", pgettext_lazy("change record", "Film")
    RECORD = "record", pgettext_lazy("change record", "Record")
    BASICS = "basics", pgettext_lazy("change record", "Basics")
    SPECS = "specs", pgettext_lazy("change record", "Specifications")
    TITLES = "titles", pgettext_lazy("change record", "Titles")
    CREDITS = "credits", pgettext_lazy("change record", "Credits")
    COUNTRIES = "countries", pgettext_lazy("change record", "Countries")
    LANGUAGES = "languages", pgettext_lazy("change record", "Languages")
    TEXTS = "texts", pgettext_lazy("change record", "Texts")
    LINKS = "links", pgettext_lazy("change record", "Links")
    COMPANIES = "companies", pgettext_lazy("change record", "Companies")
    GENRES = "genres", pgettext_lazy("change record", "Genres")
    FESTIVALS = "festivals", pgettext_lazy("change record", "Festivals")
    COLLABORATORS = "collaborators", pgettext_lazy("change record", "Collaborators")
    VISIBILITY = "visibility", pgettext_lazy("change record", "Visibility")
    SCREENER_LINKS = "screener_links", pgettext_lazy("change record", "Screener links")
    IMPORT = "import", pgettext_lazy("change record", "Import")
    # a person
    PERSON = "person", pgettext_lazy("change record", "Person")
    NAMES = "names", pgettext_lazy("change record", "Names")
    BIOGRAPHIES = "biographies", pgettext_lazy("change record", "Biographies")
    ACCOUNT = "account", pgettext_lazy("change record", "Account")
    # a festival
    FESTIVAL = "festival", pgettext_lazy("change record", "Festival")
    EDITIONS = "editions", pgettext_lazy("change record", "Editions")
    SECTIONS = "sections", pgettext_lazy("change record", "Sections")
    AWARDS = "awards", pgettext_lazy("change record", "Awards")
    # an organisation
    ORGANISATION = "organisation", pgettext_lazy("change record", "Organisation")
    MEMBERSHIPS = "memberships", pgettext_lazy("change record", "Memberships")
