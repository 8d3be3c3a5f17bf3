from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from services.exchange import import_items
from services.formats import FormatError, read


def kind_of(path):
    return "csv" if Path(path).suffix.lower() == ".csv" else "json"


class Command(BaseCommand):
    help = "Create, update or withdraw service items from the approval system's file (docs/service-items.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .json or .csv file in the exchange schema")
        parser.add_argument(
            "--prune", action="store_true", help="also withdraw live items whose code is not in the file"
        )
        parser.add_argument("--dry-run", action="store_true", help="report what would change and write nothing")

    def handle(self, *args, file, prune, dry_run, **options):
        try:
            text = Path(file).read_text(encoding="utf-8")
            report = import_items(read(text, kind_of(file)), prune=prune, dry_run=dry_run)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取 {file}：{error}") from error
        except FormatError as error:
            raise CommandError(f"{file} {error}") from error
        if report.problems:
            lines = [f"第{line}行 {code}：{reason}" for line, code, reason in report.problems]
            raise CommandError("\n".join([f"{file} 有 {len(lines)} 个事项有误，未导入任何内容："] + lines))
        for label, codes in [("新建", report.created), ("更新", report.updated), ("下线", report.withdrawn)]:
            for code in codes:
                self.stdout.write(f"{label} {code}")
        for code, _, reasons in report.drafts:
            self.stdout.write(f"草稿 {code}（未发布）：{' '.join(reasons)}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
