"""Keep the zh-hant tree in step with zh-hans: wagtail-localize aliases every page an editor adds in zh-hans,
and translate_zh_hant (or publishing in the admin) turns the aliases into OpenCC translations."""

from django.db import migrations


def synchronise(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.get_or_create(
        locale=Locale.objects.get(language_code="zh-hant"),
        defaults={"sync_from": Locale.objects.get(language_code="zh-hans")},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_locales"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(synchronise, migrations.RunPython.noop)]
