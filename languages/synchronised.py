"""Locales kept in step with another (zh-hant with zh-hans): what happens to a page happens to its mirrors.

Publishing a zh-hans page by any path (the admin, a workflow, scheduled publishing, an import, the exchange API,
code) converts it into zh-hant with the configured machine translator (OpenCC) through wagtail-localize, its
missing ancestors first; strings an editor corrected are kept. Unpublishing takes the mirror offline.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import LocaleSynchronization

from .translation import translate

logger = logging.getLogger(__name__)
_paused = ContextVar("languages_synchronisation_paused", default=False)


@contextmanager
def paused():
    """Publish without converting page by page (a data load that translates its whole tree at the end)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def synchronised_locales(locale_id):
    """The locales kept in step with `locale_id`."""
    return Locale.objects.filter(
        pk__in=LocaleSynchronization.objects.filter(sync_from_id=locale_id).values_list("locale_id")
    )


def mirrors(page):
    """The page's live translations in the locales synchronised from its own."""
    synchronised = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list("locale_id")
    return Page.objects.filter(translation_key=page.translation_key, locale_id__in=synchronised, live=True)


def translate_with_ancestors(page, locale, translator):
    """Translate `page` into `locale`, first translating its ancestors that have no real translation there."""
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        existing = ancestor.get_translation_or_none(locale)
        if existing is None or existing.alias_of_id is not None:
            translate(ancestor, locale, translator, refresh=False)
    return translate(page, locale, translator)


def translate_mirrors(sender, instance, **kwargs):
    """Signal receiver (page_published): convert the page into every locale synchronised from its own."""
    if _paused.get():
        return
    translator = get_machine_translator()
    if translator is None:
        return
    for locale in synchronised_locales(instance.locale_id):
        if not translator.can_translate(instance.locale, locale):
            continue
        try:
            with transaction.atomic():  # a savepoint: a failed conversion never undoes the publication
                translate_with_ancestors(instance, locale, translator)
        except Exception:
            logger.exception("converting page %s into %s failed; translate_zh_hant will retry", instance.pk, locale)


def unpublish_mirrors(sender, instance, **kwargs):
    """Signal receiver: a page taken offline goes offline in the synchronised locales too, where it is only a
    machine translation of the page (before, the 繁體 copy of a withdrawn notice stayed online)."""
    if _paused.get():
        return
    for mirror in mirrors(instance):
        mirror.specific.unpublish()
