import csv

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Collection, GroupPagePermission, Page, Site, WorkflowPage

from departments.models import DepartmentIndexPage
from departments.onboarding import OnboardingError, onboard_department

DEPARTMENT_FIELDS = ["short_name", "summary", "address", "postcode", "opening_hours", "phone", "fax", "email", "colour"]
COUNTED = {
    "页面": Page,
    "用户组": Group,
    "页面权限": GroupPagePermission,
    "素材库": Collection,
    "审核流程分配": WorkflowPage,
    "子站点": Site,
}


class Command(BaseCommand):
    help = (
        "Onboard a department into the site group (网站群): its branch, columns, groups, collection, workflows "
        "and optional sub-site. Idempotent. Use --csv FILE (columns: code,name[,slug,hostname,"
        + ",".join(DEPARTMENT_FIELDS)
        + "]) to onboard many at once; a bad row stops the whole file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", help="统一社会信用代码 (18 characters)")
        parser.add_argument("--name", help="department name, e.g. 江门市民政局")
        parser.add_argument("--slug", help="URL segment (default: the code in lower case)")
        parser.add_argument("--hostname", default="", help="serve the department as its own site at this hostname")
        parser.add_argument("--csv", dest="csv_file", help="a CSV file of departments, one per row")

    def handle(self, *args, code, name, slug, hostname, csv_file, **options):
        if csv_file:
            rows = self.read_csv(csv_file)
        elif code and name:
            rows = [(0, {"code": code, "name": name, "slug": slug or "", "hostname": hostname})]
        else:
            raise CommandError("请提供 --code 和 --name，或用 --csv 指定部门清单文件。")

        before = counts()
        with transaction.atomic():
            index = department_index()
            for line, row in rows:
                self.onboard(index, line, row)
        changes = [f"{label} +{after - before[label]}" for label, after in counts().items() if after != before[label]]
        self.stdout.write(
            f"已处理 {len(rows)} 个部门；" + ("新建：" + "，".join(changes) if changes else "没有任何改动。")
        )

    def read_csv(self, path):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = {"code", "name"} - set(reader.fieldnames or [])
                if missing:
                    raise CommandError(f"{path}: 缺少列 {', '.join(sorted(missing))}")
                return [(line, row) for line, row in enumerate(reader, start=2)]
        except OSError as error:
            raise CommandError(f"无法读取 {path}: {error}") from error

    def onboard(self, index, line, row):
        where = f"第 {line} 行" if line else "参数"
        code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
        if not code or not name:
            raise CommandError(f"{where}: code 和 name 不能为空。")
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
        except (ValidationError, OnboardingError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError(f"{where}（{name}）: {'；'.join(messages)}；整个文件未写入。") from error


def counts():
    return {label: model.objects.count() for label, model in COUNTED.items()}


def department_index():
    """The department list page of the default site, created under its home page if missing."""
    home = Site.objects.get(is_default_site=True).root_page
    index = DepartmentIndexPage.objects.child_of(home).first()
    if index is None:
        index = DepartmentIndexPage(title="政府部门", slug="departments", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index
