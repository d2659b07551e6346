"""Filmfolio: a self-hosted home for independent and documentary films."""
