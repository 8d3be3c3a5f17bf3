"""One case-tracking core for both kinds of case: 12345 messages and disclosure requests (依申请公开)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from portal.workdays import calendar, months_later

from ..masking import redact_case, short_name
from ..tracking import new_code

DISCLOSURE_DAYS = 20  # 《政府信息公开条例》第三十三条: 20 working days, extendable once by 20
CONSULTATION_DAYS = 15  # 第三方 has 15 working days to answer; only those pause the clock
NEAR_DUE_DAYS = 3
UNANSWERED_MONTHS = 3  # an unanswered valid message this old fails the national website inspection
REOPENED_LABEL = "重新办理中"
FLAG_LABELS = {"red": "超三个月未答复", "paused": "暂停计时", "overdue": "已超期", "near_due": "即将到期"}


class Kind(models.TextChoices):
    MESSAGE = "message", "12345留言"
    DISCLOSURE = "disclosure", "依申请公开"
    INTERVIEW = "interview", "访谈提问"  # a question sent in before an online interview (在线访谈)


class Category(models.TextChoices):
    CONSULTATION = "consultation", "咨询"
    COMPLAINT = "complaint", "投诉"
    SUGGESTION = "suggestion", "建议"
    HELP = "help", "求助"
    SUPERVISION = "supervision", "投诉监督"  # 网上监察: handled by the supervision group


class Status(models.TextChoices):
    SUBMITTED = "submitted", "已提交"
    ACCEPTED = "accepted", "已受理"
    REJECTED = "rejected", "不予受理"
    ASSIGNED = "assigned", "已转办"
    RETURNED = "returned", "已退回"
    IN_PROGRESS = "in_progress", "办理中"
    EXTENDED = "extended", "延期办理"
    REOPENED = "reopened", "重办"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已办结"
    RATED = "rated", "已评价"


OPEN_STATUSES = [
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.ASSIGNED,
    Status.RETURNED,
    Status.IN_PROGRESS,
    Status.EXTENDED,
    Status.REOPENED,
]
ANSWERED_STATUSES = [Status.REPLIED, Status.CLOSED, Status.RATED]


class Satisfaction(models.IntegerChoices):
    VERY_SATISFIED = 5, "非常满意"
    SATISFIED = 4, "满意"
    FAIR = 3, "基本满意"
    UNSATISFIED = 2, "不满意"
    VERY_UNSATISFIED = 1, "非常不满意"


class Honorific(models.TextChoices):
    MR = "先生", "先生"
    MS = "女士", "女士"


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", "公民"
    ORGANISATION = "organisation", "法人或其他组织"


class IdType(models.TextChoices):
    ID_CARD = "id_card", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"


class DeliveryForm(models.TextChoices):
    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子文档"


class DeliveryMethod(models.TextChoices):
    POST = "post", "邮寄"
    PICKUP = "pickup", "当面领取"
    EMAIL = "email", "电子邮件"


class Outcome(models.TextChoices):
    """The result categories of the national annual report's table 三 (依申请公开 only)."""

    GRANTED = "granted", "予以公开"
    PARTLY = "partly", "部分公开"
    REFUSED = "refused", "不予公开"
    UNAVAILABLE = "unavailable", "无法提供"
    NOT_PROCESSED = "not_processed", "不予处理"
    OTHER = "other", "其他处理"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today):
        return self.open().filter(clock_paused=False, due_on__lt=today)

    def near_due(self, today):
        return self.open().filter(
            clock_paused=False, due_on__gte=today, due_on__lte=calendar().add(today, NEAR_DUE_DAYS)
        )

    def unanswered_for_months(self, today):
        """Open cases received at least UNANSWERED_MONTHS ago (红色预警)."""
        last_day = months_later(today, -UNANSWERED_MONTHS)
        return self.open().filter(submitted_at__date__lte=last_day)

    def published(self):
        return self.filter(published_at__isnull=False)

    def letters(self):
        """公开信件: published cases with a reply to show; an approved interview question has none until answered."""
        return self.published().exclude(public_reply="")


