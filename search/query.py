"""A query read the way pages were indexed: folded and cut into words by `portal.text`, once.

The search page analyses the reader's text once (`AnalysedQuery.of`) and hands the result to the ranking, the
engine, the extracts, the log and the promotions. Every backend jmportal configures reads plain query strings
the same way (`SegmentedQueries`), so other callers of Wagtail's backend interface (the admin's searches, the
API) find Chinese words inside titles too.
"""

from dataclasses import dataclass
from functools import cached_property

from portal.text import core_words, fold, query_words


@dataclass(frozen=True)
class AnalysedQuery:
    """The reader's text as typed, folded to one form (`folded`) and cut into its distinct meaningful words."""

    text: str
    folded: str
    words: tuple = ()

    @classmethod
    def of(cls, text):
        if not text:  # nothing to analyse: jieba and OpenCC (slow to load) are not asked
            return cls(text, text)
        return cls(text, fold(text), tuple(query_words(text)))

    @cached_property
    def core(self):
        """The words a page must all hold: `words` without compounds whose parts are all among them."""
        return tuple(core_words(self.words))

    def title_share(self, title):
        """The share of the words that `title` holds (0 to 1)."""
        folded = fold(title)
        return sum(word in folded for word in self.words) / max(len(self.words), 1)


class SegmentedQueries:
    """A search backend whose query strings are folded and cut into words like the indexed text.

    A Wagtail query object (`PlainText` …) is searched as given: the search page builds its own from an
    `AnalysedQuery`, already cut.
    """

    def search(self, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = " ".join(AnalysedQuery.of(query).words)
        return super().search(query, model_or_queryset, **kwargs)
