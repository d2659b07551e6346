"""Films that were already public without a publication date get one: their creation date
(a film made public on the sharing page used to get none, so it never reached the feed)."""

from django.db import migrations
from django.db.models import F


def date_public_films(apps, schema_editor):
    Film = apps.get_model("films", "Film")
    Film.objects.filter(visibility="public", published_at__isnull=True).update(
        published_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [("films", "0003_language_roles")]

    operations = [migrations.RunPython(date_public_films, migrations.RunPython.noop)]
