"""The typo vocabulary counts the public documents holding each word and keeps only words that
some public document holds, so spelling corrections never come from a private title. The
counts are taken here from the documents as stored; run ``filmfolio reindex`` afterwards so that
people and festival documents carry whether they are listed through a public film."""

from collections import Counter

from django.db import migrations, models


def count_public_words(apps, schema_editor):
    document = apps.get_model("search", "SearchDocument")
    term = apps.get_model("search", "SearchTerm")
    counts = Counter()
    rows = document.objects.filter(is_public=True).values_list("terms", "extra_terms")
    for terms, extra_terms in rows.iterator(chunk_size=5000):
        counts.update(set(terms.split()) | set(extra_terms.split()))
    term.objects.all().delete()
    term.objects.bulk_create(
        [
            term(term=word, documents=n)
            for word, n in sorted(counts.items())
            if 4 <= len(word) <= 32 and word.isascii() and word.isalpha()
        ],
        batch_size=5000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_postgres_filter_vector"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchterm",
            name="documents",
            field=models.IntegerField(default=0, verbose_name="public documents"),
        ),
        migrations.RunPython(count_public_words, migrations.RunPython.noop, elidable=True),
    ]
