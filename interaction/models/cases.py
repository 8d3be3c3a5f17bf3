"""One case-tracking core for both kinds of case: 12345 messages and disclosure requests (依申请公开)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.workdays import calendar, months_later

from .. import deadlines
from ..deadlines import Stop
from ..masking import redact_case, short_name
from ..tracking import new_code

DISCLOSURE_DAYS = 20  # 《政府信息公开条例》第三十三条: 20 working days, extendable once by 20
NEAR_DUE_DAYS = 3
UNANSWERED_MONTHS = 3  # an unanswered valid message this old fails the national website inspection
REOPENED_LABEL = "重新办理中"
FLAG_LABELS = {
    "red": "超三个月未答复",
    "provisional": "期限暂按法定节假日计算",
    "paused": "暂停计时",
    "overdue": "已超期",
    "near_due": "即将到期",
}


class Kind(models.TextChoices):
    MESSAGE = "message", _("12345留言")
    DISCLOSURE = "disclosure", _("依申请公开")
    INTERVIEW = "interview", _("访谈提问")  # a question sent in before an online interview (在线访谈)


class Category(models.TextChoices):
    CONSULTATION = "consultation", _("咨询")
    COMPLAINT = "complaint", _("投诉")
    SUGGESTION = "suggestion", _("建议")
    HELP = "help", _("求助")
    SUPERVISION = "supervision", _("投诉监督")  # 网上监察: handled by the supervision group


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已提交")
    ACCEPTED = "accepted", _("已受理")
    REJECTED = "rejected", _("不予受理")
    ASSIGNED = "assigned", _("已转办")
    RETURNED = "returned", _("已退回")
    IN_PROGRESS = "in_progress", _("办理中")
    EXTENDED = "extended", _("延期办理")
    REOPENED = "reopened", _("重办")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("已办结")
    RATED = "rated", _("已评价")


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
    VERY_SATISFIED = 5, _("非常满意")
    SATISFIED = 4, _("满意")
    FAIR = 3, _("基本满意")
    UNSATISFIED = 2, _("不满意")
    VERY_UNSATISFIED = 1, _("非常不满意")


class Honorific(models.TextChoices):
    MR = "先生", _("先生")
    MS = "女士", _("女士")


class ApplicantType(models.TextChoices):
    """The applicant columns of the national annual report's table 三 (国办公开办函〔2021〕30号)."""

    CITIZEN = "citizen", "自然人"
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_INTEREST = "public_interest", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER_ORGANISATION = "other_organisation", "其他组织"
    ORGANISATION = "organisation", "法人或其他组织（未细分）"  # requests made before the columns were asked


PUBLIC_APPLICANT_TYPES = [choice for choice in ApplicantType.choices if choice[0] != ApplicantType.ORGANISATION]


class Channel(models.TextChoices):
    """How a request arrived, which decides its day of receipt (《政府信息公开条例》第三十一条)."""

    ONLINE = "online", "互联网（本网站在线申请）"
    IN_PERSON = "in_person", "当面提交"
    POST = "post", "邮寄（需签收）"
    UNSIGNED_MAIL = "unsigned_mail", "平常信函（无需签收）"
    FAX = "fax", "传真或电子邮件"


RECEIPT_RULES = {
    Channel.ONLINE: "在线提交，系统当即确认收到，以提交之日为收到申请之日",
    Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日",
    Channel.POST: "以邮寄方式提交的，以行政机关签收之日为收到申请之日",
    Channel.UNSIGNED_MAIL: "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日",
    Channel.FAX: "通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日",
}


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
    """The reply forms of 《政府信息公开条例》第三十六条, as rows of the national annual report's table 三."""

    GRANTED = "granted", "予以公开"
    PARTLY = "partly", "部分公开"
    REFUSED = "refused", "不予公开"
    UNAVAILABLE = "unavailable", "无法提供"
    NOT_PROCESSED = "not_processed", "不予处理"
    OTHER = "other", "其他处理"


