"""RSS and Atom feeds of newly published government information: the whole city, or one department."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Locale

from departments.models import DepartmentPage

from .models import DisclosureEntryPage

FEED_SIZE = 50


class CatalogFeed(Feed):
    """政府信息公开 — 最新公开信息 (RSS 2.0), in the language of the URL (a department's translations share its code)."""

    description = "江门市各部门最新主动公开的政府信息"

    def get_object(self, request, code=None):
        self.request = request
        self.locale = Locale.get_active()
        return get_object_or_404(DepartmentPage.objects.live(), code=code, locale=self.locale) if code else None

    def title(self, department):
        return f"{department.title} 政府信息公开" if department else "江门市政府信息公开"

    def link(self, department):
        return department.get_url(self.request) if department else "/"

    def items(self, department):
        entries = DisclosureEntryPage.objects.live().public().filter(locale=self.locale)
        if department:
            entries = entries.descendant_of(department)
        return entries.order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return " ".join(part for part in (entry.index_number, entry.document_number, entry.summary) if part)

    def item_link(self, entry):
        return entry.get_url(self.request)

    def item_pubdate(self, entry):
        return entry.first_published_at

    def item_guid(self, entry):
        return entry.index_number or str(entry.pk)

    item_guid_is_permalink = False


class CatalogAtomFeed(CatalogFeed):
    feed_type = Atom1Feed
    subtitle = CatalogFeed.description
