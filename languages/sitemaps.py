"""One sitemap per language (/sitemap-zh-hans.xml …), listed by the index at /sitemap.xml."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class LanguageSitemap(Sitemap):
    """The live pages of one language's tree below the site's root."""

    def __init__(self, request, language_code):
        super().__init__(request)
        self.language_code = language_code

    def items(self):
        root = self.get_wagtail_site().root_page
        locale = Locale.objects.filter(language_code=self.language_code).first()
        home = root.get_translation_or_none(locale) if locale else None
        if home is None:
            return Page.objects.none()
        return home.get_descendants(inclusive=True).live().public().order_by("path").defer_streamfields().specific()


def language_sitemaps(request):
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}


def index(request):
    return sitemap_views.index(request, language_sitemaps(request), sitemap_url_name="language_sitemap")


def sitemap(request, section):
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section)
