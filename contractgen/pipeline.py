"""The linear build: load the deal, resolve clauses, render, read, transform, write."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from contractgen import __version__
from contractgen.deal import DealSource, load_deal
from contractgen.deal.derived import dates_before
from contractgen.deal.load import read_deal
from contractgen.deal.readings.finding import prints_as_draft
from contractgen.deal.readings.support_hours import support_hours_warnings
from contractgen.deal.notes import final_warnings
from contractgen.document.notes import document_notes
from contractgen.document.model import Clause, Document, ListBlock, ListItem, Paragraph, Part, PartyBlock
from contractgen.document.reader import read_inline, read_markdown, save_read_texts
from contractgen.document.transforms import TermDefinition, apply_transforms
from contractgen.errors import ContractgenError, DealError, DraftingNote, LibraryError, Problem
from contractgen.law.jurisdictions import law_forum_warning
from contractgen.law.library import LawLibrary, use_law, library as law_library
from contractgen.library.bespoke import RIDER
from contractgen.library.clauses import Library, load_library
from contractgen.library.contract_words import law_word_problems, wording_problems
from contractgen.library.cover import (
    company_by_law,
    party_kind_words,
    load_draft_marking,
    load_execution,
    party_execution,
    member_signers,
    party_details,
)
from contractgen.library.resolve import Outline, ResolvedContract, ResolvedDeal, load_outline
from contractgen.library.resolve import resolve_deal as resolve_in_context
from contractgen.outputs import write_outputs
from contractgen.templating.context import build_context
from contractgen.templating.filters import date as format_date
from contractgen.templating.filters import takes_article
from contractgen.templating.filters import words as format_words
from contractgen.templating.render import condition_evaluator, render_text
from contractgen.templating.spelling import US_LOCALES, load_spelling, respell_source
from contractgen.writers import FORMATS, render_formats
from contractgen.values.countries import in_english


def project_root() -> Path:
    """Return the folder holding the built-in clauses/ and templates/."""
    env = os.environ.get("CONTRACTGEN_ROOT")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent):
        if (candidate / "clauses").is_dir() and (candidate / "templates").is_dir():
            return candidate
    return here.parent


def resolve_deal(source: DealSource, workspace) -> ResolvedDeal:
    """Build the deal's clause context once and resolve which clause versions it takes (nothing rendered)."""
    context = build_context(source.deal)  # the derived figures are computed here, once
    return resolve_in_context(source, workspace, context, condition_evaluator(context))


def is_draft(deal) -> bool:
    """Whether the contract is printed as a draft: never once signed; else as the deal's status or draft flag says."""
    return prints_as_draft(deal)


@dataclass
class Workspace:
    """Where the clause library, the document templates and the law records live; loaded once, reused per deal.

    Making a Workspace puts its law records in force for the process (``contractgen.law.use_law``):
    the deal loader and the clause context read them.
    """

    root: Path = field(default_factory=project_root)
    _library: Library | None = None
    _outlines: dict[str, Outline] = field(default_factory=dict)
    clauses_dir: Path | None = None  # default: root/clauses (a contracts repository may name it otherwise)
    templates_dir: Path | None = None  # default: root/templates
    law_dir: Path | None = None  # default: root/law when there is one; its records over the built-in ones

    def __post_init__(self) -> None:
        use_law(self.law_path)

    @property
    def law_path(self) -> Path | None:
        """Return the folder of the repository's own law records (None: the built-in ones alone)."""
        folder = Path(self.law_dir) if self.law_dir else Path(self.root) / "law"
        return folder if folder.is_dir() else None

    @property
    def law(self) -> LawLibrary:
        """Return the law records this workspace reads."""
        return law_library(self.law_path)

    @property
    def clauses_path(self) -> Path:
        """Return the folder of the clause library."""
        return Path(self.clauses_dir) if self.clauses_dir else self.root / "clauses"

    @property
    def templates_path(self) -> Path:
        """Return the folder holding the document templates."""
        return Path(self.templates_dir) if self.templates_dir else self.root / "templates"

    @property
    def library(self) -> Library:
        """Return the clause library, loading it on first use."""
        if self._library is None:
            self._library = load_library(self.clauses_path)
        return self._library

    def template_dir(self, name: str) -> Path:
        """Return the folder of a document template, refusing unknown names."""
        folder = self.templates_path / name
        if not name or "/" in name or name.startswith(".") or not (folder / "outline.yaml").is_file():
            known = sorted(p.name for p in self.templates_path.iterdir() if (p / "outline.yaml").is_file())
            raise LibraryError(f"unknown document template '{name}' (known: {', '.join(known) or 'none'})")
        return folder

    def outline(self, name: str) -> Outline:
        """Return a template's outline, loading it on first use."""
        if name not in self._outlines:
            self._outlines[name] = load_outline(self.template_dir(name))
        return self._outlines[name]


