from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.models import HomePage
from home.website_report import draft_website_report


class Command(BaseCommand):
    help = "Draft the 政府网站工作年度报表 of the portal for a year, under the home page, from the portal's own data."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1, help="default: last year")

    def handle(self, *args, year, **options):
        if year > timezone.localdate().year:
            raise CommandError(f"{year} 年尚未开始。")
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            raise CommandError("还没有首页。")
        report, created = draft_website_report(home, year)
        self.stdout.write(f"{'已起草' if created else '已存在，未改动'}：{report.title}")
