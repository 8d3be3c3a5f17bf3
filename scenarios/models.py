"""Scenario guides (场景式服务): step-by-step guides for life events, shaped by the reader's own situation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from channels.audiences import Audience
from channels.models import audience_panel
from portal.columns import ColumnType
from portal.indexing import SegmentedField
from portal.pages import BasePage, ColumnPage
from portal.qr import qr_svg

from . import situation
from .blocks import FAQBlock, QuestionBlock, StepBlock


class LifeEvent(models.TextChoices):
    FAMILY = "family", _("婚育家庭")
    EDUCATION = "education", _("教育入学")
    RESIDENCE = "residence", _("户籍证照")
    SOCIAL_SECURITY = "social_security", _("社会保障")
    EMPLOYMENT = "employment", _("就业人才")
    TRANSPORT = "transport", _("交通出行")
    TOURISM = "tourism", _("旅游观光")
    BUSINESS = "business", _("企业经营")


class ScenarioIndexPage(ColumnPage):
    """场景式服务: every guide, grouped by life event, filterable by audience channel."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = ["scenarios.ScenarioGuidePage"]
    is_supervised_column = True  # 栏目更新监测 checks how recently it got new content
    default_column_type = ColumnType.SERVICE

    class Meta:
        verbose_name = "场景式服务"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = ScenarioGuidePage.objects.child_of(self).live().public().order_by("path")
        audience = request.GET.get("audience", "")
        if audience in Audience.values:
            guides = guides.filter(audience_links__audience=audience)
            context["audience"] = Audience(audience)
        by_event = {event: [] for event in LifeEvent}
        for guide in guides:
            by_event[LifeEvent(guide.life_event)].append(guide)
        context["groups"] = [(event.label, items) for event, items in by_event.items() if items]
        context["audiences"] = Audience.choices
        return context


class ScenarioGuidePage(BasePage):
    """A step-by-step guide for one life event across departments, shaped by the reader's answers."""

    life_event = models.CharField("生活事件", max_length=30, choices=LifeEvent.choices, default=LifeEvent.FAMILY)
    last_reviewed = models.DateField(
        "内容核对日期", null=True, blank=True, help_text="最近一次核对办事要求的日期，会显示给读者"
    )
    questions = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        verbose_name="情形问题",
        help_text="读者回答后，只显示适用于其情形的步骤和材料",
    )
    steps = StreamField([("step", StepBlock())], verbose_name="办事步骤")
    faqs = StreamField([("faq", FAQBlock())], blank=True, verbose_name="常见问题")
    legal_basis = models.TextField("法律依据", blank=True, help_text="每行一条，例如：《婚姻登记条例》")
    departments = StreamField(
        [("department", blocks.PageChooserBlock(page_type="departments.DepartmentPage", label="部门"))],
        blank=True,
        verbose_name="责任部门",
    )

    parent_page_types = ["scenarios.ScenarioIndexPage"]
    subpage_types = []
    is_listed_content = True
    is_service_guide = True
    search_kind = (1, "guide", "场景式服务")
    search_fields = BasePage.search_fields + [
        SegmentedField("questions"),
        SegmentedField("steps"),
        SegmentedField("faqs"),
        index.FilterField("life_event"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("life_event"), FieldPanel("last_reviewed"), FieldPanel("departments")], "指南信息"),
        FieldPanel("questions"),
        FieldPanel("steps"),
        FieldPanel("faqs"),
        FieldPanel("legal_basis"),
        audience_panel(),
    ]
    api_fields = [
        APIField("summary"),
        APIField("life_event"),
        APIField("last_reviewed"),
        APIField("questions"),
        APIField("steps"),
        APIField("faqs"),
        APIField("legal_basis"),
        APIField("departments"),
    ]

    class Meta:
        verbose_name = "场景式服务指南"

    def clean(self):
        super().clean()
        problems = situation.condition_problems(situation.questions_of(self.questions), self.steps)
        if problems:
            raise ValidationError(problems)

    def legal_basis_lines(self):
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        questions = situation.questions_of(self.questions)
        answers, notices = situation.parse_answers(questions, request.GET)
        steps = situation.visible_steps(self.steps, questions, answers)
        personal_url = request.build_absolute_uri(self.get_url(request) or request.path)
        if answers:
            personal_url += "?" + "&".join(f"{key}={value}" for key, value in answers.items())
        context.update(
            questions=questions,
            answers=answers,
            notices=notices,
            steps=steps,
            checklist=situation.checklist(steps),
            personal_url=personal_url,
            qr_svg=qr_svg(personal_url),
        )
        return context