class Ground(models.TextChoices):
    """The ground of a reply, as the sub-rows of table 三 name them; each belongs to one Outcome (GROUNDS)."""

    ALREADY_PUBLIC = "already_public", "已主动公开，告知获取的方式和途径"
    SECRET = "secret", "属于国家秘密"
    FORBIDDEN = "forbidden", "其他法律行政法规禁止公开"
    SAFETY = "safety", "危及“三安全一稳定”"
    THIRD_PARTY = "third_party", "保护第三方合法权益"
    INTERNAL = "internal", "属于三类内部事务信息"
    PROCESS = "process", "属于四类过程性信息"
    CASE_FILE = "case_file", "属于行政执法案卷"
    QUERY = "query", "属于行政查询事项"
    NOT_HELD = "not_held", "本机关不掌握相关政府信息"
    NEEDS_MAKING = "needs_making", "没有现成信息需要另行制作"
    STILL_UNCLEAR = "still_unclear", "补正后申请内容仍不明确"
    PETITION = "petition", "信访举报投诉类申请"
    REPEATED = "repeated", "重复申请"
    PUBLICATION = "publication", "要求提供公开出版物"
    MASS = "mass", "无正当理由大量反复申请"
    CONFIRMATION = "confirmation", "要求行政机关确认或重新出具已获取信息"
    NO_CORRECTION = "no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    UNPAID = "unpaid", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    OTHER = "other", "其他"


GROUNDS = {
    Outcome.REFUSED: [Ground.SECRET, Ground.FORBIDDEN, Ground.SAFETY, Ground.THIRD_PARTY, Ground.INTERNAL]
    + [Ground.PROCESS, Ground.CASE_FILE, Ground.QUERY],
    Outcome.UNAVAILABLE: [Ground.NOT_HELD, Ground.NEEDS_MAKING, Ground.STILL_UNCLEAR],
    Outcome.NOT_PROCESSED: [Ground.PETITION, Ground.REPEATED, Ground.PUBLICATION, Ground.MASS, Ground.CONFIRMATION],
    Outcome.OTHER: [Ground.NO_CORRECTION, Ground.UNPAID, Ground.OTHER],
}
# 第三十六条第（一）项: information already published is answered by telling the applicant where to find it; the
# national template counts it as 予以公开, so the ground is optional and the row stays 予以公开.
OPTIONAL_GROUNDS = {Outcome.GRANTED: [Ground.ALREADY_PUBLIC]}


