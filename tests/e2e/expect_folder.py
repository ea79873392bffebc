"""A folder of practitioner deals with their expectations beside them (expect.yaml): each deal built once, its DOCX
and PDF text checked for what it must say (contains) and must never say (absent), its build for the notes it gives
(warnings)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_disputes_render import without_running_footer
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def rendered_text(path: Path, fmt: str) -> str:
    """One deal's contract in one format ("docx" or "pdf"), whitespace collapsed, built once."""
    result = build_document(load_deal(path), WORKSPACE)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), fmt)
    return " ".join((docx_text(data) if fmt == "docx" else pdf_text(data)).split())


class ExpectFolder:
    """The deals of tests/fixtures/deals/<name> and what each must and must not say."""

    def __init__(self, name: str) -> None:
        self.folder: Path = FIXTURES / "deals" / name
        self.expect: dict[str, Any] = yaml.safe_load((self.folder / "expect.yaml").read_text(encoding="utf-8"))
        self.rendered = lru_cache(maxsize=None)(self._render)

    @property
    def names(self) -> list[str]:
        """The deals with expectations, in order."""
        return sorted(self.expect)

    def _render(self, name: str) -> tuple[str, str, tuple[str, ...]]:
        """(DOCX text, PDF text, warnings and notes) of one deal."""
        result = build_document(load_deal(self.folder / f"{name}.yaml"), WORKSPACE)
        template = WORKSPACE.template_dir(result.source.deal.template)
        docx = " ".join(docx_text(writers.render(result.document, template, "docx")).split())
        pdf = without_running_footer(pdf_text(writers.render(result.document, template, "pdf")), result)
        return docx, pdf, tuple(result.warnings)

    def check_listed(self) -> None:
        """Every deal in the folder has expectations, and every expectation a deal."""
        assert sorted(p.stem for p in self.folder.glob("*.yaml") if p.stem != "expect") == self.names

    def check_wording(self, name: str, fmt: str) -> None:
        """The deal's DOCX or PDF text says each `contains` phrase and none of the `absent` ones."""
        docx, pdf, _ = self.rendered(name)
        text = docx if fmt == "docx" else pdf
        for phrase in self.expect[name].get("contains", []):
            assert " ".join(phrase.split()) in text, f"{name}.{fmt}: missing {phrase!r}"
        for phrase in self.expect[name].get("absent", []):
            assert phrase.casefold() not in text.casefold(), f"{name}.{fmt}: must not say {phrase!r}"

    def check_drafting_notes(self, name: str) -> None:
        """The deal validates (nothing refused) and gives each drafting note its `notes` list names."""
        from contractgen.deal import load_deal

        notes = load_deal(self.folder / f"{name}.yaml").notes  # DealError for a refusal
        said = " ".join(f"{n.unrecognised}; {n.drafted}; {n.check}" for n in notes)
        for phrase in self.expect[name].get("notes", []):
            assert phrase in said, f"{name}: no drafting note saying {phrase!r}"

    def check_notes(self, name: str) -> None:
        """The build gives each note the deal's `warnings` list."""
        warnings = self.rendered(name)[2]
        joined = " ".join(warnings)
        for phrase in self.expect[name].get("warnings", []):
            assert phrase in joined, f"{name}: no note saying {phrase!r} in {warnings}"
