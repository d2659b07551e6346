"""Models of the films app, split by concern."""

from .collaborators import Collaborator
from .credits import Credit, Role
from .facts import FilmCompany, FilmCountry, FilmLanguage, Genre
from .film import BASIC_FIELDS, SPEC_FIELDS, Film
from .texts import FilmLink, FilmText, Title

__all__ = [
    "BASIC_FIELDS",
    "SPEC_FIELDS",
    "Collaborator",
    "Credit",
    "Film",
    "FilmCompany",
    "FilmCountry",
    "FilmLanguage",
    "FilmLink",
    "FilmText",
    "Genre",
    "Role",
    "Title",
]
