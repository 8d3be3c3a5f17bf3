"""The reader's search: ranked pages, their facets and filters, and what each result shows.

A search returns at most `MAX_RESULTS` pages, best first; facets count exactly those pages, so a facet's
number is the number of results the reader gets by choosing it. Everything after the ranking (facets, filters,
date order, pagination) works on that list, whatever the backend ranked it. The query arrives analysed
(`search.query.AnalysedQuery`): nothing here cuts it again.
"""

import logging
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from departments.ownership import Departments
from portal.indexing import searchable_text
from portal.listing import content_types
from portal.text import fold

from .snippets import highlight
from .understanding import LETTER_GENERIC

MAX_RESULTS = 500
# Task guides and service items rank as if they stood twice as high as they do; audience channels, which
# repeat the words of the guides they feature, half as high.
TASK_BOOST = 2
CHANNEL_WEIGHT = 0.5
# After Elasticsearch fails, the database answers for this many seconds before Elasticsearch is tried again.
FALLBACK_SECONDS = 60
FALLBACK_KEY = "search:use-fallback"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    """A kind of result: the value of the search page's type filter (?type=) and its label."""

    key: str
    label: str

    @classmethod
    def declared_by(cls, model):
        """The kind a page model declares as its `search_kind` (place, key, label), or None (其他)."""
        declared = getattr(model, "search_kind", None)
        return cls(*declared[1:]) if declared else None


OTHER = Kind("other", "其他")


def kinded_models():
    """{page model: its Kind} for the page types that declare one (`portal.pages.BasePage.search_kind`)."""
    return {model: kind for model in get_page_models() if (kind := Kind.declared_by(model))}


def kinds():
    """Every kind of result in the order the type filter lists them: the declared ones by place, then 其他."""
    declared = sorted({model.search_kind for model in kinded_models()})
    return [Kind(key, label) for _place, key, label in declared] + [OTHER]


def rank(query, locale):
    """Live public pages of `locale` matching `query` (an `AnalysedQuery`), best first.

    The engine's relevance (as a share of the best hit's, so SQLite's negative bm25, PostgreSQL's ts_rank and
    Elasticsearch's scores compare alike) is reweighed the same way on every backend: by the page type's weight
    (`type_weights`), by the share of the query's words the title holds, squared (a title holding them all counts
    four times), and by the share of the title those words make up (a title naming just what was asked, 居住证申领
    for 居住证, up to twice), so a page named for what the reader typed is not buried under long pages (a guide
    whose steps repeat it) that mention it often.
    """
    hits = _search(query, Page.objects.live().public().filter(locale=locale))
    best = max((abs(page.score or 0) for page in hits), default=0) or 1
    weights = type_weights()

    def weight(page):
        title = (1 + query.title_share(page.title)) ** 2 * (1 + query.title_cover(page.title))
        return abs(page.score or 0) / best * weights.get(page.content_type_id, 1) * title

    return sorted(hits, key=weight, reverse=True)


def type_weights():
    """{content type id: weight} for the page types that rank above or below their engine's rank."""
    tasks = content_types(lambda model: model.is_service_guide)
    channels = content_types(lambda model: model.is_channel)
    return {content_type.pk: TASK_BOOST for content_type in tasks} | {
        content_type.pk: CHANNEL_WEIGHT for content_type in channels
    }


def _search(query, pages):
    """The engine's best `MAX_RESULTS`; the database's when Elasticsearch is down (for `FALLBACK_SECONDS`)."""
    has_fallback = "fallback" in settings.WAGTAILSEARCH_BACKENDS
    if not (has_fallback and cache.get(FALLBACK_KEY)):
        try:
            return _best(get_search_backend("default"), query, pages)
        except Exception:
            if not has_fallback:
                raise
            logger.warning("Search engine unreachable; the database answers for %s s", FALLBACK_SECONDS, exc_info=True)
            cache.set(FALLBACK_KEY, True, FALLBACK_SECONDS)
    return _best(get_search_backend("fallback"), query, pages)


def _best(backend, query, pages):
    """Pages holding every one of the query's words (its `core`, and a word of each synonym group), best first;
    only when no page holds them all, pages holding any of them. (Ranking every page that holds one common word
    such as 登记 made a search slow at 100,000 entries, and those pages ranked below the ones holding every word
    anyway.) The engine is handed the words already cut (`AnalysedQuery.engine_queries`)."""
    for engine_query in query.engine_queries():
        found = backend.search(engine_query, pages)
        if hits := list(found.annotate_score("score")[:MAX_RESULTS]):
            return hits
    return []


