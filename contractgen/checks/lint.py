"""`contractgen lint`: check the whole clause library, a template's outline and checklist, and the law records.

Every problem is a `path:line: message` line (paths relative to the root folder). Warnings
(an unused clause, a checklist item no clause covers) are prefixed `warning:` and do not fail.
Reading the library is lint_sources.py; the checks on clause wording are wording.py.
"""

from __future__ import annotations

from pathlib import Path

from contractgen.checks.references import check_reference_conditions
from contractgen.checks.vocabulary import check_vocabulary
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
from contractgen.checks.style import check_numbers, check_term_capitals, defined_term_forms
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


def lint_library(root: Path, template: str | None = None) -> LintReport:
    """Check the clause library under root/clauses and the template(s) under root/templates."""
    root = Path(root)
    report = LintReport()
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
    report.clauses = len({v.version.id for v in versions})
    report.versions = len(versions)

    checklist_ids = set().union(*(t.checklist.ids() for t in templates if t.checklist is not None))
    schedule_ids = {part.id for t in templates if t.outline for part in t.outline.parts if part.kind == "schedule"}
    anchors = {m.group(1) for v in versions for m in ANCHOR.finditer(strip_comments(v.version.body))}
    targets = library_ids | schedule_ids | anchors

    terms = [party_placeholders(term) for v in versions for term, _ in v.version.defines]
    allow = [word for t in templates for word in t.allow]
    known = term_pattern(terms + list(ROLE_WORDS) + allow, singulars=True)
    term_forms = defined_term_forms(terms)

    newest = newest_versions(versions)
    kept = {id(v) for v in versions if _kept_as_released(v, newest)}
    for version in versions:
        _check_covers(version, checklist_ids, templates, report)
        _check_frozen(version, report)
        if id(version) in kept:
            # An older released version cannot be fixed, only replaced: what would break a deal that pins it warns.
            found = LintReport()
            check_body_text(version, targets, found)
            _check_variables(version, found)
            for m in found.messages:
                report.add(
                    m.path,
                    m.line,
                    f"{m.message} (in v{version.version.version}, kept as released: a deal that pins it)",
                    warning=True,
                )
            continue
        check_body_text(version, targets, report)
        _check_variables(version, report)
        check_capitalised(version, known, report)
        check_party_words(version, report)
    for version in newest.values():
        # House style binds the versions new contracts get; older versions are kept as released.
        check_numbers(version, report)
        check_term_capitals(version, term_forms, report)
    spellings = [(t.name, load_spelling(root / "templates" / t.name)) for t in templates]
    for name, spelling in spellings:
        if spelling is not None:
            for version in versions:
                if id(version) not in kept:
                    check_spelling(version, spelling, name, report)
            words = [w.lower() for v in versions for w in WORDS.findall(strip_comments(v.version.body))]
            for problem in table_problems(spelling, words):
                report.add(f"templates/{name}/spelling.yaml", 1, problem)
    check_unused_terms(versions, report)
    check_reference_conditions(versions, templates, report)
    check_vocabulary(newest, templates, report)

    used: set[str] = set()
    for t in templates:
        used |= _check_outline(t, library_ids, report)
    covered = {item for v in versions for item in v.version.covers}
    for t in templates:
        _check_checklist(t, covered, report)
    if templates:
        for clause_id, version in sorted(newest.items()):
            if clause_id not in used:
                outlines = ", ".join(t.outline_rel for t in templates)
                report.add(version.rel, 1, f"clause '{clause_id}' is not in {outlines} (unused)", warning=True)
    check_law_records(root, report)
    report.messages.sort(key=lambda m: (m.path, m.line, m.message))
    return report


def check_law_records(root: Path, report: LintReport) -> None:
    """The law records under root/law (a repository's own over the built-in ones): schema, references, age."""
    from contractgen.law.checks import check_law
    from contractgen.law.library import library

    folder = Path(root) / "law"
    if not folder.is_dir():
        return
    for finding in check_law(library(folder), folder):
        report.add(finding.rel, finding.line, finding.message, warning=finding.warning)


__all__ = ["LintMessage", "LintReport", "lint_library", "Problem"]
