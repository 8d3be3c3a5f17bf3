"""The query log: what readers search for, and how many results they got."""

import re
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


SEPARATORS = re.compile(r"[\n\r、，,；;]+")


class Synonym(models.Model):
    """A matter's official name and the ways citizens ask for it (驾照 for 机动车驾驶证): a search for any of them
    finds pages using any other."""

    term = models.CharField(
        "规范说法",
        max_length=60,
        unique=True,
        help_text="页面标题中使用的正式名称，例如：机动车驾驶证。市民输错同音字或输入拼音时，会按这个说法纠正",
    )
    variants = models.TextField(
        "群众说法",
        help_text="市民搜索时会用的其他说法，每行一个，也可以用顿号、逗号分隔，例如：驾照、驾驶执照。"
        "繁体和简体只需填写一种；英文说法也可以填写",
    )
    note = models.CharField("备注", max_length=200, blank=True, help_text="例如：根据“无结果搜索词”报表添加")

    class Meta:
        verbose_name = "同义词"
        verbose_name_plural = "同义词"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def words(self):
        """The term, then each variant as written (blank and repeated ones left out)."""
        found = [self.term.strip(), *(part.strip() for part in SEPARATORS.split(self.variants))]
        return list(dict.fromkeys(word for word in found if word))
