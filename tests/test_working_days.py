"""The calendar that never guesses: announced years from the State Council's notices, unannounced years from the
statutory holidays (said to staff as provisional), and a notice entered in the admin moving open deadlines."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest
import time_machine

from departments.access import PORTAL_ADMINS
from interaction.models import Case
from interaction.models.cases import Kind, Status
from portal import workdays
from portal.models import HolidayNotice
from portal.workdays import package_years, published_calendar, read_file, statutory_year

from .factories import CaseFactory
from .helpers import ID_NUMBER, submit
from .site_group import make_user

ZONE = ZoneInfo("Asia/Shanghai")

# A notice for 2027 as the State Council might publish it (a test's own: the real one is not out on the suite's day).
NOTICE_2027 = {
    "year": "2027",
    "title": "国务院办公厅关于2027年部分节假日安排的通知",
    "document_number": "国办发明电〔2026〕99号",
    "holidays": "元旦 2027-01-01 至 2027-01-03\n春节：2027年2月5日至2027年2月13日\n国庆节、中秋节 2027-10-01 至 2027-10-07",
    "workdays": "春节调休 2027-02-20\n国庆节调休 2027-10-09",
}


@pytest.fixture(autouse=True)
def counted_afresh():
    """Each test counts on the database it has: a notice another test saved and rolled back is forgotten."""
    workdays.notices_changed()
    yield
    workdays.notices_changed()


def test_our_holiday_files_agree_with_the_chinese_calendar_package():
    package = package_years()
    for path in sorted(workdays.HOLIDAY_DIR.glob("*.json")):
        ours = read_file(path)
        if ours.year in package:
            assert ours.holidays == package[ours.year].holidays, ours.year
            assert ours.workdays == package[ours.year].workdays, ours.year


def test_the_statutory_rule_gives_the_2024_revision_with_lunar_dates_and_weekends_made_up():
    rule = statutory_year(2027)
    names = {name: (first, last) for first, last, name in rule.names}
    assert names["元旦"] == (date(2027, 1, 1), date(2027, 1, 1))
    # 除夕 is Friday 5 February 2027; 除夕 to 初三 include a weekend, made up on Tuesday and Wednesday.
    assert names["春节"] == (date(2027, 2, 5), date(2027, 2, 10))
    assert names["清明节"][0] == date(2027, 4, 5)
    assert names["端午节"][0] == date(2027, 6, 9) and names["中秋节"][0] == date(2027, 9, 15)
    assert names["国庆节"] == (date(2027, 10, 1), date(2027, 10, 5))  # 2 and 3 October fall on a weekend
    assert not rule.workdays  # only a notice makes a weekend a working day


def test_announced_years_use_the_notice_and_others_are_marked_provisional():
    work = published_calendar()
    assert work.rule(2026).basis == workdays.PUBLISHED and work.rule(2027).basis == workdays.STATUTORY
    assert not work.is_working_day(date(2027, 1, 1)) and work.is_working_day(date(2026, 2, 14))
    assert work.provisional_years(date(2026, 12, 4), date(2027, 1, 4)) == [2027]


def office_user():
    return make_user("portal_office", Group.objects.get(name=PORTAL_ADMINS))


def test_a_request_filed_on_4_december_is_due_after_new_year_and_moves_when_2027_is_announced(client, portal):
    with time_machine.travel(datetime(2026, 12, 4, 10, tzinfo=ZONE), tick=False):
        response = submit(
            client,
            portal.request,
            {
                "applicant_type": "citizen",
                "name": "李晓红",
                "id_type": "id_card",
                "id_number": ID_NUMBER,
                "phone": "13922223333",
                "address": "江门市蓬江区港口一路1号",
                "requested_department": portal.a.pk,
                "title": "2026年低保资金发放情况",
                "content": "申请公开2026年各区低保资金发放汇总表。",
                "delivery_form": "electronic",
                "delivery_method": "post",
            },
        )
    assert response.status_code == 201
    filed = Case.objects.get(kind=Kind.DISCLOSURE)
    # Friday 4 December: 7–31 December give 19 working days, 1 January 2027 is 元旦 by statute, Monday 4th is the 20th.
    assert filed.due_on == date(2027, 1, 4)
    assert "provisional" in filed.flags(date(2026, 12, 10))
    # A request received on Friday 15 January 2027: 14 working days to 4 February, then 春节 (5–10 February by
    # statute), 11, 12 and 15–18 February: due Thursday 18 February.
    later = CaseFactory(
        kind=Kind.DISCLOSURE,
        department=portal.a,
        status=Status.IN_PROGRESS,
        submitted_at=datetime(2027, 1, 15, 9, tzinfo=ZONE),
    )
    assert later.due_on == date(2027, 2, 18)
    answered = CaseFactory(
        kind=Kind.DISCLOSURE, department=portal.a, status=Status.REPLIED, submitted_at=later.submitted_at
    )

    client.force_login(portal.desk)
    inspect = client.get(reverse("cases:inspect", args=[later.pk])).content.decode()
    assert "期限计算" in inspect and "2027 年的节假日安排尚未公布，暂按法定节假日计算" in inspect
    assert "跳过节假日：02-05、02-08、02-09、02-10" in inspect

    client.force_login(office_user())
    listing = client.get(reverse("holiday_notices:index")).content.decode()
    assert (
        "2027 年：《全国年节及纪念日放假办法》法定节假日" in listing
        and "2026 年：国务院办公厅节假日安排通知" in listing
    )
    response = client.post(reverse("holiday_notices:add"), NOTICE_2027)
    assert response.status_code == 302
    listing = client.get(reverse("holiday_notices:index")).content.decode()
    assert "2027 年：国务院办公厅节假日安排通知（门户管理员录入）（国务院办公厅关于2027年" in listing
    later.refresh_from_db()
    filed.refresh_from_db()
    answered.refresh_from_db()
    # The notice: 春节 5–13 February, Saturday 20 February worked: 15–19 February and the 20th make 20 days.
    assert later.due_on == date(2027, 2, 20)
    assert filed.due_on == date(2027, 1, 4) and "provisional" not in filed.flags(date(2026, 12, 10))
    assert answered.due_on == date(2027, 2, 18)  # an answered case keeps the deadline it was answered against
    client.force_login(portal.desk)
    inspect = client.get(reverse("cases:inspect", args=[later.pk])).content.decode()
    assert "尚未公布" not in inspect and "期限至 2027-02-20" in inspect


def test_a_notice_with_a_mistake_is_refused_with_the_line_named(client, portal):
    client.force_login(office_user())
    bad = {**NOTICE_2027, "holidays": "春节 2027-02-05 至 2027-02-31", "workdays": "春节调休 2027-02-22"}
    response = client.post(reverse("holiday_notices:add"), bad)
    assert response.status_code == 200
    page = response.content.decode()
    assert "不是有效日期" in page and "不是周六或周日" in page
    assert not HolidayNotice.objects.exists()
    assert client.post(reverse("holiday_notices:add"), {**NOTICE_2027, "holidays": "春节"}).status_code == 200


def test_department_staff_cannot_enter_notices(client, portal):
    client.force_login(portal.editor_a)
    response = client.post(reverse("holiday_notices:add"), NOTICE_2027)
    assert response.status_code in (302, 403) and not HolidayNotice.objects.exists()
