"""Demo 公众互动 and 网上监察: the public case pages, a 12345 desk account, and letters, disclosure requests,
supervision complaints and interview questions taken round the closed loop at their own dates. Cases are keyed by their tracking codes, so a second
run adds nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from interaction.access import CITIZEN, SUPERVISORS, Actor
from interaction.models import (
    DisclosureRequestPage,
    LetterBoardPage,
    MessageFormPage,
    TrackingPage,
)
from interaction.models.cases import Case, Category, Transition
from interaction.submission import fingerprint
from interaction.workflow import perform
from supervision.models import SupervisionComplaintPage

from . import content

PAGE_TYPES = {
    "message": MessageFormPage,
    "request": DisclosureRequestPage,
    "tracking": TrackingPage,
    "board": LetterBoardPage,
    "complaint": SupervisionComplaintPage,
}
CASE_FIELDS = [
    *["kind", "category", "name", "honorific", "phone", "email", "title", "content"],
    *["applicant_type", "id_type", "id_number", "address", "purpose", "delivery_form", "delivery_method"],
]
STAMPS = {"reply": "replied_at", "close": "closed_at", "rate": "rated_at", "publish": "published_at"}
DESK_ACTOR = Actor("12345 受理中心", desk=True)
SUPERVISOR = Actor(SUPERVISORS, supervises=True)
REVIEWER = Actor("门户审核", oversees=True)


def moment(text):
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def load_interaction_pages(loader, pages):
    """The public case pages (我要写信, 依申请公开, 办理查询, 公开信件, 投诉监督) under their sections."""
    for item in pages:
        path = f"/{item.get('section', 'interaction')}/"
        page = PAGE_TYPES[item["type"]](
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            body=content.body(item["body"]),
            show_in_menus=True,
        )
        loader.ensure(loader.pages[path], f"{path}{item['slug']}/", page)


def load_interaction(loader, data):
    """The desk accounts and the demo cases (the pages are already there); returns how many cases were created."""
    for account in data["accounts"]:
        load_account(loader, account)
    created = [item for item in data["cases"] if load_case(loader, item)]
    if created:
        loader.log(f"公众互动：新建 {len(created)} 件来信和申请")
    return len(created)


def load_account(loader, account):
    """A demo account in one of the case-handling groups (the 12345 desk, the supervision group)."""
    User = get_user_model()
    if User.objects.filter(username=account["username"]).exists():
        return
    user = User.objects.create_user(
        account["username"],
        password=account["password"],
        first_name=account["first_name"],
        last_name=account["last_name"],
    )
    user.groups.add(Group.objects.get(name=account["group"]))
    loader.log(f"演示账号：已创建 {user.username}（{account['group']}，密码 {account['password']}）")


def department(loader, slug):
    return loader.pages[f"/departments/{slug}/"]


def actor(loader, case, step):
    if step["action"] == "rate":
        return CITIZEN
    if step["action"] in ("publish", "approve", "decline"):
        return REVIEWER
    if "by" in step:
        handler = department(loader, step["by"])
        return Actor(handler.short_name or handler.title, departments=frozenset([handler.pk]))
    return SUPERVISOR if case.category == Category.SUPERVISION else DESK_ACTOR


def load_case(loader, item):
    """The demo case with this tracking code, created with its whole history if missing; True if created."""
    if Case.objects.filter(tracking_code=item["code"]).exists():
        return False
    case = Case(
        tracking_code=item["code"],
        requested_department=department(loader, item["requested_department"])
        if "requested_department" in item
        else None,
        publish_consent=item.get("publish", False),
        submitted_at=moment(item["submitted"]),
        **{name: item.get(name, "") for name in CASE_FIELDS},
    )
    if "page" in item:  # a question for an online interview belongs to the interview's department
        case.page = loader.pages[item["page"]].specific
        case.department_id = case.page.department_id
    case.fingerprint = fingerprint(case.kind, case.phone, case.title, case.content)
    case.refresh_deadline(case.received_on)
    case.save()
    Transition.objects.create(
        case=case, action="submit", status=case.status, actor_name=CITIZEN.name, created_at=case.submitted_at
    )
    for step in item["steps"]:
        take_step(loader, case, step)
    return True


def take_step(loader, case, step):
    """One step of the demo history, dated as the JSON says."""
    at = moment(step["at"])
    details = {name: step[name] for name in ("reply", "outcome", "reason", "satisfaction") if name in step}
    if "department" in step:
        details["department"] = department(loader, step["department"])
    if step["action"] in ("publish", "approve"):
        case.refresh_from_db()
        details = case.masked()
    transition, _ = perform(
        case, step["action"], actor(loader, case, step), note=step.get("note", ""), today=at.date(), **details
    )
    Transition.objects.filter(pk=transition.pk).update(created_at=at)
    if step["action"] in STAMPS:
        Case.objects.filter(pk=case.pk).update(**{STAMPS[step["action"]]: at})
