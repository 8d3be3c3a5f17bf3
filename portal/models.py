"""The platform's one model: the State Council's holiday notice for a year, as the portal office enters it."""

from django.core.exceptions import ValidationError
from django.db import models

from .workdays import DATE, NOTICE, YearRule, days_from, parse_dates

LONGEST_BREAK = 15  # no notice has ever given more than 9 days in a row; a longer range is a typing mistake


def holiday_lines(text):
    """(name, first, last) for each line "春节 2027-02-05 至 2027-02-13" (one date: a single day)."""
    ranges = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        dates = parse_dates(line)
        name = line[: DATE.search(line).start()].strip(" ：:，,") if dates else ""
        if not dates or len(dates) > 2 or not name:
            raise ValueError(f"第 {number} 行应写成“节日名称 第一天 至 最后一天”，例如“春节 2027-02-05 至 2027-02-13”")
        first, last = dates[0], dates[-1]
        if last < first or (last - first).days >= LONGEST_BREAK:
            raise ValueError(f"第 {number} 行的日期范围不对：{first} 至 {last}")
        ranges.append((name, first, last))
    return ranges


def workday_lines(text):
    """(name, day) for each line "春节调休 2027-02-20" (the name may be left out)."""
    days = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        dates = parse_dates(line)
        if len(dates) != 1:
            raise ValueError(f"调休上班日第 {number} 行应写一个日期，例如“春节调休 2027-02-20”")
        if dates[0].weekday() < 5:
            raise ValueError(f"调休上班日第 {number} 行的 {dates[0]} 不是周六或周日")
        name = line[: DATE.search(line).start()].strip(" ：:，,")
        days.append((name or "调休上班", dates[0]))
    return days


class HolidayNotice(models.Model):
    """国务院办公厅关于某年部分节假日安排的通知: overrides the shipped calendar and the statutory rule for its year."""

    year = models.PositiveSmallIntegerField("年份", unique=True, help_text="通知安排的年份，例如 2027")
    title = models.CharField(
        "通知名称", max_length=120, blank=True, help_text="例如：国务院办公厅关于2027年部分节假日安排的通知"
    )
    document_number = models.CharField("文号", max_length=60, blank=True, help_text="例如：国办发明电〔2026〕7号")
    holidays = models.TextField(
        "放假安排",
        help_text="每行一个节日：名称、第一天、最后一天，例如“春节 2027-02-05 至 2027-02-13”；只放一天的写一个日期。"
        "按通知原文填写全部放假日期（含与周末连休的日期）。",
    )
    workdays = models.TextField(
        "调休上班日",
        blank=True,
        help_text="每行一个周六或周日的上班日，例如“春节调休 2027-02-20”；没有则留空。",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self):
        return self.title or f"{self.year}年节假日安排"

    def clean(self):
        errors = {}
        try:
            ranges = holiday_lines(self.holidays)
            if not ranges:
                errors["holidays"] = "请至少填写一个节日的放假日期。"
            elif self.year and any(abs(first.year - self.year) > 1 for _, first, _ in ranges):
                errors["holidays"] = f"放假日期应在 {self.year} 年（或相邻的年底、年初）。"
        except ValueError as error:
            errors["holidays"] = str(error)
        try:
            workday_lines(self.workdays)
        except ValueError as error:
            errors["workdays"] = str(error)
        if self.year and not 2000 <= self.year <= 2100:
            errors["year"] = "年份应在 2000 至 2100 之间。"
        if errors:
            raise ValidationError(errors)

    def rule(self):
        ranges, days = holiday_lines(self.holidays), workday_lines(self.workdays)
        return YearRule(
            self.year,
            NOTICE,
            " ".join(filter(None, [str(self), self.document_number])),
            frozenset(day for _, first, last in ranges for day in days_from(first, last)),
            frozenset(day for _, day in days),
            tuple((first, last, name) for name, first, last in ranges),
        )
