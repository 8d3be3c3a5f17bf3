"""公众互动: a citizen's message or request goes round the closed loop — site accepts, back office handles,
site publishes the reply — with department scoping, deadlines and abuse protection."""

import re
from datetime import date, timedelta

from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from disclosure.annual_report import draft_annual_report
from interaction.access import actor_for
from interaction.models import Case
from interaction.models.cases import Kind, Satisfaction, Status
from interaction.tracking import ALPHABET
from interaction.workflow import TransitionError, perform
from portal.workdays import Calendar, calendar

from .factories import CaseFactory, SectionPageFactory, SupervisionComplaintPageFactory
from .helpers import ID_NUMBER, MOBILE, act, form_data, message, submit
from .site_group import make_user

pytestmark = pytest.mark.django_db


def track(client, portal, case, suffix=None):
    data = {"code": case.tracking_code, "phone_suffix": suffix or case.phone[-4:]}
    return client.post(portal.track.url, data)


def test_a_message_goes_round_the_loop_and_reaches_the_board_masked(client, portal):
    response = submit(client, portal.write, message())
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.tracking_code in response.content.decode()
    assert case.status == Status.SUBMITTED and case.due_on is not None

    client.force_login(portal.desk)
    assert case.title in client.get(reverse("cases:index")).content.decode()
    assert act(client, case, "accept").status_code == 302
    act(client, case, "assign", department=portal.a.pk)
    case.refresh_from_db()
    assert (case.status, case.department_id) == (Status.ASSIGNED, portal.a.pk)
    assert "已转办" in track(client, portal, case).content.decode()

    client.force_login(portal.editor_a)
    act(client, case, "sign")
    act(client, case, "reply", reply=f"经核查，已责令施工单位停止夜间施工。如有疑问请致电{MOBILE[:3]}00000000。")
    client.force_login(portal.desk)
    act(client, case, "close")
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    page = track(client, portal, case).content.decode()
    assert "已办结" in page and "已责令施工单位停止夜间施工" in page and portal.a.title in page
    assert [step.action for step in case.transitions.all()] == ["submit", "accept", "assign", "sign", "reply", "close"]
    assert case.transitions.get(action="sign").actor == portal.editor_a

    assert case.title not in client.get(portal.letters.url).content.decode()  # replied, but not yet confirmed
    client.force_login(portal.reviewer_a)
    inspect = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "1*****" not in inspect and "4407**********0012" in inspect  # the masked text offered for review
    act(
        client,
        case,
        "publish",
        public_title=case.title,
        public_content=re.search(r'name="public_content"[^>]*>\s*([^<]+)</textarea>', inspect).group(1).strip(),
        public_reply="已责令停止夜间施工。",
    )
    board = client.get(portal.letters.url).content.decode()
    assert case.title in board
    letter = client.get(f"{portal.letters.url}{case.pk}/").content.decode()
    assert "陈先生" in letter and "陈大文" not in letter
    assert "138****5678" in letter and MOBILE not in letter
    assert "4407**********0012" in letter and ID_NUMBER not in letter
    assert "建设三路**号*栋****房" in letter


def test_only_agreed_and_replied_letters_can_be_published(client, portal):
    private = CaseFactory(department=portal.a, publish_consent=False, status=Status.CLOSED, reply="已处理")
    unanswered = CaseFactory(department=portal.a, status=Status.IN_PROGRESS)
    client.force_login(portal.desk)
    for case in (private, unanswered):
        act(client, case, "publish", public_title="标题", public_content="内容", public_reply="答复")
        case.refresh_from_db()
        assert not case.is_published
    assert client.get(f"{portal.letters.url}{private.pk}/").status_code == 404
    assert client.get(f"{portal.letters.url}{'9' * 30}/").status_code == 404
    assert "暂无公开信件" in client.get(portal.letters.url).content.decode()


def test_department_b_cannot_see_or_answer_a_case_assigned_to_a(client, portal):
    case = CaseFactory(department=portal.a, status=Status.ASSIGNED, title="民政局的件")
    CaseFactory(department=portal.b, title="教育局的件")
    client.force_login(portal.editor_b)
    listing = client.get(reverse("cases:index")).content.decode()
    assert "教育局的件" in listing and "民政局的件" not in listing
    assert client.get(reverse("cases:inspect", args=[case.pk])).status_code == 403
    assert act(client, case, "sign").status_code == 403
    case.refresh_from_db()
    assert case.status == Status.ASSIGNED and case.transitions.count() == 0

    client.force_login(portal.editor_a)
    assert client.get(reverse("cases:inspect", args=[case.pk])).status_code == 200
    act(client, case, "assign", department=portal.b.pk)  # only the desk assigns
    case.refresh_from_db()
    assert case.department == portal.a


