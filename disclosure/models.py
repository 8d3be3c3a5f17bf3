"""The disclosure platform (政府信息公开): each department's catalog and entries, and the central catalog."""

from django.db import models
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from channels.models import audience_panel
from departments.ownership import owning_department, portal_departments
from departments.standard_columns import StandardColumn
from portal.columns import ColumnType
from portal.indexing import SegmentedField
from portal.listing import paginate
from portal.pages import BasePage, ColumnPage

from .catalog import CatalogFilter
from .guides import CATALOG_PAGES
from .index_numbers import IndexNumberSequence  # noqa: F401 - the model lives with its allocation code
from .taxonomy import DocumentClass, Genre, Topic, Validity


class DisclosureCatalogPage(ColumnPage):
    """A department's own disclosure catalog (政府信息公开); its entries, guide, rules and reports live below."""

    parent_page_types = ["departments.DepartmentPage"]
    subpage_types = ["disclosure.DisclosureEntryPage", "home.StandardPage"]
    is_supervised_column = True  # 栏目更新监测 checks how recently it got new content
    default_column_type = ColumnType.DISCLOSURE
    department_column = StandardColumn("disclosure", "政府信息公开", order=30, pages=CATALOG_PAGES, central_review=True)

    class Meta:
        verbose_name = "部门信息公开目录"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = paginate(request, entries_in(self).order_by("-first_published_at", "-pk"))
        context["documents"] = self.get_children().live().public().not_type(DisclosureEntryPage)
        department = owning_department(context["ancestors"])
        context["department_code"] = department.specific.code if department else ""
        return context


class DisclosureEntryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "disclosure.DisclosureEntryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DisclosureEntryPage(BasePage):
    """One item of government information in the catalog, with the metadata the Regulations require."""

    # NULL until numbered. Unique per document, not per row: an entry's translations carry its number.
    index_number = models.CharField(  # noqa: DJ001
        "索引号", max_length=40, db_index=True, null=True, blank=True, editable=False, help_text="首次发布时自动生成"
    )
    document_number = models.CharField("文号", max_length=60, blank=True, help_text="例如：江民〔2026〕12号")
    written_date = models.DateField("成文日期", null=True, blank=True)
    topic = models.CharField("主题分类", max_length=20, choices=Topic.choices, default=Topic.GENERAL, db_index=True)
    genre = models.CharField("体裁分类", max_length=20, choices=Genre.choices, default=Genre.NOTICE, db_index=True)
    validity = models.CharField(
        "有效性", max_length=10, choices=Validity.choices, default=Validity.VALID, db_index=True
    )
    validity_date = models.DateField("失效或废止日期", null=True, blank=True)
    document_class = models.CharField(
        "文件类别",
        max_length=20,
        choices=DocumentClass.choices,
        blank=True,
        help_text="规章或行政规范性文件请选择，年度报告据此统计制发、废止和现行有效件数；其他信息留空",
    )
    keywords = ClusterTaggableManager("关键词", through=DisclosureEntryPageTag, blank=True)
    interprets = ParentalManyToManyField(
        "disclosure.DisclosureEntryPage",
        verbose_name="解读的文件",
        blank=True,
        related_name="interpretations",
        help_text="本条为政策解读时，选择被解读的政策文件；两边页面都会显示对方",
    )
    # In the catalog, or in one of its own columns (政府信息公开年度报告), never in a StandardPage elsewhere.
    parent_page_types = ["disclosure.DisclosureCatalogPage", "home.StandardPage"]
    subpage_types = []
    is_listed_content = True
    search_kind = (3, "disclosure", "信息公开")
    search_fields = BasePage.search_fields + [
        SegmentedField("document_number"),
        SegmentedField("keywords"),
        index.FilterField("topic"),
        index.FilterField("genre"),
        index.FilterField("validity"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("index_number", read_only=True),
                FieldPanel("document_number"),
                FieldPanel("written_date"),
                FieldPanel("topic"),
                FieldPanel("genre"),
                FieldPanel("document_class"),
                FieldPanel("keywords"),
            ],
            "目录信息",
        ),
        MultiFieldPanel([FieldPanel("validity"), FieldPanel("validity_date")], "有效性"),
        FieldPanel("interprets"),
        audience_panel(),
    ]

    class Meta:
        verbose_name = "信息公开条目"

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        parent = parent.specific_deferred
        if isinstance(parent, DisclosureCatalogPage):
            return True
        above = parent.get_parent()
        return above is not None and isinstance(above.specific_deferred, DisclosureCatalogPage)

    def with_content_json(self, content):
        """A revision never carries the index number: it is the system's, given once at first publication."""
        page = super().with_content_json(content)
        page.index_number = self.index_number
        return page

    @cached_property
    def keyword_names(self):
        return [tag.name for tag in self.keywords.all()]

    def page_meta(self, ancestors):
        department = owning_department(ancestors)
        return self.article_meta(ancestors, department.title if department else "", self.keyword_names)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publisher"] = owning_department(context["ancestors"])
        context["interpretations"] = self.interpretations.live().public()
        context["interpreted"] = self.interprets.live().public() if self.pk else []
        return context


class DisclosureIndexPage(ColumnPage):
    """政府信息公开目录: the central catalog listing the entries of every department, filterable."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    default_column_type = ColumnType.DISCLOSURE

    class Meta:
        verbose_name = "政府信息公开目录（全市）"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home, departments = portal_departments(self)
        catalog = CatalogFilter(request.GET, entries_in(home), departments)
        context["form"] = catalog.form
        context.update(catalog.results())
        return context


def entries_in(root):
    return DisclosureEntryPage.objects.live().public().descendant_of(root)
