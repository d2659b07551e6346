"""Festivals, editions, sections and the entries of films with their results."""
