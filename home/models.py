"""The home page, the five top sections, plain content pages, the shared base page and site settings."""

from django import forms
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index

from search.indexing import PAGE_SEARCH_FIELDS

from . import layout_cache
from .blocks import BodyBlock, HomeBodyBlock, LinkBlock
from .columns import ColumnType
from .forms import PortalPageForm, PortalPermissionTester
from .listing import content_below, content_kind_choices, paginate
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


class HomePage(BasePage):
    """The portal's home page (江门政务之窗): search, sections, channels and self-updating lists."""

    hero_heading = models.CharField("主标语", max_length=80, blank=True)
    hero_text = models.CharField("副标语", max_length=200, blank=True)
    notice = models.CharField("首页提示", max_length=200, blank=True, help_text="显示在首页顶部的简短通知，可留空")
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name="首页区块")

    parent_page_types = ["wagtailcore.Page"]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("notice")], "首页横幅"),
    ]

    class Meta:
        verbose_name = "首页"

    def page_meta(self, ancestors):
        return [("ColumnName", self.title), ("ColumnType", ColumnType.HOME.label)]


class SectionPage(ColumnPage):
    """One of the five top sections: 走进江门, 政务公开, 公众互动, 网上办事, 网上监察."""

    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = "一级栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class StandardPage(BasePage):
    """A plain content page (通用页面): an introduction, a guide, a contact page."""

    class Meta:
        verbose_name = "通用页面"


class ContentListPage(ColumnPage):
    """A list gathered from a whole branch (汇总列表), such as 政务动态 (every department's articles): the full list
    behind a “最新信息” block's “更多”, paginated, newest first."""

    source = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="来源栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="列出该栏目下发布的全部信息，例如“政府部门”",
    )
    kind = models.CharField("内容类型", max_length=100, blank=True, help_text="只列出某一类内容，留空列出全部")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    default_column_type = ColumnType.NEWS
    content_panels = BasePage.content_panels + [
        FieldPanel("source"),
        FieldPanel("kind", widget=forms.Select(choices=content_kind_choices)),
    ]

    class Meta:
        verbose_name = "汇总列表"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = content_below(self.source, self.kind) if self.source else Page.objects.none()
        context["items"] = paginate(request, items)
        return context


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Site identity shown in the footer and in every page's guideline metadata."""

    site_name = models.CharField("网站名称", max_length=60, default="江门政务之窗")
    site_domain = models.CharField("网站域名", max_length=100, default="www.jiangmen.gov.cn")
    site_id_code = models.CharField("网站标识码", max_length=20, blank=True)
    icp_number = models.CharField("ICP备案号", max_length=40, blank=True)
    police_record = models.CharField("公安备案号", max_length=60, blank=True)
    organiser = models.CharField("主办单位", max_length=60, blank=True)
    undertaker = models.CharField("承办单位", max_length=60, blank=True)
    address = models.CharField("地址", max_length=120, blank=True)
    postcode = models.CharField("邮编", max_length=10, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    hotline = models.CharField("服务热线", max_length=20, default="12345")
    hotline_text = models.CharField("热线说明", max_length=200, blank=True)
    hotline_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="热线页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="首页12345热线区“在线留言”按钮指向的页面，一般选“我要写信”",
    )
    error_report_url = models.URLField(
        "我为政府网站找错",
        blank=True,
        default="https://zfwzgl.www.gov.cn/exposure/jiucuo.html",
        help_text="全国政府网站找错平台地址，页脚链接会自动带上网站标识码",
    )
    party_label_url = models.URLField("党政机关标识链接", blank=True, help_text="党政机关网站标识的核验地址")
    footer_links = StreamField([("link", LinkBlock())], blank=True, verbose_name="页脚链接")

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("site_domain"), FieldPanel("site_id_code")], "网站标识"),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_record"), FieldPanel("party_label_url")], "备案与标识"
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("undertaker"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            "主办与联系",
        ),
        MultiFieldPanel([FieldPanel("hotline"), FieldPanel("hotline_text"), FieldPanel("hotline_page")], "12345热线"),
        FieldPanel("error_report_url"),
        FieldPanel("footer_links"),
    ]
    select_related = ["hotline_page"]

    class Meta:
        verbose_name = "网站设置"

    @classmethod
    def for_site(cls, site):
        """The site's settings from the layout cache: every page shows them, few requests change them."""
        return layout_cache.cached(f"settings:{site.pk if site else None}", lambda: cls.load_for_site(site))

    @classmethod
    def load_for_site(cls, site):
        return super().for_site(site)


class District(models.TextChoices):
    CITY = "city", _("市直")
    PENGJIANG = "pengjiang", _("蓬江区")
    JIANGHAI = "jianghai", _("江海区")
    XINHUI = "xinhui", _("新会区")
    TAISHAN = "taishan", _("台山市")
    KAIPING = "kaiping", _("开平市")
    HESHAN = "heshan", _("鹤山市")
    ENPING = "enping", _("恩平市")


class Office(TranslatableMixin, index.Indexed, models.Model):
    """A place where citizens get things done (办事地点): shared by guides, service items and contact pages."""

    name = models.CharField("名称", max_length=80)
    district = models.CharField("所在地区", max_length=20, choices=District.choices, default=District.CITY)
    address = models.CharField("地址", max_length=160)
    opening_hours = models.CharField("办公时间", max_length=160, blank=True)
    phone = models.CharField("咨询电话", max_length=60, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("district"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("phone"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address"), index.FilterField("district")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "办事地点"
        verbose_name_plural = "办事地点"
        ordering = ["district", "name"]

    def __str__(self):
        return f"{self.name}（{self.get_district_display()}）"

    def as_dict(self):
        return {
            "name": self.name,
            "district": self.get_district_display(),
            "address": self.address,
            "opening_hours": self.opening_hours,
            "phone": self.phone,
        }
