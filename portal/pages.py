"""The abstract pages every portal page type builds on: `BasePage` (summary, body, breadcrumbs, guideline
metadata, the portal's publishing rules) and `ColumnPage` (a column that holds and lists other pages)."""

from django.db import models
from django.http import Http404
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from .blocks import BodyBlock
from .columns import ColumnType
from .forms import PortalPageForm, PortalPermissionTester
from .indexing import PAGE_SEARCH_FIELDS
from .routing import descend


class BasePage(Page):
    """What every portal page shares: a summary, a StreamField body, breadcrumbs and guideline metadata."""

    summary = models.TextField(
        "摘要", blank=True, max_length=300, help_text="一两句话概括本页内容，显示在列表和搜索结果中"
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="正文")

    search_fields = PAGE_SEARCH_FIELDS
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    base_form_class = PortalPageForm

    # Audience channels show in the channel bar; every other in-menu child of the site root in the main navigation.
    is_channel = False
    # True for content (articles, entries, guides), which self-updating lists pick up; False for columns.
    is_listed_content = False
    # True for task guides (scenario guides, service items), which channels put first.
    is_service_guide = False
    # What the site search calls this type's results, as (place, key, label): its place among the search page's
    # type filters, the filter's value (?type=) and its label. None: filed under 其他.
    search_kind = None

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's permissions with the portal's rules on who puts content live where (三审)."""
        return PortalPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ancestors = self.ancestors_within_site(request)
        context["ancestors"] = ancestors
        context["page_meta"] = self.page_meta(ancestors)
        return context

    def route(self, request, path_components):
        """Find the page in two queries whatever the depth, remembering the pages passed on the way (the
        breadcrumbs) so rendering need not fetch them again."""
        passed = getattr(self, "_route_ancestors", None)
        if not path_components:
            self._route_ancestors = passed or []
            return super().route(request, path_components)
        ancestors, page, remaining = descend(self, path_components)
        if page is None:
            raise Http404
        page._route_ancestors = (passed or []) + ancestors
        return page.route(request, remaining)

    def ancestors_within_site(self, request):
        """Ancestors from the root of the site serving this request (the portal or a department's
        sub-site) down to the parent; empty when the page is that root."""
        if hasattr(self, "_route_ancestors"):
            return self._route_ancestors
        site = Site.find_for_request(request)
        roots = [root.root_path for root in Site.get_site_root_paths() if site and root.site_id == site.pk]
        root = max((path for path in roots if self.url_path.startswith(path)), key=len, default="/")
        return [page for page in self.get_ancestors().filter(depth__gt=1) if page.url_path.startswith(root)]

    def get_sitemap_urls(self, request=None):
        """Sitemap entries at the address the sitemap was asked at (scheme, host and port of the request, as in
        Django's sitemap index), not at the Site's configured hostname and port."""
        entries = super().get_sitemap_urls(request)
        if request is not None:
            for entry in entries:
                entry["location"] = request.build_absolute_uri(self.get_url(request))
        return entries

    def page_meta(self, ancestors):
        """Page-level <meta> tags the national website guideline asks for, as (name, content) pairs."""
        return [("Description", self.summary)] if self.summary else []

    def article_meta(self, ancestors, source, keywords, author=""):
        """The guideline's tags for a piece of content (文章类页面): its column, title, date, source, keywords."""
        published = timezone.localtime(self.first_published_at or timezone.now())
        meta = [
            ("ColumnName", ancestors[-1].title if ancestors else ""),
            ("ArticleTitle", self.title),
            ("PubDate", published.strftime("%Y-%m-%d %H:%M")),
            ("ContentSource", source),
            ("Keywords", ",".join(keywords)),
        ]
        return meta + ([("Author", author)] if author else []) + [("Description", self.summary)]


class ColumnPage(BasePage):
    """A column (栏目): a page whose job is to hold and list other pages."""

    column_type = models.CharField(
        "栏目类型",
        max_length=20,
        choices=ColumnType.choices,
        default=ColumnType.OTHER,
        help_text="按《政府网站发展指引》归类，用于页面元数据和栏目更新监测",
    )

    settings_panels = BasePage.settings_panels + [FieldPanel("column_type")]
    # The column type a new page of this kind starts with.
    default_column_type = ColumnType.OTHER

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        if not args:  # a new page, not a row loaded from the database
            kwargs.setdefault("column_type", self.default_column_type)
        super().__init__(*args, **kwargs)

    def page_meta(self, ancestors):
        return [
            ("ColumnName", self.title),
            ("ColumnDescription", self.summary),
            ("ColumnType", self.get_column_type_display()),
        ]
