"""Benchmark: filtering the central disclosure catalog at 100,000 entries on PostgreSQL.

Builds (or reuses) a bench database with the demo portal plus generated entries, then times filtered catalog
requests in process and writes bench/results/catalog.json and catalog.md. It never asserts a timing.

    make bench            # or: .venv/bin/python bench/catalog.py [--entries 100000] [--rounds 20]
"""

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/jmportal_bench"
INDEX_BATCH = 2000
QUERIES = {
    "全部（第1页）": {},
    "按部门": {"department": "11440700007186039H"},
    "按主题": {"topic": "civil"},
    "按体裁": {"genre": "notice"},
    "按年份": {"year": "2024"},
    "按有效性": {"validity": "repealed"},
    "部门+主题+年份": {"department": "11440700007186039H", "topic": "civil", "year": "2023"},
    "最早发布在前": {"sort": "oldest"},
    "深翻页（第200页）": {"page": "200"},
}


def setup(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jmportal.settings.test")
    sys.path.insert(0, str(ROOT))
    create_database(database_url)
    import django

    django.setup()


def create_database(url):
    import psycopg2
    from dj_database_url import parse

    config = parse(url)
    admin = psycopg2.connect(dbname="postgres", user=config["USER"], host=config["HOST"], port=config["PORT"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    admin.close()


def build(entries):
    from django.core.management import call_command

    from disclosure.generator import generate
    from disclosure.models import DisclosureEntryPage

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    missing = entries - DisclosureEntryPage.objects.count()
    started = time.perf_counter()
    if missing > 0:
        generate(missing)
    return DisclosureEntryPage.objects.count(), time.perf_counter() - started


def index_missing():
    """Add the generated pages (written in bulk, without signals) to the search index and refresh the planner's
    statistics (until then PostgreSQL plans as if the index were empty); return the seconds it took."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import BigIntegerField
    from django.db.models.functions import Cast

    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from departments.models import ArticlePage
    from disclosure.models import DisclosureEntryPage
    from portal.bulk import settle

    backend = get_search_backend()
    started = time.perf_counter()
    for model in (DisclosureEntryPage, ArticlePage):
        content_type = ContentType.objects.get_for_model(model)
        indexed = IndexEntry.objects.filter(content_type=content_type).values(pk=Cast("object_id", BigIntegerField()))
        missing = model.objects.exclude(pk__in=indexed).prefetch_related("tagged_items__tag").order_by("pk")
        while batch := list(missing[:INDEX_BATCH]):
            backend.add_bulk(model, batch)
    settle(IndexEntry)
    return time.perf_counter() - started


def measure(rounds):
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    return {label: percentiles(client, "/disclosure/catalog/", query, rounds) for label, query in QUERIES.items()}


def percentiles(client, path, query, rounds):
    """p50 and p95 in milliseconds of `rounds` in-process requests, after one to warm up."""
    client.get(path, query)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path, query)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, query, response.status_code)  # noqa: S101 - a broken page is no figure
    return report.percentiles(times)


def write(entries, build_seconds, figures, rounds):
    from django.db import connection

    result = {
        "benchmark": "disclosure catalog filtering",
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "database": f"{connection.vendor} {connection.cursor().connection.server_version}",
        "entries": entries,
        "generate_seconds": round(build_seconds, 1),
        "requests_per_query": rounds,
        "queries": figures,
    }
    lines = [
        "# Disclosure catalog benchmark",
        "",
        f"{result['date']} · {result['database']} · {entries:,} entries · {rounds} requests per filter, in process "
        "(Django test client, no HTTP server) · target p95 ≤ 100 ms",
        "",
        "| filter | p50 (ms) | p95 (ms) |",
        "| --- | ---: | ---: |",
        *[f"| {label} | {f['p50_ms']} | {f['p95_ms']} |" for label, f in figures.items()],
        "",
    ]
    report.save("catalog", result, "\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    options = parser.parse_args()
    setup(options.database)
    entries, build_seconds = build(options.entries)
    write(entries, build_seconds, measure(options.rounds), options.rounds)


if __name__ == "__main__":
    main()
