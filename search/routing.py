"""Which department a new 12345 letter is probably for, read from its words: the departments whose service items
and columns the same words find (the search page's own ranking, synonyms included), and the departments earlier
letters with those words were assigned to. The desk decides; this only puts a suggestion beside the choice.
"""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q

from wagtail.models import Locale

from departments.ownership import Departments

from . import vocabulary
from .query import AnalysedQuery
from .results import rank

PAGES_READ = 10  # the best pages the letter's words find
PAST_LETTERS = 500  # the latest assigned letters compared
PAST_WEIGHT = 0.5  # an earlier letter counts half as much as a page


@dataclass(frozen=True)
class Suggestion:
    department: object  # a DepartmentPage
    reasons: tuple  # titles of the pages and letters that point to it


def suggest(title, content="", locale=None, limit=3, exclude=None):
    """Up to `limit` `Suggestion`s for a letter, the most likely department first: read from its title (the
    content holds names, numbers and addresses that lead astray), from its content's start when the title finds
    nothing. `exclude`: the letter's own pk, so it is not its own precedent."""
    locale = locale or Locale.get_default()
    words = vocabulary.for_locale(locale)
    query = AnalysedQuery.understood(title, words)
    hits = rank(query, locale)[:PAGES_READ] if query.words else []
    if not hits and content:
        query = AnalysedQuery.understood(content[:60], words)
        hits = rank(query, locale)[:PAGES_READ] if query.words else []
    if not query.words:
        return []
    departments = Departments.of_locale(locale, live=True)
    scores, reasons = Counter(), {}
    if not any(departments.holding(page) for page in hits):  # only central pages (guides) hold every word
        hits = rank(AnyWord(query), locale)[:PAGES_READ]
    for place, page in enumerate(hits):
        if department := departments.holding(page):
            scores[department.pk] += 1 / (place + 1)
            reasons.setdefault(department.pk, []).append(page.title)
    for letter in past_letters(query, exclude):
        scores[letter.department_id] += PAST_WEIGHT / len(query.core or query.words)
        reasons.setdefault(letter.department_id, []).append(letter.title)
    by_pk = {department.pk: department for department in departments.pages}
    return [
        Suggestion(by_pk[pk], tuple(dict.fromkeys(reasons[pk]))[:3]) for pk, _ in scores.most_common() if pk in by_pk
    ][:limit]


class AnyWord:
    """An `AnalysedQuery` asking the engine only for pages holding any of its words."""

    def __init__(self, query):
        self.query = query

    def __getattr__(self, name):
        return getattr(self.query, name)

    def engine_queries(self):
        return self.query.engine_queries()[-1:]


def past_letters(query, exclude=None):
    """Recent assigned 12345 letters whose title holds one of the query's words (the case model is named, not
    imported: search reads no other domain's code)."""
    words = [word for word in (query.core or query.words) if len(word) > 1]
    if not words:
        return []
    case = apps.get_model("interaction", "Case")
    holds = Q()
    for word in words:
        holds |= Q(title__icontains=word)
    recent = case.objects.filter(department__isnull=False).order_by("-submitted_at")[:PAST_LETTERS]
    found = case.objects.filter(pk__in=recent.values("pk")).filter(holds).exclude(pk=exclude)
    return list(found.only("title", "department_id"))
