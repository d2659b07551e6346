"""Shared kernel: base models, text normalisation for names and titles, vocabularies, errors."""
