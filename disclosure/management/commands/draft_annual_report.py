from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from departments.models import DepartmentPage
from disclosure.annual_report import draft_annual_report


class Command(BaseCommand):
    help = "Draft the annual disclosure report (政府信息公开工作年度报告) of one or every department from the portal's data."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1, help="default: last year")
        parser.add_argument("--department", help="统一社会信用代码; default: every department")

    def handle(self, *args, year, department, **options):
        departments = DepartmentPage.objects.live()
        if department:
            departments = departments.filter(code=department)
            if not departments.exists():
                raise CommandError(f"没有统一社会信用代码为 {department} 的部门。")
        for page in departments:
            try:
                report, created = draft_annual_report(page, year)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{'已起草' if created else '已存在，未改动'}：{report.title}")
