"""News articles at city scale (5,000 by default), spread over every department's 部门动态 column, for benchmarks.

Each is a real live page with a past publication time that routes, lists and renders like an editor's, written
with bulk inserts (portal.bulk).
"""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from portal.bulk import append_live_children, settle

from .models import ArticleIndexPage, ArticlePage

SUBJECTS = ["政务服务", "民生实事", "营商环境", "乡村振兴", "侨乡文化", "安全生产", "就业创业", "城市更新"]
KINDS = ["工作会议召开", "专项行动启动", "工作取得新进展", "开展主题活动", "调研检查"]


@transaction.atomic
def generate(count, seed=12345):
    """Add `count` live articles across the departments' 部门动态 columns; return how many were made."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    columns = list(  # zh-hans columns: a zh-hant column holds translations only
        ArticleIndexPage.objects.filter(slug="news", depth__gt=3, locale=Locale.get_default()).order_by("path")
    )
    if not columns:
        raise ValueError("没有部门动态栏目：请先运行 load_demo 或 onboard_department。")
    start = datetime(2024, 1, 1, 9, tzinfo=ZoneInfo(settings.TIME_ZONE))
    existing = ArticlePage.objects.count()
    articles = {column.pk: [] for column in columns}
    for number in range(existing, existing + count):
        published = start + timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
        title = f"{rng.choice(SUBJECTS)}{rng.choice(KINDS)}（第{number + 1}期）"
        articles[columns[number % len(columns)].pk].append(
            ArticlePage(title=title, slug=f"generated-{number + 1}", summary=f"{title}。", first_published_at=published)
        )
    for column in columns:
        if articles[column.pk]:
            append_live_children(column, articles[column.pk])
    settle(ArticlePage)
    return count
