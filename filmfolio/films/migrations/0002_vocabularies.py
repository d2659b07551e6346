"""Load the role and genre vocabularies."""

from django.db import migrations


def load(apps, schema_editor):
    from filmfolio.films.vocabulary import sync_vocabularies

    sync_vocabularies(apps.get_model("films", "Role"), apps.get_model("films", "Genre"))


class Migration(migrations.Migration):
    dependencies = [("films", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
