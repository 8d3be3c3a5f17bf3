"""Wagtail's database search backend, reading queries the way pages were indexed, with two fixes.

Every query string is cut into words by `portal.text` before it reaches the engine, so admin searches and
the reader's search page both find 结婚 inside 内地居民结婚登记 (the pages' fields are segmented by
`portal.indexing.SegmentedField`).

PostgreSQL: its default parser reads a run of Chinese characters as one word, so nearly every title was one
lexeme long and the average title length 1.0. Wagtail then stores a title norm of exactly 1.0 — the value its
refresh treats as "not yet computed" — and rewrote every such row on every save: each save cost a pass over
the whole index, and a bulk import grew quadratically. This refresh leaves alone the rows whose norm is
already right.

SQLite gets title weights in `search.sqlite` (imported only there: its model exists only on SQLite). Both read
queries through `search.query.SegmentedQueries`.
"""

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from .query import SegmentedQueries


class ChineseTitleIndex(PostgresIndex):
    def _refresh_title_norms(self, full=False):
        with_length = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = with_length.aggregate(Avg("title_length"))["title_length__avg"]
        stale = with_length if full else with_length.filter(title_norm=1.0)
        stale.exclude(title_norm=average / F("title_length")).update(title_norm=average / F("title_length"))


class ChineseTitleBackend(SegmentedQueries, PostgresSearchBackend):
    index_class = ChineseTitleIndex


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return ChineseTitleBackend(params)
    from .sqlite import TitleWeightedSQLiteBackend

    return TitleWeightedSQLiteBackend(params)
