"""The language switcher and hreflang alternates: the same page in each language, else that language's nearest
ancestor of it (a section, the home page), with a notice."""

import re
from functools import cache

from django import template
from django.conf import settings
from django.db.models import Q, Subquery
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page

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
    nearest = {}  # language code -> its deepest live version among the page and its ancestors
    for version in same_page_and_ancestors(page):
        code = codes[version.locale_id]
        if code not in nearest or version.depth > nearest[code].depth:
            nearest[code] = version
    versions = []
    for code, name in settings.LANGUAGES:
        target = nearest.get(code)
        if target is None:
            continue
        url = target.get_url(request)
        if url is None:
            continue
        translated = target.translation_key == page.translation_key
        url = url if translated else f"{url}?{UNTRANSLATED}=1"
        versions.append(Version(code, name, url, translated, code == codes[page.locale_id]))
    return Languages(versions, codes[page.locale_id])


def same_page_and_ancestors(page):
    """The live versions of `page` and of its ancestors (home included) in every language, in one query: where
    a language lacks the page, the switcher offers its nearest ancestor there, never a 404."""
    ancestors = Page.objects.filter(path__in=ancestor_paths(page), depth__gt=1).values("translation_key")
    return Page.objects.live().filter(Q(translation_key=page.translation_key) | Q(translation_key__in=ancestors))


def ancestor_paths(page):
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path), step)]


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


class ContentLanguage:
    """A listed page's language, where it differs from the reader's: the `lang` its link carries and the tag
    that says so (English readers see "中文")."""

    def __init__(self, code):
        self.code, self.hreflang = code, HREFLANG.get(code, code)
        self.label = "中文" if code.startswith("zh") else code


@register.filter
def other_language(page):
    """A `ContentLanguage` when `page` (listed, linked, featured) is not in the reader's language, else None:
    templates mark such a link `lang="zh-Hans"` with a visible "中文" tag instead of mixing it in silently."""
    locale_id = getattr(page, "locale_id", None)
    reader = locale_ids().get(translation.get_language())
    if locale_id is None or reader is None or locale_id == reader:
        return None
    codes = {pk: code for code, pk in locale_ids().items()}
    return ContentLanguage(codes.get(locale_id, ""))


@register.simple_tag
def untranslated_children(page):
    """The live children of `page`'s zh-hans source that have no live version in `page`'s language, in one query
    (none on zh-hans pages): an English list shows them too, marked Chinese, instead of leaving them out."""
    source_locale = locale_ids().get(settings.LANGUAGE_CODE)
    if not isinstance(page, Page) or page.locale_id == source_locale:
        return []
    translated = Page.objects.filter(locale_id=page.locale_id, live=True).values("translation_key")
    source = Page.objects.filter(translation_key=page.translation_key, locale_id=source_locale)
    return list(
        Page.objects.live()
        .public()
        .filter(path__startswith=Subquery(source.values("path")[:1]), depth=page.depth + 1, locale_id=source_locale)
        .exclude(translation_key__in=translated)
        .order_by("path")
    )


HAN = re.compile(r"[\u3400-\u9fff]")


@register.filter
def chinese_for_foreign_reader(text):
    """ "zh-Hans" when `text` (a letter's title, a reply: written by people, not translated) holds Chinese and
    the reader reads a language that is not Chinese, else "": the template marks it `lang="zh-Hans"`."""
    reader = translation.get_language() or ""
    return "zh-Hans" if not reader.startswith("zh") and HAN.search(str(text or "")) else ""
