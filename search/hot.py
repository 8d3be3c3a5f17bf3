"""热门搜索: the queries readers searched most in the last month and found something for."""

from django.core.cache import cache

from .models import query_counts

COUNT = 8
DAYS = 30
CACHE_SECONDS = 600


def hot_searches(language):
    """Up to `COUNT` queries in `language`, most searched first; counted at most every ten minutes."""
    key = f"search:hot:{language}"
    queries = cache.get(key)
    if queries is None:
        queries = [row["query"] for row in query_counts(DAYS, language=language, results__gt=0)[:COUNT]]
        cache.set(key, queries, CACHE_SECONDS)
    return queries
