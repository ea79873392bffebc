"""Wording a contract must not print given what the deal chose (templates/<t>/lint.yaml, ``contract_words``),
found by lint before any deal is built: choice-of-court wording in a clause that can print when disputes go
to arbitration, and company wording in how the cover describes a public body.

The build checks each rendered contract for the same phrases (library/contract_words.py); lint reads the
library itself, so a new clause version or cover line that would print them is caught when it is written.
Only the deal's choice is decided (``disputes.arbitration`` is set); every other condition, the law's
included, may go either way, so text any arbitration contract could print counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contractgen.checks.lint_sources import LintReport, Template, Version
from contractgen.checks.vocabulary import condition, printable_text, reachable
from contractgen.deal.parties import PUBLIC_BODIES
from contractgen.errors import ContractgenError
from contractgen.library.contract_words import load_contract_words
from contractgen.library.cover import COVER_FILE, kind_words, load_party_wording
from contractgen.templating.sandbox import clause_environment, condition_environment

ARBITRATION: dict[str, Any] = {"disputes.arbitration": True}


def check_contract_words(newest: dict[str, Version], templates: list[Template], report: LintReport) -> None:
    """Report court wording an arbitration contract can print and company wording in a public body's description."""
    env, cond_env = clause_environment(), condition_environment()
    for template in templates:
        if template.outline is None:
            continue
        folder = Path(template.outline.path).parent
        try:
            rules = load_contract_words(folder)
        except ContractgenError:
            continue  # an unreadable lint.yaml is reported by the template checks
        phrases = rules.get("arbitration", ())
        for clause_id in reachable([template], ARBITRATION, cond_env) if phrases else ():
            version = newest.get(clause_id)
            if version is None or condition(cond_env, version.version.when, ARBITRATION) is False:
                continue
            for lineno, text in printable_text(env, version.version.body, ARBITRATION):
                for phrase in phrases:
                    at = text.casefold().find(phrase.casefold())
                    if at >= 0:
                        line = version.version.body_line + lineno - 1 + text.count("\n", 0, at)
                        report.add(
                            version.rel,
                            line,
                            f"says {phrase!r} where disputes go to arbitration (choice-of-court wording): "
                            "put it in a branch for court disputes ({% if not disputes.arbitration %})",
                        )
        _check_public_body_lines(template, rules.get("public_body", ()), report)


def _check_public_body_lines(template: Template, phrases: tuple[str, ...], report: LintReport) -> None:
    """Company wording in how the cover describes a public party kind (templates/<t>/cover.yaml)."""
    folder = Path(template.outline.path).parent
    if not phrases or not (folder / COVER_FILE).is_file():
        return
    rel = f"templates/{template.name}/{COVER_FILE}"
    for kind in sorted(PUBLIC_BODIES):
        try:
            lines = load_party_wording(folder, kind)
            words = " ".join([kind_words(folder, kind), *(f"{line.before} {line.after}" for line in lines)]).casefold()
        except ContractgenError:
            return  # the cover's own loader reports a broken file when a deal is built
        for phrase in phrases:
            if phrase.casefold() in words:
                report.add(
                    rel,
                    _kind_line(folder / COVER_FILE, kind),
                    f"the public body kind '{kind}' is described with {phrase!r} (company wording)",
                )


def _kind_line(cover: Path, kind: str) -> int:
    """The line of a kind's entry in cover.yaml (1 when it has none: it takes the `party` lines)."""
    rows = cover.read_text(encoding="utf-8").splitlines()
    return next((n for n, row in enumerate(rows, 1) if row.strip() == f"{kind}:"), 1)
