from django.core.management.base import BaseCommand, CommandError

from departments.bulk import COLUMNS, onboard_rows, read_rows
from departments.onboarding import OnboardingError


class Command(BaseCommand):
    help = (
        "Onboard a department into the site group (网站群): its branch, columns, groups, collection, workflows "
        f"and optional sub-site. Idempotent. --csv FILE (columns: {','.join(COLUMNS)}; code and name required) "
        "onboards many at once; a bad row stops the whole file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", help="统一社会信用代码 (18 characters)")
        parser.add_argument("--name", help="department name, e.g. 江门市民政局")
        parser.add_argument("--slug", default="", help="URL segment (default: the code in lower case)")
        parser.add_argument("--hostname", default="", help="serve the department as its own site at this hostname")
        parser.add_argument("--csv", dest="csv_file", help="a CSV file of departments, one per row")

    def handle(self, *args, code, name, slug, hostname, csv_file, **options):
        try:
            if csv_file:
                rows = self.read(csv_file)
            elif code and name:
                rows = [(0, {"code": code, "name": name, "slug": slug, "hostname": hostname})]
            else:
                raise CommandError("请提供 --code 和 --name，或用 --csv 指定部门清单文件。")
            changes = onboard_rows(rows)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"已处理 {len(rows)} 个部门；" + ("新建：" + "，".join(changes) if changes else "没有任何改动。")
        )

    def read(self, path):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                return read_rows(handle)
        except OSError as error:
            raise CommandError(f"无法读取 {path}: {error}") from error
