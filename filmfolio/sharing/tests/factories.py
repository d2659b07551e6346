"""Factories of the sharing app: films with a visibility, collaborators and screener links."""

from __future__ import annotations

import factory
from django.contrib.auth.hashers import make_password

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Film
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tokens import token_digest


class FilmFactory(factory.django.DjangoModelFactory):
    """A film; private unless a trait says otherwise."""

    class Meta:
        model = Film

    title = factory.Sequence(lambda n: f"Film number {n}")
    slug = factory.Sequence(lambda n: f"film-number-{n}")
    year = 2020
    visibility = Visibility.PRIVATE

    class Params:
        public = factory.Trait(visibility=Visibility.PUBLIC)
        unlisted = factory.Trait(visibility=Visibility.UNLISTED)
        protected = factory.Trait(
            visibility=Visibility.PASSWORD,
            password_hash=factory.LazyFunction(lambda: make_password("open sesame")),
        )


class CollaboratorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaborator

    film = factory.SubFactory(FilmFactory)
    user = factory.SubFactory(UserFactory)
    role = CollaboratorRole.OWNER


class ScreenerLinkFactory(factory.django.DjangoModelFactory):
    """A link whose token is ``"token-<n>"`` (kept on the instance as ``token``)."""

    class Meta:
        model = ScreenerLink
        exclude = ("token",)

    film = factory.SubFactory(FilmFactory)
    recipient = factory.Sequence(lambda n: f"Festival programming {n}")
    token = factory.Sequence(lambda n: f"token-{n}")
    token_hash = factory.LazyAttribute(lambda o: token_digest(o.token))
