"""Benchmark: site search at 100,000 disclosure entries on PostgreSQL — relevance (MRR) and latency.

Builds (or reuses) the bench database with the demo portal plus generated entries (as bench/catalog.py does),
indexes the generated entries, then asks every query of the relevance set (tests/test_search_relevance.py: the
documents' words, the ways citizens ask, and words of published letters) through the search page in process.
Reports the mean reciprocal rank of each query's expected page among the first screen of results (20; a letter
among the letters shown), the share with it in the top three, and the request latency p50/p95, and writes
bench/results/search.json and search.md. It never asserts a figure.

    make bench            # or: .venv/bin/python bench/search.py [--entries 100000] [--rounds 3]
"""

import argparse
import os
import statistics
import time
from datetime import datetime

import report
from catalog import DEFAULT_DATABASE, build, index_missing, setup


def measure(rounds):
    """(reciprocal ranks, latencies in ms) over the relevance set, `rounds` requests per query."""
    from django.test import Client

    from tests.test_search_relevance import CITIZEN_SET, LETTER_SET, RELEVANCE_SET, shown

    client = Client(HTTP_HOST="localhost")
    client.get("/search/", {"q": RELEVANCE_SET[0][0]})  # warm per-process caches (jieba, content types)
    ranks, times = {}, []
    for queries, index in ((RELEVANCE_SET + CITIZEN_SET, 0), (LETTER_SET, 1)):
        for query, expected in queries:
            for _ in range(rounds):
                started = time.perf_counter()
                titles = shown(client, "", query)[index]
                times.append((time.perf_counter() - started) * 1000)
            ranks[query] = titles.index(expected) + 1 if expected in titles else None
    return ranks, times


def write(entries, build_seconds, index_seconds, ranks, times, rounds):
    from django.db import connection

    reciprocal = [1 / rank if rank else 0 for rank in ranks.values()]
    result = {
        "benchmark": "site search",
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "database": f"{connection.vendor} {connection.cursor().connection.server_version}",
        "entries": entries,
        "generate_seconds": round(build_seconds, 1),
        "index_seconds": round(index_seconds, 1),
        "queries": len(ranks),
        "requests_per_query": rounds,
        "mrr": round(statistics.mean(reciprocal), 3),
        "top3": sum(1 for rank in ranks.values() if rank and rank <= 3),
        "top3_share": round(sum(1 for rank in ranks.values() if rank and rank <= 3) / len(ranks), 3),
        **report.percentiles(times),
        "ranks": ranks,
    }
    lines = [
        "# Site search benchmark",
        "",
        f"{result['date']} · {result['database']} · {entries:,} disclosure entries · the relevance set's "
        f"{len(ranks)} queries, {rounds} requests each, in process (Django test client, no HTTP server)",
        "",
        "| MRR (first screen) | expected page in top 3 | p50 (ms) | p95 (ms) |",
        "| ---: | ---: | ---: | ---: |",
        f"| {result['mrr']} | {result['top3']} / {len(ranks)} ({result['top3_share']:.1%}) | {result['p50_ms']} "
        f"| {result['p95_ms']} |",
        "",
        "Queries whose expected page is not first:",
        "",
        *[f"- {query}: {rank or '未出现在第一页'}" for query, rank in ranks.items() if rank != 1],
        "",
    ]
    report.save("search", result, "\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    options = parser.parse_args()
    setup(options.database)
    entries, build_seconds = build(options.entries)
    index_seconds = index_missing()
    ranks, times = measure(options.rounds)
    write(entries, build_seconds, index_seconds, ranks, times, options.rounds)


if __name__ == "__main__":
    main()
