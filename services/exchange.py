"""Keeping service items in step with the approval system: the upsert behind `import_service_items`, the push
endpoint and `load_demo`, and the export that writes the same schema (docs/service-items.md).

An import is planned in full before anything is written: every invalid item is reported with its line, and
then nothing is written at all; a valid file is applied in one transaction.
"""

from dataclasses import dataclass, field

from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import Locale

from channels.models import PageAudience
from departments.models import DepartmentPage
from departments.onboarding import department_column
from departments.ownership import Departments
from home.models import Office
from portal.forms import publishing_problems

from .completeness import missing_elements
from .formats import ROW_PROBLEM
from .models import DepartmentServicesPage, ServiceItemPage, lines
from .schema import Invalid, clean_item, content


@dataclass
class Report:
    """What an import did (or, with dry_run, would do); `problems` lists (line, code, reason) and means nothing was written."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    drafts: list = field(default_factory=list)  # (code, missing elements, why not published): saved as drafts
    problems: list = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "unchanged": len(self.unchanged),
            "withdrawn": self.withdrawn,
            "drafts": [
                {"code": code, "missing": missing, "reasons": reasons} for code, missing, reasons in self.drafts
            ],
            "problems": [{"line": line, "code": code, "reason": reason} for line, code, reason in self.problems],
        }

    def summary(self):
        verb = "将" if self.dry_run else "已"
        return (
            f"{verb}新建 {len(self.created)} 项，{verb}更新 {len(self.updated)} 项，"
            f"{verb}下线 {len(self.withdrawn)} 项，未变 {len(self.unchanged)} 项，"
            f"因要素不全或未通过发布检查保存为草稿 {len(self.drafts)} 项。"
        )


def departments_by_code():
    locale = Locale.get_default()
    return {page.code: page for page in DepartmentPage.objects.filter(locale=locale).exclude(code="")}


def items_by_code():
    locale = Locale.get_default()
    return {page.item_code: page for page in ServiceItemPage.objects.filter(locale=locale)}


def record_of(page, department_code, documents):
    """The canonical item a page holds now (its latest revision), as the schema writes it."""
    procedures = []
    for block in page.procedures:
        value = block.value
        office = value["office"]
        procedures.append(
            {
                "name": value["name"],
                "steps": [dict(step) for step in value["steps"]],
                "materials": [
                    {**dict(material), "blank_form": material["blank_form"].pk if material["blank_form"] else None}
                    for material in value["materials"]
                ],
                **{key: value[key] for key in ["statutory_days", "promised_days", "fee", "hours"]},
                **{key: value[key] for key in ["consultation_phone", "complaint_phone", "online_url"]},
                "office": {
                    key: getattr(office, key) for key in ["name", "district", "address", "opening_hours", "phone"]
                }
                if office
                else None,
                "visits": int(value["visits"]),
            }
        )
    raw = {
        "code": page.item_code,
        "name": page.title,
        "department": department_code,
        "type": page.item_type,
        "theme": page.theme,
        "status": "withdrawn" if not page.live and page.first_published_at else "active",
        "summary": page.summary,
        "agency": page.agency,
        "legal_basis": lines(page.legal_basis),
        "conditions": lines(page.conditions),
        "audiences": [link.audience for link in page.audience_links.all()],
        "procedures": procedures,
    }
    return clean_item(raw, {department_code}, documents)


def export_items():
    """Every item of the default locale as the schema writes it, ordered by code."""
    holders = Departments(departments_by_code().values())
    documents = set(get_document_model().objects.values_list("pk", flat=True))
    return [
        record_of(latest(page), holders.code_of(page), documents)
        for page in sorted(items_by_code().values(), key=lambda page: page.item_code)
    ]


def latest(page):
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


@dataclass
class Step:
    action: str  # create, update, publish, withdraw, unchanged
    item: dict
    page: object = None


def plan(entries, prune, report):
    """The steps an import takes, or nothing when any item is invalid (then `report.problems` says why)."""
    departments = departments_by_code()
    documents = set(get_document_model().objects.values_list("pk", flat=True))
    existing = items_by_code()
    items, seen, offices = [], {}, {}
    for line, raw in entries:
        code = raw.get("code") if isinstance(raw, dict) else None
        try:
            if isinstance(raw, dict) and ROW_PROBLEM in raw:
                raise Invalid(raw.pop(ROW_PROBLEM))
            item = clean_item(raw, departments, documents)
            if item["code"] in seen:
                raise Invalid(f"事项编码“{item['code']}”与第{seen[item['code']]}行重复。")
            check_offices(item, offices, line)
        except Invalid as problem:
            report.problems.append((line, code if isinstance(code, str) else "", str(problem)))
            continue
        seen[item["code"]] = line
        items.append(item)
    if report.problems:
        return []
    holders = Departments(departments.values())
    steps = [step_for(item, existing.get(item["code"]), holders, documents) for item in items]
    if prune:
        steps += [
            Step("withdraw", {"code": code}, page) for code, page in existing.items() if code not in seen and page.live
        ]
    return steps


def check_offices(item, offices, line):
    """The same office must read the same throughout a file: an import updates the shared snippet from it."""
    for procedure in item["procedures"]:
        office = procedure["office"]
        if office is None:
            continue
        first_line, first = offices.setdefault(office["name"], (line, office))
        if first != office:
            raise Invalid(f"办理地点“{office['name']}”的信息与第{first_line}行不一致。")


def step_for(item, page, holders, documents):
    if item["status"] == "withdrawn":
        return Step("withdraw" if page is not None and page.live else "unchanged", item, page)
    if page is None:
        return Step("create", item)
    current = record_of(latest(page), holders.code_of(page), documents)
    if content(current) != content(item):
        return Step("update", item, page)
    if not page.live:
        return Step("publish", item, page)  # withdrawn earlier, or a draft: publish it if it is complete
    return Step("unchanged", item, page)


def import_items(entries, prune=False, dry_run=False):
    """Apply [(line, raw item)] to the portal; returns the Report. Nothing is written when any item is invalid."""
    report = Report(dry_run=dry_run)
    steps = plan(entries, prune, report)
    if report.problems:
        return report
    departments = departments_by_code()
    with transaction.atomic():
        for step in steps:
            apply(step, departments, report, dry_run)
    return report


def apply(step, departments, report, dry_run):
    code = step.item["code"]
    if step.action == "unchanged":
        report.unchanged.append(code)
        return
    if step.action == "withdraw":
        report.withdrawn.append(code)
        if not dry_run:
            step.page.unpublish()
        return
    department = departments[step.item["department"]]
    page = step.page or ServiceItemPage(item_code=code, slug=code.lower(), live=False)
    fill(page, step.item, office=unsaved_office if dry_run else office_for)
    reasons = publishing_problems(page, department)  # the ten elements and 错敏字, as for an editor publishing
    if step.action == "publish" and reasons:
        report.unchanged.append(code)
        return
    (report.created if step.action == "create" else report.updated).append(code)
    if reasons:
        report.drafts.append((code, missing_for(step.item, department), reasons))
    if dry_run:
        return
    column = department_column(department, DepartmentServicesPage)
    if page.pk is None:
        column.add_child(instance=page)
    elif not page.path.startswith(column.path):
        page.move(column, pos="last-child")
        page = ServiceItemPage.objects.get(pk=page.pk)
        fill(page, step.item)
    revision = page.save_revision()
    if not reasons:
        revision.publish()


def missing_for(item, department):
    """The ten elements an item lacks, read from the item itself (nothing is looked up or written)."""
    procedures = [
        {**procedure, "office": Office(**procedure["office"]) if procedure["office"] else None}
        for procedure in item["procedures"]
    ]
    agency = item["agency"] or department.title
    return missing_elements(item["name"], item["legal_basis"], item["conditions"], procedures, agency)


def fill(page, item, office=None):
    """Puts an item's content on a page (unsaved), sharing offices by name (`office`: how a procedure's office is
    found, `office_for` by default; a preview makes unsaved ones)."""
    office = office or office_for
    page.title = item["name"]
    page.summary = item["summary"]
    page.item_type = item["type"]
    page.theme = item["theme"]
    page.agency = item["agency"]
    page.legal_basis = "\n".join(item["legal_basis"])
    page.conditions = "\n".join(item["conditions"])
    page.audience_links = [PageAudience(audience=audience) for audience in item["audiences"]]
    page.procedures = [("procedure", procedure_value(procedure, office)) for procedure in item["procedures"]]


def procedure_value(procedure, office):
    documents = get_document_model().objects.in_bulk(
        [material["blank_form"] for material in procedure["materials"] if material["blank_form"]]
    )
    return {
        **procedure,
        "materials": [
            {**material, "blank_form": documents.get(material["blank_form"])} for material in procedure["materials"]
        ],
        "office": office(procedure["office"]),
        "visits": str(procedure["visits"]),
    }


def unsaved_office(data):
    return Office(**data) if data else None


def office_for(data):
    """The shared Office of that name, brought up to date (or created); None for online-only procedures."""
    if data is None:
        return None
    office, created = Office.objects.get_or_create(name=data["name"], locale=Locale.get_default(), defaults=data)
    if not created and any(getattr(office, key) != value for key, value in data.items()):
        for key, value in data.items():
            setattr(office, key, value)
        office.save()
    return office
