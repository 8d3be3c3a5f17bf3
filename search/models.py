"""The query log: what readers search for, and how many results they got."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Max
from django.utils import timezone


class SearchLog(models.Model):
    """One search a reader made (the first screen of results, not each further page)."""

    query = models.CharField("搜索词", max_length=100, db_index=True)
    language = models.CharField("语言", max_length=10)
    results = models.PositiveIntegerField("结果数")
    searched_at = models.DateTimeField("搜索时间", default=timezone.now, db_index=True)
    client = models.CharField("读者", max_length=16, blank=True, editable=False)  # keyed hash of the address

    class Meta:
        verbose_name = "搜索记录"
        verbose_name_plural = "搜索记录"
        indexes = [models.Index(fields=["language", "searched_at"])]

    def __str__(self):
        return self.query


def query_counts(days=30, **filters):
    """Queries of the last `days` days (among the logs matching `filters`) with how often they were searched."""
    return (
        SearchLog.objects.filter(searched_at__gte=timezone.now() - timedelta(days=days), **filters)
        .values("query")
        .annotate(searches=Count("pk"), last_searched=Max("searched_at"))
        .order_by("-searches", "-last_searched")
    )


class HotSearchTerm(models.Model):
    """An editor's decision on 热门搜索: a term always shown first (置顶), or terms never shown (屏蔽)."""

    class Action(models.TextChoices):
        PIN = "pin", "置顶显示"
        BLOCK = "block", "屏蔽"

    query = models.CharField(
        "搜索词",
        max_length=100,
        help_text="置顶：这个词原样显示在热门搜索最前面；屏蔽：含有这段文字的搜索词都不会出现在热门搜索中",
    )
    action = models.CharField("处理方式", max_length=10, choices=Action.choices, default=Action.PIN)
    language = models.CharField(
        "语言", max_length=10, choices=settings.LANGUAGES, blank=True, help_text="留空表示所有语言版本"
    )
    sort_order = models.PositiveSmallIntegerField("置顶顺序", default=0, help_text="数字小的排在前面，只对置顶有效")
    note = models.CharField("说明", max_length=200, blank=True, help_text="例如：屏蔽广告、配合专题宣传置顶")

    class Meta:
        verbose_name = "热门搜索词管理"
        verbose_name_plural = "热门搜索词管理"
        ordering = ["action", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["query", "action", "language"], name="unique_hot_search_term")]

    def __str__(self):
        return f"{self.get_action_display()}：{self.query}"
