"""A query read the way pages were indexed: folded and cut into words by `portal.text`, once.

The search page analyses the reader's text once (`AnalysedQuery.of`) and hands the result to the ranking, the
engine, the extracts, the log and the promotions. Every backend jmportal configures reads plain query strings
the same way (`SegmentedQueries`), so other callers of Wagtail's backend interface (the admin's searches, the
API) find Chinese words inside titles too.
"""

from dataclasses import dataclass
from functools import cached_property

from wagtail.search.query import And, Or, PlainText

from portal.text import STOPWORDS, core_words, fold, query_words

from .understanding import GENERIC, read, without_district


@dataclass(frozen=True)
class AnalysedQuery:
    """The reader's text as typed, folded to one form (`folded`) and cut into its distinct meaningful words.

    Understood (`understood`), it also holds what the reader wants to know (`intent`: a key of
    `search.understanding.INTENTS`, or ""), the district they named, the text searched instead of theirs when a
    typo or pinyin was corrected (`corrected`), and the synonym groups found (`groups`: tuples of words, any of
    which a page may hold); `words` then holds every word searched, the synonyms' included."""

    text: str
    folded: str
    words: tuple = ()
    plain: tuple = ()  # the words searched one by one (not through a synonym group)
    groups: tuple = ()  # ((word, …) of each alternative, …) of each synonym group
    intent: str = ""
    district: str = ""
    corrected: str = ""

    @classmethod
    def of(cls, text):
        if not text:  # nothing to analyse: jieba and OpenCC (slow to load) are not asked
            return cls(text, text)
        found = tuple(query_words(text))
        return cls(text, fold(text), found, found)

    @classmethod
    def understood(cls, text, vocabulary):
        """`text` read with `vocabulary` (`search.vocabulary.Vocabulary`): intent, corrections, synonyms."""
        if not text:
            return cls(text, text)
        reading = read(text, vocabulary)
        plain = query_words(reading.remainder) if reading.remainder else []
        if reading.intent or reading.groups:  # "I want to get it done" says nothing once a matter is named
            plain = [word for word in plain if word not in GENERIC and word not in STOPWORDS]
            plain = plain or ([] if reading.groups else query_words(reading.remainder))
        if reading.intent:  # the place chooses the offices shown, not the pages
            plain = without_district(plain, keep_one=not reading.groups)
        alternatives = [[word for word in group if query_words(word)] for group in reading.groups]
        groups = tuple(tuple(tuple(core_words(query_words(word))) for word in group) for group in alternatives if group)
        if not plain and not groups:  # nothing but particles: searched as typed
            return cls.of(text)
        every = list(plain) + [part for group in alternatives for word in group for part in query_words(word)]
        return cls(
            text,
            fold(text),
            tuple(dict.fromkeys(every)),
            tuple(plain),
            groups,
            reading.intent,
            reading.district,
            reading.corrected,
        )

    @cached_property
    def core(self):
        """The words a page must all hold: `plain` without compounds whose parts are all among them."""
        return tuple(core_words(self.plain))

    def engine_queries(self):
        """The queries the engine is asked, in turn, until one finds something: pages holding every word (and
        one word of each synonym group), then pages holding any word."""
        if not self.groups:
            return [PlainText(" ".join(self.core), operator="and"), PlainText(" ".join(self.words), operator="or")]
        units = [PlainText(word) for word in self.core] + [
            Or([PlainText(" ".join(alternative), operator="and") for alternative in group])
            if len(group) > 1
            else PlainText(" ".join(group[0]), operator="and")
            for group in self.groups
        ]
        every = units[0] if len(units) == 1 else And(units)
        return [every, PlainText(" ".join(self.words), operator="or")]

    def title_cover(self, title):
        """The share of the title's characters that are the query's words (a title naming just what was asked: 1)."""
        folded = fold(title)
        covered = [False] * len(folded)
        for word in self.words:
            start = folded.find(word)
            while word and start >= 0:
                covered[start : start + len(word)] = [True] * len(word)
                start = folded.find(word, start + 1)
        return sum(covered) / max(len(folded), 1)

    def title_share(self, title):
        """The share of the query's words (each synonym group counting as one) that `title` holds (0 to 1)."""
        folded = fold(title)
        held = sum(word in folded for word in self.plain) + sum(
            any(all(word in folded for word in alternative) for alternative in group) for group in self.groups
        )
        return held / max(len(self.plain) + len(self.groups), 1)


class SegmentedQueries:
    """A search backend whose query strings are folded and cut into words like the indexed text.

    A Wagtail query object (`PlainText` …) is searched as given: the search page builds its own from an
    `AnalysedQuery`, already cut.
    """

    def search(self, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = " ".join(AnalysedQuery.of(query).words)
        return super().search(query, model_or_queryset, **kwargs)
