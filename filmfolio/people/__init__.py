"""People with names in several scripts and orders, aliases and biographies."""
