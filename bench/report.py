"""Writing benchmark results: every benchmark's JSON and Markdown files in bench/results/, and latest.md from the
figures bench/web.py measured (each figure, its ratio to the static limit, and each target of issue #10 said
plainly as met or missed)."""

import json
import statistics
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def save(name, result, text):
    """Write bench/results/<name>.json and <name>.md, and print the Markdown."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    print(text)


def percentiles(times):
    """p50 and p95 of request times in milliseconds."""
    times = sorted(times)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
    }


def markdown(result):
    targets = result["targets"]
    lines = [
        "# jmportal speed at city scale",
        "",
        f"{result['date']} · {result['machine']} · wrk: {result['wrk']}.",
        "Scale: " + ", ".join(f"{key} {value:,}" for key, value in result["scale"].items()) + ".",
        "The machine is shared with other work: figures move with its load (see the load average above).",
        "",
        "## Pages over HTTP (requests/s; latency p50 / p99 in ms)",
        "",
        "| page | uncached (gunicorn, 2 workers) | through the front cache | static file (nginx) | cached ÷ static | uncached ÷ static |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, page in result["pages"].items():
        uncached, cached, static = page["uncached"], page["cached"], page["static"]
        lines.append(
            f"| {label} `{page['path']}` | {uncached['rps']:,.0f} ({uncached['p50_ms']} / {uncached['p99_ms']}) "
            f"| {cached['rps']:,.0f} ({cached['p50_ms']} / {cached['p99_ms']}) "
            f"| {static['rps']:,.0f} ({static['p50_ms']} / {static['p99_ms']}) "
            f"| {cached['rps'] / static['rps']:.0%} | {uncached['rps'] / static['rps']:.1%} |"
        )
    visible = result["publish_to_visible"]
    lines += [
        "",
        f"**Publish to visible** through the front cache (`{visible['page']}`): median {visible['median_s']} s "
        f"(runs: {', '.join(str(run) for run in visible['runs_s'])} s).",
        "",
        "## In process (Django test client, no HTTP server): p50 / p95 in ms",
        "",
        "| request | p50 | p95 |",
        "| --- | ---: | ---: |",
    ]
    for kind, figures in result["in_process"].items():
        lines += [f"| {kind}: {label} | {f['p50_ms']} | {f['p95_ms']} |" for label, f in figures.items()]
    if "cpu_ms_per_request" in result:
        lines += [
            "",
            "## CPU per uncached page (Django in process, median ms): what requests/s would be on idle cores",
            "",
            "| page | CPU ms | 2 workers on 2 idle cores, at most (requests/s) |",
            "| --- | ---: | ---: |",
            *[f"| {label} | {ms} | {2000 / ms:,.0f} |" for label, ms in result["cpu_ms_per_request"].items() if ms],
        ]
    costs = result["costs"]
    lines += (
        ["", "## Costs", "", "Not measured in this run (`--no-costs`)."]
        if costs is None
        else [
            "",
            "## Costs",
            "",
            f"- `load_demo` into an empty database: {costs['load_demo']['seconds']} s, peak {costs['load_demo']['peak_mb']} MB.",
            f"- Service-item import benchmark (bench/service_import.py: onboarding 61 departments, then importing 315 items "
            f"/ 728 procedures three times): {costs['service_import']['script_seconds']} s in all, peak "
            f"{costs['service_import']['peak_mb']} MB; the imports alone (s): "
            + ", ".join(
                f"{run} {figures['seconds']}" for run, figures in (costs["service_import"]["runs"] or {}).items()
            )
            + ".",
        ]
    )
    lines += ["", "## Targets (issue #10)", "", *[f"- {line}" for line in verdicts(result, targets)], ""]
    return "\n".join(lines)


def verdicts(result, targets):
    pages = result["pages"]
    for label, page in pages.items():
        floor = targets["home"] if label == "home" else targets["other"]
        yield verdict(
            f"uncached {label} ≥ {floor} requests/s",
            page["uncached"]["rps"] >= floor,
            f"{page['uncached']['rps']:,.0f}",
        )
    for label, page in pages.items():
        share = page["cached"]["rps"] / page["static"]["rps"]
        yield verdict(
            f"front cache {label} ≥ {targets['cache_share']:.0%} of static",
            share >= targets["cache_share"],
            f"{share:.0%}",
        )
    visible = result["publish_to_visible"]["median_s"]
    yield verdict(f"publish to visible ≤ {targets['publish_s']} s", visible <= targets["publish_s"], f"{visible} s")
    for kind, key in (("catalog", "catalog_p95"), ("search", "search_p95")):
        worst = max(f["p95_ms"] for f in result["in_process"][kind].values())
        yield verdict(f"{kind} p95 ≤ {targets[key]} ms (worst query)", worst <= targets[key], f"{worst} ms")


def verdict(target, met, figure):
    return f"{'met' if met else '**missed**'}: {target} — {figure}"
