"""The 12345 closed loop as a table of actions: who may take each, from which statuses, to which status.

已提交 → 已受理 / 不予受理 → 已转办 → (签收) 办理中 / (退回) 已退回 → 延期办理 → 已答复 → 已办结 → 已评价;
an unsatisfied rating reopens the case as 重办. Every action writes one `Transition`; a platform event
carrying an `exchange_key` already recorded changes nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from portal.workdays import calendar

from . import fees
from .models.cases import (
    ANSWERED_STATUSES,
    DISCLOSURE_DAYS,
    GROUNDS,
    OPEN_STATUSES,
    OPTIONAL_GROUNDS,
    Case,
    Channel,
    FeeMethod,
    Ground,
    Kind,
    Outcome,
    Pause,
    PauseReason,
    Review,
    ReviewKind,
    ReviewResult,
    Satisfaction,
    Status,
    Step,
    Transition,
)

CORRECTION_WINDOW_DAYS = 7  # 补正 must be asked within 7 working days of receipt (条例第三十条)
MAX_EXTENSION_DAYS = DISCLOSURE_DAYS  # one extension of at most 20 working days (第三十三条)
HANDLING = (Status.IN_PROGRESS, Status.EXTENDED, Status.REOPENED)


class TransitionError(ValueError):
    """An action the given details do not allow (a missing reply, an unknown department); the message says why."""


class StateError(TransitionError):
    """An action the case's current status or kind does not allow."""


@dataclass(frozen=True)
class Action:
    sources: tuple
    target: str | None  # None keeps the status
    role: str  # desk, handler, reviewer or citizen
    kinds: tuple = (Kind.MESSAGE, Kind.DISCLOSURE)
    note_required: bool = False


ACTIONS = {
    "submit": Action((), Status.SUBMITTED, "citizen"),
    "accept": Action((Status.SUBMITTED,), Status.ACCEPTED, "desk"),
    "reject": Action((Status.SUBMITTED, Status.ACCEPTED), Status.REJECTED, "desk", note_required=True),
    "assign": Action((Status.SUBMITTED, Status.ACCEPTED, Status.RETURNED), Status.ASSIGNED, "desk"),
    "sign": Action((Status.ASSIGNED,), Status.IN_PROGRESS, "handler"),
    "return": Action((Status.ASSIGNED,), Status.RETURNED, "handler", note_required=True),
    "receive": Action(
        (Status.SUBMITTED, Status.ACCEPTED, Status.ASSIGNED, Status.IN_PROGRESS), None, "handler", (Kind.DISCLOSURE,)
    ),
    "extend": Action((Status.IN_PROGRESS, Status.REOPENED), Status.EXTENDED, "handler", note_required=True),
    "pause": Action((Status.ACCEPTED, Status.ASSIGNED, *HANDLING), None, "handler", (Kind.DISCLOSURE,), True),
    "resume": Action((Status.ACCEPTED, Status.ASSIGNED, *HANDLING), None, "handler", (Kind.DISCLOSURE,)),
    "reply": Action(HANDLING, Status.REPLIED, "handler"),
    "close": Action((Status.REPLIED,), Status.CLOSED, "handler"),
    "rate": Action((Status.REPLIED, Status.CLOSED), Status.RATED, "citizen"),
    "publish": Action(tuple(ANSWERED_STATUSES), None, "reviewer"),
    "fee": Action(tuple(OPEN_STATUSES), None, "handler", (Kind.DISCLOSURE,)),
    "review": Action(tuple(ANSWERED_STATUSES), None, "handler", (Kind.DISCLOSURE,)),
    # Questions for an online interview: moderated before they show on the interview's page.
    "approve": Action((Status.SUBMITTED,), Status.CLOSED, "reviewer", (Kind.INTERVIEW,)),
    "decline": Action((Status.SUBMITTED,), Status.REJECTED, "reviewer", (Kind.INTERVIEW,)),
}


def may(actor, name, case):
    role = ACTIONS[name].role
    return {
        "desk": actor.desk_for(case),
        "handler": actor.handles(case),
        "reviewer": actor.reviews_case(case),
        "citizen": actor.citizen,
    }[role]


