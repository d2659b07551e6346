"""Editing a film on the web, section by section, by its owners and editors."""
