"""月度统计 per department: received, closed, overdue, satisfaction — three grouped queries for any number of cases."""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, F, Q

from departments.models import DepartmentPage
from portal.workdays import months_later

from .models.cases import OPEN_STATUSES, Kind, Satisfaction

UNASSIGNED = "未转办"


@dataclass
class Row:
    department: str
    received: int = 0
    closed: int = 0
    overdue: int = 0
    rated: int = 0
    satisfied: int = 0

    @property
    def satisfaction_rate(self):
        """Share of ratings at 基本满意 or better, as a percentage; None without ratings."""
        return round(100 * self.satisfied / self.rated) if self.rated else None


def late(today):
    """Answered after the due date, or still open past it with the clock running."""
    answered_late = Q(replied_at__isnull=False, replied_at__date__gt=F("due_on"))
    open_late = Q(replied_at__isnull=True, status__in=OPEN_STATUSES, clock_paused=False, due_on__lt=today)
    return answered_late | open_late


def month_range(field, month):
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(month, time(), tzinfo=zone)
    end = datetime.combine(months_later(month, 1), time(), tzinfo=zone)
    return {f"{field}__gte": start, f"{field}__lt": end}


def monthly(cases, month, today):
    """Rows per department for the month starting at `month` (cases with no department yet under 未转办);
    12345 messages and disclosure requests only, not interview questions."""
    cases = cases.exclude(kind=Kind.INTERVIEW)
    counts = [
        cases.filter(**month_range("submitted_at", month))
        .values("department")
        .annotate(received=Count("pk"), overdue=Count("pk", filter=late(today))),
        cases.filter(**month_range("closed_at", month)).values("department").annotate(closed=Count("pk")),
        cases.filter(**month_range("rated_at", month))
        .values("department")
        .annotate(rated=Count("pk"), satisfied=Count("pk", filter=Q(satisfaction__gte=Satisfaction.FAIR))),
    ]
    rows = {}
    for group in counts:
        for item in group:
            row = rows.setdefault(item.pop("department"), Row(""))
            for name, value in item.items():
                setattr(row, name, value)
    titles = dict(DepartmentPage.objects.filter(pk__in=[pk for pk in rows if pk]).values_list("pk", "title"))
    for pk, row in rows.items():
        row.department = titles.get(pk, UNASSIGNED)
    return sorted(rows.values(), key=lambda row: (row.department == UNASSIGNED, row.department))
