"""Simplified → Traditional Chinese for wagtail-localize, offline, with OpenCC."""

from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .script import VARIANTS, converter, to_traditional

__all__ = ["VARIANTS", "DEFAULT_VARIANT", "OpenCCTranslator", "converter", "to_traditional"]

# Hong Kong usage (s2hk): most of Jiangmen's overseas communities (Hong Kong, Macao, the Cantonese- and
# Taishanese-speaking Americas, Southeast Asia) read Hong Kong Traditional; s2twp would also swap vocabulary for
# Taiwan's (软件 → 軟體), which those readers do not use.
DEFAULT_VARIANT = "s2hk"


class OpenCCTranslator(BaseMachineTranslator):
    """Converts zh-hans strings to zh-hant: a string's HTML goes through whole, since OpenCC changes only Han
    characters and so keeps tags, link ids and entities intact.

    OPTIONS: {"VARIANT": "s2hk" | "s2t" | "s2tw"}.
    """

    display_name = _("OpenCC 简繁转换")

    @property
    def variant(self):
        return self.options.get("VARIANT", DEFAULT_VARIANT)

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(to_traditional(string.data, self.variant)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        # Full codes: wagtail-localize's own translators compare only "zh", which makes these one language.
        return source_locale.language_code == "zh-hans" and target_locale.language_code == "zh-hant"