@dataclass
class BuildResult:
    """A document model with what went into it: the deal source, the clause context and resolution."""

    document: Document
    resolution: ResolvedContract
    warnings: list[str]
    source: DealSource
    context: dict[str, Any] = field(repr=False)

    @property
    def deal_sha256(self) -> str:
        """Return the sha256 of the deal file's bytes (line endings normalised)."""
        return self.source.sha256


def build_document(loaded: DealSource | ResolvedDeal, workspace: Workspace | None = None) -> BuildResult:
    """Turn a loaded (or already resolved) deal into the finished document model; it is resolved once."""
    workspace = workspace or Workspace()
    resolved_deal = loaded if isinstance(loaded, ResolvedDeal) else resolve_deal(loaded, workspace)
    source, context, resolution = resolved_deal.source, resolved_deal.context, resolved_deal.resolution
    deal = source.deal
    library = workspace.library
    offered: list[TermDefinition] = []
    parts: list[Part] = []
    template_dir = workspace.template_dir(deal.template)
    spell = _speller(template_dir, deal.contract.locale)
    for resolved in resolution.parts:
        if not resolved.included:
            continue
        outline_part = resolved.outline
        clauses: list[Clause] = []
        for slot in resolved.printed():
            if slot.rider is not None:
                clauses.append(
                    Clause(
                        slot.id,
                        0,
                        slot.rider.title,
                        _deal_blocks(slot.rider, context, source.file_name),
                        source=f"{source.file_name}: {slot.rider.path}",
                        status="deal",
                        deviation="a rider of this deal (deviates from the library)",
                    )
                )
                continue
            version = slot.version
            assert version is not None  # a printed slot is a rider (above) or a library version
            where = version.path.relative_to(library.root.parent).as_posix()
            whole = next((text for text in slot.overrides if not text.paragraph), None)
            if whole is not None:
                blocks = _deal_blocks(whole, context, source.file_name)
            else:
                body = render_text(spell(version.body), context, where, version.body_line)
                blocks = read_markdown(body, where, version.body, version.body_line)
                for text in slot.overrides:
                    _replace_paragraph(blocks, text.paragraph, _deal_blocks(text, context, source.file_name))
            title = _plain(spell(version.title), context, where)
            clause = Clause(
                slot.id,
                version.version,
                title,
                blocks,
                source=where,
                status=version.status,
                approval=version.approval,
                changes=version.changes,
                deviation=_deviation(slot.overrides),
            )
            if version.generate == "definitions":
                clause.kind = "definitions-clause"
            clauses.append(clause)
            for term, meaning in version.defines:
                rendered = render_text(spell(meaning), context, where, 1)
                if not rendered.strip():
                    continue  # a term that this deal's variant of the clause does not define
                offered.append(
                    TermDefinition(_plain(spell(term), context, where), read_inline(rendered, where, meaning), where)
                )
        parts.append(
            Part(
                outline_part.id,
                outline_part.kind,
                outline_part.title,
                clauses,
                anchor=outline_part.id if outline_part.kind != "agreement" else "",
            )
        )
    draft = is_draft(deal)
    draft_date, legend = load_draft_marking(workspace.template_dir(deal.template)) if draft else ("", "")
    document = Document(
        title=deal.contract.title,
        reference=deal.contract.reference or "",
        date_text=draft_date or format_date(context, deal.contract.effective_date),
        date_iso=deal.contract.effective_date.isoformat(),
        locale=deal.contract.locale,
        draft=draft,
        legend=legend,
        execution=load_execution(workspace.template_dir(deal.template), context["law"].family),
        parties=[
            _party_block("client", deal.parties.client, template_dir, context),
            _party_block("supplier", deal.parties.supplier, template_dir, context),
        ],
        parts=parts,
        template=deal.template,
        provenance={
            "contractgen_version": __version__,
            "template": deal.template,
            "deal_file": source.file_name,
            "deal_sha256": source.sha256,
            "clauses": " ".join(f"{v.id}@{v.version}" for v in resolution.versions()),
        },
    )
    deviations = "; ".join(f"{text.describe()} [{text.path}]" for text in resolution.deal_texts())
    if deviations:  # the deal's own words: what a reader of the file must know does not come from the library
        document.provenance["deviations"] = deviations
    approvals = "; ".join(f"{v.id}@{v.version} {v.approval}" for v in resolution.versions() if v.approval)
    if approvals:
        document.provenance["approvals"] = approvals
    warnings = list(resolution.warnings)
    apply_transforms(document, offered)
    save_read_texts()  # what the next process needs not parse again
    disagreement = None if context["disputes"].arbitration else law_forum_warning(context["law"], context["forum"])
    if disagreement:
        warnings.append(disagreement)
    warnings.extend(context["disputes"].notes)
    warnings.extend(final_warnings(deal))
    warnings.extend(support_hours_warnings(deal))
    public = [p.name for p in (deal.parties.client, deal.parties.supplier) if getattr(p, "public_body", False)]
    warnings.extend(wording_problems(document, template_dir, bool(context["disputes"].arbitration), public))
    warnings.extend(law_word_problems(document, context["law"].must_not_use, context["law"].name))
    if draft:  # every warning too, each on the clause it affects as this document numbers it
        document.notes = document_notes(document, list(source.notes), warnings)
    return BuildResult(document, resolution, warnings, source, context)


