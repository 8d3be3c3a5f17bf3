"""The home page, the five top sections, plain content pages, the shared 办事地点 (Office) and site settings."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from portal import layout_cache
from portal.blocks import HomeBodyBlock, LinkBlock
from portal.columns import ColumnType
from portal.listing import content_below, content_kind_choices, paginate
from portal.pages import BasePage, ColumnPage


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
