"""Onboarding many departments from a CSV file, for the command and the admin form alike.

The file is handled whole: every row is onboarded inside one transaction, and the first bad row
stops it with its line number and reason, leaving the database as it was.
"""

import csv

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.models import Collection, GroupPagePermission, Page, Site, Task, Workflow, WorkflowPage

from home.models import HomePage

from .access import AccessError
from .models import DepartmentIndexPage
from .onboarding import OnboardingError, onboard_department

DEPARTMENT_FIELDS = ["short_name", "summary", "address", "postcode", "opening_hours", "phone", "fax", "email", "colour"]
COLUMNS = ["code", "name", "slug", "hostname", *DEPARTMENT_FIELDS]
COUNTED = {
    "页面": Page,
    "用户组": Group,
    "页面权限": GroupPagePermission,
    "素材库": Collection,
    "审核流程": Workflow,
    "审核任务": Task,
    "审核流程分配": WorkflowPage,
    "子站点": Site,
}


def read_rows(handle):
    """(line number, row) pairs from a CSV text stream whose header names at least code and name."""
    reader = csv.DictReader(handle)
    missing = {"code", "name"} - set(reader.fieldnames or [])
    if missing:
        raise OnboardingError(f"缺少列 {', '.join(sorted(missing))}（需要的列：{','.join(COLUMNS)}）")
    return list(enumerate(reader, start=2))


def counts():
    return {label: model.objects.count() for label, model in COUNTED.items()}


def onboard_rows(rows):
    """Onboard every row or none; return what changed, as "页面 +7" phrases (empty when nothing did)."""
    before = counts()
    with transaction.atomic():
        index = department_index()
        for line, row in rows:
            onboard_row(index, line, row)
    return [f"{label} +{after - before[label]}" for label, after in counts().items() if after != before[label]]


def onboard_row(index, line, row):
    where = f"第 {line} 行" if line else "参数"
    code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
    if not code or not name:
        raise OnboardingError(f"{where}: code 和 name 不能为空。")
    fields = {key: row[key].strip() for key in DEPARTMENT_FIELDS if (row.get(key) or "").strip()}
    try:
        onboard_department(
            index,
            code=code,
            name=name,
            slug=(row.get("slug") or "").strip() or code.lower(),
            hostname=(row.get("hostname") or "").strip(),
            **fields,
        )
    except (ValidationError, OnboardingError, AccessError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        raise OnboardingError(f"{where}（{name}）: {'；'.join(messages)}；整个文件未写入。") from error


def department_index():
    """The department list page of the default site, created under its home page if missing."""
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise OnboardingError("默认站点的根页面还不是门户首页：请先运行 load_demo 或在后台建立首页。")
    index = DepartmentIndexPage.objects.child_of(home).first()
    if index is None:
        index = DepartmentIndexPage(title="政府部门", slug="departments", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index