def applies(name, case):
    action = ACTIONS[name]
    if case.status not in action.sources or case.kind not in action.kinds:
        return False
    if name == "pause":
        return not case.clock_paused
    if name == "resume":
        return case.clock_paused
    if name == "extend":
        return not case.extended
    if name == "publish":  # once, and again for the new reply of a reopened case
        return case.publish_consent and not (case.is_published and case.public_reply_stands)
    return True


def available(actor, case):
    """The actions this actor can take on the case now, by name."""
    return [name for name in ACTIONS if name != "submit" and may(actor, name, case) and applies(name, case)]


def record(case, name, actor, note="", department=None, exchange_key=""):
    return Transition.objects.create(
        case=case,
        action=name,
        status=case.status,
        actor=actor.user,
        actor_name=actor.name,
        department=department or case.department,
        note=note,
        exchange_key=exchange_key,
    )


def start(case, actor):
    """Save a new case with its deadline and its first timeline entry."""
    with transaction.atomic():
        case.refresh_deadline()
        case.save()
        record(case, "submit", actor)
    return case


def perform(case, name, actor, *, note="", exchange_key="", today=None, **details):
    """Take action `name` on the case as `actor`; (transition, created). Raises PermissionDenied when the
    actor may not, TransitionError when the case or the details do not allow it."""
    if name not in ACTIONS or name == "submit":
        raise TransitionError(f"未知的操作：{name}")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if exchange_key:
            done = case.transitions.filter(exchange_key=exchange_key).first()
            if done is not None:
                return done, False
        if not may(actor, name, case):
            raise PermissionDenied("无权对此件进行该操作。")
        if not applies(name, case):
            raise StateError(f"当前状态（{case.get_status_display()}）不能“{Step(name).label}”。")
        note = note.strip()
        if ACTIONS[name].note_required and not note:
            raise TransitionError(f"“{Step(name).label}”须填写说明。")
        today = today or timezone.localdate()
        before = case.status
        department = STEPS.get(name, lambda *args, **kwargs: None)(case, today, **details)
        if ACTIONS[name].target and case.status == before:  # a step may choose the status itself (重办)
            case.status = ACTIONS[name].target
        case.refresh_deadline(today)
        case.save()
        return record(case, name, actor, note, department, exchange_key), True


def assign_step(case, today, department=None, **details):
    if department is None:
        raise TransitionError("请选择承办部门。")
    case.department = department
    return department


def return_step(case, today, **details):
    returned_by, case.department = case.department, None
    return returned_by


def receive_step(case, today, channel="", received_date=None, **details):
    """收到申请之日 by channel (第三十一条): staff record how a request came and the day it counts as received."""
    if channel not in Channel.values:
        raise TransitionError("请选择申请方式。")
    if channel == Channel.ONLINE:
        received_date = None  # confirmed by the site when submitted
    elif received_date is None:
        raise TransitionError("请填写收到申请日期（邮寄为签收之日，平常信函、传真或电子邮件为确认之日）。")
    elif received_date > today:
        raise TransitionError("收到申请日期不能晚于今天。")
    case.channel, case.received_date = channel, received_date


def extend_step(case, today, days=None, **details):
    """One extension, of at most 20 working days for a disclosure request (第三十三条)."""
    if case.kind == Kind.DISCLOSURE:
        days = days or MAX_EXTENSION_DAYS
        if not 1 <= days <= MAX_EXTENSION_DAYS:
            raise TransitionError(f"延长答复的期限最长不得超过 {MAX_EXTENSION_DAYS} 个工作日。")
        case.extension_days = days
    case.extended = True


def pause_step(case, today, reason="", **details):
    if reason not in PauseReason.values:
        raise TransitionError("请选择暂停计时的原因。")
    if reason == PauseReason.CORRECTION and calendar().between(case.received_on, today) > CORRECTION_WINDOW_DAYS:
        raise TransitionError(f"补正须在收到申请之日起 {CORRECTION_WINDOW_DAYS} 个工作日内一次性告知。")
    Pause.objects.create(case=case, reason=reason, started_on=today)


def resume_step(case, today, **details):
    case.pauses.filter(ended_on__isnull=True).update(ended_on=today)


