"""Shared fixtures for the engine tests (keep this small: helpers used by several test files)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import MINI_ROOT
from tests.helpers import TEMPLATE as REPO_TEMPLATE


@pytest.fixture(scope="session", autouse=True)
def compiled_template_cache(tmp_path_factory) -> Path:
    """Keep the compiled clause templates of every test (and its CLI children) inside pytest's temp folder."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    os.environ["CONTRACTGEN_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture
def mini_root() -> Path:
    """The tiny fixture workspace (read-only: copy it before changing anything)."""
    return MINI_ROOT


@pytest.fixture
def mini_deal_path(mini_root: Path) -> Path:
    """The fixture deal that renders with the `mini` template."""
    return mini_root / "deals" / "mini.yaml"


@pytest.fixture
def writable_mini_root(tmp_path: Path) -> Path:
    """A copy of the fixture workspace, with the real template's DOCX styles and PDF layout."""
    root = tmp_path / "workspace"
    shutil.copytree(MINI_ROOT, root)
    for folder in ("docx", "pdf"):
        shutil.copytree(REPO_TEMPLATE / folder, root / "templates" / "mini" / folder)
    return root


# ---------------------------------------------------------------- Hypothesis profiles (hardening, issue 6)
# `ci` (the default, used by `make test`): derandomized so every run tries the same examples,
# no deadline (a render takes ~1 s), no example database. `fuzz`: a long random run by hand,
#   HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/e2e/test_properties_render.py
# Tests that set max_examples themselves keep it; see BUDGETS in test_properties_render.py.
def _register_hypothesis_profiles() -> None:
    import os

    from hypothesis import HealthCheck, settings

    slow = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile(
        "ci", derandomize=True, deadline=None, database=None, print_blob=True, suppress_health_check=slow
    )
    settings.register_profile("fuzz", max_examples=5000, deadline=None, print_blob=True, suppress_health_check=slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_register_hypothesis_profiles()


# ---------------------------------------------------------------- lanes and missing tools
# `make test-fast` deselects the markers below; `make test` runs everything. A test file is put in a
# lane here, by path, so that the lanes are one list a maintainer can read (and re-measure with
# `pytest --durations=0`): `slow` renders whole contracts or builds repositories, `browser` drives
# Chromium, `libreoffice` converts with soffice.
LANES = {
    "browser": ("tests/web/test_browser.py",),
    "libreoffice": (
        "tests/writers/test_docx_libreoffice.py",
        "tests/redline/test_redline.py::test_docx_redline_opens_in_libreoffice",
        "tests/redline/test_import_markup_libreoffice.py",
    ),
}
SLOW: tuple[str, ...] = (
    "tests/repo/test_build_reads.py",
    "tests/checks/test_lint.py",
    "tests/content/test_library_content.py",
    "tests/e2e/test_cli.py",
    "tests/e2e/test_fonts.py",
    "tests/e2e/test_hardening.py",
    "tests/e2e/test_hazards.py",
    "tests/e2e/test_properties_render.py",
    "tests/e2e/test_real_deals.py",
    "tests/e2e/test_sector_records.py",
    "tests/e2e/test_wheel.py",
    "tests/repo/test_approvals.py",
    "tests/repo/test_build.py",
    "tests/repo/test_build_redline.py",
    "tests/repo/test_build_steering.py",
    "tests/repo/test_check.py",
    "tests/repo/test_dask.py",
    "tests/repo/test_explain.py",
    "tests/repo/test_impact.py",
    "tests/repo/test_init.py",
    "tests/repo/test_library_choice.py",
    "tests/repo/test_shards.py",
    "tests/repo/test_signed.py",
    "tests/repo/test_workflow.py",
    "tests/web/test_app.py",
    "tests/web/test_security.py",
    "tests/writers/test_outputs_agree.py",
    "tests/writers/test_pdf.py",
)


def pytest_collection_modifyitems(config, items):
    """Put each test in its lane (slow, browser, libreoffice) by the file it lives in."""
    root = Path(str(config.rootpath))
    for item in items:
        path = Path(str(item.path)).relative_to(root).as_posix()
        names = {path, f"{path}::{item.originalname}"}
        for marker, places in LANES.items():
            if names & set(places):
                item.add_marker(marker)
                item.add_marker("slow")
        if path in SLOW:
            item.add_marker("slow")


def _strict_tools() -> bool:
    return os.environ.get("CI", "").lower() == "true" and os.environ.get("CONTRACTGEN_ALLOW_SKIPS") != "1"


# Under CI=true a skip means a tool the suite needs (LibreOffice, Chromium, Dask, actionlint …) is missing
# or a fixture did not appear: CI must fail then, not go green having run less. Skips that are part of
# a test's meaning say so with `@pytest.mark.allowed_skip`.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true, report a skipped test as a failure unless it is marked allowed_skip."""
    outcome = yield
    report = outcome.get_result()
    if (
        report.skipped
        and _strict_tools()
        and not item.get_closest_marker("allowed_skip")
        and not hasattr(report, "wasxfail")
    ):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true (a tool or input the suite needs is missing): {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """Under CI=true, a whole module skipped at import (importorskip) fails instead."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _strict_tools():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"{collector.nodeid} skipped under CI=true (a tool the suite needs is missing): {reason}"