def test_a_department_returns_a_case_outside_its_remit_to_the_desk(client, portal):
    case = CaseFactory(department=portal.a, status=Status.ASSIGNED)
    client.force_login(portal.editor_a)
    act(client, case, "return", note="")  # a reason is required
    case.refresh_from_db()
    assert case.status == Status.ASSIGNED
    act(client, case, "return", note="属教育部门职责")
    case.refresh_from_db()
    assert (case.status, case.department) == (Status.RETURNED, None)
    client.force_login(portal.desk)
    act(client, case, "assign", department=portal.b.pk)
    case.refresh_from_db()
    assert (case.status, case.department) == (Status.ASSIGNED, portal.b)


def test_a_wrong_phone_suffix_reveals_nothing(client, portal):
    case = CaseFactory(title="不应泄露的标题", department=portal.a)
    response = track(client, portal, case, suffix="0000" if case.phone[-4:] != "0000" else "1111")
    html = response.content.decode()
    assert response.status_code == 404
    assert case.title not in html and case.get_status_display() not in html.split("办理查询")[-1]
    unknown = client.post(portal.track.url, {"code": "JM-2222-3333-4444", "phone_suffix": "5678"})
    assert unknown.status_code == 404
    assert unknown.content.decode().count("没有找到") == html.count("没有找到")


