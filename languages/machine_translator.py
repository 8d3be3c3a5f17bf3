"""Simplified → Traditional Chinese for wagtail-localize, offline, with OpenCC."""

from functools import cache

from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

import opencc

VARIANTS = {"s2t", "s2hk", "s2tw"}  # OpenTCC standard, Hong Kong, Taiwan usage
DEFAULT_VARIANT = "s2hk"  # what most of Jiangmen's overseas communities read


@cache
def converter(variant):
    if variant not in VARIANTS:
        raise ValueError(f"OpenCC variant must be one of {sorted(VARIANTS)}, not {variant!r}")
    return opencc.OpenCC(variant)


def to_traditional(text, variant=DEFAULT_VARIANT):
    """`text` in Traditional characters; markup, links and anything not Chinese are left as they are."""
    return converter(variant).convert(text)


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