class FeeMethod(models.TextChoices):
    """信息处理费 (国办函〔2020〕109号): an agency charges by item or by amount, never both."""

    ITEM = "item", "按件计收"
    PAGES = "pages", "按量计收"


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
    channel = models.CharField(
        "申请方式",
        max_length=20,
        choices=Channel.choices,
        default=Channel.ONLINE,
        help_text="决定收到申请之日（条例第三十一条）",
    )
    received_date = models.DateField(
        "收到申请日期",
        null=True,
        blank=True,
        help_text="邮寄的为签收之日，平常信函为与申请人确认之日，传真或电子邮件为双方确认之日；在线提交的为提交之日",
    )
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    restarted_on = models.DateField(
        "重办日期", null=True, blank=True, help_text="市民不满意、重新办理的日期，期限从此日重新起算"
    )
    due_on = models.DateField("办理期限", null=True, blank=True)
    extended = models.BooleanField("已延期", default=False)
    extension_days = models.PositiveSmallIntegerField("延长工作日数", default=0)
    clock_paused = models.BooleanField("暂停计时", default=False)
    reply = models.TextField("答复内容", blank=True)
    outcome = models.CharField("办理结果", max_length=20, choices=Outcome.choices, blank=True)
    ground = models.CharField("理由", max_length=20, choices=Ground.choices, blank=True)
    fee_method = models.CharField("信息处理费", max_length=10, choices=FeeMethod.choices, blank=True)
    fee_pages = models.PositiveIntegerField("提供页数", null=True, blank=True)
    fee_amount = models.PositiveIntegerField("应收信息处理费（元）", null=True, blank=True)
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
        """收到申请之日: the date staff recorded for the channel (第三十一条), else the day it was submitted."""
        return self.received_date or timezone.localdate(self.submitted_at)

    @property
    def receipt_rule(self):
        return RECEIPT_RULES.get(self.channel, "")

    def base_days(self):
        return DISCLOSURE_DAYS if self.kind == Kind.DISCLOSURE else settings.INTERACTION_MESSAGE_SLA_DAYS

    def working_days_allowed(self):
        return self.base_days() + self.extension_granted()

    def extension_granted(self):
        if not self.extended:
            return 0
        return self.extension_days or self.base_days()

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

    def deadline_count(self, today=None, work=None):
        """How the deadline is counted (interaction.deadlines.Count): start, days, pauses, extension, due date."""
        stops = [
            Stop(pause.reason, pause.get_reason_display(), pause.started_on, pause.ended_on)
            for pause in (self.pauses.all() if self.pk else [])
        ]
        return deadlines.count(
            work or calendar(),
            received=self.received_on,
            restarted=self.restarted_on,
            days=self.base_days(),
            extension=self.extension_granted(),
            stops=stops,
            today=today or timezone.localdate(),
        )

    def refresh_deadline(self, today=None):
        """Due date: the allowed working days after receipt (or the corrected request), plus the working days the
        clock was stopped for consultation or payment (see interaction.deadlines)."""
        counted = self.deadline_count(today)
        self.due_on = counted.due_on
        self.clock_paused = bool(counted.waiting)

    def flags(self, today=None):
        """What the back office should notice: overdue, near due, and unanswered for three months (red)."""
        today = today or timezone.localdate()
        if self.status not in OPEN_STATUSES:
            return []
        flags = []
        if self.received_on <= months_later(today, -UNANSWERED_MONTHS):
            flags.append("red")
        if self.due_on and calendar().provisional_years(self.due_on):
            flags.append("provisional")
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
    CORRECTION = "correction", "申请人补正"  # the clock starts afresh from the corrected request (第三十条)
    CONSULTATION = "consultation", "征求第三方意见"  # at most 15 working days not counted (第三十二条)
    AGENCIES = "agencies", "征求其他机关意见"  # not counted (第三十三条第二款)
    FEE = "fee", "等待缴纳信息处理费"  # from the fee notice to the payment, not counted (国办函〔2020〕109号)


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


class ReviewKind(models.TextChoices):
    """The columns of the national annual report's table 四."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"


class ReviewResult(models.TextChoices):
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class Review(models.Model):
    """An applicant's 行政复议 or 行政诉讼 against the reply to a disclosure request, and how it ended."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reviews", verbose_name="申请")
    kind = models.CharField("类型", max_length=20, choices=ReviewKind.choices)
    filed_on = models.DateField("申请复议或起诉日期")
    result = models.CharField("结果", max_length=20, choices=ReviewResult.choices, default=ReviewResult.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)

    class Meta:
        verbose_name = "行政复议和行政诉讼"
        verbose_name_plural = "行政复议和行政诉讼"
        ordering = ["filed_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.filed_on} {self.get_result_display()}"


class Step(models.TextChoices):
    """The actions of the closed loop (see workflow.ACTIONS for who may take them, and when)."""

    SUBMIT = "submit", "提交"
    ACCEPT = "accept", "受理"
    REJECT = "reject", "不予受理"
    ASSIGN = "assign", "转办"
    SIGN = "sign", "签收"
    RETURN = "return", "退回（非本部门职责）"
    RECEIVE = "receive", "登记收到申请日期"
    EXTEND = "extend", "延期"
    PAUSE = "pause", "暂停计时"
    RESUME = "resume", "恢复计时"
    REPLY = "reply", "答复"
    CLOSE = "close", "办结"
    RATE = "rate", "评价"
    PUBLISH = "publish", "审核公开"
    APPROVE = "approve", "审核通过并公开"
    DECLINE = "decline", "不予采用"
    FEE = "fee", "计算信息处理费"
    REVIEW = "review", "登记复议诉讼"


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