class Case(models.Model):
    """A citizen's 12345 message or disclosure request, from submission to rating."""

    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.MESSAGE)
    tracking_code = models.CharField("查询码", max_length=20, unique=True, default=new_code, editable=False)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    department = models.ForeignKey(
        "departments.DepartmentPage",
        verbose_name="承办部门",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        help_text="受理中心转办后由该部门办理；市民写信时选择的部门只作参考",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="相关页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="访谈提问所属的在线访谈",
    )
    requested_department = models.ForeignKey(
        "departments.DepartmentPage",
        verbose_name="市民选择的部门",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField("留言类别", max_length=20, choices=Category.choices, blank=True)
    name = models.CharField("姓名或单位名称", max_length=60)
    honorific = models.CharField("称呼", max_length=4, choices=Honorific.choices, blank=True)
    phone = models.CharField("手机号码", max_length=20)
    email = models.EmailField("电子邮箱", blank=True)
    title = models.CharField("标题", max_length=80)
    content = models.TextField("内容", help_text="留言内容，或申请公开的政府信息的名称、文号或便于查询的其他特征")
    publish_consent = models.BooleanField(
        "同意公开", default=False, help_text="市民同意后，答复经审核脱敏可在“公开信件”中公开"
    )

    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices, blank=True)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField("证件号码", max_length=30, blank=True)
    address = models.CharField("通信地址", max_length=160, blank=True)
    purpose = models.TextField("申请用途", blank=True)
    delivery_form = models.CharField("获取信息的载体形式", max_length=20, choices=DeliveryForm.choices, blank=True)
    delivery_method = models.CharField("获取信息的方式", max_length=20, choices=DeliveryMethod.choices, blank=True)

    submitted_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    restarted_on = models.DateField(
        "重办日期", null=True, blank=True, help_text="市民不满意、重新办理的日期，期限从此日重新起算"
    )
    due_on = models.DateField("办理期限", null=True, blank=True)
    extended = models.BooleanField("已延期", default=False)
    clock_paused = models.BooleanField("暂停计时", default=False)
    reply = models.TextField("答复内容", blank=True)
    outcome = models.CharField("办理结果", max_length=20, choices=Outcome.choices, blank=True)
    replied_at = models.DateTimeField("答复时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField("满意度", choices=Satisfaction.choices, null=True, blank=True)
    rated_at = models.DateTimeField("评价时间", null=True, blank=True)

    public_title = models.CharField("公开标题", max_length=80, blank=True)
    public_content = models.TextField("公开的来信内容", blank=True, help_text="已自动脱敏，请核对后确认公开")
    public_reply = models.TextField("公开的答复内容", blank=True, help_text="已自动脱敏，请核对后确认公开")
    published_at = models.DateTimeField("公开时间", null=True, blank=True, db_index=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "来信与申请"
        verbose_name_plural = "来信与申请"
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.tracking_code} {self.title}"

    @property
    def received_on(self):
        return timezone.localdate(self.submitted_at)

    def working_days_allowed(self):
        days = DISCLOSURE_DAYS if self.kind == Kind.DISCLOSURE else settings.INTERACTION_MESSAGE_SLA_DAYS
        return days * 2 if self.extended else days

    @cached_property
    def redactions(self):
        """What the redactor makes of each text that may go public: worked out once per case object, for the
        reviewer's starting text and the list of what was hidden alike."""
        return redact_case(self)

    def masked(self):
        """What a reviewer starts from before the case goes public: title, content and reply with personal data
        masked; an interview question's title is the asker as the page names them (网友“陈先生”)."""
        texts = {field: redaction.text for field, redaction in self.redactions.items()}
        if self.kind == Kind.INTERVIEW:
            texts["public_title"] = f"网友“{short_name(self.name, self.honorific)}”"
        return texts

    def refresh_deadline(self, today=None):
        """Due date: the allowed working days after receipt, plus the working days the clock was paused."""
        today = today or timezone.localdate()
        work = calendar()
        paused = sum(pause.working_days(work, today) for pause in self.pauses.all()) if self.pk else 0
        self.due_on = work.add(self.restarted_on or self.received_on, self.working_days_allowed() + paused)
        self.clock_paused = self.pk is not None and self.pauses.filter(ended_on__isnull=True).exists()

    def flags(self, today=None):
        """What the back office should notice: overdue, near due, and unanswered for three months (red)."""
        today = today or timezone.localdate()
        if self.status not in OPEN_STATUSES:
            return []
        flags = []
        if self.received_on <= months_later(today, -UNANSWERED_MONTHS):
            flags.append("red")
        if self.clock_paused:
            flags.append("paused")
        elif self.due_on and self.due_on < today:
            flags.append("overdue")
        elif self.due_on and calendar().between(today, self.due_on) <= NEAR_DUE_DAYS:
            flags.append("near_due")
        return flags

    def flag_labels(self):
        return "、".join(FLAG_LABELS[flag] for flag in self.flags())

    flag_labels.short_description = "提醒"

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def is_reopened(self):
        """Handled again after the citizen rejected the reply (重办, perhaps extended since): the reply on file is
        the rejected one, not an answer."""
        return self.restarted_on is not None and self.status in OPEN_STATUSES

    @property
    def public_reply_stands(self):
        """Whether the published reply is still the answer: not reopened, nor answered again since it was
        confirmed for the public (the new reply waits for a reviewer)."""
        answered_since = self.replied_at and self.published_at and self.replied_at > self.published_at
        return not self.is_reopened and not answered_since

    def status_label(self):
        """The status as a citizen reads it: 重办 says plainly that the case is being handled again."""
        return REOPENED_LABEL if self.status == Status.REOPENED else self.get_status_display()


class PauseReason(models.TextChoices):
    CORRECTION = "correction", "申请人补正"
    CONSULTATION = "consultation", "征求第三方意见"


class Pause(models.Model):
    """A stretch of time the disclosure clock does not run (补正, 征求第三方意见)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField("原因", max_length=20, choices=PauseReason.choices)
    started_on = models.DateField("开始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)

    class Meta:
        verbose_name = "暂停计时"
        verbose_name_plural = "暂停计时"

    def __str__(self):
        return f"{self.get_reason_display()} {self.started_on}–{self.ended_on or ''}"

    def working_days(self, work, today):
        """Working days this pause holds the clock; third-party consultation counts at most 15."""
        days = work.between(self.started_on, self.ended_on or today)
        return min(days, CONSULTATION_DAYS) if self.reason == PauseReason.CONSULTATION else days


class Step(models.TextChoices):
    """The actions of the closed loop (see workflow.ACTIONS for who may take them, and when)."""

    SUBMIT = "submit", "提交"
    ACCEPT = "accept", "受理"
    REJECT = "reject", "不予受理"
    ASSIGN = "assign", "转办"
    SIGN = "sign", "签收"
    RETURN = "return", "退回（非本部门职责）"
    EXTEND = "extend", "延期"
    PAUSE = "pause", "暂停计时"
    RESUME = "resume", "恢复计时"
    REPLY = "reply", "答复"
    CLOSE = "close", "办结"
    RATE = "rate", "评价"
    PUBLISH = "publish", "审核公开"
    APPROVE = "approve", "审核通过并公开"
    DECLINE = "decline", "不予采用"


# Notes the citizen reads on the tracking page; others (such as why a department returned a case) stay inside.
PUBLIC_NOTE_STEPS = {Step.REJECT, Step.EXTEND, Step.PAUSE, Step.RATE}


class Transition(models.Model):
    """One step of a case's timeline: what was done, by whom, when, and the status it left the case in."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField("操作", max_length=20, choices=Step.choices)
    status = models.CharField("操作后状态", max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("操作人名称", max_length=60)
    department = models.ForeignKey(
        "departments.DepartmentPage",
        verbose_name="部门",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField("说明", blank=True)
    created_at = models.DateTimeField("时间", default=timezone.now)
    exchange_key = models.CharField(
        "平台事件号", max_length=80, blank=True, help_text="12345平台推送的事件编号，用于去重"
    )

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "exchange_key"], condition=~models.Q(exchange_key=""), name="one_transition_per_event"
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} → {self.get_status_display()}"

    @property
    def public_note(self):
        return self.note if self.action in PUBLIC_NOTE_STEPS else ""
