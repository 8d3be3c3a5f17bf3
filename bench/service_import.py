"""Benchmark: importing service items at city scale (61 departments, 315 items, 728 procedures) on SQLite.

Generates the file and onboards its departments into a fresh SQLite database (`generate_service_items
--onboard`, not timed), then times `import_service_items` three
times: the first import (creates everything), the same file again (changes nothing) and a file with ten
items edited. Writes bench/results/service_import.json and service_import.md. It never asserts a timing.

    make bench            # or: .venv/bin/python bench/service_import.py
"""

import json
import os
import sys
import tempfile
import time
from datetime import datetime
from io import StringIO
from pathlib import Path

from report import save

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60


def setup(workdir):
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "jmportal.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def onboard(workdir):
    from django.core.management import call_command

    from wagtail.models import Page

    from departments.models import DepartmentIndexPage
    from home.models import HomePage

    home = Page.get_first_root_node().add_child(instance=HomePage(title="江门政务之窗", slug="bench-home"))
    home.add_child(instance=DepartmentIndexPage(title="政府部门", slug="departments"))
    path = Path(workdir) / "items.json"
    call_command("generate_service_items", str(path), "--onboard", stdout=StringIO())
    return path


def timed_import(path):

    from django.core.management import call_command

    out = StringIO()
    start = time.perf_counter()
    call_command("import_service_items", str(path), stdout=out)
    return time.perf_counter() - start, out.getvalue().strip().splitlines()[-1]


def main():
    with tempfile.TemporaryDirectory() as workdir:
        setup(workdir)
        started = time.perf_counter()
        path = onboard(workdir)
        onboarding = time.perf_counter() - started
        items = json.loads(path.read_text(encoding="utf-8"))
        runs = {"first import": timed_import(path), "same file again": timed_import(path)}
        for item in items[:10]:
            item["procedures"][0]["fee"] = "工本费10元"
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        runs["ten items edited"] = timed_import(path)
    procedures = sum(len(item["procedures"]) for item in items)
    report = {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "database": "sqlite",
        "departments": len({item["department"] for item in items}),
        "items": len(items),
        "procedures": procedures,
        "onboarding_seconds": round(onboarding, 1),
        "runs": {name: {"seconds": round(seconds, 2), "result": result} for name, (seconds, result) in runs.items()},
        "target_seconds": TARGET_SECONDS,
    }
    lines = [
        "# Service item import benchmark",
        "",
        f"{report['when']} · SQLite · {report['departments']} departments, {len(items)} items, {procedures} procedures · "
        f"target: first import under {TARGET_SECONDS} s (onboarding the departments, not timed: {report['onboarding_seconds']} s)",
        "",
        "| run | seconds | result |",
        "| --- | ---: | --- |",
    ] + [f"| {name} | {run['seconds']} | {run['result']} |" for name, run in report["runs"].items()]
    save("service_import", report, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
