"""依申请公开 figures for the annual disclosure report in the national format (国办公开办函〔2021〕30号), and open
deadlines counted again when the holiday calendar changes.

`request_figures` answers the hook `DISCLOSURE_REQUEST_FIGURES` with plain keys the report's tables are laid out by:
rows "received", "carried_over", "<outcome>" or "<outcome>/<ground>", "answered", "carried_forward"; applicant
columns "citizen", "commercial", "research", "public_interest", "legal_service", "other"; table 四 as
{review kind: {result: count}}; and the 信息处理费 charged on the year's replies.
"""

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Prefetch, Q
from django.utils import timezone

from .models.cases import GROUNDS, ApplicantType, Case, Kind, Outcome, Review, Status, Step, Transition

COLUMNS = {
    ApplicantType.CITIZEN: "citizen",
    ApplicantType.COMMERCIAL: "commercial",
    ApplicantType.RESEARCH: "research",
    ApplicantType.PUBLIC_INTEREST: "public_interest",
    ApplicantType.LEGAL_SERVICE: "legal_service",
}


def column(case):
    """The applicant column of table 三; a citizen's request without a type counts as a 自然人's."""
    if not case.applicant_type:
        return "citizen"
    return COLUMNS.get(case.applicant_type, "other")


def answered(case):
    """(day, row) the request was answered on, or None: a reply by its form and ground; a request the desk refused
    to handle (不予受理) as 其他处理 on the day it did."""
    if case.replied_at:
        outcome = case.outcome or Outcome.OTHER
        ground = case.ground or ("other" if outcome == Outcome.OTHER else "")
        row = f"{outcome}/{ground}" if outcome in GROUNDS else outcome
        return timezone.localdate(case.replied_at), row
    if case.status == Status.REJECTED and case.rejections:
        return timezone.localdate(case.rejections[0].created_at), f"{Outcome.OTHER}/other"
    return None


def requests_of(departments):
    mine = Q(department__in=departments) | Q(department__isnull=True, requested_department__in=departments)
    return Case.objects.filter(mine, kind=Kind.DISCLOSURE).prefetch_related(
        Prefetch("transitions", Transition.objects.filter(action=Step.REJECT), to_attr="rejections")
    )


def request_figures(department, year, departments=None):
    """Table 三, table 四 and the fees of `department` (or of all `departments`, for a city-wide report) in `year`."""
    departments = departments if departments is not None else [department]
    first, last = date(year, 1, 1), date(year, 12, 31)
    table = defaultdict(Counter)
    fees = 0
    for case in requests_of(departments):
        received, done, where = case.received_on, answered(case), column(case)
        if received > last:
            continue
        if first <= received:
            table["received"][where] += 1
        elif done is None or done[0] >= first:
            table["carried_over"][where] += 1
        if done and first <= done[0] <= last:
            table[done[1]][where] += 1
            table["answered"][where] += 1
            fees += case.fee_amount or 0
        elif done is None or done[0] > last:
            table["carried_forward"][where] += 1
    reviews = defaultdict(Counter)
    for kind, result in Review.objects.filter(case__in=requests_of(departments), filed_on__year=year).values_list(
        "kind", "result"
    ):
        reviews[kind][result] += 1
    return {"requests": {row: dict(counts) for row, counts in table.items()}, "reviews": dict(reviews), "fees": fees}


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


def letter_figures(year):
    """政府网站工作年度报表 (留言办理, 在线访谈): 12345 letters received, answered (and the average days taken),
    published, and questions sent to online interviews, in `year`."""
    letters = Case.objects.filter(kind=Kind.MESSAGE)
    answered = list(letters.filter(replied_at__year=year).values_list("submitted_at", "replied_at"))
    days = [(timezone.localdate(replied) - timezone.localdate(sent)).days for sent, replied in answered]
    return {
        "letters_received": letters.filter(submitted_at__year=year).count(),
        "letters_answered": len(answered),
        "letters_days": f"{sum(days) / len(days):.1f}" if days else "0",
        "letters_published": letters.filter(published_at__year=year).count(),
        "interview_questions": Case.objects.filter(kind=Kind.INTERVIEW, submitted_at__year=year).count(),
    }
