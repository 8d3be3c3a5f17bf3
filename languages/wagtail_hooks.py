"""Keeping synchronised locales translated as editors work: wagtail-localize mirrors a new zh-hans page into
zh-hant as an alias (Simplified text); publishing then replaces the alias with an OpenCC translation."""

from wagtail import hooks
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import LocaleSynchronization

from .translation import translate


@hooks.register("after_publish_page")
@hooks.register("after_create_page", order=100)  # after wagtail-localize has made the alias
def translate_into_synchronised_locales(request, page):
    """Translate a published page into every locale synchronised from its own, where it is mirrored already."""
    translator = get_machine_translator()
    if not page.live or translator is None:
        return
    synchronised = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list("locale_id")
    for locale in Locale.objects.filter(pk__in=synchronised):
        if translator.can_translate(page.locale, locale) and page.get_translation_or_none(locale) is not None:
            translate(page, locale, translator)
