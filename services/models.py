"""Online services (网上办事): each department's service items and the city-wide list of them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from channels.models import audience_panel
from departments.ownership import owning_department, portal_departments
from departments.standard_columns import StandardColumn
from home.models import Office
from portal.blocks import MATERIAL_FORMS
from portal.columns import ColumnType
from portal.indexing import SegmentedField
from portal.listing import paginate
from portal.pages import BasePage, ColumnPage

from .blocks import ProcedureBlock
from .browse import ServiceFilter
from .completeness import incomplete_message, missing_elements
from .taxonomy import ItemType, Theme


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class DepartmentServicesPage(ColumnPage):
    """A department's 办事服务 column: its service items live here and are listed here."""

    parent_page_types = ["departments.DepartmentPage"]
    subpage_types = ["services.ServiceItemPage", "home.StandardPage"]
    is_supervised_column = True  # 栏目更新监测: an empty 办事服务 column fails the national inspection
    default_column_type = ColumnType.SERVICE
    department_column = StandardColumn("services", "办事服务", order=40)

    class Meta:
        verbose_name = "部门办事服务"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = ServiceItemPage.objects.child_of(self).live().public().order_by("item_code")
        context["items"] = paginate(request, items.only("title", "url_path", "item_code", "item_type", "summary"))
        return context


