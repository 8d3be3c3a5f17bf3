"""The language switcher and hreflang alternates: the same page in each language, else that language's home."""

from functools import cache

from django import template
from django.conf import settings
from django.db.models import Q, Subquery
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

register = template.Library()

HREFLANG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
UNTRANSLATED = "untranslated"  # query parameter: the reader came from a page not yet in this language


class Languages:
    def __init__(self, versions, current):
        self.versions, self.current = versions, current
        self.alternates = [version for version in versions if version.translated]


class Version:
    def __init__(self, code, name, url, translated, current):
        self.code, self.name, self.url, self.translated, self.current = code, name, url, translated, current
        self.hreflang = HREFLANG.get(code, code)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """A `Version` per language (one query for a page, none elsewhere) and the `current` language: the
    page's own, so `<html lang>` follows the content even where a page stands in for a missing translation."""
    request, page = context["request"], context.get("page")
    if not isinstance(page, Page):
        path, current = request.get_full_path(), context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
        versions = [
            Version(code, name, translate_url(path, code), True, code == current) for code, name in settings.LANGUAGES
        ]
        return Languages(versions, current)
    codes = {pk: code for code, pk in locale_ids().items()}
    site = Site.find_for_request(request)
    translations, homes = {}, {}
    for version in same_page_and_home(page, site):
        found = translations if version.translation_key == page.translation_key else homes
        found[codes[version.locale_id]] = version
    versions = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        url = target.get_url(request)
        translated = code in translations
        url = url if translated else f"{url}?{UNTRANSLATED}=1"
        versions.append(Version(code, name, url, translated, code == codes[page.locale_id]))
    return Languages(versions, codes[page.locale_id])


def same_page_and_home(page, site):
    """The live versions of `page` and of the site's home page in every language, in one query."""
    same = Q(translation_key=page.translation_key)
    if site is not None:
        same |= Q(translation_key=Subquery(Page.objects.filter(pk=site.root_page_id).values("translation_key")))
    return Page.objects.live().filter(same)


@register.simple_tag(takes_context=True)
def came_untranslated(context):
    """True when the reader followed the switcher from a page that has no version in this language."""
    return UNTRANSLATED in context["request"].GET


@cache
def locale_ids():
    """{language code: Locale id}; locales are fixed by settings.LANGUAGES and migrations, so read once."""
    return dict(Locale.objects.values_list("language_code", "pk"))


@register.filter
def localized(page):
    """The live translation of a linked page in the reader's language, else the page itself: links chosen on a
    zh-hans page keep readers of its translations in their language. No query when the page is in it already."""
    locale_id = locale_ids().get(translation.get_language())
    if page is None or locale_id is None or page.locale_id == locale_id:
        return page
    return page.get_translations().filter(locale_id=locale_id).live().first() or page
