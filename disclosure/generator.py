"""Bulk disclosure entries for benchmarks and scale tests (100,000 in about a minute, see portal.bulk), with 索引号
numbered the way an editor's publishing would number them."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from departments.models import DepartmentPage
from departments.ownership import Departments
from portal.bulk import append_live_children, settle

from .index_numbers import IndexNumberSequence, format_index_number
from .models import DisclosureCatalogPage, DisclosureEntryPage
from .taxonomy import Genre, Topic, Validity

SUBJECTS = [
    "低保标准",
    "义务教育招生",
    "城乡居民养老保险",
    "不动产登记",
    "食品安全抽检",
    "侨务政策",
    "高标准农田",
    "公交线路调整",
]
KINDS = ["通知", "实施办法", "工作方案", "公告", "年度报告", "政策解读"]


def publication_times(count, years, rng):
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime(years[0], 1, 1, 9, tzinfo=zone)
    span = (datetime(years[1], 12, 31, 17, tzinfo=zone) - start).total_seconds()
    return sorted(start + timedelta(seconds=rng.random() * span) for _ in range(count))


@transaction.atomic
def generate(count, years=(2019, 2026), seed=12345):
    """Add `count` published entries spread over every department's catalog; return how many were made."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    source = Locale.get_default()  # entries are written in zh-hans; a zh-hant catalog holds translations only
    catalogs = list(DisclosureCatalogPage.objects.live().filter(locale=source).order_by("path"))
    departments = Departments(DepartmentPage.objects.filter(locale=source).only("path", "code"))
    if not catalogs:
        raise ValueError("没有部门信息公开目录：请先运行 load_demo 或 onboard_department。")
    made = 0
    for number, catalog in enumerate(catalogs):
        share = count // len(catalogs) + (1 if number < count % len(catalogs) else 0)
        code = departments.code_of(catalog)
        made += add_entries(catalog, code, publication_times(share, years, rng), rng)
    settle(DisclosureEntryPage)
    return made


def add_entries(catalog, code, times, rng):
    sequences = {}
    entries = []
    for published in times:
        year = published.year
        if year not in sequences:
            sequences[year] = next_sequence(code, year)
        sequences[year] += 1
        number = len(entries) + catalog.numchild + 1
        title = f"关于{rng.choice(SUBJECTS)}的{rng.choice(KINDS)}（第{number}号）"
        validity = rng.choices(Validity.values, weights=[90, 6, 4])[0]
        entries.append(
            DisclosureEntryPage(
                title=title,
                slug=f"bulk-{number}",
                first_published_at=published,
                summary=f"{title}的主要内容。",
                index_number=format_index_number(code, year, sequences[year]),
                document_number=f"江〔{year}〕{number}号",
                written_date=published.date(),
                topic=rng.choice(Topic.values),
                genre=rng.choice(Genre.values),
                validity=validity,
                validity_date=published.date() + timedelta(days=365) if validity != Validity.VALID else None,
            )
        )
    append_live_children(catalog, entries)
    for year, last in sequences.items():
        IndexNumberSequence.objects.update_or_create(code=code, year=year, defaults={"last": last})
    return len(entries)


def next_sequence(code, year):
    sequence = IndexNumberSequence.objects.filter(code=code, year=year).first()
    return sequence.last if sequence else 0
