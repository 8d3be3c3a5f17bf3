"""索引号: <department credit code>/<year>-<5-digit sequence>, unique per department and year, never reused."""

from django.db import models, transaction
from django.db.models import F


class IndexNumberSequence(models.Model):
    """The last sequence number handed out for one department and year."""

    code = models.CharField("统一社会信用代码", max_length=18)
    year = models.PositiveSmallIntegerField("年份")
    last = models.PositiveIntegerField("已分配至", default=0)

    class Meta:
        app_label = "disclosure"
        verbose_name = "索引号序列"
        constraints = [models.UniqueConstraint(fields=["code", "year"], name="unique_index_number_sequence")]

    def __str__(self):
        return format_index_number(self.code, self.year, self.last)


def format_index_number(code, year, sequence):
    return f"{code}/{year}-{sequence:05d}"


def allocate(code, year):
    """The next index number for this department and year.

    The increment is one UPDATE on the sequence row: a second publisher at the same moment waits for the
    first one's transaction and then gets the next number, so two entries never share one, and a number
    handed out is never given again, even if its entry is later deleted.
    """
    with transaction.atomic():
        IndexNumberSequence.objects.get_or_create(code=code, year=year)
        IndexNumberSequence.objects.filter(code=code, year=year).update(last=F("last") + 1)
        sequence = IndexNumberSequence.objects.get(code=code, year=year).last
    return format_index_number(code, year, sequence)
