"""Public participation (征集调查): surveys and public-comment solicitations built with Wagtail's form builder."""

from datetime import timedelta

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.fields import RichTextField, StreamField

from portal.columns import ColumnType
from portal.forms import PortalPageForm
from portal.indexing import SegmentedField
from portal.listing import paginate
from portal.pages import BasePage, ColumnPage

from . import once
from .blocks import GuestBlock, TranscriptBlock
from .results import summarise


class SurveyIndexPage(ColumnPage):
    """征集调查: the surveys and public-comment solicitations, open ones first."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = ["participation.SurveyPage"]
    default_column_type = ColumnType.INTERACTION

    class Meta:
        verbose_name = "征集调查栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = SurveyPage.objects.child_of(self).live().public()
        context["surveys"] = paginate(request, surveys.order_by("-closes_at", "-pk"))
        context["now"] = timezone.now()
        return context


class SurveyFormField(AbstractFormField):
    page = ParentalKey("participation.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")


class SurveyPageForm(PortalPageForm, WagtailAdminFormPageForm):
    """The form builder's checks (unique field names) plus the portal's checks before publishing."""


class SurveyPage(FormMixin, BasePage):
    """A survey (调查) or a public-comment solicitation (征求意见): open between two dates, one answer per person."""

    class Kind(models.TextChoices):
        SURVEY = "survey", "问卷调查"
        CONSULTATION = "consultation", "征求意见"

    class Results(models.TextChoices):
        AFTER_CLOSING = "after_closing", "结束后公布结果汇总"
        NOW = "now", "立即公布结果汇总"
        HIDDEN = "hidden", "不公布结果汇总"

    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.SURVEY)
    organiser = models.CharField("征集单位", max_length=80, blank=True, help_text="例如：江门市民政局")
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("截止时间")
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="征求意见稿",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="征求意见时附上草案全文，供公众下载阅读",
    )
    results = models.CharField("结果汇总", max_length=20, choices=Results.choices, default=Results.AFTER_CLOSING)
    thank_you_text = RichTextField("提交成功提示", blank=True, features=["bold", "link"])
    feedback_summary = RichTextField(
        "意见采纳情况",
        blank=True,
        features=["h3", "bold", "ol", "ul", "link"],
        help_text="征集结束后填写：收到多少条意见、采纳了哪些、未采纳的理由，发布后显示在页面上",
    )

    search_fields = BasePage.search_fields + [SegmentedField("organiser"), SegmentedField("feedback_summary")]
    parent_page_types = ["participation.SurveyIndexPage"]
    subpage_types = []
    base_form_class = SurveyPageForm
    is_listed_content = True
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("organiser"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("draft_document"),
            ],
            "征集信息",
        ),
        InlinePanel("form_fields", label="问题", heading="问卷问题"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("results"), FieldPanel("feedback_summary")], "结果公布"),
    ]

    class Meta:
        verbose_name = "征集调查"

    def get_submissions_list_view_class(self):
        """The answers' list and its CSV / XLSX exports, safe to open in a spreadsheet (participation/exports.py)."""
        from .exports import SurveySubmissionsListView  # Wagtail's admin views load only once the models have

        return SurveySubmissionsListView

    def state(self, now=None):
        """ "upcoming", "open" or "closed"."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    def shows_results(self):
        if self.results == self.Results.HIDDEN:
            return False
        return self.results == self.Results.NOW or self.state() == "closed"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.state()
        context["answered"] = once.already_answered(request, self.pk)
        if self.shows_results():
            fields = list(self.get_form_fields())
            answers = self.get_submissions().values_list("form_data", flat=True)
            context["summary"] = summarise(fields, answers)
            context["response_count"] = len(answers)
        return context

    def refuse(self, request, message, status):
        context = self.get_context(request)
        context["refusal"] = message
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            context = self.get_context(request)
            if context["state"] == "open" and not context["answered"]:
                context["form"] = self.get_form(page=self, user=request.user)
            return TemplateResponse(request, self.get_template(request), context)
        state = self.state()
        if state != "open":
            when = timezone.localtime(self.opens_at if state == "upcoming" else self.closes_at)
            verb = "开始" if state == "upcoming" else "结束"
            return self.refuse(request, f"本次征集{when:%Y年%m月%d日 %H:%M}{verb}，现在不接受提交。", 403)
        if once.already_answered(request, self.pk):
            return self.refuse(request, "您已经提交过本次征集的意见，每人只能提交一次。感谢参与！", 429)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=400)
        if not once.claim(request, self.pk):
            return self.refuse(request, "您已经提交过本次征集的意见，每人只能提交一次。感谢参与！", 429)
        submission = self.process_form_submission(form)
        response = self.render_landing_page(request, submission, *args, **kwargs)
        once.remember(response, self.pk)
        return response


class InterviewIndexPage(ColumnPage):
    """在线访谈: interviews with department heads, the coming ones first, then the transcripts."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = ["participation.InterviewPage"]
    default_column_type = ColumnType.INTERACTION

    class Meta:
        verbose_name = "在线访谈栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        interviews = InterviewPage.objects.child_of(self).live().public().order_by("-starts_at", "-pk")
        context["interviews"] = paginate(request, interviews)
        return context


class InterviewPage(BasePage):
    """An online interview (在线访谈): announced with its guests and time, then published as a transcript."""

    department = models.ForeignKey(
        "departments.DepartmentPage",
        verbose_name="访谈部门",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_at = models.DateTimeField("访谈时间")
    duration_minutes = models.PositiveSmallIntegerField("时长（分钟）", default=60)
    guests = StreamField([("guest", GuestBlock())], blank=True, verbose_name="访谈嘉宾")
    transcript = StreamField(
        TranscriptBlock(), blank=True, verbose_name="文字实录", help_text="访谈结束后整理发布，可插入现场图片"
    )

    search_fields = BasePage.search_fields + [SegmentedField("guests"), SegmentedField("transcript")]
    parent_page_types = ["participation.InterviewIndexPage"]
    subpage_types = []
    is_listed_content = True
    # Citizens ask questions until it ends (`accepts_questions`), moderated by its `department`: interaction takes
    # them (interaction/questions.py) and the template shows the form and the approved ones with its tags.
    takes_questions = True
    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("department"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")])],
            "访谈信息",
        ),
        FieldPanel("guests"),
        FieldPanel("body", heading="访谈预告"),
        FieldPanel("transcript"),
    ]

    class Meta:
        verbose_name = "在线访谈"

    def state(self, now=None):
        """ "upcoming" (预告), "live" (进行中) or "finished" (已结束)."""
        now = now or timezone.now()
        if now < self.starts_at:
            return "upcoming"
        return "live" if now < self.starts_at + timedelta(minutes=self.duration_minutes) else "finished"

    def accepts_questions(self):
        return self.state() != "finished"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.state()
        return context