class ServiceItemPage(BasePage):
    """A service item (办事事项) with its procedures; kept in step with the approval system by item code."""

    item_code = models.CharField(
        "事项编码", max_length=40, db_index=True, help_text="审批系统中的事项编码，导入时按此编码更新"
    )
    item_type = models.CharField("事项类型", max_length=20, choices=ItemType.choices, default=ItemType.PUBLIC_SERVICE)
    theme = models.CharField("主题", max_length=20, choices=Theme.choices, default=Theme.OTHER, db_index=True)
    agency = models.CharField(
        "办理机构", max_length=120, blank=True, help_text="与实施部门不同时填写，例如：江门市婚姻登记处"
    )
    legal_basis = models.TextField("设定依据", blank=True, help_text="每行一条法律法规及条款")
    conditions = models.TextField("申请条件", blank=True, help_text="每行一条")
    procedures = StreamField(
        [("procedure", ProcedureBlock())],
        blank=True,
        verbose_name="办理流程",
        help_text="一个事项可有多个办理流程（如不同办理地点）",
    )

    parent_page_types = ["services.DepartmentServicesPage"]
    subpage_types = []
    is_service_guide = True
    search_kind = (2, "service", "办事事项")
    search_fields = BasePage.search_fields + [
        SegmentedField("item_code"),
        SegmentedField("conditions"),
        index.FilterField("item_type"),
        index.FilterField("theme"),
    ]
    content_panels = BasePage.content_panels[:2] + [
        MultiFieldPanel(
            [FieldPanel("item_code"), FieldPanel("item_type"), FieldPanel("theme"), FieldPanel("agency")], "事项信息"
        ),
        FieldPanel("legal_basis"),
        FieldPanel("conditions"),
        FieldPanel("procedures"),
        FieldPanel("body", heading="补充说明"),
        audience_panel(),
    ]
    api_fields = [
        APIField("item_code"),
        APIField("item_type"),
        APIField("theme"),
        APIField("agency"),
        APIField("legal_basis_list"),
        APIField("condition_list"),
        APIField("procedures"),
    ]

    class Meta:
        verbose_name = "办事事项"

    def clean(self):
        """Item codes are unique within a locale (translations share their source's code), and a live item
        has every element of a service guide, however it is published (admin, workflow, import, code)."""
        super().clean()
        clash = ServiceItemPage.objects.filter(item_code=self.item_code, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.item_code and clash.exists():
            raise ValidationError({"item_code": f"事项编码“{self.item_code}”已被“{clash.first().title}”使用。"})
        if self.live and (missing := self.missing_elements()):
            raise ValidationError(incomplete_message(missing))

    @property
    def legal_basis_list(self):
        return lines(self.legal_basis)

    @property
    def condition_list(self):
        return lines(self.conditions)

    @cached_property
    def department(self):
        """The department whose branch holds the item (None before it is placed in the tree)."""
        return owning_department(self.get_ancestors()) if self.path else None

    def agency_name(self, department=None):
        """办理机构: the item's own agency, or its department's name."""
        department = department or self.department
        return self.agency or (department.title if department else "")

    def missing_elements(self, department=None):
        """The ten elements (办事指南十要素) this item lacks; empty when it may be published."""
        procedures = [block.value for block in self.procedures]
        return missing_elements(self.title, self.legal_basis, self.conditions, procedures, self.agency_name(department))

    def answer_facts(self):
        """The item's own facts a search answer may quote (`search.answers`), each list without repeats: its
        materials, offices (with the procedure's hours and phone when it names them), fees, time limits,
        conditions, online links and handling stages."""
        procedures = [block.value for block in self.procedures]
        forms = dict(MATERIAL_FORMS)
        named = len(procedures) > 1

        def each(text_of):
            found = [text_of(procedure) for procedure in procedures]
            return list(dict.fromkeys(text for text in found if text))

        def labelled(text_of):
            texts = each(text_of)
            if len(texts) < 2 or not named:
                return texts
            return each(lambda procedure: f"{procedure['name']}：{text_of(procedure)}" if text_of(procedure) else "")

        def days(procedure):
            parts = []
            if procedure.get("promised_days") is not None:
                promised = procedure["promised_days"]
                parts.append("承诺即办" if promised == 0 else f"承诺 {promised} 个工作日内办结")
            if procedure.get("statutory_days") is not None:
                parts.append(f"法定 {procedure['statutory_days']} 个工作日")
            return "，".join(parts)

        offices = {}
        for procedure in procedures:
            if office := procedure.get("office"):
                offices.setdefault(
                    office.pk,
                    {
                        **office.as_dict(),
                        "district_key": office.district,
                        "opening_hours": procedure.get("hours") or office.opening_hours,
                        "phone": procedure.get("consultation_phone") or office.phone,
                    },
                )
        return {
            "materials": each_material(procedures, forms),
            "offices": list(offices.values()),
            "fee": labelled(lambda procedure: procedure.get("fee", "")),
            "time": labelled(days),
            "conditions": self.condition_list,
            "online": each(lambda procedure: procedure.get("online_url", "")),
            "steps": list(
                dict.fromkeys(
                    f"{step['title']}：{step['description']}" if step["description"] else step["title"]
                    for procedure in procedures
                    for step in procedure["steps"]
                )
            ),
        }

    def page_meta(self, ancestors):
        department = owning_department(ancestors)
        return self.article_meta(ancestors, department.title if department else "", [self.get_theme_display()])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["department"] = owning_department(context["ancestors"])
        context["agency"] = self.agency_name(context["department"])
        context["referring_pages"] = self.referring_pages()
        return context

    def referring_pages(self):
        """Live pages that link to this item (the scenario guides whose steps it serves), from Wagtail's reference index."""
        linking = ReferenceIndex.get_references_to(self).annotate(page_id=Cast("object_id", models.IntegerField()))
        return Page.objects.live().public().filter(pk__in=linking.values("page_id")).order_by("title")


def each_material(procedures, forms):
    """Each material of the procedures once, as a reader is told it: 名称（原件 1 份）：备注."""
    found = []
    for procedure in procedures:
        for material in procedure["materials"]:
            form = forms.get(material["form"], "")
            line = f"{material['name']}（{form} {material['copies']} 份）"
            found.append(f"{line}：{material['notes']}" if material.get("notes") else line)
    return list(dict.fromkeys(found))


class ServiceIndexPage(ColumnPage):
    """办事事项: every department's service items in one list, by department, type, audience and theme."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    default_column_type = ColumnType.SERVICE

    class Meta:
        verbose_name = "办事事项（全市）"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home, departments = portal_departments(self)
        items = ServiceItemPage.objects.live().public().descendant_of(home)
        browse = ServiceFilter(request.GET, items, departments)
        context["form"] = browse.form
        context.update(browse.results())
        return context


def missing_by_item(items, department_names):
    """{item pk: missing elements} for many items at once (their offices in one query); `department_names`
    maps each item's pk to its department's name, the default 办理机构."""
    raw = {item.pk: [dict(block["value"]) for block in item.procedures.raw_data] for item in items}
    offices = Office.objects.in_bulk({value.get("office") for values in raw.values() for value in values} - {None})
    return {
        item.pk: missing_elements(
            item.title,
            item.legal_basis,
            item.conditions,
            [{**value, "office": offices.get(value.get("office"))} for value in raw[item.pk]],
            item.agency or department_names.get(item.pk, ""),
        )
        for item in items
    }
