"""Factories for users and organisations."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from filmfolio.accounts.choices import OrganisationKind
from filmfolio.accounts.models import Membership, Organisation

# The password every ``UserFactory`` user has (for login tests).
PASSWORD = "pass-word-123"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A user with a usable password ("pass-word-123")."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        staff = factory.Trait(is_staff=True, is_superuser=True)

    @classmethod
    def _after_postgeneration(
        cls, instance: User, create: bool, results: dict[str, Any] | None = None
    ) -> None:
        if create:
            instance.save()


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    """A production house."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Production House {n}")
    slug = factory.Sequence(lambda n: f"production-house-{n}")
    kind = OrganisationKind.PRODUCTION_HOUSE


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    """A user's membership of an organisation."""

    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
