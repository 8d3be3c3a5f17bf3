"""Pages at data-set scale (benchmarks, scale tests): tens of thousands of live pages in about a minute.

Adding pages one by one through Wagtail costs a tree update, a revision, a search-index write and a synchronised
translation each, which is right for editors and far too slow for a data set. These helpers write the page rows
with bulk inserts, numbered in the tree as `add_child` would number them, and leave search indexing to
`update_index`.
"""

import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import F

from wagtail.models import Page

from portal import layout_cache

BATCH = 2000
PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def append_live_children(parent, pages):
    """Append unsaved `pages` (one page type, each with title, slug and first_published_at) under `parent`, live."""
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last_child = parent.get_last_child()
    first_step = parent._str2int(last_child.path[-parent.steplen :]) + 1 if last_child else 1
    for step, page in enumerate(pages, start=first_step):
        page.path = model._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild, page.live = parent.depth + 1, 0, True
        page.draft_title, page.url_path = page.title, f"{parent.url_path}{page.slug}/"
        page.locale_id, page.translation_key, page.content_type = parent.locale_id, uuid.uuid4(), content_type
        page.last_published_at = page.latest_revision_created_at = page.first_published_at
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(p, f.attname) for f in PAGE_FIELDS}) for p in batch]
        )
        for page, row in zip(batch, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        insert_specific_rows(model, batch)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return len(pages)


def insert_specific_rows(model, pages):
    fields = model._meta.local_concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [[field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields] for page in pages]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def settle(*models):
    """After a bulk load: tell PostgreSQL's planner the tables' new sizes, and rebuild lists of the newest content."""
    if connection.vendor == "postgresql":
        tables = [Page._meta.db_table, *(model._meta.db_table for model in models)]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))
    layout_cache.forget()  # bulk inserts send no signals


class GenerateCommand(BaseCommand):
    """A command that adds COUNT generated pages with `generate(count, seed=…)` and says how long it took."""

    noun = "个页面"

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=12345)

    def handle(self, *args, count, seed, **options):
        started = time.perf_counter()
        try:
            made = self.generate(count, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(f"新建 {made} {self.noun}，用时 {seconds:.1f} 秒（搜索索引请运行 update_index）。")
