"""The words search knows: editors' synonym groups (`Synonym`) and the names of the portal's services (the
titles of service items and guides, and the words in them), with their pinyin.

`Vocabulary` is plain data and plain functions (tested without a database); `for_locale` builds one from the
database and keeps it in the cache until a synonym changes or a page is published or unpublished.
"""

import re

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from portal.listing import content_types
from portal.text import fold, words

from .models import Synonym
from .understanding import HAN, LATIN, MIN_INITIALS, initials, is_dictionary_word, spoken, syllables

CACHE_SECONDS = 3600
VERSION_KEY = "search:vocabulary:version"
LONGEST = 12  # characters: longer spans are never compared with terms


class Vocabulary:
    """`groups`: synonym groups, each a list of words, the official term first; `terms`: other known terms, the
    most wanted first (a pinyin shared by two terms reads as the first)."""

    def __init__(self, groups=(), terms=()):
        self.groups = [tuple(dict.fromkeys(fold(word) for word in group if word.strip())) for group in groups]
        self.groups = [group for group in self.groups if group]
        self.group_of = {}
        for group in self.groups:
            for word in group:
                self.group_of.setdefault(word, group)
        # Longest first, so 港澳通行证 is found before 通行证.
        self.members = sorted(self.group_of, key=len, reverse=True)
        known = [group[0] for group in self.groups] + [fold(term) for term in terms] + list(self.group_of)
        self.known = set(known)
        self.by_syllables, self.by_pinyin, self.by_initials = {}, {}, {}
        for term in known:
            if not (HAN.search(term) and all(HAN.match(char) for char in term)) or len(term) > LONGEST:
                continue
            preferred = self.preferred(term)
            self.by_syllables.setdefault(syllables(term), preferred)
            self.by_pinyin.setdefault(spoken(term), preferred)
            self.by_pinyin.setdefault("".join(syllables(term)), preferred)
            if len(term) >= MIN_INITIALS:
                self.by_initials.setdefault(initials(term), preferred)

    def preferred(self, word):
        """The official term of the word's synonym group, or the word."""
        return self.group_of[word][0] if word in self.group_of else word

    def correct(self, text):
        """`text` with misspelt known terms corrected (结昏登记 → 结婚登记), or a query typed in pinyin or pinyin
        initials read as the term (jiehun → 结婚, jhdj → 结婚登记); "" when nothing was corrected."""
        compact = text.replace(" ", "")
        if LATIN.fullmatch(compact):
            found = self.by_pinyin.get(compact) or (len(compact) >= MIN_INITIALS and self.by_initials.get(compact))
            return found or ""
        parts, start, changed = [], 0, False
        while start < len(text):
            step, replacement = 1, None
            for end in range(min(len(text), start + LONGEST), start + 1, -1):
                span = text[start:end]
                if not all(HAN.match(char) for char in span):
                    continue
                if span in self.known or is_dictionary_word(span):
                    step = end - start  # a word the reader meant: kept as typed
                    break
                term = self.by_syllables.get(syllables(span))
                if term and term != span:
                    step, replacement = end - start, term
                    break
            parts.append(replacement or text[start : start + step])
            changed = changed or replacement is not None
            start += step
        return "".join(parts) if changed else ""

    def expand(self, text):
        """(`text` without the synonym words found in it, the groups of those words, in the order found)."""
        groups = []
        for member in self.members:
            pattern = rf"\b{re.escape(member)}\b" if LATIN.fullmatch(member) else re.escape(member)
            if re.search(pattern, text):
                if self.group_of[member] not in groups:
                    groups.append(self.group_of[member])
                text = re.sub(pattern, " ", text)
        return " ".join(text.split()), tuple(groups)


def for_locale(locale):
    """The vocabulary of `locale`'s readers, from the cache when nothing changed since it was built."""
    key = f"search:vocabulary:{locale.pk}:{cache.get_or_set(VERSION_KEY, 1, None)}"
    built = cache.get(key)
    if built is None:
        built = build(locale)
        cache.set(key, built, CACHE_SECONDS)
    return Vocabulary(*built)


def build(locale):
    """(synonym groups, known terms) for `locale`: every synonym group (all languages share them), then the
    titles of its live service pages (guides and service items) and the words jieba cuts them into."""
    groups = [synonym.words() for synonym in Synonym.objects.all()]
    titles = (
        Page.objects.live()
        .public()
        .filter(locale=locale, content_type__in=content_types(lambda model: model.is_service_guide))
        .order_by("depth", "path")
        .values_list("title", flat=True)
    )
    titles = [fold(title) for title in titles]
    parts = [word for title in titles for word in words(title) if len(word) > 1]
    return groups, list(dict.fromkeys(titles + parts))


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
@receiver(page_published)
@receiver(page_unpublished)
def forget_vocabulary(**kwargs):
    """A new version: the next search builds the vocabulary again."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
