"""The site group (网站群): one branch per department, with its columns and articles."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from channels.models import audience_panel
from portal.columns import ColumnType
from portal.indexing import SegmentedField
from portal.listing import latest_content, paginate
from portal.pages import BasePage, ColumnPage

from .colours import contrast_ratio

CREDIT_CODE = RegexValidator(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", "请输入18位统一社会信用代码。")
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
COLOUR = RegexValidator(COLOUR_PATTERN, "请输入形如 #1f4e79 的颜色值。")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for body text


class DepartmentIndexPage(ColumnPage):
    """The list of all departments (部门); each department's branch hangs below it."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["departments.DepartmentPage"]
    max_count_per_parent = 1
    default_column_type = ColumnType.DEPARTMENT

    class Meta:
        verbose_name = "部门列表"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = DepartmentPage.objects.child_of(self).live().public().order_by("path")
        return context


class DepartmentPage(ColumnPage):
    """A department's home (部门网站): its duties and contacts; its columns, catalog and services live below."""

    code = models.CharField(
        "统一社会信用代码", max_length=18, validators=[CREDIT_CODE], help_text="用于信息公开索引号等，部门之间不得重复"
    )
    short_name = models.CharField("简称", max_length=30, blank=True, help_text="例如“市民政局”")
    duties = RichTextField("主要职责", blank=True, features=["bold", "ol", "ul", "link"])
    address = models.CharField("办公地址", max_length=160, blank=True)
    postcode = models.CharField("邮编", max_length=10, blank=True)
    opening_hours = models.CharField("办公时间", max_length=160, blank=True)
    phone = models.CharField("咨询电话", max_length=60, blank=True)
    fax = models.CharField("传真", max_length=60, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    colour = models.CharField(
        "主题色",
        max_length=7,
        default="#1f4e79",
        validators=[COLOUR],
        help_text="部门子站页头颜色，需与白色文字有足够对比度",
    )

    # Set by onboarding (departments/onboarding.py), not by editors: who may edit and publish this branch.
    editor_group = models.ForeignKey(
        "auth.Group", verbose_name="编辑组", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_group = models.ForeignKey(
        "auth.Group", verbose_name="审核组", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name="素材库",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["departments.DepartmentIndexPage"]
    default_column_type = ColumnType.DEPARTMENT
    search_fields = ColumnPage.search_fields + [
        SegmentedField("short_name", boost=3),
        SegmentedField("duties"),
        index.FilterField("code"),
    ]
    content_panels = BasePage.content_panels[:1] + [
        MultiFieldPanel([FieldPanel("code"), FieldPanel("short_name"), FieldPanel("colour")], "部门标识"),
        FieldPanel("summary"),
        FieldPanel("duties"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            "联系方式",
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "部门网站"

    def clean(self):
        super().clean()
        if COLOUR_PATTERN.match(self.colour) and contrast_ratio(self.colour, "#ffffff") < MIN_CONTRAST:
            raise ValidationError(
                {"colour": f"主题色 {self.colour} 与白色文字的对比度不足 {MIN_CONTRAST}:1，请选用更深的颜色。"}
            )
        clash = DepartmentPage.objects.filter(code=self.code, locale_id=self.locale_id).exclude(
            translation_key=self.translation_key
        )
        if self.code and clash.exists():
            raise ValidationError({"code": f"统一社会信用代码 {self.code} 已被“{clash.first().title}”使用。"})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["columns"] = self.get_children().live().public().in_menu()
        context["latest"] = latest_content(self, 8)
        return context


class ArticleIndexPage(ColumnPage):
    """An article column (文章栏目) such as 部门动态 or 通知公告, listing its articles newest first."""

    parent_page_types = ["departments.DepartmentPage", "home.SectionPage"]
    subpage_types = ["departments.ArticlePage"]
    is_supervised_column = True  # 栏目更新监测 checks how recently it got new content
    default_column_type = ColumnType.NEWS

    class Meta:
        verbose_name = "文章栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")
        context["articles"] = paginate(request, articles)
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("departments.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(BasePage):
    """A news item or notice (文章). Its publication date is the date it was first published, never typed in."""

    source = models.CharField("信息来源", max_length=60, blank=True, help_text="留空时显示所属部门名称")
    author = models.CharField("作者", max_length=60, blank=True)
    tags = ClusterTaggableManager(
        "主题词", through=ArticlePageTag, blank=True, help_text="用逗号分隔，例如：婚姻登记, 便民服务"
    )

    parent_page_types = ["departments.ArticleIndexPage"]
    subpage_types = []
    is_listed_content = True
    search_kind = (4, "news", "新闻动态")
    search_fields = BasePage.search_fields + [SegmentedField("source"), index.FilterField("first_published_at")]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("source"), FieldPanel("author"), FieldPanel("tags")], "文章信息"),
        audience_panel(),
    ]

    class Meta:
        verbose_name = "文章"

    @cached_property
    def topic_names(self):
        return [tag.name for tag in self.tags.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_source"] = self.content_source(context["ancestors"])
        return context

    def content_source(self, ancestors):
        """Who the article comes from: the typed source, or the department it lives under."""
        from .ownership import owning_department  # ownership reads this module's DepartmentPage

        department = owning_department(ancestors)
        return self.source or (department.title if department else "")

    def page_meta(self, ancestors):
        return self.article_meta(ancestors, self.content_source(ancestors), self.topic_names, self.author)


class SensitiveExpression(models.Model):
    """A wrong or sensitive expression (错敏字词) that must not be published, with its correct form."""

    class Kind(models.TextChoices):
        WRONG = "wrong", "错误表述"
        OUTDATED = "outdated", "过时名称"
        TITLE = "title", "领导职务"
        SENSITIVE = "sensitive", "敏感词"

    expression = models.CharField("错误或敏感表述", max_length=60, unique=True)
    suggestion = models.CharField("正确表述", max_length=60, blank=True, help_text="留空表示应删除或改写")
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.WRONG)
    note = models.CharField("说明", max_length=200, blank=True, help_text="例如机构改革时间、依据文件")
    active = models.BooleanField("启用", default=True)

    panels = [
        FieldPanel("expression"),
        FieldPanel("suggestion"),
        FieldPanel("kind"),
        FieldPanel("note"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "错敏字词"
        verbose_name_plural = "错敏字词"
        ordering = ["expression"]

    def __str__(self):
        return f"{self.expression} → {self.suggestion}" if self.suggestion else self.expression

    def clean(self):
        if self.expression and self.expression in self.suggestion:
            raise ValidationError({"suggestion": "正确表述中包含了错误表述本身，改正后的文字仍会被拦截。"})

    @classmethod
    def active_pairs(cls):
        return list(cls.objects.filter(active=True).values_list("expression", "suggestion"))
