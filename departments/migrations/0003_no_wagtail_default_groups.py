"""Wagtail's default groups "Editors" and "Moderators" go: they edit (and Moderators publish) every page from the
root and use every collection, which the site group replaces with one editor and one reviewer group per
department (departments.access). A group someone was already put in keeps its name and members but loses those
site-wide rights, so nobody publishes outside their department by belonging to it.
"""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = Group.objects.filter(name__in=GROUPS)
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()
    groups.filter(user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("departments", "0002_desk_and_supervisors_choose_no_media"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
