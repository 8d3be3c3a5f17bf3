from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Locale, Page

from languages.machine_translator import OpenCCTranslator
from languages.translation import translate_tree


class Command(BaseCommand):
    help = (
        "Translate the zh-hans tree (or one branch) into zh-hant with OpenCC through wagtail-localize: pages "
        "without a translation (or with only a synchronised alias) get one, changed pages are refreshed, strings "
        "an editor corrected are kept. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--branch", help="the URL path of a zh-hans page (e.g. /channels/overseas/); default: all")
        parser.add_argument("--variant", choices=["s2hk", "s2t", "s2tw"], help="OpenCC variant; default: settings")
        parser.add_argument("--no-refresh", action="store_true", help="only translate pages not yet translated")

    def handle(self, *args, **options):
        source = Locale.objects.get(language_code="zh-hans")
        root = self.branch_root(source, options["branch"])
        translator = OpenCCTranslator({"VARIANT": options["variant"] or settings.TRADITIONAL_CHINESE_VARIANT})
        with transaction.atomic():
            result = translate_tree(
                root, Locale.objects.get(language_code="zh-hant"), translator, refresh=not options["no_refresh"]
            )
        self.stdout.write(f"繁體中文：{result.summary()}")

    def branch_root(self, locale, path):
        home = Page.objects.filter(depth=2, locale=locale).first()
        if home is None:
            raise CommandError("没有简体中文首页。")
        path = (path or "").strip("/")
        page = Page.objects.filter(locale=locale, url_path=f"{home.url_path}{path}/").first() if path else home
        if page is None:
            raise CommandError(f"找不到简体中文页面 /{path}/")
        return page
