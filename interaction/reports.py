"""依申请公开 figures for a department's annual disclosure report (table 三 of the national template), and open
deadlines counted again when the holiday calendar changes."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q

from .models.cases import Case, Kind, Outcome


def unanswered_at(moment):
    return Q(replied_at__isnull=True) | Q(replied_at__gte=moment)


def request_figures(department, year):
    """(label, count) rows: requests received, carried over, their outcomes, and those carried into next year."""
    zone = ZoneInfo(settings.TIME_ZONE)
    start, end = datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)
    requests = Case.objects.filter(
        Q(department=department) | Q(department__isnull=True, requested_department=department), kind=Kind.DISCLOSURE
    )
    outcomes = dict(
        requests.filter(replied_at__gte=start, replied_at__lt=end)
        .values("outcome")
        .annotate(count=Count("pk"))
        .values_list("outcome", "count")
    )
    return [
        ("本年新收政府信息公开申请数量", requests.filter(submitted_at__gte=start, submitted_at__lt=end).count()),
        ("上年结转政府信息公开申请数量", requests.filter(unanswered_at(start), submitted_at__lt=start).count()),
        *[(f"本年度办理结果：{label}", outcomes.get(value, 0)) for value, label in Outcome.choices],
        ("结转下年度继续办理", requests.filter(unanswered_at(end), submitted_at__lt=end).count()),
    ]


def recompute_open_deadlines():
    """The holiday calendar changed (a State Council notice entered): every open case's deadline counted again.
    Returns how many moved."""
    moved = 0
    for case in Case.objects.open().prefetch_related("pauses"):
        before = case.due_on
        case.refresh_deadline()
        if case.due_on != before:
            case.save(update_fields=["due_on", "clock_paused"])
            moved += 1
    return moved
