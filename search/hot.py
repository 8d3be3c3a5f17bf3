"""热门搜索: what many readers searched for in the last month and found something for — and nobody can steer.

A query counts once per reader (a keyed hash of the address, `SearchLog.client`), so one address searching an
advert 150 times is one reader; it must come from at least HOT_SEARCH_MIN_CLIENTS readers; a query containing a
listed 错敏字词 or a term editors blocked is never shown; terms editors pinned come first (`HotSearchTerm`).
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from departments.models import SensitiveExpression
from portal.text import fold

from .models import HotSearchTerm, SearchLog

COUNT = 8
DAYS = 30
CACHE_SECONDS = 600
SCANNED = COUNT * 10  # the most-searched queries looked at, when many of them are refused


def cache_key(language):
    return f"search:hot:{language}"


def hot_searches(language):
    """Up to `COUNT` queries in `language`, pinned first, then by readers; chosen at most every ten minutes."""
    queries = cache.get(cache_key(language))
    if queries is None:
        queries = choose(language)
        cache.set(cache_key(language), queries, CACHE_SECONDS)
    return queries


@receiver(post_save, sender=HotSearchTerm)
@receiver(post_delete, sender=HotSearchTerm)
def forget_hot_searches(**kwargs):
    """Choose again at the next page: editors see their pins and blocks at once."""
    cache.delete_many([cache_key(code) for code, _ in settings.LANGUAGES])


def choose(language):
    terms = HotSearchTerm.objects.filter(Q(language=language) | Q(language=""))
    pinned = [term.query for term in terms if term.action == HotSearchTerm.Action.PIN]
    refused = [term.query for term in terms if term.action == HotSearchTerm.Action.BLOCK]
    refused += SensitiveExpression.objects.filter(active=True).values_list("expression", flat=True)
    chosen = list(dict.fromkeys(pinned))
    for query in searched_by_many(language)[:SCANNED]:
        if len(chosen) == COUNT:
            break
        if query not in chosen and not contains_any(query, refused):
            chosen.append(query)
    return chosen[:COUNT]


def searched_by_many(language):
    """Queries with results in the last `DAYS` days, searched by at least HOT_SEARCH_MIN_CLIENTS readers, most
    readers first. Searches logged without a reader (before readers were counted) do not count."""
    since = timezone.now() - timedelta(days=DAYS)
    logs = SearchLog.objects.filter(language=language, results__gt=0, searched_at__gte=since).exclude(client="")
    return (
        logs.values("query")
        .annotate(readers=Count("client", distinct=True), searches=Count("pk"))
        .filter(readers__gte=settings.HOT_SEARCH_MIN_CLIENTS)
        .order_by("-readers", "-searches", "query")
        .values_list("query", flat=True)
    )


def contains_any(query, terms):
    """Whether the query holds any of the terms, compared as search compares text (full-width, Traditional and
    upper case folded) and with spaces taken out, so "代 开 发 票" holds "代开发票"."""
    text = compact(query)
    return any(compact(term) in text for term in terms if term.strip())


def compact(text):
    return "".join(fold(text).split())
