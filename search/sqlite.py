"""SQLite FTS5 ranking with the title above the body.

FTS5's bm25() weighs every column alike, so a word in the title counted no more than one in the body; here the
title column weighs `TITLE_WEIGHT` times the body (the autocomplete column does not rank).
"""

from django.db.models import FloatField, Func

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import And, Not, Or, Phrase, PlainText

from .query import SegmentedQueries

TITLE_WEIGHT = 5.0


class TitleWeightedBM25(Func):
    """FTS5's bm25() with weights for the index's columns (autocomplete, body, title)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, {TITLE_WEIGHT})", []


class TitleWeightedCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """FTS5's bm25() scores a row against the whole MATCH expression, whatever part of it is asked, so a
        combined query (And, Or: synonym groups) is scored once too; modelsearch's products and sums of
        (1 + bm25) turned negative scores' order upside down."""
        if isinstance(query, And | Not | Or | Phrase | PlainText):
            return TitleWeightedBM25() * boost
        return super().build_tsrank(vector, query, config=config, boost=boost)


class TitleWeightedSQLiteBackend(SegmentedQueries, SQLiteSearchBackend):
    query_compiler_class = TitleWeightedCompiler
