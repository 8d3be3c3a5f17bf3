"""Accepting a citizen's submission: saved first, refused when sent twice, then acknowledged by e-mail."""

import hashlib
import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .access import CITIZEN
from .models.submissions import SubmissionClaim
from .workflow import start

DUPLICATE_MINUTES = 10
# Says nothing of the earlier case: whoever sends the same text again may not be the one who sent it first.
DUPLICATE = "您已提交过相同内容的留言，请勿重复提交；如需查询请使用您收到的查询码。"
logger = logging.getLogger(__name__)


def fingerprint(kind, phone, title, content):
    text = "\n".join([kind, phone, " ".join(title.split()), " ".join(content.split())])
    return hashlib.sha256(text.encode()).hexdigest()


def submit(form):
    """The case this valid form describes, saved now; None when the same text was sent in the last
    DUPLICATE_MINUTES (nothing is saved then, however many copies arrive at the same moment)."""
    case = form.save(commit=False)
    case.kind = form.kind
    case.fingerprint = fingerprint(case.kind, case.phone, case.title, case.content)
    with transaction.atomic():  # a case that fails to save leaves no claim behind
        if not claim(case.fingerprint):
            return None
        start(case, CITIZEN)
    acknowledge(case)
    return case


def claim(fingerprint):
    """Whether this submission is the first of its text in the window: it takes over a stale claim, or inserts
    one; the unique index refuses the insert of a second copy racing the first."""
    now = timezone.now()
    stale = SubmissionClaim.objects.filter(
        fingerprint=fingerprint, claimed_at__lt=now - timedelta(minutes=DUPLICATE_MINUTES)
    )
    if stale.update(claimed_at=now):
        return True
    try:
        with transaction.atomic():
            SubmissionClaim.objects.create(fingerprint=fingerprint, claimed_at=now)
    except IntegrityError:
        return False
    return True


def acknowledge(case):
    """Mail the tracking code when an address was given; the case is already saved, so a failure only logs."""
    if not case.email:
        return
    try:
        send_mail(
            f"江门政务之窗：已收到您的{case.get_kind_display()}",
            f"{case.name}：\n\n您提交的“{case.title}”已收到，查询码 {case.tracking_code}。"
            "凭查询码和手机号码后四位可在“公众互动 → 办理查询”查看办理进度和答复。",
            None,
            [case.email],
        )
    except Exception:  # any mail failure: the citizen still sees the code on screen
        logger.exception("acknowledgement mail for case %s failed", case.pk)