def _deal_blocks(text, context: dict, deal_file: str) -> list:
    """Render a rider's or an override's text in the clause sandbox and read it; problems name the deal field."""
    # a rider's words are its `text` field (its title and place are fields of their own); an override is its text
    path = f"{text.path}.text" if text.kind == RIDER else text.path
    try:
        return read_markdown(render_text(text.text, context, deal_file, 1), deal_file, text.text, 1)
    except ContractgenError as exc:
        raise type(exc)(
            problems=[
                Problem(deal_file, None, path, p.message + (f" (line {p.line} of the text)" if p.line else ""))
                for p in exc.problems
            ]
            or [Problem(deal_file, None, path, str(exc))]
        ) from None


def _replace_paragraph(blocks: list, anchor: str, new: list) -> None:
    """Put `new` in place of the paragraph (or list item) of `blocks` that carries {#anchor}; it keeps the anchor."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.anchor == anchor:
            if new and isinstance(new[0], Paragraph):
                new[0].anchor = anchor
            blocks[index : index + 1] = new
            return
        if isinstance(block, ListBlock):
            for item in block.items:
                if isinstance(item, ListItem) and item.anchor == anchor:
                    item.blocks = new
                    return
                _replace_paragraph(item.blocks, anchor, new)


def _deviation(overrides) -> str:
    """How a library clause's printed words depart from the library: "" when the deal overrides nothing in it."""
    if not overrides:
        return ""
    if any(not text.paragraph for text in overrides):
        return "this deal's own text (deviates from the library)"
    anchors = ", ".join(text.paragraph for text in overrides)
    return f"this deal's own text for paragraph {anchors} (deviates from the library)"


def clause_text(resolved_deal: ResolvedDeal, version, workspace: Workspace) -> str:
    """Return one clause version's body rendered with a deal's values, as the build renders it (Markdown)."""
    deal = resolved_deal.source.deal
    spell = _speller(workspace.template_dir(deal.template), deal.contract.locale)
    where = version.path.relative_to(workspace.library.root.parent).as_posix()
    return render_text(spell(version.body), resolved_deal.context, where, version.body_line)


def _speller(template_dir: Path, locale: str):
    """The function that respells clause sources for the contract's locale (US spelling for en_US)."""
    spelling = load_spelling(template_dir) if locale in US_LOCALES else None
    if spelling is None:
        return lambda source: source
    return lambda source: respell_source(source, spelling)


def _plain(text: str, context: dict, where: str) -> str:
    """Render a title or a defined term that names a party ("{{ CLIENT_NAME }} Data") as plain text."""
    if "{" not in text:
        return text
    return _UNESCAPE.sub(r"\1", render_text(text, context, where, 1))


_UNESCAPE = re.compile(r"\\(.)")


def _party_block(role: str, party, template_dir: Path, context: dict) -> PartyBlock:
    """Return the cover and signature page view of a deal party, with the template's cover wording."""
    signatory = getattr(party, "signatory", None)
    article = "the" if takes_article(party.short_name or role.title(), getattr(party, "article", None)) else ""
    kind = getattr(party, "kind", "company")
    view = context["companies"][role]
    members, by_law = [m.name for m in getattr(party, "members", ())], company_by_law(template_dir, view, party)
    block = PartyBlock(
        role=role,
        name=party.name,
        short_name=party.short_name or role.title(),
        article=article,
        address=party.address,
        company_number=by_law[1] if by_law else party.company_number or "",
        incorporated_in=in_english(party.incorporated_in or ""),  # "Deutschland" prints "Germany"
        signatory_name=getattr(signatory, "name", "") or "",
        signatory_title=getattr(signatory, "title", "") or "",
        details=party_details(template_dir, article, "company_by_law" if by_law else kind),
        kind=kind,
        kind_words=by_law[0] if by_law else party_kind_words(template_dir, party, context["kinds"][role]),
        registered_number=getattr(party, "registered_number", None) or "",
        charity_number=getattr(party, "charity_number", None) or "",
        trading_as=getattr(party, "trading_as", None) or "",
        acting_through=getattr(party, "acting_through", None) or "",
        represented_by=getattr(party, "represented_by", None) or "",
        established_under=getattr(party, "established_under", None) or "",
        branch_in=getattr(party, "branch_in", None) or "",
        members=format_words(context, members) if members else "",
        execution=party_execution(template_dir, context["law"].family, party, view),
        capacities=list(view.capacities),
    )
    block.signers = member_signers(party, block, template_dir, context["law"].family)
    return block


