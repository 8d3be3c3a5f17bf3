"""网上监察: the performance board's figures equal what the data says, and its pages behave."""

import csv
import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import F

import pytest

from interaction.models.cases import Case
from portal.workdays import calendar
from supervision.figures import compute

from .factories import CaseFactory, PerformanceBoardPageFactory, SectionPageFactory, ServiceItemPageFactory
from .helpers import MAX_QUERIES, queries_for, steady_queries

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Shanghai")
OCTOBER = date(2026, 10, 1)
TODAY = date(2026, 11, 27)


def at(day, hour=10):
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def case(department, submitted, due, replied=None, rated=None, satisfaction=None, kind="message", status="assigned"):
    made = CaseFactory(kind=kind, department=department)
    Case.objects.filter(pk=made.pk).update(
        submitted_at=at(submitted),
        due_on=due,
        replied_at=at(replied) if replied else None,
        rated_at=at(rated) if rated else None,
        satisfaction=satisfaction,
        status=status if replied is None else ("rated" if rated else "replied"),
    )
    return made


@pytest.fixture
def october_cases(group):
    a = group.a
    case(a, date(2026, 10, 9), date(2026, 10, 20), replied=date(2026, 10, 15), rated=date(2026, 10, 16), satisfaction=5)
    case(
        a, date(2026, 10, 12), date(2026, 10, 19), replied=date(2026, 10, 24), rated=date(2026, 10, 25), satisfaction=2
    )
    case(a, date(2026, 10, 20), date(2026, 11, 3))  # still open, past due: overdue
    case(a, date(2026, 10, 21), date(2026, 12, 3))  # still open, not yet due
    case(a, date(2026, 10, 10), date(2026, 11, 7), replied=date(2026, 10, 30), kind="disclosure")
    case(a, date(2026, 9, 10), date(2026, 9, 20), replied=date(2026, 9, 30), rated=date(2026, 10, 2), satisfaction=4)
    return a


def row_for(department, month=OCTOBER):
    return next(row for row in compute(month, TODAY) if row.department.pk == department.pk)


def test_case_figures_equal_counts_taken_straight_from_the_data(october_cases):
    a = october_cases
    october = Case.objects.filter(
        department=a, submitted_at__gte=at(OCTOBER, 0), submitted_at__lt=at(date(2026, 11, 1), 0)
    )
    messages = october.filter(kind="message")
    on_time = messages.filter(replied_at__isnull=False, replied_at__date__lte=F("due_on")).count()
    late = messages.filter(replied_at__date__gt=F("due_on")).count()
    open_late = messages.filter(replied_at__isnull=True, due_on__lt=TODAY).count()
    rated = Case.objects.filter(department=a, rated_at__gte=at(OCTOBER, 0), rated_at__lt=at(date(2026, 11, 1), 0))

    row = row_for(a)

    assert row.messages.received == messages.count() == 4
    assert row.messages.on_time == on_time == 1
    assert row.messages.overdue == late + open_late == 2
    assert row.requests.received == 1 and row.requests.on_time == 1 and row.requests.overdue == 0
    assert row.rated == rated.count() == 3  # the September letter was rated in October
    assert dict(row.rating_distribution) == {"非常满意": 1, "满意": 1, "基本满意": 0, "不满意": 1, "非常不满意": 0}
    assert row.satisfaction_rate == 67
    work = calendar()
    spans = [work.between(date(2026, 10, 9), date(2026, 10, 15)), work.between(date(2026, 10, 12), date(2026, 10, 24))]
    assert row.messages.average_days == round(sum(spans) / 2, 1)


def test_a_month_without_cases_shows_zeros(october_cases, group):
    row = row_for(october_cases, date(2026, 8, 1))
    other = row_for(group.b)

    assert (row.messages.received, row.messages.on_time, row.messages.overdue, row.rated) == (0, 0, 0, 0)
    assert row.messages.average_days is None and row.satisfaction_rate is None
    assert (other.messages.received, other.requests.received) == (0, 0)


def test_service_items_count_published_and_complete(group):
    column = group.a.get_children().get(slug="services")
    ServiceItemPageFactory(parent=column)
    ServiceItemPageFactory(parent=column)
    incomplete = ServiceItemPageFactory(parent=column, legal_basis="", live=False)

    row = row_for(group.a)

    assert row.items_published == 2 and row.items_complete == 2
    assert not incomplete.live


@pytest.fixture
def board(home, group):
    section = SectionPageFactory(parent=home, title="网上监察", slug="supervision")
    page = PerformanceBoardPageFactory(parent=section)
    page.save_revision().publish()
    return page


def test_the_board_ranks_departments_and_shows_month_and_computation_time(client, board, october_cases):
    response = client.get(board.url, {"month": "2026-10"})

    text = response.content.decode()
    assert response.status_code == 200
    assert "江门市民政局" in text and "江门市教育局" in text
    assert "2026年10月" in text and "计算时间" in text
    assert "<svg" in text and "<script" not in text


def test_each_department_has_a_page_and_the_board_a_csv(client, board, october_cases):
    page = client.get(f"{board.url}department/mzj/", {"month": "2026-10"})
    download = client.get(f"{board.url}csv/", {"month": "2026-10"})

    assert page.status_code == 200 and "不满意" in page.content.decode()
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    mzj = next(row for row in rows if row["部门"] == "江门市民政局")
    assert (mzj["12345留言收到"], mzj["12345按时答复"], mzj["12345超期"]) == ("4", "1", "2")
    assert mzj["月份"] == "2026-10"


@pytest.mark.parametrize("month", ["2026-13", "abcd", "1999-01", "2099-01", "<script>"])
def test_a_bad_month_gets_a_message_not_an_error(client, board, month):
    response = client.get(board.url, {"month": month})

    assert response.status_code == 200
    assert "无法识别月份" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_an_unknown_department_is_404(client, board):
    assert client.get(f"{board.url}department/nope/").status_code == 404


def test_board_queries_do_not_grow_with_cases_or_items(client, board, group):
    column = group.a.get_children().get(slug="services")
    ServiceItemPageFactory(parent=column)
    case(group.a, date(2026, 10, 9), date(2026, 10, 20), replied=date(2026, 10, 15))
    few = fresh_queries(client, board.url), fresh_queries(client, f"{board.url}department/mzj/")
    for _ in range(10):
        ServiceItemPageFactory(parent=column)
        case(
            group.a,
            date(2026, 10, 9),
            date(2026, 10, 20),
            replied=date(2026, 10, 15),
            rated=date(2026, 10, 16),
            satisfaction=4,
        )

    assert (fresh_queries(client, board.url), fresh_queries(client, f"{board.url}department/mzj/")) == few


def fresh_queries(client, url):
    """The queries of a request that computes the figures afresh (they are otherwise kept a few minutes)."""
    queries_for(client, url)
    cache.clear()
    return queries_for(client, url)


def test_a_repeat_visit_to_the_board_stays_within_the_query_budget(client, board, group):
    assert steady_queries(client, board.url) <= MAX_QUERIES
    assert steady_queries(client, f"{board.url}department/mzj/") <= MAX_QUERIES


def test_each_department_page_links_to_its_performance_page(client, board, group):
    text = client.get(group.a.url).content.decode()

    assert f'href="{board.url}department/mzj/"' in text
