"""The demo in three languages: zh-hant converted by OpenCC, English written by people (data/english.json);
both are wagtail-localize translations of the zh-hans pages, which editors can open and correct."""

import re

from django.conf import settings

from wagtail.models import Locale, Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from languages.machine_translator import OpenCCTranslator
from languages.translation import translate_pages

from . import content

HAN = re.compile(r"[\u3400-\u9fff]")


class WrittenTranslator(BaseMachineTranslator):
    """Translations written by people, looked up by their source text; unknown strings are left to fall back."""

    display_name = "演示译文"
    translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL

    def __init__(self, language_code, strings):
        super().__init__({})
        self.language_code, self.strings = language_code, strings

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(self.strings.get(string.data, string.data))
            for string in strings
            if string.data in self.strings or not HAN.search(string.data)  # codes, slugs, phone numbers stay
        }

    def can_translate(self, source_locale, target_locale):
        return target_locale.language_code == self.language_code


def load_translations(loader):
    """zh-hant for every page (OpenCC, as publishing would have made it: the loader publishes with the
    synchronisation paused and converts the whole tree here, parents first); English for the pages foreigners and
    overseas Chinese read (data/english.json)."""
    home = loader.pages["/"]
    data = content.read("english.json")
    english = Page.objects.filter(locale=home.locale, url_path__in=[home.url_path + path for path in data["pages"]])
    traditional = Page.objects.descendant_of(home, inclusive=True)
    for code, pages, translator in [
        ("zh-hant", traditional, OpenCCTranslator({"VARIANT": settings.TRADITIONAL_CHINESE_VARIANT})),
        ("en", english, WrittenTranslator("en", data["strings"])),
    ]:
        result = translate_pages(pages, Locale.objects.get(language_code=code), translator, refresh=False)
        loader.created.extend(result.created)
        if result.created:
            loader.log(f"{code}：{result.summary()}")