def test_a_hundred_wrong_guesses_from_one_address_are_rate_limited(client, portal):
    statuses = [
        client.post(portal.track.url, {"code": f"JM-2222-3333-{guess}", "phone_suffix": "5678"}).status_code
        for guess in [f"{a}{b}22" for a in ALPHABET[:10] for b in ALPHABET[:10]]
    ]
    assert statuses[0] == 404 and statuses[-1] == 429
    assert statuses.count(404) <= 20
    other = client.post(portal.track.url, {"code": "JM-2222-3333-4444", "phone_suffix": "5678"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 404  # another address is not affected


@pytest.mark.parametrize(
    ("changes", "message_part"),
    [
        ({"name": "", "title": "", "content": ""}, "请填写“标题”"),
        ({"content": "长" * 2001}, "不能超过 2000 字"),
        ({"content": "<script>alert(1)</script>"}, "请不要输入网页代码"),
        ({"title": "<img src=x onerror=alert(1)>"}, "请不要输入网页代码"),
        ({"phone": "1234567"}, "请填写11位手机号码"),
        ({"captcha_answer": "99"}, "验证码不正确"),
    ],
)
def test_bad_submissions_get_clear_errors_and_store_nothing(client, portal, changes, message_part):
    html = client.get(portal.write.url).content.decode()
    response = client.post(portal.write.url, {**form_data(html, **message()), **changes})
    html = response.content.decode()
    assert response.status_code == 400
    assert message_part in html
    assert Case.objects.count() == 0
    retry = client.post(portal.write.url, {**form_data(html, **message())})  # the fresh question on the page answers
    assert retry.status_code == 201


def test_a_solved_captcha_sends_one_letter_only(client, portal):
    html = client.get(portal.write.url).content.decode()
    solved = form_data(html, **message())
    assert client.post(portal.write.url, solved).status_code == 201

    another = {
        **solved,
        "title": "人民路路灯不亮",
        "content": "人民路与建设路交界处路灯已坏一周，夜间行人不便，请修复。",
    }
    replayed = Client().post(portal.write.url, another)  # the same token from a new session

    assert replayed.status_code == 400
    assert "验证码不正确或已过期" in replayed.content.decode()
    assert Case.objects.count() == 1


def test_a_stored_script_tag_is_shown_escaped(client, portal):
    case = CaseFactory(department=portal.a, status=Status.CLOSED, reply="<script>alert('reply')</script>")
    Case.objects.filter(pk=case.pk).update(
        public_title="<script>alert('t')</script>",
        public_content="正文",
        public_reply=case.reply,
        published_at=timezone.now(),
    )
    for html in (
        client.get(portal.letters.url).content.decode(),
        client.get(f"{portal.letters.url}{case.pk}/").content.decode(),
        track(client, portal, case).content.decode(),
    ):
        assert "<script>alert(" not in html
        assert "&lt;script&gt;alert(" in html


def test_a_failing_mail_server_loses_nothing(client, portal, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("interaction.submission.send_mail", broken)
    response = submit(client, portal.write, message(email="chen@example.com"))
    assert response.status_code == 201
    assert Case.objects.get().tracking_code in response.content.decode()


def test_the_citizen_is_mailed_the_tracking_code(client, portal):
    submit(client, portal.write, message(email="chen@example.com"))
    assert Case.objects.get().tracking_code in mail.outbox[0].body


def test_submissions_per_address_are_rate_limited(client, portal):
    responses = [submit(client, portal.write, message(title=f"第{n}封信")) for n in range(12)]
    assert [response.status_code for response in responses] == [201] * 10 + [429, 429]
    assert "第11封信" in responses[-1].content.decode()  # what the citizen wrote is still in the form
    assert Case.objects.count() == 10


def disclosure_request(**changes):
    return {
        "applicant_type": "citizen",
        "name": "李晓红",
        "id_type": "id_card",
        "id_number": ID_NUMBER,
        "phone": "13922223333",
        "email": "",
        "address": "江门市蓬江区港口一路1号",
        "title": "2025年江门市城乡居民最低生活保障资金发放情况",
        "content": "申请公开2025年各区低保资金发放汇总表。",
        "purpose": "了解政策执行情况",
        "delivery_form": "electronic",
        "delivery_method": "post",
        **changes,
    }


def test_a_disclosure_request_checks_the_id_number_and_gets_twenty_working_days(client, portal):
    bad = submit(
        client, portal.request, disclosure_request(requested_department=portal.a.pk, id_number="440703198001010019")
    )
    assert bad.status_code == 400 and "居民身份证号码不正确" in bad.content.decode()
    response = submit(client, portal.request, disclosure_request(requested_department=portal.a.pk))
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.kind == Kind.DISCLOSURE and case.requested_department == portal.a
    assert case.due_on == calendar().add(case.received_on, 20)


def test_disclosure_deadline_extension_and_paused_clock(portal):
    received = timezone.make_aware(timezone.datetime(2026, 9, 30, 10))
    case = CaseFactory(kind=Kind.DISCLOSURE, department=portal.a, status=Status.IN_PROGRESS, submitted_at=received)
    assert case.due_on == date(2026, 11, 3)
    editor = actor_for(portal.editor_a)
    perform(case, "extend", editor, note="需要调取档案", today=date(2026, 10, 20))
    case.refresh_from_db()
    assert (case.status, case.due_on) == (Status.EXTENDED, date(2026, 12, 1))
    with pytest.raises(TransitionError):
        perform(case, "extend", editor, note="再次延期", today=date(2026, 10, 21))  # once only

    perform(case, "pause", editor, note="征求第三方意见", reason="consultation", today=date(2026, 10, 21))
    case.refresh_from_db()
    assert case.clock_paused and case.flags(date(2026, 12, 1)) == ["paused"]
    perform(case, "resume", editor, today=date(2026, 10, 23))  # Thursday 22 and Friday 23 October paused
    case.refresh_from_db()
    assert not case.clock_paused and case.due_on == calendar().add(date(2026, 9, 30), 42) == date(2026, 12, 3)
    with pytest.raises(TransitionError, match="7 个工作日内"):
        perform(case, "pause", editor, note="请补正", reason="correction", today=date(2026, 10, 26))


def test_an_unsatisfied_rating_reopens_the_case(client, portal):
    case = CaseFactory(department=portal.a, status=Status.CLOSED, reply="已处理。")
    response = client.post(
        portal.track.url,
        {
            "code": case.tracking_code,
            "phone_suffix": case.phone[-4:],
            "satisfaction": Satisfaction.UNSATISFIED,
            "comment": "噪音仍在",
        },
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert (case.status, case.satisfaction, case.restarted_on) == (Status.REOPENED, 2, timezone.localdate())
    assert "重办" in response.content.decode()
    other = CaseFactory(department=portal.a, status=Status.REPLIED, reply="已处理。")
    client.post(portal.track.url, {"code": other.tracking_code, "phone_suffix": other.phone[-4:], "satisfaction": 5})
    other.refresh_from_db()
    assert other.status == Status.RATED


def test_a_rating_sent_without_a_choice_says_so_and_keeps_the_case_on_screen(client, portal):
    case = CaseFactory(department=portal.a, status=Status.CLOSED, reply="已处理。")
    answers = {"code": case.tracking_code, "phone_suffix": case.phone[-4:], "comment": "还没想好"}
    response = client.post(portal.track.url, answers)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in page and "您对答复是否满意" in page and case.title in page
    case.refresh_from_db()
    assert case.status == Status.CLOSED


def test_overdue_near_due_and_three_months_unanswered_are_flagged(portal):
    today = timezone.localdate()
    old = CaseFactory(submitted_at=timezone.now() - timedelta(days=100))
    fresh = CaseFactory()
    assert old.flags(today) == ["red", "overdue"]
    assert fresh.flags(today) == []
    assert fresh.flags(fresh.due_on) == ["near_due"]
    assert list(Case.objects.overdue(today)) == [old]
    assert list(Case.objects.unanswered_for_months(today)) == [old]
    assert fresh in Case.objects.near_due(fresh.due_on)
    assert CaseFactory(submitted_at=timezone.now() - timedelta(days=100), status=Status.CLOSED).flags(today) == []


def test_monthly_statistics_per_department(client, portal):
    now = timezone.now()
    CaseFactory(department=portal.a, status=Status.CLOSED, closed_at=now, satisfaction=5, rated_at=now)
    CaseFactory(department=portal.a, status=Status.RATED, closed_at=now, satisfaction=1, rated_at=now)
    CaseFactory(
        department=portal.a, submitted_at=now - timedelta(days=100), status=Status.IN_PROGRESS
    )  # overdue, older
    CaseFactory(department=portal.b)
    url = reverse("interaction_statistics")
    client.force_login(portal.desk)
    rows = {row.department: row for row in client.get(url).context["rows"]}
    assert (rows["江门市民政局"].received, rows["江门市民政局"].closed, rows["江门市民政局"].rated) == (2, 2, 2)
    assert rows["江门市民政局"].satisfaction_rate == 50
    assert rows["江门市教育局"].received == 1
    old_month = (now - timedelta(days=100)).strftime("%Y-%m")
    rows = {row.department: row for row in client.get(url, {"month": old_month}).context["rows"]}
    assert rows["江门市民政局"].overdue == 1
    assert client.get(url, {"month": "2026-13"}).status_code == 200

    client.force_login(portal.editor_b)
    assert [row.department for row in client.get(url).context["rows"]] == ["江门市教育局"]
    client.force_login(make_user("outsider"))
    assert client.get(url).status_code in (302, 403)


def test_the_annual_report_takes_its_request_figures_from_the_cases(portal):
    year = timezone.localdate().year
    now = timezone.now()
    CaseFactory(kind=Kind.DISCLOSURE, department=portal.a, status=Status.CLOSED, outcome="granted", replied_at=now)
    CaseFactory(kind=Kind.DISCLOSURE, department=portal.a, status=Status.IN_PROGRESS)
    CaseFactory(kind=Kind.MESSAGE, department=portal.a)
    report, _ = draft_annual_report(portal.a, year)
    tables = [block.value["data"] for block in report.body if block.block_type == "table"]
    figures = {row[0]: row[-1] for row in tables[3][1:]}  # table 三, the 总计 column
    assert figures["一、本年新收政府信息公开申请数量"] == "2"
    assert figures["（一）予以公开"] == "1"
    assert figures["四、结转下年度继续办理"] == "1"


def test_public_pages_answer_without_javascript(client, portal):
    for page in (portal.write, portal.request, portal.track, portal.letters):
        html = client.get(page.url).content.decode()
        assert page.title in html
        assert "<script" not in html.split("<main")[1].split("</main>")[0]
    assert "csrfmiddlewaretoken" in client.get(portal.write.url).content.decode()


def test_an_editor_cannot_publish_a_letter_the_departments_reviewer_can(client, portal):
    case = CaseFactory(department=portal.a, status=Status.CLOSED, reply="已处理。")
    fields = {"public_title": "标题", "public_content": "内容", "public_reply": "已处理。"}
    client.force_login(portal.editor_a)
    assert "审核公开" not in client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert act(client, case, "publish", **fields).status_code == 403
    client.force_login(portal.reviewer_a)
    act(client, case, "publish", **fields)
    case.refresh_from_db()
    assert case.is_published and case.transitions.get(action="publish").actor == portal.reviewer_a


def test_the_dashboard_warns_when_deadlines_run_into_a_year_not_yet_announced(client, portal, monkeypatch):
    client.force_login(portal.desk)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()  # 40 working days from today reach 2027
    assert "来信办理提醒" in dashboard and "2027 年的节假日安排尚未公布" in dashboard and "法定节假日" in dashboard
    monkeypatch.setattr("interaction.views.calendar", lambda: Calendar(years=frozenset(range(2000, 2100))))
    assert "节假日安排尚未公布" not in client.get(reverse("wagtailadmin_home")).content.decode()


@override_settings(INTERACTION_MESSAGE_SLA_DAYS=3)
def test_messages_are_due_after_the_configured_number_of_working_days(portal):
    received = timezone.make_aware(timezone.datetime(2026, 9, 30, 10))  # National Day week follows
    assert CaseFactory(submitted_at=received).due_on == date(2026, 10, 10)  # 8 and 9 October, then make-up Saturday


def complaint_page(home):
    section = SectionPageFactory(parent=home, slug="supervision", title="网上监察")
    return SupervisionComplaintPageFactory(parent=section)


@pytest.mark.parametrize("form", ["letter", "request", "complaint"])
def test_the_receipt_is_a_calm_confirmation_leading_to_tracking_with_the_code_filled_in(client, portal, home, form):
    page, data = {
        "letter": (portal.write, message()),
        "request": (portal.request, disclosure_request(requested_department=portal.a.pk)),
        "complaint": (complaint_page(home), message(category="")),
    }[form]
    response = submit(client, page, data)

    assert response.status_code == 201
    case = Case.objects.get()
    receipt = response.content.decode().split('<div class="case-receipt" role="status">')[1].split("</main>")[0]
    assert "提交成功" in receipt and "notice" not in receipt  # green, not the amber of a warning
    assert case.tracking_code in receipt
    assert f"答复期限</dt><dd>{case.due_on.year}年{case.due_on.month}月{case.due_on.day}日前" in receipt
    link = f"{portal.track.url}?code={case.tracking_code}"
    assert f'href="{link}"' in receipt

    tracking = client.get(link).content.decode()
    assert f'name="code" value="{case.tracking_code}"' in tracking
    found = client.post(portal.track.url, {"code": case.tracking_code, "phone_suffix": case.phone[-4:]})
    assert found.status_code == 200 and case.title in found.content.decode()


def published_letter(portal, **fields):
    replied = timezone.now() - timedelta(days=2)
    return CaseFactory(
        department=portal.a,
        status=Status.CLOSED,
        reply="已责令停止施工。",
        replied_at=replied,
        public_title="夜间施工噪音扰民",
        public_content="工地每晚施工。",
        public_reply="已责令停止施工。",
        published_at=replied + timedelta(days=1),
        **fields,
    )


def test_a_reopened_letter_shows_it_is_handled_again_not_the_rejected_reply(client, portal):
    case = published_letter(portal)
    client.post(
        portal.track.url,
        {"code": case.tracking_code, "phone_suffix": case.phone[-4:], "satisfaction": Satisfaction.UNSATISFIED},
    )
    case.refresh_from_db()
    assert case.status == Status.REOPENED

    board = client.get(portal.letters.url).content.decode()
    assert "夜间施工噪音扰民" in board and "重新办理中" in board
    letter = client.get(f"{portal.letters.url}{case.pk}/").content.decode()
    assert "重新办理中" in letter and "已责令停止施工" not in letter
    tracking = track(client, portal, case).content.decode()
    assert "<strong>重新办理中</strong>" in tracking
    assert '<div class="case-reply">' not in tracking  # the rejected reply is kept below, folded, not as the answer
    assert "此前的答复" in tracking

    handler = actor_for(portal.editor_a)
    perform(case, "reply", handler, reply="已联合城管部门查处，工地已停止夜间施工。")
    case.refresh_from_db()
    assert "重新办理中" in client.get(portal.letters.url).content.decode()  # the new reply waits for review
    assert "已联合城管部门查处" in track(client, portal, case).content.decode()
    perform(case, "publish", actor_for(portal.reviewer_a), **{**case.masked(), "public_title": "夜间施工噪音扰民"})
    letter = client.get(f"{portal.letters.url}{case.pk}/").content.decode()
    assert "已联合城管部门查处" in letter and "重新办理中" not in letter
