"""Accepting a citizen's submission: saved first, recognised when sent twice, then acknowledged by e-mail."""

import hashlib
import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.utils import timezone

from .access import CITIZEN
from .models.cases import Case
from .workflow import start

DUPLICATE_MINUTES = 10
logger = logging.getLogger(__name__)


def fingerprint(kind, phone, title, content):
    text = "\n".join([kind, phone, " ".join(title.split()), " ".join(content.split())])
    return hashlib.sha256(text.encode()).hexdigest()


def submit(form):
    """(case, duplicate): the case this valid form describes, saved now, or the same one sent minutes ago."""
    case = form.save(commit=False)
    case.kind = form.kind
    case.fingerprint = fingerprint(case.kind, case.phone, case.title, case.content)
    recent = timezone.now() - timedelta(minutes=DUPLICATE_MINUTES)
    earlier = Case.objects.filter(fingerprint=case.fingerprint, submitted_at__gte=recent).first()
    if earlier is not None:
        return earlier, True
    start(case, CITIZEN)
    acknowledge(case)
    return case, False


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
