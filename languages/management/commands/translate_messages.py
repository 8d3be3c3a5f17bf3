from django.conf import settings
from django.core.management.base import BaseCommand

import polib

from languages.machine_translator import to_traditional


class Command(BaseCommand):
    help = (
        "Fill the empty entries of locale/zh_Hant/LC_MESSAGES/*.po with OpenCC conversions of their Simplified msgid "
        "(run by `make messages` after makemessages); entries someone already translated are kept."
    )

    def handle(self, *args, **options):
        variant = settings.TRADITIONAL_CHINESE_VARIANT
        for folder in settings.LOCALE_PATHS:
            for path in sorted((folder / "zh_Hant" / "LC_MESSAGES").glob("*.po")):
                catalog, filled = polib.pofile(str(path)), 0
                for entry in catalog:
                    if entry.msgid_plural and not any(entry.msgstr_plural.values()):
                        entry.msgstr_plural = {0: to_traditional(entry.msgid_plural, variant)}
                    elif not entry.msgid_plural and not entry.msgstr:
                        entry.msgstr = to_traditional(entry.msgid, variant)
                    else:
                        continue
                    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
                    filled += 1
                catalog.save()
                self.stdout.write(f"{path}: {filled} 条已转换为繁体")
