"""The fingerprints of recent submissions: a unique index lets the database decide which of two identical
letters sent at the same moment came first, on SQLite and PostgreSQL alike."""

from django.db import models
from django.utils import timezone


class SubmissionClaim(models.Model):
    """The latest submission of one text (kind, phone, title and content): another within the duplicate window
    is the same letter sent again."""

    fingerprint = models.CharField("内容指纹", max_length=64, unique=True)
    claimed_at = models.DateTimeField("提交时间", default=timezone.now)

    class Meta:
        verbose_name = "提交查重记录"
        verbose_name_plural = "提交查重记录"

    def __str__(self):
        return self.fingerprint
