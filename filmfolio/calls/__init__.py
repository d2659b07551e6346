"""Festivals' calls for entry: members, calls and categories, submissions, programming, results."""
