"""Answers, not only links: when a reader asks something about a matter (结婚登记要带什么), the top of the
results quotes the facts the best service item or guide holds in its structured fields — never generated text.

A page type offers facts by defining `answer_facts()` (`services.ServiceItemPage`, `scenarios.ScenarioGuidePage`):
{"materials": [text], "offices": [{name, district, district_key, address, opening_hours, phone}], "fee": [text],
"time": [text], "conditions": [text], "online": [url], "steps": [text]}. Search reads the method by name and
imports neither app. An answer names its page and that page's date; when no page fits, the reader is told so
and offered the 12345 letter form with their question filled in.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Page

from .understanding import INTENT_LABELS

CANDIDATES = 5  # the answer comes from one of the first results, or from none
FITS = 0.5  # the share of the query's words (a synonym group as one) the page's title must hold


@dataclass
class Answer:
    intent: str
    label: str
    page: Page = None
    facts: list = field(default_factory=list)  # texts, or office dicts for "where"
    offices: list = field(default_factory=list)
    links: list = field(default_factory=list)
    date: object = None
    district_only: bool = False  # the offices shown are those of the district the reader named

    @property
    def found(self):
        return self.page is not None


def answer(query, hits):
    """An `Answer` for an `AnalysedQuery` with an intent, from the best-fitting page among the first hits (an
    empty one when none fits), or None when the query asks nothing in particular."""
    if not query.intent:
        return None
    shares = {page.pk: query.title_share(page.title) for page in hits[:CANDIDATES]}
    fitting = [
        page for page in hits[:CANDIDATES] if hasattr(page.specific_class, "answer_facts") and shares[page.pk] >= FITS
    ]
    # The page whose title holds most of the question first (人才引进落户 before the guide 人才引进, whichever the
    # engine ranked higher: PostgreSQL and SQLite differ there), the engine's order among equals.
    for page in sorted(fitting, key=lambda page: -shares[page.pk]):
        specific = page.specific
        found = quote(query, specific, specific.answer_facts())
        if found:
            return found
    return Answer(query.intent, INTENT_LABELS[query.intent])


def quote(query, page, facts):
    """The answer `page` gives to the query's intent, or None when its fields hold nothing for it."""
    result = Answer(query.intent, INTENT_LABELS[query.intent], page, date=page_date(page))
    if query.intent == "where":
        offices = facts["offices"]
        local = [office for office in offices if office["district_key"] == query.district]
        result.offices, result.district_only = (local, True) if local else (offices, False)
        result.links = facts["online"]
        return result if result.offices or result.links else None
    if query.intent == "online":
        result.links = facts["online"]
        return result if result.links else None
    result.facts = facts[query.intent]
    if query.intent == "steps":
        result.links = facts["online"]
    return result if result.facts else None


def page_date(page):
    """The date the facts were last checked: a guide's 内容核对日期, else when the page was last published."""
    reviewed = getattr(page, "last_reviewed", None)
    if reviewed:
        return reviewed
    published = page.last_published_at or page.first_published_at
    return timezone.localdate(published) if published else None


def letter_form(locale):
    """The live 12345 letter form (我要写信) of `locale`, else of any language, or None."""
    try:
        form_type = ContentType.objects.get_by_natural_key("interaction", "messageformpage")
    except ContentType.DoesNotExist:
        return None
    forms = Page.objects.live().public().filter(content_type=form_type)
    return forms.filter(locale=locale).first() or forms.first()
