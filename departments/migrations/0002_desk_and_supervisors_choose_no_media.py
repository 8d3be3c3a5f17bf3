"""The 12345 desk and 网上监察 groups choose no one's images or documents.

Wagtail's migrations that introduced the "choose" permission gave it, on the root collection (so on every
department's collection), to each admin group that existed then: these two, created by interaction's migrations,
were among them. They handle cases and place no media on pages, so the grant is taken back; a department's
groups choose from their own collection only (departments.access).
"""

from django.db import migrations

GROUPS = ["12345 受理中心", "网上监察受理组"]
CHOOSE = ["choose_image", "choose_document"]


def withdraw_choose(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    choose = Permission.objects.filter(
        codename__in=CHOOSE, content_type__app_label__in=["wagtailimages", "wagtaildocs"]
    )
    GroupCollectionPermission.objects.filter(group__name__in=GROUPS, permission__in=choose).delete()
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*choose)


class Migration(migrations.Migration):
    dependencies = [
        ("departments", "0001_initial"),
        ("interaction", "0003_interview_questions_and_supervision"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(withdraw_choose, migrations.RunPython.noop)]
