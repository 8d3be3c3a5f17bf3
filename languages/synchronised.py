"""Locales kept in step with another (zh-hant with zh-hans): what happens to a page happens to its mirrors."""

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization


def mirrors(page):
    """The page's live translations in the locales synchronised from its own."""
    synchronised = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list("locale_id")
    return Page.objects.filter(translation_key=page.translation_key, locale_id__in=synchronised, live=True)


def unpublish_mirrors(sender, instance, **kwargs):
    """Signal receiver: a page taken offline goes offline in the synchronised locales too, where it is only a
    machine translation of the page (before, the 繁體 copy of a withdrawn notice stayed online)."""
    for mirror in mirrors(instance):
        mirror.specific.unpublish()
