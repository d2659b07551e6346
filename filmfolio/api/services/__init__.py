"""Writes of the API app: personal tokens, and edits of film records made through the API."""
