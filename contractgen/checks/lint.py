"""`contractgen lint`: check the whole clause library, a template's outline and checklist, and the law records.

Every problem is a `path:line: message` line (paths relative to the root folder). Warnings
(an unused clause, a checklist item no clause covers) are prefixed `warning:` and do not fail.
Reading the library is lint_sources.py; the checks on clause wording are wording.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractgen.checks.lint_sources import (
    ANCHOR,
    ROLE_WORDS,
    LintMessage,
    LintReport,
    Template,
    Version,
    load_template,
    load_versions,
    strip_comments,
    template_names,
)
from contractgen.checks.references import check_reference_conditions
from contractgen.checks.style import check_numbers, check_term_capitals, defined_term_forms
from contractgen.checks.contract_wording import check_contract_words
from contractgen.checks.vocabulary import check_vocabulary
from contractgen.checks.wording import (
    check_body_text,
    check_capitalised,
    check_party_words,
    check_spelling,
    check_unused_terms,
    party_placeholders,
    term_pattern,
)
from contractgen.errors import Problem
from contractgen.law.checks import check_law
from contractgen.law.library import library
from contractgen.library.clauses import RELEASED, scan_library_folder
from contractgen.templating.analysis import analyse_expression, analyse_template
from contractgen.templating.spelling import WORDS, load_spelling, table_problems


def _check_covers(version: Version, checklist_ids: set[str], templates: list[Template], report: LintReport) -> None:
    if not any(t.checklist is not None for t in templates):
        return
    names = ", ".join(t.checklist_rel for t in templates)
    for index, item in enumerate(version.version.covers):
        if item not in checklist_ids:
            import difflib

            close = difflib.get_close_matches(item, sorted(checklist_ids), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            line = version.key_lines.get(("covers", index), version.key_line("covers"))
            report.add(version.rel, line, f"covers: '{item}' is not an item of {names}{hint}")


def _check_variables(version: Version, report: LintReport) -> None:
    v = version.version
    for finding in analyse_template(v.body):
        report.add(version.rel, v.body_line + finding.line - 1, finding.message)
    if v.when:
        for finding in analyse_expression(v.when):
            report.add(version.rel, version.key_line("when"), f"when: {finding.message}")
    for term, meaning in v.defines:
        for finding in analyse_template(meaning):
            report.add(version.rel, version.key_line("defines", term), f"defines: {term}: {finding.message}")


def _kept_as_released(version: Version, newest: dict[str, Version]) -> bool:
    """True for a released version that a newer version replaces and whose text is still the approved text."""
    v = version.version
    return (
        v.status in RELEASED
        and newest[v.id] is not version
        and bool(v.approved_sha256)
        and v.approved_sha256 == v.text_sha256
    )


def _check_frozen(version: Version, report: LintReport) -> None:
    """A released version's text must still hash to the approved_sha256 it recorded when it was approved."""
    v = version.version
    if v.status not in RELEASED:
        return
    if not v.approved_sha256:
        report.add(
            version.rel,
            version.key_line("status"),
            f"approved_sha256 is not recorded: a released version records the hash of its text as approved, "
            f"so that an edit shows (approved_sha256: {v.text_sha256})",
            warning=True,
        )
    elif v.approved_sha256 != v.text_sha256:
        report.add(
            version.rel,
            version.key_line("approved_sha256"),
            f"the title, when, defines or body changed after approval (approved_sha256 no longer matches): a released "
            f"version is never edited; restore it and write v{v.version + 1}.md (or the next free number) with changes:",
        )


