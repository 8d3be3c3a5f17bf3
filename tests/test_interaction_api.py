"""The exchange API with the 12345 platform: tokens, scoping, pulling new cases, idempotent pushes."""

import json

from django.test import override_settings

import pytest

from interaction.models.cases import Status

from .factories import CaseFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("tokens"),
]

CITY, JYJ = "city-token-0123456789", "jyj-token-0123456789"


@pytest.fixture
def tokens():
    with override_settings(INTERACTION_EXCHANGE_TOKENS={CITY: "*", JYJ: "jyj"}):
        yield


def get(client, url, token=CITY, **params):
    return client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {token}")


def push(client, case, payload, token=CITY):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(
        f"/api/12345/cases/{case.tracking_code}/events/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_requests_without_a_known_token_are_refused(client, group):
    case = CaseFactory()
    assert client.get("/api/12345/cases/").status_code == 401
    assert get(client, "/api/12345/cases/", token="wrong").status_code == 401
    response = client.get("/api/12345/cases/", HTTP_AUTHORIZATION=f"Token {CITY}")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert push(client, case, {"event_id": "1", "action": "accept"}, token="wrong").status_code == 401
    assert case.transitions.count() == 0


def test_the_platform_pulls_new_cases_since_a_moment(client, group):
    first = CaseFactory(title="第一件")
    second = CaseFactory(title="第二件")
    data = get(client, "/api/12345/cases/").json()
    assert [item["tracking_code"] for item in data["cases"]] == [first.tracking_code, second.tracking_code]
    assert data["cases"][0]["phone"] == first.phone  # the platform is trusted with the full record
    later = get(client, "/api/12345/cases/", since=first.submitted_at.isoformat()).json()
    assert [item["title"] for item in later["cases"]] == ["第二件"]
    assert get(client, "/api/12345/cases/", since="yesterday").status_code == 400
    assert get(client, "/api/12345/cases/", since="2026-11-01T00:00:00").status_code == 400  # no time zone
    assert get(client, "/api/12345/cases/", since="2026-13-01T00:00:00+08:00").status_code == 400
    assert get(client, "/api/12345/cases/JM-2222-3333-444%00/").status_code == 404


def test_a_department_token_sees_and_answers_only_its_departments_cases(client, group):
    mine = CaseFactory(department=group.b, status=Status.ASSIGNED, title="教育局的件")
    theirs = CaseFactory(department=group.a, status=Status.ASSIGNED, title="民政局的件")
    titles = [item["title"] for item in get(client, "/api/12345/cases/", token=JYJ).json()["cases"]]
    assert titles == ["教育局的件"]
    assert get(client, f"/api/12345/cases/{theirs.tracking_code}/", token=JYJ).status_code == 403
    assert push(client, theirs, {"event_id": "e1", "action": "sign"}, token=JYJ).status_code == 403
    assert theirs.transitions.count() == 0
    assert push(client, mine, {"event_id": "e2", "action": "sign"}, token=JYJ).status_code == 201
    assert push(client, mine, {"event_id": "e3", "action": "assign", "department": "mzj"}, token=JYJ).status_code == 403


def test_the_same_push_twice_leaves_one_transition(client, group):
    case = CaseFactory(department=group.a, status=Status.IN_PROGRESS)
    event = {"event_id": "12345-20261127-0001", "action": "reply", "reply": "已安排工作人员现场核查并处理。"}
    first, second = push(client, case, event), push(client, case, event)
    assert (first.status_code, second.status_code) == (201, 200)
    assert (first.json()["applied"], second.json()["applied"]) == (True, False)
    assert case.transitions.filter(action="reply").count() == 1
    case.refresh_from_db()
    assert case.status == Status.REPLIED and case.reply == event["reply"]
    detail = get(client, f"/api/12345/cases/{case.tracking_code}/").json()
    assert [step["action"] for step in detail["timeline"]] == ["reply"]


def test_the_platform_drives_the_whole_loop(client, group):
    case = CaseFactory()
    steps = [
        {"event_id": "a", "action": "accept"},
        {"event_id": "b", "action": "assign", "department": "jyj"},
        {"event_id": "c", "action": "sign"},
        {"event_id": "d", "action": "reply", "reply": "已答复。"},
        {"event_id": "e", "action": "close"},
    ]
    assert [push(client, case, step).status_code for step in steps] == [201] * 5
    case.refresh_from_db()
    assert (case.status, case.department) == (Status.CLOSED, group.b)
    assert set(case.transitions.values_list("actor_name", flat=True)) == {"12345平台"}


def test_the_platform_relays_the_rating_from_its_callback_and_an_unsatisfied_one_reopens(client, group):
    case = CaseFactory()
    for step in ["accept", "assign", "sign", "reply", "close"]:
        push(client, case, {"event_id": step, "action": step, "department": "jyj", "reply": "已答复。"})

    assert push(client, case, {"event_id": "r", "action": "rate", "satisfaction": 2}).status_code == 201
    case.refresh_from_db()
    assert (case.satisfaction, case.status) == (2, Status.REOPENED)


def test_a_department_token_cannot_rate(client, group):
    case = CaseFactory(status=Status.REPLIED, department=group.b)

    assert push(client, case, {"event_id": "r", "action": "rate", "satisfaction": 5}, token=JYJ).status_code == 403
    assert case.transitions.count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        "[1, 2]",
        {"action": "accept"},  # no event id
        {"event_id": "x", "action": "delete"},
        {"event_id": "x", "action": "reply", "reply": 42},
        {"event_id": "x", "action": "assign", "department": "nowhere"},
        {"event_id": "x", "action": "pause", "reason": "holiday"},
        {"event_id": "x" * 81, "action": "accept"},
        {"event_id": "x", "action": "reply", "reply": "NUL\u0000"},
        {"event_id": "x", "action": "rate"},
        {"event_id": "x", "action": "rate", "satisfaction": 6},
        {"event_id": "x", "action": "rate", "satisfaction": "5"},
        {"event_id": "x", "action": "rate", "satisfaction": True},
    ],
)
def test_malformed_payloads_get_400(client, group, payload):
    case = CaseFactory()
    response = push(client, case, payload)
    assert response.status_code == 400 and response.json()["error"]
    assert case.transitions.count() == 0


def test_an_action_the_status_does_not_allow_gets_409_and_missing_details_400(client, group):
    case = CaseFactory()
    assert push(client, case, {"event_id": "x", "action": "close"}).status_code == 409
    assert push(client, case, {"event_id": "y", "action": "reject"}).status_code == 400  # a reason is required
    assert get(client, "/api/12345/cases/JM-2222-3333-4444/").status_code == 404
