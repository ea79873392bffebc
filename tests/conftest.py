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
# `make test-fast` deselects the markers below; `make test` runs everything. Tests are put in a lane
# here, by folder ("tests/e2e/"), file or single test ("file::test_name"), so that the lanes are one
# list a maintainer can read (and re-measure with `pytest --durations=0`; tests/test_lanes.py checks
# that every entry still names a test). `slow`: renders whole contracts, builds repositories, runs the
# command line in a subprocess or tries every locale, clause or example; `browser` drives Chromium;
# `libreoffice` converts with soffice. What stays is the quick loop while editing: under a minute.
LANES = {
    "browser": ("tests/web/test_browser.py",),
    "libreoffice": (
        "tests/writers/test_docx_libreoffice.py",
        "tests/writers/test_docx_look.py",
        "tests/redline/test_redline.py::test_docx_redline_opens_in_libreoffice",
        "tests/redline/test_import_markup_libreoffice.py",
        "tests/redline/test_libreoffice_round.py",
        "tests/e2e/test_drafting_notes.py::test_libreoffice_shows_the_comments",
        "tests/writers/test_docx_scripts_libreoffice.py",
    ),
}
SLOW: tuple[str, ...] = (
    # end to end: every file renders contracts or runs the command line
    "tests/e2e/",
    # what the clause library says in the rendered samples (content, not code)
    "tests/content/",
    # contracts repositories built and checked
    "tests/law/test_repository_law.py",
    "tests/repo/test_approvals.py",
    "tests/repo/test_build.py",
    "tests/repo/test_build_cache.py",
    "tests/repo/test_build_reads.py",
    "tests/repo/test_build_redline.py",
    "tests/repo/test_build_steering.py",
    "tests/repo/test_check.py",
    "tests/repo/test_dask.py",
    "tests/repo/test_deal_text.py",
    "tests/repo/test_explain.py",
    "tests/repo/test_impact.py",
    "tests/repo/test_init.py",
    "tests/repo/test_install.py",
    "tests/repo/test_library_choice.py",
    "tests/repo/test_progress.py",
    "tests/repo/test_shards.py",
    "tests/repo/test_signed.py",
    "tests/repo/test_workflow.py",
    "tests/security/test_crash_safe_build.py",
    "tests/security/test_symlinks.py",
    # the whole library linted, covered or checked under every law
    "tests/checks/test_lint.py",
    "tests/checks/test_sector_coverage.py",
    "tests/checks/test_coverage.py::test_reference_deal_is_fully_covered_with_the_document_numbers",
    "tests/checks/test_coverage.py::test_reference_deal_text_output",
    "tests/checks/test_coverage.py::test_what_every_it_outsourcing_contract_needs_is_missing_when_the_deal_leaves_it_out",
    "tests/checks/test_vocabulary.py::test_the_library_prints_no_forbidden_word_under_any_law",
    # rendered contracts read back
    "tests/redline/test_import_markup.py",
    "tests/redline/test_import_markup_editors.py",
    "tests/library/test_riders_and_overrides.py",
    "tests/redline/test_value_writeback.py",
    "tests/redline/test_locale_figures.py",
    "tests/redline/test_redline.py::test_cli_redline",
    "tests/redline/test_redline.py::test_cli_redline_bad_input_exits_2",
    "tests/redline/test_redline.py::test_cli_redline_tracked_changes_are_by_the_author_and_dated_when_made",
    "tests/redline/test_redline.py::test_the_summary_names_what_a_new_clause_version_changed",
    "tests/writers/test_docx.py::test_byte_identical_across_processes",
    "tests/writers/test_docx_native.py::test_word_shows_the_models_numbers_and_none_is_typed",
    "tests/writers/test_outputs_agree.py",
    "tests/writers/test_pdf.py",
    "tests/writers/test_pdf_parts.py",
    "tests/writers/test_pdf_scripts.py::test_party_names_in_every_script_are_drawn_with_the_template_fonts",
    "tests/writers/test_pdf_scripts.py::test_a_character_no_template_font_has_is_refused_naming_it_and_where",
    "tests/writers/test_pdf_scripts.py::test_the_docx_carries_the_party_names_with_their_east_asian_language",
    "tests/security/test_validation_chars.py::test_a_character_xml_cannot_carry_is_refused_naming_the_field",
    "tests/security/test_validation_chars.py::test_a_date_outside_the_contract_range_is_refused_with_a_message",
    "tests/security/test_validation_chars.py::test_a_deal_dated_at_either_end_of_the_range_renders",
    "tests/security/test_validation_chars.py::test_the_web_editor_shows_the_problem_instead_of_failing",
    # limits and caches tried in child processes, by burning CPU or time on purpose
    "tests/security/test_macro_recursion.py::test_exponential_macro_recursion_is_refused",
    "tests/security/test_render_limits.py::test_a_render_past_its_cpu_limit_is_stopped_and_names_the_clause",
    "tests/security/test_render_limits.py::test_a_render_past_its_wall_clock_limit_is_stopped_and_names_the_clause",
    "tests/security/test_render_limits.py::test_the_cli_refuses_a_hostile_clause_naming_its_file",
    "tests/templating/test_codecache.py::test_a_new_process_renders_the_same_text_from_the_cache",
    "tests/templating/test_codecache.py::test_loop_limits_survive_the_cache",
    # every locale, currency or generated example
    "tests/deal/test_model_properties.py",
    "tests/values/test_amounts_properties.py::test_every_locale_and_every_currency_reads_back",
    "tests/values/test_dates.py::test_every_locale_writes_dates_we_read_back",
    "tests/web/test_yamledit.py::test_an_unchanged_form_writes_the_same_bytes",
    # the web workspace served for real
    "tests/security/test_web_concurrency.py",
    "tests/security/test_web_slow_clients.py",
    "tests/web/test_app.py",
    "tests/web/test_markup_page.py",
    "tests/web/test_build_button.py",
    "tests/web/test_own_words.py",
    "tests/web/test_two_saves.py",
    "tests/web/test_security.py",
)


def _in_lane(path: str, name: str, places: tuple[str, ...]) -> bool:
    """Whether a test (its file path and `path::name`) is one of `places`: a folder, a file or a test."""
    return any(path.startswith(place) if place.endswith("/") else place in (path, name) for place in places)


def pytest_collection_modifyitems(config, items):
    """Put each test in its lane (slow, browser, libreoffice) by its folder, its file or its name."""
    root = Path(str(config.rootpath))
    for item in items:
        path = Path(str(item.path)).relative_to(root).as_posix()
        name = f"{path}::{item.originalname}"
        for marker, places in LANES.items():
            if _in_lane(path, name, places):
                item.add_marker(marker)
                item.add_marker("slow")
        if _in_lane(path, name, SLOW):
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