def _check_outline(template: Template, library_ids: set[str], report: LintReport) -> set[str]:
    used: set[str] = set()
    if template.outline is None:
        return used
    seen: set[str] = set()
    for p_index, part in enumerate(template.outline.parts):
        if part.when:
            line = template.outline_lines.get(
                ("parts", p_index, "when"), template.outline_lines.get(("parts", p_index), 1)
            )
            for finding in analyse_expression(part.when):
                report.add(template.outline_rel, line, f"when: {finding.message}")
        for c_index, item in enumerate(part.items):
            line = template.outline_lines.get(("parts", p_index, "clauses", c_index), 1)
            used.add(item.id)
            if item.id not in library_ids:
                import difflib

                close = difflib.get_close_matches(item.id, sorted(library_ids), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                report.add(template.outline_rel, line, f"unknown clause id '{item.id}'{hint}")
            if item.id in seen:
                report.add(template.outline_rel, line, f"clause '{item.id}' appears twice")
            seen.add(item.id)
            if item.when:
                when_line = template.outline_lines.get(("parts", p_index, "clauses", c_index, "when"), line)
                for finding in analyse_expression(item.when):
                    report.add(template.outline_rel, when_line, f"when: {finding.message}")
            for v_index, (variant_id, variant_when) in enumerate(item.variants):
                v_line = template.outline_lines.get(("parts", p_index, "clauses", c_index, "variants", v_index), line)
                used.add(variant_id)
                if variant_id not in library_ids:
                    report.add(
                        template.outline_rel, v_line, f"unknown clause id '{variant_id}' in the variants of '{item.id}'"
                    )
                if variant_id in seen:
                    report.add(template.outline_rel, v_line, f"clause '{variant_id}' appears twice")
                seen.add(variant_id)
                for finding in analyse_expression(variant_when):
                    report.add(template.outline_rel, v_line, f"when: {finding.message}")
    return used


def _check_checklist(template: Template, covered: set[str], report: LintReport) -> None:
    if template.checklist is None:
        return
    for item in template.checklist.items:
        if item.when:
            for finding in analyse_expression(item.when):
                report.add(template.checklist_rel, item.when_line or item.line, f"when: {finding.message}")
        if item.id not in covered:
            report.add(
                template.checklist_rel,
                item.line,
                f"item '{item.id}' is covered by no clause of the library",
                warning=True,
            )


def newest_versions(versions: list[Version]) -> dict[str, Version]:
    """Return the newest version of each clause, by clause id."""
    newest: dict[str, Version] = {}
    for version in versions:
        if version.version.id not in newest or version.version.version > newest[version.version.id].version.version:
            newest[version.version.id] = version
    return newest


@dataclass
class Lint:
    """What the checks of one lint run share: the root, the templates, the versions and what is read from them."""

    root: Path
    templates: list[Template]
    versions: list[Version]
    library_ids: set[str]
    newest: dict[str, Version] = field(default_factory=dict)
    kept: set[int] = field(default_factory=set)  # id() of the older versions kept as released
    checklist_ids: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    known: Any = None
    term_forms: Any = None


@dataclass(frozen=True)
class VersionCheck:
    """A check of one clause version; `on_kept`: it also runs on versions kept as released, as warnings."""

    name: str
    run: Callable[[Version, Lint, LintReport], None]
    on_kept: bool = False


# Every version, released or not.
EVERY_VERSION = (
    VersionCheck("covers", lambda v, lint, r: _check_covers(v, lint.checklist_ids, lint.templates, r)),
    VersionCheck("frozen", lambda v, lint, r: _check_frozen(v, r)),
)
# The versions that can still be edited (the ones marked on_kept also warn on versions kept as released).
EDITABLE_VERSION = (
    VersionCheck("body text", lambda v, lint, r: check_body_text(v, lint.targets, r), on_kept=True),
    VersionCheck("variables", lambda v, lint, r: _check_variables(v, r), on_kept=True),
    VersionCheck("capitals", lambda v, lint, r: check_capitalised(v, lint.known, r)),
    VersionCheck("party words", lambda v, lint, r: check_party_words(v, r)),
)
# House style binds the versions new contracts get; older versions are kept as released.
NEWEST_VERSION = (
    VersionCheck("numbers", lambda v, lint, r: check_numbers(v, r)),
    VersionCheck("term capitals", lambda v, lint, r: check_term_capitals(v, lint.term_forms, r)),
)


def _check_spellings(lint: Lint, report: LintReport) -> None:
    for name, spelling in [(t.name, load_spelling(lint.root / "templates" / t.name)) for t in lint.templates]:
        if spelling is None:
            continue
        for version in lint.versions:
            if id(version) not in lint.kept:
                check_spelling(version, spelling, name, report)
        words = [w.lower() for v in lint.versions for w in WORDS.findall(strip_comments(v.version.body))]
        for problem in table_problems(spelling, words):
            report.add(f"templates/{name}/spelling.yaml", 1, problem)


def _check_outlines(lint: Lint, report: LintReport) -> None:
    used: set[str] = set()
    for t in lint.templates:
        used |= _check_outline(t, lint.library_ids, report)
    covered = {item for v in lint.versions for item in v.version.covers}
    for t in lint.templates:
        _check_checklist(t, covered, report)
    if lint.templates:
        for clause_id, version in sorted(lint.newest.items()):
            if clause_id not in used:
                outlines = ", ".join(t.outline_rel for t in lint.templates)
                report.add(version.rel, 1, f"clause '{clause_id}' is not in {outlines} (unused)", warning=True)


# The checks of the library as a whole, in order, after the checks of each version.
LIBRARY_CHECKS: tuple[tuple[str, Callable[[Lint, LintReport], None]], ...] = (
    ("spelling", _check_spellings),
    ("unused terms", lambda lint, r: check_unused_terms(lint.versions, r)),
    ("reference conditions", lambda lint, r: check_reference_conditions(lint.versions, lint.templates, r)),
    ("vocabulary", lambda lint, r: check_vocabulary(lint.newest, lint.templates, r)),
    ("contract wording", lambda lint, r: check_contract_words(lint.newest, lint.templates, r)),
    ("outlines and checklists", _check_outlines),
    ("law records", lambda lint, r: check_law_records(lint.root, r)),
)


def _prepare(root: Path, template: str | None, report: LintReport) -> Lint:
    """Read the templates and versions, and what the checks compare them with."""
    names = [template] if template else template_names(root)
    if template and not (root / "templates" / template / "outline.yaml").is_file():
        report.add(
            f"templates/{template}",
            None,
            f"unknown document template '{template}' (known: {', '.join(template_names(root)) or 'none'})",
        )
        names = []
    templates = [load_template(root, name, report) for name in names]
    versions = load_versions(root, report)
    library_ids = {v.version.id for v in versions} | (
        {f.clause_id for f in scan_library_folder(root / "clauses") if f.version}
        if (root / "clauses").is_dir()
        else set()
    )
    lint = Lint(root, templates, versions, library_ids)
    lint.checklist_ids = set().union(*(t.checklist.ids() for t in templates if t.checklist is not None))
    schedule_ids = {part.id for t in templates if t.outline for part in t.outline.parts if part.kind == "schedule"}
    anchors = {m.group(1) for v in versions for m in ANCHOR.finditer(strip_comments(v.version.body))}
    lint.targets = library_ids | schedule_ids | anchors
    terms = [party_placeholders(term) for v in versions for term, _ in v.version.defines]
    allow = [word for t in templates for word in t.allow]
    lint.known = term_pattern(terms + list(ROLE_WORDS) + allow, singulars=True)
    lint.term_forms = defined_term_forms(terms)
    lint.newest = newest_versions(versions)
    lint.kept = {id(v) for v in versions if _kept_as_released(v, lint.newest)}
    return lint


def lint_library(root: Path, template: str | None = None) -> LintReport:
    """Check the clause library under root/clauses and the template(s) under root/templates.

    Runs EVERY_VERSION on each version, EDITABLE_VERSION on the versions that can still change (an
    older released version cannot be fixed, only replaced: what would break a deal that pins it
    warns), NEWEST_VERSION on each clause's newest version, then LIBRARY_CHECKS in order.
    """
    root = Path(root)
    report = LintReport()
    lint = _prepare(root, template, report)
    report.clauses = len({v.version.id for v in lint.versions})
    report.versions = len(lint.versions)
    for version in lint.versions:
        for check in EVERY_VERSION:
            check.run(version, lint, report)
        if id(version) in lint.kept:
            found = LintReport()
            for check in EDITABLE_VERSION:
                if check.on_kept:
                    check.run(version, lint, found)
            for m in found.messages:
                report.add(
                    m.path,
                    m.line,
                    f"{m.message} (in v{version.version.version}, kept as released: a deal that pins it)",
                    warning=True,
                )
            continue
        for check in EDITABLE_VERSION:
            check.run(version, lint, report)
    for version in lint.newest.values():
        for check in NEWEST_VERSION:
            check.run(version, lint, report)
    for _name, library_check in LIBRARY_CHECKS:
        library_check(lint, report)
    report.messages.sort(key=lambda m: (m.path, m.line, m.message))
    return report


def check_law_records(root: Path, report: LintReport) -> None:
    """The law records under root/law (a repository's own over the built-in ones): schema, references, age."""
    folder = Path(root) / "law"
    if not folder.is_dir():
        return
    for finding in check_law(library(folder), folder):
        report.add(finding.rel, finding.line, finding.message, warning=finding.warning)


__all__ = ["LintMessage", "LintReport", "lint_library", "Problem"]
