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
from .blocks import FAQBlock, QuestionBlock, StepBlock, split_keys


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


def guide_materials(steps):
    """Each material of the steps once: 名称（n 份）, marked 部分情形需要 when every step asking for it applies only
    to some readers (the guide itself, answered, says which)."""
    merged = {}
    for step in steps:
        for material, _applies, condition_text in step.materials:
            name = material["name"].strip()
            copies, conditions = merged.get(name, (0, set()))
            merged[name] = (max(copies, material["copies"]), conditions | {condition_text or step.condition_text})
    return [
        f"{name}（{copies} 份）" + ("" if "" in conditions else "，部分情形需要")
        for name, (copies, conditions) in merged.items()
    ]


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
        SegmentedField("question_text"),
        SegmentedField("step_text"),
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

    def question_text(self):
        """What readers see of the situation questions (the question, its help, the answers), never the codes
        (hukou, both_gd) editors give them: search indexes and quotes this."""
        return [
            text
            for question in situation.questions_of(self.questions)
            for text in (question.text, question.help, *question.answers.values())
            if text
        ]

    def step_text(self):
        """The steps' searchable text without the question and answer codes of their display conditions."""
        codes = {
            code for question in situation.questions_of(self.questions) for code in (question.key, *question.answers)
        }
        content = self.steps.stream_block.get_searchable_content(self.steps)
        return [text for text in content if not (set(split_keys(text)) and set(split_keys(text)) <= codes)]

    def answer_facts(self):
        """The guide's own facts a search answer may quote (`search.answers`), for a reader who has not said
        their situation yet: every step, each material once (with the situations it applies to), and each
        step's office, fee, time limit and online link."""
        questions = situation.questions_of(self.questions)
        steps = situation.visible_steps(self.steps, questions, {})
        offices = {}
        for step in steps:
            if office := step.value.get("office"):
                offices.setdefault(office.pk, {**office.as_dict(), "district_key": office.district})

        def per_step(name):
            found = (f"{step.value['title']}：{step.value[name]}" for step in steps if step.value.get(name))
            return list(dict.fromkeys(found))

        return {
            "materials": guide_materials(steps),
            "offices": list(offices.values()),
            "fee": per_step("fee"),
            "time": per_step("time_limit"),
            "conditions": [],
            "online": list(dict.fromkeys(step.value["online_url"] for step in steps if step.value.get("online_url"))),
            "steps": [f"{step.number}. {step.value['title']}" for step in steps],
        }

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
