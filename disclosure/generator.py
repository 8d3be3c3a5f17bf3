"""Bulk disclosure entries for benchmarks and scale tests: 100,000 rows in about a minute.

Creating pages one by one through Wagtail costs a tree update, a revision and a search-index write each, which
is right for editors and far too slow for a data set. This writes the page rows with bulk inserts, numbered
the way an editor's publishing would number them, and leaves search indexing to `update_index`.
"""

import random
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from wagtail.models import Page

from departments.models import DepartmentPage

from .index_numbers import IndexNumberSequence, format_index_number
from .models import DisclosureCatalogPage, DisclosureEntryPage
from .taxonomy import Genre, Topic, Validity

BATCH = 2000
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
CHILD_COLUMNS = [field.column for field in DisclosureEntryPage._meta.local_concrete_fields]


def publication_times(count, years, rng):
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime(years[0], 1, 1, 9, tzinfo=zone)
    span = (datetime(years[1], 12, 31, 17, tzinfo=zone) - start).total_seconds()
    return sorted(start + timedelta(seconds=rng.random() * span) for _ in range(count))


@transaction.atomic
def generate(count, years=(2019, 2026), seed=12345):
    """Add `count` published entries spread over every department's catalog; return how many were made."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    catalogs = list(DisclosureCatalogPage.objects.live().order_by("path"))
    codes = {d.path: d.code for d in DepartmentPage.objects.only("path", "code")}
    if not catalogs:
        raise ValueError("没有部门信息公开目录：请先运行 load_demo 或 onboard_department。")
    content_type = ContentType.objects.get_for_model(DisclosureEntryPage)
    made = 0
    for number, catalog in enumerate(catalogs):
        share = count // len(catalogs) + (1 if number < count % len(catalogs) else 0)
        code = codes[catalog.path[: -catalog.steplen]]
        made += add_entries(catalog, code, publication_times(share, years, rng), content_type, rng)
    return made


def add_entries(catalog, code, times, content_type, rng):
    last_child = catalog.get_last_child()
    first_step = catalog._str2int(last_child.path[-catalog.steplen :]) + 1 if last_child else 1
    sequences = {}
    pages, children = [], []
    for offset, published in enumerate(times):
        step = first_step + offset
        year = published.year
        if year not in sequences:
            sequences[year] = next_sequence(code, year)
        sequences[year] += 1
        title = f"关于{rng.choice(SUBJECTS)}的{rng.choice(KINDS)}（第{step}号）"
        slug = f"bulk-{step}"
        pages.append(
            Page(
                path=DisclosureEntryPage._get_path(catalog.path, catalog.depth + 1, step),
                depth=catalog.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                url_path=f"{catalog.url_path}{slug}/",
                locale_id=catalog.locale_id,
                translation_key=uuid.uuid4(),
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
            )
        )
        validity = rng.choices(Validity.values, weights=[90, 6, 4])[0]
        children.append(
            [
                None,  # page_ptr_id, filled after the pages exist
                f"{title}的主要内容。",
                "[]",
                format_index_number(code, year, sequences[year]),
                f"江〔{year}〕{step}号",
                published.date(),
                rng.choice(Topic.values),
                rng.choice(Genre.values),
                validity,
                published.date() + timedelta(days=365) if validity != Validity.VALID else None,
            ]
        )
    for start in range(0, len(pages), BATCH):
        created = Page.objects.bulk_create(pages[start : start + BATCH])
        for row, page in zip(children[start : start + BATCH], created, strict=True):
            row[0] = page.pk
        insert_children(children[start : start + BATCH])
    Page.objects.filter(pk=catalog.pk).update(numchild=catalog.numchild + len(pages))
    for year, last in sequences.items():
        IndexNumberSequence.objects.update_or_create(code=code, year=year, defaults={"last": last})
    return len(pages)


def next_sequence(code, year):
    sequence = IndexNumberSequence.objects.filter(code=code, year=year).first()
    return sequence.last if sequence else 0


def insert_children(rows):
    table = connection.ops.quote_name(DisclosureEntryPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in CHILD_COLUMNS)
    placeholders = ", ".join(["%s"] * len(CHILD_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def refresh_statistics():
    """After a bulk load PostgreSQL's planner still believes the tables are small; tell it the new sizes."""
    if connection.vendor == "postgresql":
        tables = [Page._meta.db_table, DisclosureEntryPage._meta.db_table]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))
