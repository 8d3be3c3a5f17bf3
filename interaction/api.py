"""Data exchange with the 12345 platform: token-authenticated JSON.

GET  /api/12345/cases/?since=<ISO time>     new cases to pull (oldest first, 100 at a time)
GET  /api/12345/cases/<tracking code>/      one case with its timeline
POST /api/12345/cases/<tracking code>/events/
     {"event_id": "…", "action": "reply", "reply": "…", "note": "…", "department": "<slug>", …}
     {"event_id": "…", "action": "rate", "satisfaction": 1…5}   (the city-wide token: ratings from its 回访)

Tokens (settings.INTERACTION_EXCHANGE_TOKENS) act for the whole city or for one department, under the same
rules as staff in the admin. Pushing an event whose `event_id` was already applied changes nothing.
"""

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from portal.json_body import BodyError, json_text

from .access import actor_for_token, departments, visible
from .models.cases import Case, Outcome, PauseReason, Satisfaction
from .tracking import normalise
from .workflow import StateError, TransitionError, perform

PULL_LIMIT = 100
PUSHABLE = {"accept", "reject", "assign", "sign", "return", "extend", "pause", "resume", "reply", "close", "rate"}
TEXT_FIELDS = ("note", "reply", "outcome", "reason", "department")


def problem(status, message):
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


def authenticated(view):
    """Pass the token's actor to the view; 401 without a known token."""

    def wrapper(request, *args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        actor = actor_for_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
        if actor is None:
            response = problem(401, "缺少或无效的访问令牌。")
            response["WWW-Authenticate"] = 'Bearer realm="12345"'
            return response
        try:
            return view(request, actor, *args, **kwargs)
        except PermissionDenied:
            return problem(403, "该令牌无权访问此件。")

    return csrf_exempt(wrapper)


def case_json(case, timeline=False):
    data = {
        "tracking_code": case.tracking_code,
        "kind": case.kind,
        "category": case.category,
        "status": case.status,
        "department": case.department.slug if case.department else None,
        "requested_department": case.requested_department.slug if case.requested_department else None,
        "name": case.name,
        "phone": case.phone,
        "email": case.email,
        "title": case.title,
        "content": case.content,
        "publish_consent": case.publish_consent,
        "submitted_at": case.submitted_at.isoformat(),
        "due_on": case.due_on.isoformat() if case.due_on else None,
        "reply": case.reply,
        "satisfaction": case.satisfaction,
    }
    if timeline:
        data["timeline"] = [
            {
                "action": step.action,
                "status": step.status,
                "by": step.actor_name,
                "at": step.created_at.isoformat(),
                "note": step.note,
            }
            for step in case.transitions.all()
        ]
    return data


def visible_case(actor, code):
    """The case with this code; 404 when there is none, PermissionDenied (403) when the token may not see it."""
    cases = Case.objects.select_related("department", "requested_department")
    case = cases.filter(tracking_code=normalise(code)).first() if normalise(code) else None
    if case is None:
        return None
    if not actor.can_see(case):
        raise PermissionDenied
    return case


@require_GET
@authenticated
def pull(request, actor):
    cases = visible(Case.objects.select_related("department", "requested_department"), actor).order_by(
        "submitted_at", "pk"
    )
    since = request.GET.get("since")
    if since:
        try:
            moment = parse_datetime(since) if len(since) <= 40 else None
        except ValueError:  # well formed but impossible, such as month 13
            moment = None
        if moment is None or moment.tzinfo is None:
            return problem(400, "since 须为带时区的 ISO 8601 时间，例如 2026-11-01T00:00:00+08:00。")
        cases = cases.filter(submitted_at__gt=moment)
    batch = list(cases[:PULL_LIMIT])
    return JsonResponse(
        {
            "cases": [case_json(case) for case in batch],
            "next_since": batch[-1].submitted_at.isoformat() if batch else since,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@authenticated
def detail(request, actor, code):
    case = visible_case(actor, code)
    if case is None:
        return problem(404, "没有此查询码。")
    return JsonResponse(case_json(case, timeline=True), json_dumps_params={"ensure_ascii": False})


def event_details(payload):
    """Keyword arguments for workflow.perform from a pushed event; ValueError with the reason if malformed."""
    if not isinstance(payload, dict):
        raise ValueError("请求体须为 JSON 对象。")
    if payload.get("action") not in PUSHABLE:
        raise ValueError(f"action 须为以下之一：{', '.join(sorted(PUSHABLE))}。")
    event_id = payload.get("event_id")
    if not isinstance(event_id, str) or not 0 < len(event_id) <= 80 or "\x00" in event_id:
        raise ValueError("event_id 须为 1 到 80 个字符的字符串，同一事件重复推送时保持不变。")
    details = text_details(payload)
    if "department" in details:
        details["department"] = pushed_department(details["department"])
    if payload["action"] == "rate":
        details["satisfaction"] = pushed_satisfaction(payload.get("satisfaction"))
    return payload["action"], event_id, details


def text_details(payload):
    """The event's text fields that are set, each a string within limits, outcome and reason from their lists."""
    details = {}
    for name in TEXT_FIELDS:
        value = payload.get(name, "")
        if not isinstance(value, str) or len(value) > 10_000 or "\x00" in value:
            raise ValueError(f"{name} 须为不超过 10000 字、不含空字符的字符串。")
        if value:
            details[name] = value
    if details.get("outcome", "") not in ("", *Outcome.values) or details.get("reason", "") not in (
        "",
        *PauseReason.values,
    ):
        raise ValueError("outcome 或 reason 的取值不正确。")
    return details


def pushed_department(slug):
    department = departments().filter(slug=slug).first()
    if department is None:
        raise ValueError(f"没有部门 {slug}。")
    return department


def pushed_satisfaction(satisfaction):
    if type(satisfaction) is not int or satisfaction not in Satisfaction.values:
        raise ValueError("satisfaction 须为 1（非常不满意）到 5（非常满意）的整数。")
    return satisfaction


@require_POST
@authenticated
def push(request, actor, code):
    try:
        payload = json.loads(json_text(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE))
    except BodyError as error:
        return problem(error.status, str(error))
    except ValueError:  # invalid JSON, or an integer too long to convert
        return problem(400, "请求体不是有效的 JSON。")
    try:
        action, event_id, details = event_details(payload)
    except ValueError as error:
        return problem(400, str(error))
    case = visible_case(actor, code)
    if case is None:
        return problem(404, "没有此查询码。")
    note = details.pop("note", "")
    try:
        transition, created = perform(case, action, actor, note=note, exchange_key=event_id, **details)
    except StateError as error:
        return problem(409, str(error))
    except TransitionError as error:
        return problem(400, str(error))
    case.refresh_from_db()
    return JsonResponse(
        {"applied": created, "transition": transition.pk, "case": case_json(case)},
        status=201 if created else 200,
        json_dumps_params={"ensure_ascii": False},
    )
