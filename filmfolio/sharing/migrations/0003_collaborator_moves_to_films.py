"""``Collaborator`` is a model of ``films`` now (the access policy reads it there): it leaves this
app's migration state. The table ``sharing_collaborator`` stays where it is; ``films`` takes the
model over with that table name in ``films/0005_collaborator_from_sharing``, which also moves the
model's content type (and so its permissions)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("sharing", "0002_invitation_screenerlink")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Collaborator")],
            database_operations=[],
        )
    ]
