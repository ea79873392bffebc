"""Every Jinja environment of the project is made by templating.sandbox.make_environment, sandboxed.

Read from the source (ast): a plain `jinja2.Environment(...)`, `jinja2.Template(...)` (which makes
one), a sandbox class constructed directly, or an environment class imported under another name
anywhere else in contractgen/ fails here.
"""

from __future__ import annotations

import ast

from tests.helpers import ROOT

PACKAGE = ROOT / "contractgen"
FACTORY = PACKAGE / "templating" / "sandbox.py"
ENVIRONMENT_NAMES = {
    "Environment",
    "Template",
    "SandboxedEnvironment",
    "ImmutableSandboxedEnvironment",
    "NativeEnvironment",
    "LimitedSandbox",
    "PageSandbox",
    "Overlay",
}


def _made_elsewhere() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == FACTORY:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = None
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name == "Template" and not isinstance(func, ast.Attribute):
                    name = None  # a class of the project's own; jinja2's Template is caught by its import
                if name == "Template" and isinstance(func.value if isinstance(func, ast.Attribute) else None, ast.Name):
                    if func.value.id == "nodes":  # jinja2.nodes.Template: the root of a parsed AST, no environment
                        name = None
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jinja2"):
                name = next((a.name for a in node.names if a.name in ENVIRONMENT_NAMES), None)
            if name in ENVIRONMENT_NAMES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    return found


def test_no_environment_is_made_outside_the_factory():
    assert _made_elsewhere() == []


def test_every_kind_is_an_immutable_limited_sandbox():
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from contractgen.templating.sandbox import KINDS, LimitedSandbox, make_environment

    for kind in KINDS:
        env = make_environment(kind)
        assert isinstance(env, ImmutableSandboxedEnvironment) and isinstance(env, LimitedSandbox), kind
        assert "lipsum" not in env.globals and "format" not in env.filters, kind


def test_the_layout_and_the_web_pages_use_the_factory():
    from contractgen.templating.sandbox import LimitedSandbox
    from contractgen.writers.pdf.html import _environment
    from tests.helpers import TEMPLATE

    assert isinstance(_environment(TEMPLATE / "pdf"), LimitedSandbox)
    source = (PACKAGE / "web" / "app.py").read_text(encoding="utf-8")
    assert 'make_environment("page"' in source