class Labels:
    """What a result is (kind), who published it (department) and when (year), from its plain Page row."""

    def __init__(self, locale):
        models = kinded_models()
        types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        self.kinds = {content_type.pk: models[model] for model, content_type in types.items()}
        self.departments = Departments.of_locale(locale)

    def kind(self, page):
        return self.kinds.get(page.content_type_id, OTHER)

    def department(self, page):
        """The department whose branch holds `page` (a `DepartmentPage`), or None."""
        return self.departments.holding(page)

    @staticmethod
    def department_value(department):
        """The department filter's value (?department=) for `department`: its id as text."""
        return str(department.pk) if department else ""

    @staticmethod
    def year(page):
        return str(timezone.localtime(page.first_published_at).year) if page.first_published_at else ""


@dataclass
class Facet:
    name: str  # the query-string parameter
    label: str
    options: list  # (value, label, count), most results first


def facets(hits, labels):
    """The kind, department and year facets of `hits`, each value with its number of results."""
    found = Counter(labels.kind(page).key for page in hits)
    departments = Counter(labels.department(page) for page in hits)
    departments.pop(None, None)
    years = Counter(labels.year(page) for page in hits)
    years.pop("", None)
    return [
        Facet("type", "类型", [(kind.key, kind.label, found[kind.key]) for kind in kinds() if found[kind.key]]),
        Facet(
            "department",
            "部门",
            [
                (labels.department_value(department), department.title, count)
                for department, count in departments.most_common()
            ],
        ),
        Facet("year", "年份", [(year, f"{year}年", years[year]) for year in sorted(years, reverse=True)]),
    ]


def narrow(hits, labels, chosen):
    """The hits that have every chosen facet value ({"type": "guide", "year": "2026", ...})."""
    tests = {
        "type": lambda page: labels.kind(page).key,
        "department": lambda page: labels.department_value(labels.department(page)),
        "year": labels.year,
    }
    return [page for page in hits if all(tests[name](page) == value for name, value in chosen.items() if value)]


def by_date(hits):
    return sorted(hits, key=lambda page: (page.first_published_at is not None, page.first_published_at), reverse=True)


@dataclass
class Result:
    page: Page
    kind: Kind
    department: str
    snippet: str


def extract_source(page, query):
    """The text an extract is cut from: the summary when it holds one of the query's words (most do), else all
    the text (which, for guides and service items, reads every block of their StreamFields)."""
    summary = getattr(page, "summary", "") or ""
    folded = fold(summary)
    return summary if any(word in folded for word in query.words) else searchable_text(page)


def describe(pages, labels, query):
    """A `Result` for each page of one screen, in order: one query per page type for the specific pages."""
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    return [
        Result(
            page=specific[page.pk],
            kind=labels.kind(page),
            department=labels.departments.name_of(page),
            snippet=highlight(extract_source(specific[page.pk], query), query.words),
        )
        for page in pages
        if page.pk in specific
    ]


@dataclass
class Letter:
    title: str
    url: str
    date: object
    snippet: str


LETTERS_SHOWN = 5


def letters(query, locale):
    """Published 12345 letters holding the query's words (each synonym group through any of its words), newest
    first, as the live letter board of `locale` finds them (a page type answering `search_letters`)."""
    boards = content_types(lambda model: hasattr(model, "search_letters"))
    board = Page.objects.live().public().filter(locale=locale, content_type__in=boards).first() if boards else None
    plain = [word for word in query.core if word not in LETTER_GENERIC]
    plain = plain if plain or query.groups else list(query.core)
    units = [[[word]] for word in plain] + [[list(alternative) for alternative in group] for group in query.groups]
    if board is None or not units:
        return []
    found = board.specific.search_letters(units, LETTERS_SHOWN)
    return [
        Letter(
            title=letter.public_title,
            url=url,
            date=timezone.localdate(letter.published_at),
            snippet=highlight(
                next((text for text in texts[1:] if holds_any(text, query.words)), texts[1]), query.words
            ),
        )
        for letter, url, texts in found
    ]


def holds_any(text, words):
    folded = fold(text)
    return any(word in folded for word in words)
