import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from services.exchange import export_items
from services.formats import write

from .import_service_items import kind_of


class Command(BaseCommand):
    help = (
        "Write every service item in the exchange schema (docs/service-items.md); importing the file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .json or .csv file to write, or - for JSON on standard output")

    def handle(self, *args, file, **options):
        items = export_items()
        if file == "-":
            sys.stdout.write(write(items, "json"))
            return
        Path(file).write_text(write(items, kind_of(file)), encoding="utf-8")
        self.stderr.write(f"已导出 {len(items)} 个事项到 {file}")
