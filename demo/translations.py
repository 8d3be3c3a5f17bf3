"""The demo in three languages: zh-hant converted by OpenCC, English written by people (data/english.json);
both are wagtail-localize translations of the zh-hans pages, which editors can open and correct."""

from django.conf import settings

from wagtail.models import Locale, Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from languages.machine_translator import OpenCCTranslator
from languages.translation import translate_pages

from . import content


class WrittenTranslator(BaseMachineTranslator):
    """Translations written by people, looked up by their source text; unknown strings are left to fall back."""

    display_name = "演示译文"
    translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL

    def __init__(self, language_code, strings):
        super().__init__({})
        self.language_code, self.strings = language_code, strings

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(self.strings[string.data]) for string in strings if string.data in self.strings}

    def can_translate(self, source_locale, target_locale):
        return target_locale.language_code == self.language_code


def load_translations(loader):
    """English for the pages overseas Chinese and visitors read first; zh-hant for the portal's own pages (the
    department branches stay for `translate_zh_hant`, which converts the whole tree in a few minutes)."""
    home = loader.pages["/"]
    data = content.read("english.json")
    english = Page.objects.filter(locale=home.locale, url_path__in=[home.url_path + path for path in data["pages"]])
    departments = loader.pages["/departments/"]
    department_branches = Page.objects.descendant_of(departments).filter(depth__gt=departments.depth + 1)
    traditional = Page.objects.descendant_of(home, inclusive=True).exclude(pk__in=department_branches) | english
    for code, pages, translator in [
        ("zh-hant", traditional, OpenCCTranslator({"VARIANT": settings.TRADITIONAL_CHINESE_VARIANT})),
        ("en", english, WrittenTranslator("en", data["strings"])),
    ]:
        result = translate_pages(pages, Locale.objects.get(language_code=code), translator, refresh=False)
        loader.created.extend(result.created)
        if result.created:
            loader.log(f"{code}：{result.summary()}")