def reply_step(case, today, reply="", outcome="", ground="", **details):
    if not reply.strip():
        raise TransitionError("请填写答复内容。")
    if case.kind == Kind.DISCLOSURE:
        if outcome not in Outcome.values:
            raise TransitionError("依申请公开的答复须选择办理结果。")
        grounds = GROUNDS.get(outcome, [])
        if grounds and ground not in grounds:
            names = "、".join(Ground(value).label for value in grounds)
            raise TransitionError(f"“{Outcome(outcome).label}”须写明理由，可选：{names}。")
        ground = ground if ground in grounds + OPTIONAL_GROUNDS.get(outcome, []) else ""
    case.reply, case.outcome, case.ground, case.replied_at = reply.strip(), outcome, ground, timezone.now()


def close_step(case, today, **details):
    case.closed_at = timezone.now()


def rate_step(case, today, satisfaction=None, **details):
    if satisfaction not in Satisfaction.values:
        raise TransitionError("请选择满意程度。")
    case.satisfaction, case.rated_at = satisfaction, timezone.now()
    if satisfaction <= Satisfaction.UNSATISFIED:  # 重办: the department answers again, on a fresh clock
        case.status, case.restarted_on = Status.REOPENED, today


def publish_step(case, today, public_title="", public_content="", public_reply="", **details):
    if not (public_title.strip() and public_content.strip() and public_reply.strip()):
        raise TransitionError("请核对并填写公开的标题、来信内容和答复内容。")
    case.public_title, case.public_content, case.public_reply = public_title, public_content, public_reply
    case.published_at = timezone.now()


def approve_step(case, today, public_title="", public_content="", **details):
    """An interview question goes public as the moderator confirmed it: the asker shortened, the text masked."""
    if not (public_title.strip() and public_content.strip()):
        raise TransitionError("请核对并填写公开的提问人称呼和提问内容。")
    case.public_title, case.public_content = public_title.strip(), public_content.strip()
    case.published_at = case.closed_at = timezone.now()


def nth_request_this_month(case):
    """Which of the applicant's requests to this department this calendar month the case is (按件计收)."""
    first = case.received_on.replace(day=1)
    same = Case.objects.filter(kind=Kind.DISCLOSURE, id_number=case.id_number).exclude(id_number="")
    same = same.filter(department=case.department) if case.department_id else same
    earlier = [
        other
        for other in same.exclude(pk=case.pk)
        if first <= other.received_on <= case.received_on
        and (other.received_on, other.pk) < (case.received_on, case.pk)
    ]
    return len(earlier) + 1


def fee_step(case, today, fee_method="", fee_pages=None, **details):
    """信息处理费 (国办函〔2020〕109号): computed by item or by the pages to be provided, and kept on the case."""
    if fee_method == FeeMethod.ITEM:
        case.fee_pages, case.fee_amount = None, fees.item_fee(nth_request_this_month(case))
    elif fee_method == FeeMethod.PAGES:
        if not fee_pages:
            raise TransitionError("按量计收须填写拟提供的页数。")
        case.fee_pages, case.fee_amount = fee_pages, fees.page_fee(fee_pages)
    else:
        raise TransitionError("请选择计收方式（按件或按量）。")
    case.fee_method = fee_method


def review_step(case, today, review_kind="", review_result="", filed_on=None, **details):
    """行政复议 or 行政诉讼 against the reply: recorded when filed, its result when decided (table 四)."""
    if review_kind not in ReviewKind.values:
        raise TransitionError("请选择行政复议或行政诉讼。")
    result = review_result or ReviewResult.PENDING
    if result not in ReviewResult.values:
        raise TransitionError("请选择复议或诉讼的结果。")
    review = case.reviews.filter(kind=review_kind).last()
    if review is None:
        if filed_on is None or filed_on > today:
            raise TransitionError("请填写申请复议或起诉的日期（不晚于今天）。")
        review = Review(case=case, kind=review_kind, filed_on=filed_on)
    review.result = result
    review.decided_on = None if result == ReviewResult.PENDING else today
    review.save()


STEPS = {
    "receive": receive_step,
    "fee": fee_step,
    "review": review_step,
    "assign": assign_step,
    "return": return_step,
    "extend": extend_step,
    "pause": pause_step,
    "resume": resume_step,
    "reply": reply_step,
    "close": close_step,
    "rate": rate_step,
    "publish": publish_step,
    "approve": approve_step,
}
