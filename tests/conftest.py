"""Shared fixtures for the engine tests (keep this small: helpers used by several test files)."""

from __future__ import annotations

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
    settings.register_profile("ci", derandomize=True, deadline=None, database=None, print_blob=True,
                              suppress_health_check=slow)
    settings.register_profile("fuzz", max_examples=5000, deadline=None, print_blob=True, suppress_health_check=slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_register_hypothesis_profiles()
