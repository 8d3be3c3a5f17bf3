"""The performance board's figures (网上监察), computed from the portal's own data for one month, never typed in.

Per department: service items published and complete (the ten elements, as of now); 12345 messages and
disclosure requests received in the month, answered on time, overdue, the average working days to answer;
the ratings given in the month; and its stale and empty columns (as of now). A fixed number of queries,
whatever the number of departments, items or cases.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale

from departments.models import DepartmentPage
from departments.ownership import Departments
from interaction.models.cases import OPEN_STATUSES, Case, Kind, Satisfaction
from interaction.statistics import month_range
from portal.workdays import calendar
from services.models import ServiceItemPage, missing_by_item

from .columns import department_column_statuses
from .timeliness import EMPTY, STALE

LEVELS = [level for level, _ in sorted(Satisfaction.choices, reverse=True)]  # 非常满意 … 非常不满意
SATISFIED_FROM = Satisfaction.FAIR


@dataclass
class CaseFigures:
    """One kind of case (12345 messages or disclosure requests) of one department in one month."""

    received: int = 0
    on_time: int = 0
    overdue: int = 0
    answered: int = 0
    working_days: int = 0  # summed over the answered cases, for the average

    @property
    def average_days(self):
        return round(self.working_days / self.answered, 1) if self.answered else None

    @property
    def on_time_rate(self):
        """Share of the month's cases answered on time, of those answered or overdue (percent)."""
        judged = self.on_time + self.overdue
        return round(100 * self.on_time / judged) if judged else None


@dataclass
class DepartmentFigures:
    department: object
    items_published: int = 0
    items_complete: int = 0
    messages: CaseFigures = field(default_factory=CaseFigures)
    requests: CaseFigures = field(default_factory=CaseFigures)
    ratings: Counter = field(default_factory=Counter)  # satisfaction level -> number of ratings
    columns: int = 0
    stale_columns: list = field(default_factory=list)
    empty_columns: list = field(default_factory=list)

    @property
    def name(self):
        return self.department.title

    @property
    def completeness_rate(self):
        return round(100 * self.items_complete / self.items_published) if self.items_published else None

    @property
    def rated(self):
        return sum(self.ratings.values())

    @property
    def satisfaction_rate(self):
        satisfied = sum(count for level, count in self.ratings.items() if level >= SATISFIED_FROM)
        return round(100 * satisfied / self.rated) if self.rated else None

    @property
    def rating_distribution(self):
        """[(label, count)] from 非常满意 to 非常不满意."""
        return [(Satisfaction(level).label, self.ratings.get(level, 0)) for level in LEVELS]

    @property
    def column_rate(self):
        healthy = self.columns - len(self.stale_columns) - len(self.empty_columns)
        return round(100 * healthy / self.columns) if self.columns else None

    @property
    def on_time_rate(self):
        return CaseFigures(
            on_time=self.messages.on_time + self.requests.on_time, overdue=self.messages.overdue + self.requests.overdue
        ).on_time_rate

    @property
    def score(self):
        """The ranking score: the mean of the rates this department has data for (completeness of its service
        guides, answers on time, satisfaction, healthy columns); None when it has none."""
        rates = [
            rate
            for rate in (self.completeness_rate, self.on_time_rate, self.satisfaction_rate, self.column_rate)
            if rate is not None
        ]
        return round(sum(rates) / len(rates), 1) if rates else None


def departments():
    return list(DepartmentPage.objects.live().filter(locale=Locale.get_default()).order_by("path"))


def compute(month, today=None, only=None):
    """[DepartmentFigures] for the month starting on `month` (a date), best score first.
    `only`: a DepartmentPage to compute for alone."""
    today = today or timezone.localdate()
    chosen = [only] if only is not None else departments()
    if not chosen:
        return []
    figures = {department.pk: DepartmentFigures(department) for department in chosen}
    add_service_items(figures, Departments(chosen))
    add_cases(figures, month, today)
    add_columns(figures)
    return ranked(figures.values())


def ranked(rows):
    return sorted(rows, key=lambda row: (row.score is None, -(row.score or 0), row.department.path))


def add_service_items(figures, departments):
    """Each department's live service items, and how many of them are complete; `departments` holds them."""
    items = list(
        ServiceItemPage.objects.live()
        .filter(Q(*[Q(path__startswith=department.path) for department in departments], _connector=Q.OR))
        .only("title", "path", "legal_basis", "conditions", "agency", "procedures")
    )
    missing = missing_by_item(items, {item.pk: departments.name_of(item) for item in items})
    for item in items:
        row = figures[departments.holding(item).pk]
        row.items_published += 1
        row.items_complete += not missing[item.pk]


def add_cases(figures, month, today):
    cases = Case.objects.filter(department__in=list(figures))
    work = calendar()
    received = cases.filter(**month_range("submitted_at", month)).values_list(
        "department", "kind", "submitted_at", "replied_at", "due_on", "status", "clock_paused"
    )
    for department, kind, submitted_at, replied_at, due_on, status, paused in received:
        row = {Kind.MESSAGE: figures[department].messages, Kind.DISCLOSURE: figures[department].requests}.get(kind)
        if row is None:  # interview questions are not answered cases
            continue
        row.received += 1
        if replied_at is not None:
            answered_on = timezone.localdate(replied_at)
            row.answered += 1
            row.working_days += work.between(timezone.localdate(submitted_at), answered_on)
            if due_on is None or answered_on <= due_on:
                row.on_time += 1
            else:
                row.overdue += 1
        elif not paused and due_on is not None and due_on < today and status in OPEN_STATUSES:
            row.overdue += 1
    rated = cases.filter(**month_range("rated_at", month), satisfaction__isnull=False)
    for department, level in rated.values_list("department", "satisfaction"):
        figures[department].ratings[level] += 1


def add_columns(figures):
    by_name = defaultdict(list)
    for status in department_column_statuses():
        by_name[status.department].append(status)
    for row in figures.values():
        statuses = by_name.get(row.name, [])
        row.columns = len(statuses)
        row.stale_columns = [status.page.title for status in statuses if status.state == STALE]
        row.empty_columns = [status.page.title for status in statuses if status.state == EMPTY]


def first_of_month(day):
    return date(day.year, day.month, 1)
