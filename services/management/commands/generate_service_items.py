from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from departments.models import DepartmentIndexPage
from departments.onboarding import onboard_department
from services.formats import write
from services.generator import city_scale_items, department_codes

from .import_service_items import kind_of


class Command(BaseCommand):
    help = "Write a city-scale file of service items (61 departments, 315 items, 728 procedures by default)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .json or .csv file to write; import it with import_service_items")
        parser.add_argument("--departments", type=int, default=61)
        parser.add_argument("--items", type=int, default=315)
        parser.add_argument("--procedures", type=int, default=728)
        parser.add_argument("--onboard", action="store_true", help="also onboard the generated departments")

    def handle(self, *args, file, departments, items, procedures, onboard, **options):
        if not 0 < departments <= items <= procedures:
            raise CommandError("须满足 0 < 部门数 ≤ 事项数 ≤ 办理流程数。")
        if onboard:
            index = DepartmentIndexPage.objects.first()
            if index is None:
                raise CommandError("没有“政府部门”页面：请先运行 load_demo 或建立部门目录页。")
            for number, code in enumerate(department_codes(departments), start=1):
                onboard_department(index, code=code, name=f"江门市第{number}部门", slug=f"generated-{number}")
        generated = city_scale_items(departments, items, procedures)
        Path(file).write_text(write(generated, kind_of(file)), encoding="utf-8")
        self.stdout.write(f"已写入 {len(generated)} 个事项（{procedures} 个办理流程）到 {file}")
