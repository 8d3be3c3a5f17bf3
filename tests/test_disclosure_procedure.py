"""依申请公开 by the 条例's arithmetic (第二十九条至第四十五条): receipt by channel, 补正 restarting the clock,
consultation and fee time not counted, one extension of at most 20 working days, the reply forms with their grounds,
the 信息处理费 of 国办函〔2020〕109号, and 复议/诉讼 on record. Deadlines are hand-counted on the State Council's
2026 calendar (春节 15–23 February with Saturdays 14 and 28 worked; 国庆 1–7 October with Saturday 10 worked)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

import pytest

from interaction.access import actor_for
from interaction.fees import item_fee, page_fee
from interaction.models.cases import Kind, Status
from interaction.workflow import TransitionError, perform

from .factories import CaseFactory
from .helpers import act

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Asia/Shanghai")


def request(portal, received, **fields):
    return CaseFactory(
        kind=Kind.DISCLOSURE,
        department=portal.a,
        submitted_at=datetime(*received, 10, tzinfo=ZONE),
        id_number="440703198001010011",
        **{"status": Status.IN_PROGRESS, **fields},
    )


def step(case, name, portal, today, note="", **details):
    perform(case, name, actor_for(portal.editor_a), note=note, today=today, **details)
    case.refresh_from_db()
    return case


def test_correction_restarts_the_clock_and_consultation_and_extension_add_up_across_national_day(portal):
    case = request(portal, (2026, 9, 23))  # Wednesday
    # 补正 asked on Friday 25 September (2 working days after receipt), the corrected request arrives Tuesday 29th.
    step(case, "pause", portal, date(2026, 9, 25), note="请补正所需信息的文号", reason="correction")
    assert case.clock_paused
    step(case, "resume", portal, date(2026, 9, 29))
    # 20 days afresh from 29 September: 30 Sept (1), 国庆 1–7 Oct, 8, 9 (3), Saturday 10 (4), 12–16 (9),
    # 19–23 (14), 26–30 (19), Monday 2 November (20).
    assert not case.clock_paused and case.due_on == date(2026, 11, 2)
    # A third party is consulted from Monday 12 to Friday 16 October: 13–16 October (4 days) are not counted.
    step(case, "pause", portal, date(2026, 10, 12), note="征求第三方意见", reason="consultation")
    step(case, "resume", portal, date(2026, 10, 16))
    assert case.due_on == date(2026, 11, 6)
    # Extended by 15 working days with the head's approval: 9–13, 16–20, 23–27 November.
    step(case, "extend", portal, date(2026, 10, 20), note="经负责人同意延期，已告知申请人", days=15)
    assert (case.status, case.due_on) == (Status.EXTENDED, date(2026, 11, 27))
    counted = case.deadline_count(date(2026, 10, 20))
    assert (counted.start, counted.days, counted.extension, counted.total) == (date(2026, 9, 29), 20, 15, 39)
    assert "起算：收到补正申请之日 2026-09-29（次日起计算）" in counted.lines()
    with pytest.raises(TransitionError):
        step(case, "extend", portal, date(2026, 10, 21), note="再次延期", days=5)


def test_a_posted_request_counts_from_the_day_signed_for_across_spring_festival(portal):
    case = request(portal, (2026, 2, 9))  # entered on Monday 9 February, signed for on Thursday 5th
    with pytest.raises(TransitionError, match="收到申请日期"):
        step(case, "receive", portal, date(2026, 2, 9), channel="post")
    step(case, "receive", portal, date(2026, 2, 9), channel="post", received_date=date(2026, 2, 5))
    # 6 Feb (1), 9–13 (6), Saturday 14 (7), 春节 15–23, 24–27 (11), Saturday 28 (12), 2–6 March (17), 9–11 (20).
    assert case.received_on == date(2026, 2, 5) and case.due_on == date(2026, 3, 11)
    # Other agencies consulted 2–4 March: 3 and 4 March not counted (第三十三条第二款).
    step(case, "pause", portal, date(2026, 3, 2), note="征求市财政局意见", reason="agencies")
    step(case, "resume", portal, date(2026, 3, 4))
    assert case.due_on == date(2026, 3, 13)
    # The full extension of 20 days: 16–20, 23–27, 30 March–3 April, 清明 4–6 April, 7–10, Monday 13 April.
    step(case, "extend", portal, date(2026, 3, 5), note="经负责人同意延期")
    assert case.due_on == date(2026, 4, 13)


def test_an_extension_longer_than_twenty_working_days_is_refused(portal):
    case = request(portal, (2026, 11, 2))
    with pytest.raises(TransitionError, match="不得超过 20 个工作日"):
        step(case, "extend", portal, date(2026, 11, 20), note="延期", days=25)
    assert not case.extended


def test_correction_after_seven_working_days_is_refused(portal):
    case = request(portal, (2026, 2, 5))
    # 6, 9–13, Saturday 14: seven working days; 24 February is the eighth.
    with pytest.raises(TransitionError, match="7 个工作日内"):
        step(case, "pause", portal, date(2026, 2, 24), note="请补正", reason="correction")
    step(case, "pause", portal, date(2026, 2, 14), note="请补正", reason="correction")
    assert case.clock_paused


def test_a_refusal_names_its_ground(portal):
    case = request(portal, (2026, 11, 2))
    with pytest.raises(TransitionError, match="须写明理由"):
        step(case, "reply", portal, date(2026, 11, 20), reply="不予公开。", outcome="refused")
    step(
        case,
        "reply",
        portal,
        date(2026, 11, 20),
        reply="属于过程性信息，不予公开。",
        outcome="refused",
        ground="process",
    )
    assert (case.status, case.outcome, case.ground) == (Status.REPLIED, "refused", "process")
    other = request(portal, (2026, 11, 2))
    with pytest.raises(TransitionError):  # a ground of another form
        step(other, "reply", portal, date(2026, 11, 20), reply="无法提供。", outcome="unavailable", ground="secret")
    step(other, "reply", portal, date(2026, 11, 20), reply="予以公开，见附件。", outcome="granted", ground="secret")
    assert other.ground == ""  # 予以公开 has no ground of refusal…
    told = request(portal, (2026, 11, 2))
    step(
        told,
        "reply",
        portal,
        date(2026, 11, 20),
        reply="已主动公开，见本网站。",
        outcome="granted",
        ground="already_public",
    )
    assert told.get_ground_display() == "已主动公开，告知获取的方式和途径"  # …but may say it was already published


def test_information_processing_fees_follow_the_tiers():
    assert [item_fee(n) for n in (1, 10, 11, 30, 31, 40, 41, 51)] == [0, 0, 100, 100, 200, 200, 300, 400]
    # 30 pages free; 31–100 at 10 元; 101–200 at 20 元; above 200 at 40 元.
    assert [page_fee(n) for n in (30, 31, 100, 150, 200, 230)] == [0, 10, 700, 1700, 2700, 3900]


def test_the_fee_is_computed_on_the_case_and_shown_to_staff(client, portal):
    for day in range(1, 11):  # ten earlier requests by the same applicant in November: free
        request(portal, (2026, 11, day))
    eleventh = request(portal, (2026, 11, 20))
    step(eleventh, "fee", portal, date(2026, 11, 23), fee_method="item")
    assert eleventh.fee_amount == 100
    paged = request(portal, (2026, 10, 9))
    step(paged, "fee", portal, date(2026, 10, 12), fee_method="pages", fee_pages=150)
    assert paged.fee_amount == 1700
    client.force_login(portal.editor_a)
    page = client.get(reverse("cases:inspect", args=[paged.pk])).content.decode()
    assert "按量计收：提供 150 页" in page and "应收 1700 元" in page
    assert act(client, paged, "fee", fee_method="pages").status_code == 302  # no pages: said, not a 500
    paged.refresh_from_db()
    assert paged.fee_amount == 1700


def test_reconsideration_and_litigation_are_recorded_against_the_case(client, portal):
    case = request(portal, (2026, 9, 1), status=Status.REPLIED, outcome="refused", ground="process")
    client.force_login(portal.editor_a)
    act(client, case, "review", review_kind="reconsideration", filed_on="2026-10-10")
    act(client, case, "review", review_kind="reconsideration", review_result="corrected")
    review = case.reviews.get()
    assert (review.kind, review.result, review.filed_on) == ("reconsideration", "corrected", date(2026, 10, 10))
    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "行政复议 · 2026-10-10 · 结果纠正" in page
    response = act(client, case, "review", review_kind="litigation")  # no date: refused with the reason
    assert response.status_code == 302 and case.reviews.count() == 1
