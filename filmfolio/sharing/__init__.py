"""Visibility, collaborators, screener links; access.py decides who sees what."""
