"""The query log: what readers search for, and how many results they got."""

from datetime import timedelta

from django.db import models
from django.db.models import Count, Max
from django.utils import timezone


class SearchLog(models.Model):
    """One search a reader made (the first screen of results, not each further page)."""

    query = models.CharField("搜索词", max_length=100, db_index=True)
    language = models.CharField("语言", max_length=10)
    results = models.PositiveIntegerField("结果数")
    searched_at = models.DateTimeField("搜索时间", default=timezone.now, db_index=True)

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
