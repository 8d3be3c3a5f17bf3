from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from departments.models import DepartmentPage
from disclosure.annual_report import draft_annual_report


class Command(BaseCommand):
    help = (
        "Draft the annual disclosure report (政府信息公开工作年度报告, national format) of one or every department from "
        "the portal's data; --city drafts the city-wide report, summing every department, in that department's column."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1, help="default: last year")
        parser.add_argument("--department", help="统一社会信用代码; default: every department")
        parser.add_argument("--city", help="统一社会信用代码 of the department whose column holds the city-wide report")

    def handle(self, *args, year, department, city, **options):
        departments = DepartmentPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        if year > timezone.localdate().year:
            raise CommandError(f"{year} 年尚未开始。")
        if city:
            holder = departments.filter(code=city).first()
            if holder is None:
                raise CommandError(f"没有统一社会信用代码为 {city} 的部门。")
            self.draft(holder, year, list(departments))
            return
        if department:
            departments = departments.filter(code=department)
            if not departments.exists():
                raise CommandError(f"没有统一社会信用代码为 {department} 的部门。")
        for page in departments:
            self.draft(page, year)

    def draft(self, department, year, departments=None):
        try:
            report, created = draft_annual_report(department, year, departments)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{'已起草' if created else '已存在，未改动'}：{report.title}")