def build_deal(deal_path: str | Path, workspace: Workspace | None = None, raw: bytes | None = None) -> BuildResult:
    """The one way from a deal file (or its bytes, named by its path) to its finished document model:
    loaded once (load_deal), resolved once and built (build_document). The CLI, coverage, negotiation
    and the web workers all take it; a repository build resolves first to judge staleness, then builds."""
    return build_document(load_deal(deal_path, raw), workspace)


def render_deal(
    deal_path: Path,
    out_dir: Path,
    formats: tuple[str, ...] = FORMATS,
    workspace: Workspace | None = None,
    strict: bool = False,
    today: date | None = None,
) -> tuple[list[Path], list[str | DraftingNote]]:
    """Render one deal file into out_dir (read once, built once); return the written paths and the warnings.

    The warnings are texts, and the deal's open drafting notes (DraftingNote, located).
    With strict, warnings (e.g. a deprecated clause) and open notes are errors and nothing is written.
    With today, the deal's dates already past on it are warnings too: said, never written into the outputs
    (which do not depend on the clock) and never an error under strict (a deal does not go bad with time).
    """
    workspace = workspace or Workspace()
    result = build_deal(deal_path, workspace)
    if strict and (result.warnings or result.source.open_notes):
        raise ContractgenError(problems=strict_problems(result, deal_path))
    template_dir = workspace.template_dir(result.source.deal.template)
    payloads = render_formats(result.document, template_dir, formats)
    past = [f"{field}: {message}" for field, message in dates_before(result.source.deal, today)] if today else []
    written = write_outputs(out_dir, Path(deal_path).stem, payloads)
    return written, [*result.warnings, *result.source.open_notes, *past]


def strict_problems(result: BuildResult, deal_path: Path | str) -> list[Problem]:
    """Return the warnings and open drafting notes of a build as the problems --strict makes of them."""
    problems = [Problem(str(deal_path), None, "", f"warning treated as error (--strict): {w}") for w in result.warnings]
    problems += [
        Problem(n.file, n.line, n.path, f"drafting note treated as error (--strict): {n.message}")
        for n in result.source.open_notes
    ]
    return problems


@dataclass
class DealReport:
    """Everything `validate` finds in one deal, in one report: problems of every stage, drafting notes, warnings."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    notes: list = field(default_factory=list)  # DraftingNote
    warnings: list[str] = field(default_factory=list)
    clauses: int = 0

    @property
    def ok(self) -> bool:
        """Whether the deal passed (no problem; with --strict the open notes and warnings are problems)."""
        return not self.problems

    @property
    def open_notes(self) -> list:
        """Return the drafting notes the deal does not acknowledge."""
        return [note for note in self.notes if not note.acknowledged]

    def to_json(self) -> dict[str, Any]:
        """Return the report as a JSON-ready mapping."""
        return {
            "file": self.file,
            "ok": self.ok,
            "clauses": self.clauses,
            "problems": [
                {"file": p.file, "line": p.line, "field": p.path, "message": p.message} for p in self.problems
            ],
            "notes": [note.to_json() for note in self.notes],
            "warnings": list(self.warnings),
        }


def check_deal(deal_path: Path, workspace: Workspace | None = None, strict: bool = False) -> DealReport:
    """Check a deal through every stage and report every problem at once.

    Field errors and broken rules come from loading; when every field is valid the clauses are
    resolved and rendered even with a broken rule, so clause-library errors join the same report.
    """
    workspace = workspace or Workspace()
    name = str(deal_path)
    report = DealReport(name)
    try:
        source, problems = read_deal(deal_path)
    except ContractgenError as exc:
        report.problems = list(exc.problems) or [Problem(name, None, "", line) for line in exc.lines()]
        return report
    report.problems = list(problems)
    if source is None:
        return report
    report.notes = list(source.notes)
    try:
        result = build_document(source, workspace)
    except ContractgenError as exc:
        report.problems += list(exc.problems) or [Problem(name, None, "", line) for line in exc.lines()]
        return report
    except Exception:
        if report.problems:
            return report  # a broken rule the clauses could not render past: the rule is the report
        raise
    report.warnings = list(result.warnings)
    report.clauses = len(result.resolution.versions())
    if strict and not report.problems:
        report.problems = strict_problems(result, deal_path)
    return report


__all__ = [
    "BuildResult",
    "DealError",
    "DealReport",
    "check_deal",
    "DealSource",
    "Problem",
    "ResolvedDeal",
    "Workspace",
    "build_deal",
    "build_document",
    "load_deal",
    "render_deal",
    "resolve_deal",
]
