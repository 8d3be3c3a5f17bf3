"""The dependency rules of docs/ARCHITECTURE.md, checked over the code's imports: which app may import which, and no
two modules importing each other at load time, however long the circle."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent

BASE = {"portal"}
FOUNDATION = BASE | {"home", "channels"}
DOMAIN = FOUNDATION | {"departments"}

# Each app and the apps it may import; an app imports another only through what it names here.
ALLOWED = {
    "portal": set(),  # the platform
    "home": BASE,
    "channels": BASE,
    "frontcache": BASE,
    "languages": BASE,
    "accounts": BASE,
    "departments": FOUNDATION,  # the department concept and the site group
    "disclosure": DOMAIN,  # domains: never each other
    "services": DOMAIN,
    "scenarios": DOMAIN,
    "interaction": DOMAIN,
    "participation": DOMAIN,
    "search": DOMAIN,  # finds result kinds by the page classes' search_kind
    "supervision": DOMAIN | {"interaction", "services"},  # 网上监察 reads the cases and the ten elements
    "jmportal": None,  # settings and URLs: any app
    "demo": None,  # the demo portal: any app
}


def project_packages():
    return {Path(config.path).name for config in apps.get_app_configs() if Path(config.path).parent == ROOT}


def modules():
    """{module name: path} of every module of the project's apps and jmportal, migrations left out."""
    found = {}
    for package in project_packages() | {"jmportal"}:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(name, path, module_level_only):
    """The module names `name` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else ast.walk(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def test_the_app_list_matches_the_installed_apps():
    assert project_packages() | {"jmportal"} == set(ALLOWED)


def test_each_app_imports_only_the_apps_it_may():
    packages = set(ALLOWED)
    found = {}
    for name, path in modules().items():
        app = name.split(".")[0]
        if ALLOWED[app] is None:
            continue
        for target in imported(name, path, module_level_only=False):
            other = target.split(".")[0]
            if other in packages and other != app and other not in ALLOWED[app]:
                found.setdefault(f"{app} → {other}", set()).add(str(path.relative_to(ROOT)))
    assert not found, found


def cycle_from(start, graph):
    """A circle of imports through `start`, or None."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, trail = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return trail + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return None


def test_no_two_modules_import_each_other_at_load_time():
    known = modules()
    graph = {
        name: {target for target in imported(name, path, module_level_only=True) if target in known and target != name}
        for name, path in known.items()
    }
    # `import a.b` loads the package `a` first: a module importing its own package's __init__ is no circle
    cycles = [cycle for name in sorted(graph) if (cycle := cycle_from(name, graph)) and len(set(cycle)) > 1]
    assert not cycles, cycles[0]


def test_the_rule_check_sees_a_forbidden_import(tmp_path):
    """The checker is not blind: a made-up module of services importing disclosure is caught."""
    module = tmp_path / "rogue.py"
    module.write_text("from disclosure.models import DisclosureEntryPage\n", encoding="utf-8")
    targets = {target.split(".")[0] for target in imported("services.rogue", module, module_level_only=False)}
    assert "disclosure" in targets and "disclosure" not in ALLOWED["services"]
