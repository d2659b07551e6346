"""Management commands of the importer app."""
