"""Which way imports go between the project's apps (docs: /work/shared/ARCHITECTURE.md,
"Which way imports go"), read from the source with `ast`, without importing anything.

Every `import` and `from … import` counts, at module level or inside a function. Content apps
import `core` only (and themselves, Django, Wagtail, third-party packages); `core` imports no
other app of the project; and no two apps import each other, directly or through others.

Run it alone with `python tests/test_architecture.py` to print the app-level graph.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FOLDERS = [ROOT / "site", ROOT]
TOP_LEVEL_APPS = [
    "search",
    "accessibility",
    "notifications",
    "newsletters",
    "social",
    "alerts",
    "connectors",
    "ops",
]
SETTINGS_FILE = ROOT / "site" / "commune" / "settings" / "base.py"


def content_apps() -> set[str]:
    """The `CONTENT_APPS` list of the base settings, read without importing them."""
    for node in ast.parse(SETTINGS_FILE.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "CONTENT_APPS":
            return set(ast.literal_eval(node.value))
    raise LookupError(f"no CONTENT_APPS in {SETTINGS_FILE}")


CONTENT_APPS = content_apps()
SKIPPED_FOLDERS = {"migrations", "tests", "__pycache__"}


def project_apps() -> dict[str, Path]:
    """The project's own packages: every package of site/, plus search and accessibility."""
    apps = {
        path.name: path
        for path in sorted((ROOT / "site").iterdir())
        if (path / "__init__.py").exists()
    }
    apps.update({name: ROOT / name for name in TOP_LEVEL_APPS})
    return apps


def modules(app_folder: Path):
    for path in sorted(app_folder.rglob("*.py")):
        if not SKIPPED_FOLDERS.intersection(path.relative_to(app_folder).parts):
            yield path


def imported_names(path: Path):
    """(top-level package, line) of each absolute import in the file; relative imports stay
    inside the app and are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def import_graph() -> dict[str, dict[str, list[str]]]:
    """app -> {imported app: ["path:line", …]} for imports between two different apps."""
    apps = project_apps()
    graph: dict[str, dict[str, list[str]]] = {app: defaultdict(list) for app in apps}
    for app, folder in apps.items():
        for path in modules(folder):
            for name, line in imported_names(path):
                if name in apps and name != app:
                    graph[app][name].append(f"{path.relative_to(ROOT)}:{line}")
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Each strongly connected group of two or more apps (Tarjan), as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        on_stack.add(app)
        for other in graph[app]:
            if other not in index:
                visit(other)
                low[app] = min(low[app], low[other])
            elif other in on_stack:
                low[app] = min(low[app], index[other])
        if low[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return sorted(groups)


def describe(graph, group: list[str]) -> list[str]:
    return [
        f"{app} -> {other} ({', '.join(where)})"
        for app in group
        for other, where in sorted(graph[app].items())
        if other in group
    ]


def test_no_import_cycle_between_apps():
    graph = import_graph()
    found = [describe(graph, group) for group in cycles(graph)]
    assert not found, "Apps that import each other:\n" + "\n".join(
        line for group in found for line in group
    )


def test_content_apps_import_only_core():
    graph = import_graph()
    wrong = [
        f"{app} -> {other} ({', '.join(where)})"
        for app in sorted(CONTENT_APPS)
        for other, where in sorted(graph[app].items())
        if other != "core"
    ]
    assert not wrong, "Content apps may import core only:\n" + "\n".join(wrong)


def test_core_imports_no_other_app():
    wrong = [
        f"core -> {other} ({', '.join(where)})" for other, where in import_graph()["core"].items()
    ]
    assert not wrong, "core imports no other app of the project:\n" + "\n".join(wrong)


def test_connectors_import_no_other_app():
    """A gateway never chooses recipients: newsletters import connectors, not the reverse."""
    wrong = [
        f"connectors -> {other} ({', '.join(where)})"
        for other, where in import_graph()["connectors"].items()
    ]
    assert not wrong, "connectors imports no other app of the project:\n" + "\n".join(wrong)


def test_the_graph_sees_every_app_and_function_level_imports(tmp_path):
    """The script itself: it knows the apps, and reads imports made inside functions."""
    assert CONTENT_APPS | {"core", "search", "accessibility"} <= set(project_apps())
    module = tmp_path / "module.py"
    module.write_text("def f():\n    from news.models import NewsPage\n    import core.models\n")
    assert sorted(imported_names(module)) == [("core", 3), ("news", 2)]


if __name__ == "__main__":
    graph = import_graph()
    for app in sorted(graph):
        for other, where in sorted(graph[app].items()):
            print(f"{app} -> {other}: {len(where)} ({where[0]}…)")
    for group in cycles(graph):
        print("cycle:", *describe(graph, group), sep="\n  ")
    sys.exit(1 if cycles(graph) else 0)
