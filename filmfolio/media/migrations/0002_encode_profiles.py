"""Seed the default HLS ladder: 1080p, 720p, 480p and 360p H.264/AAC."""

from django.db import migrations

LADDER = [
    ("1080p", 1080, 5000, 128),
    ("720p", 720, 2800, 128),
    ("480p", 480, 1400, 96),
    ("360p", 360, 800, 96),
]


def seed(apps, schema_editor):
    EncodeProfile = apps.get_model("media", "EncodeProfile")
    for name, height, video_kbps, audio_kbps in LADDER:
        EncodeProfile.objects.update_or_create(
            name=name,
            defaults={
                "height": height,
                "video_bitrate_kbps": video_kbps,
                "audio_bitrate_kbps": audio_kbps,
                "is_active": True,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("media", "EncodeProfile").objects.filter(
        name__in=[row[0] for row in LADDER]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("media", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
