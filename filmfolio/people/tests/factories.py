"""Factories for people, their names, biographies and links."""

from __future__ import annotations

import factory

from filmfolio.people.choices import LinkKind, NameOrder, NameScript
from filmfolio.people.models import Person, PersonBiography, PersonLink, PersonName


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    """A person with a Latin display name."""

    class Meta:
        model = Person

    display_name = factory.Sequence(lambda n: f"Person {n:04d}")
    slug = factory.Sequence(lambda n: f"person-{n:04d}")
    sort_name = factory.LazyAttribute(lambda o: o.display_name)


class PersonNameFactory(factory.django.DjangoModelFactory[PersonName]):
    """One written form of a person's name."""

    class Meta:
        model = PersonName

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"Name {n}")
    script = NameScript.LATIN
    order = NameOrder.GIVEN_FIRST

    class Params:
        hans = factory.Trait(script=NameScript.HANS, order=NameOrder.FAMILY_FIRST, language="zh")


class PersonBiographyFactory(factory.django.DjangoModelFactory[PersonBiography]):
    """A biography in English."""

    class Meta:
        model = PersonBiography
        django_get_or_create = ("person", "language")

    person = factory.SubFactory(PersonFactory)
    language = "en"
    body = factory.LazyAttribute(lambda o: f"Biography of {o.person.display_name}.")


class PersonLinkFactory(factory.django.DjangoModelFactory[PersonLink]):
    """A website link."""

    class Meta:
        model = PersonLink

    person = factory.SubFactory(PersonFactory)
    kind = LinkKind.WEBSITE
    url = factory.Sequence(lambda n: f"https://example.org/person/{n}")
