"""Wagtail's database search backend, with one fix for Chinese titles on PostgreSQL.

PostgreSQL's default parser reads a run of Chinese characters as one word, so nearly every title is one
lexeme long and the average title length is 1.0. Wagtail then stores a title norm of exactly 1.0 — the value
its refresh treats as "not yet computed" — and rewrote every such row on every save: each save cost a pass
over the whole index, and a bulk import grew quadratically. This refresh leaves alone the rows whose norm is
already right. SQLite and other databases get Wagtail's backend unchanged.
"""

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend


class ChineseTitleIndex(PostgresIndex):
    def _refresh_title_norms(self, full=False):
        with_length = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = with_length.aggregate(Avg("title_length"))["title_length__avg"]
        stale = with_length if full else with_length.filter(title_norm=1.0)
        stale.exclude(title_norm=average / F("title_length")).update(title_norm=average / F("title_length"))


class ChineseTitleBackend(PostgresSearchBackend):
    index_class = ChineseTitleIndex


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    return ChineseTitleBackend(params) if connection.vendor == "postgresql" else database_backend(params)
