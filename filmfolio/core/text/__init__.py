"""The one text normaliser for titles and names, shared by search, de-duplication and import.

Public functions (stable names):

- ``fold(text)``: the form for equality matching.
- ``index_terms(text, *, is_name=False)``: tokens for a search column;
  ``index_terms_of(texts, *, is_name=False)`` for several texts, each once.
- ``query_terms(text)``: query tokens, each with its alternatives; ``is_phrase(alternative)``.
- ``name_key(name)``: order-independent key of a person's name.
- ``name_reading(name)``: a person's name in Latin letters, surname read as a surname.
- ``prefix_keys(text, *, is_name=False)``, ``prefix_query(text)``: autocomplete keys.
- ``title_terms_of(texts)``: title tokens with the pinyin of Chinese titles.
- ``prose_terms(text, language)``: tokens of running text with word stems; ``stem(word,
  language)``.
- ``to_simplified(text)``, ``strip_marks(text)``: the character steps on their own.
- ``segmentations(word)``, ``name_readings(han)``: pinyin building blocks.

Everything here is pure and cached where it pays; no database, no Django.
"""

from .chars import strip_marks, to_simplified
from .pinyin import segmentations
from .prose import prose_terms
from .stems import stem
from .terms import (
    fold,
    index_terms,
    index_terms_of,
    is_phrase,
    name_key,
    name_reading,
    name_readings,
    once_each_word,
    prefix_keys,
    prefix_query,
    query_terms,
    title_terms_of,
)

__all__ = [
    "fold",
    "index_terms",
    "index_terms_of",
    "is_phrase",
    "name_key",
    "name_reading",
    "name_readings",
    "once_each_word",
    "prefix_keys",
    "prefix_query",
    "prose_terms",
    "query_terms",
    "segmentations",
    "stem",
    "strip_marks",
    "title_terms_of",
    "to_simplified",
]
