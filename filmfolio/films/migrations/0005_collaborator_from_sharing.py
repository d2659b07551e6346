"""``Collaborator`` joins ``films`` in the migration state, keeping the table
``sharing_collaborator`` it was created with (the database is not touched: no table, column,
index or constraint changes). Its content type is renamed from ``sharing`` to ``films`` so that
the permissions given on it, and anything pointing at the content type, stay attached."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODEL = "collaborator"


def _rename_content_type(apps, schema_editor, old: str, new: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    if not content_types.filter(app_label=new, model=MODEL).exists():
        content_types.filter(app_label=old, model=MODEL).update(app_label=new)


def to_films(apps, schema_editor) -> None:
    _rename_content_type(apps, schema_editor, "sharing", "films")


def to_sharing(apps, schema_editor) -> None:
    _rename_content_type(apps, schema_editor, "films", "sharing")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("films", "0004_publication_dates_of_public_films"),
        ("sharing", "0003_collaborator_moves_to_films"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Collaborator",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "role",
                            models.CharField(
                                choices=[("viewer", "Viewer"), ("editor", "Editor"), ("owner", "Owner")],
                                max_length=16,
                                verbose_name="role",
                            ),
                        ),
                        (
                            "film",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="collaborators",
                                to="films.film",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="collaborations",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "collaborator",
                        "verbose_name_plural": "collaborators",
                        "db_table": "sharing_collaborator",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("film", "user"), name="unique_collaborator"
                            )
                        ],
                    },
                )
            ],
            database_operations=[],
        ),
        migrations.RunPython(to_films, to_sharing),
    ]
