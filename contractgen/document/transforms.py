"""Transforms run once, in order, on the document model: numbering, definitions,
cross-references, contents and consistency checks. ``TRANSFORMS`` is their one ordered list."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Union

from contractgen.errors import DocumentError, Problem
from contractgen.document.model import (
    Clause,
    ContentsEntry,
    CrossRef,
    Definition,
    DefinitionList,
    Document,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Part,
    inline_text,
    iter_blocks,
    iter_inline_runs,
)

# one link of a reference: the number it adds ("12", ".3", "(a)"), the model object numbered so, and
# the anchor to make up for that object if a reference needs one
Link = tuple[str, Union[Clause, Paragraph, ListItem], str]

ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
]


@dataclass
class Target:
    """What a cross-reference to an anchor prints, and where it comes from."""

    text: str
    source: str
    part: str = ""
    local: str = ""  # the shorter text used inside the same schedule: "paragraph 5"
    chain: tuple[Link, ...] = ()  # (number, numbered model object, anchor hint) whose numbers make up the reference
    home: Part | None = None  # the part the target is in (for a schedule: the schedule itself)

    def text_from(self, part_id: str) -> str:
        """Return the reference text as seen from a clause of the part `part_id`."""
        return self.local if self.local and part_id == self.part else self.text

    def segments_from(self, part_id: str, anchors: "_Anchors") -> list[list[str]]:
        """Return the reference as [text, anchor] pieces (see CrossRef.segments) seen from `part_id`."""
        if not self.chain or self.home is None:
            return [[self.text, self.home.anchor if self.home else ""]]
        number = "".join(n for n, _, _ in self.chain)
        out: list[list[str]] = []
        for index, piece in enumerate(
            reference_pieces(self.home, number, local=bool(self.local) and part_id == self.part)
        ):
            if index == 1:  # the number: one piece per numbered paragraph or item it is made of
                out += [[n, anchors.of(holder, hint)] for n, holder, hint in self.chain]
            else:
                out.append([piece, self.home.anchor if index == 3 else ""])
        return out


class _Anchors:
    """Gives a numbered paragraph or list item a cross-reference needs an anchor, if it has none."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def of(self, holder: Clause | Paragraph | ListItem, hint: str) -> str:
        """Return the anchor of a numbered model object, made up from `hint` (unique, stable) when missing."""
        if not holder.anchor:
            base = re.sub(r"[^0-9A-Za-z]+", "-", hint).strip("-")
            anchor, n = base, 1
            while anchor in self.taken:
                n += 1
                anchor = f"{base}-{n}"
            holder.anchor = anchor
            self.taken.add(anchor)
        return holder.anchor


@dataclass
class TermDefinition:
    """A defined term offered by an included clause."""

    term: str
    content: list[Inline]
    source: str


def letter(index: int) -> str:
    """Return the list label for a 0-based index: a … z, aa, bb …"""
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def roman(index: int) -> str:
    """Return the lower-case roman numeral for a 0-based index."""
    return ROMAN[index] if index < len(ROMAN) else str(index + 1)


# ---------------------------------------------------------------- numbering


def number_document(document: Document) -> dict[str, Target]:
    """Number clauses, paragraphs and list items; return every anchor with its reference text."""
    targets: dict[str, Target] = {}
    problems: list[Problem] = []
    schedule_count = 0
    for part in document.parts:
        if part.kind == "schedule":
            schedule_count += 1
            part.number = f"Schedule {schedule_count}"
            part.anchor = part.anchor or part.id
            _add_target(targets, problems, part.anchor, Target(part.number, part.id, home=part))
        for index, clause in enumerate(part.clauses, start=1):
            clause.number = str(index)
            clause.anchor = clause.anchor or clause.id
            _number_clause(part, clause, targets, problems)
    if problems:
        raise DocumentError(problems=problems)
    return targets


def reference_pieces(part: Part, number: str, local: bool = False) -> list[str]:
    """Return the words and numbers of a reference, alternating: ["clause ", "12.3"] or
    ["paragraph ", "5", " of ", "Schedule 2"] (["paragraph ", "5"] from inside that schedule)."""
    if part.kind == "schedule":
        return ["paragraph ", number] if local else ["paragraph ", number, " of ", part.number]
    return ["clause ", number]


def reference_text(part: Part, number: str) -> str:
    """Return how the contract refers to numbered text: "clause 12.3" or "paragraph 5 of Schedule 2"."""
    return "".join(reference_pieces(part, number))


def _target(part: Part, chain: list[Link], source: str) -> Target:
    number = "".join(n for n, _, _ in chain)
    local = "".join(reference_pieces(part, number, local=True)) if part.kind == "schedule" else ""
    return Target(reference_text(part, number), source, part.id, local, tuple(chain), part)


def _add_target(targets: dict[str, Target], problems: list[Problem], anchor: str, target: Target) -> None:
    if anchor in targets:
        problems.append(
            Problem(target.source, None, "", f"the anchor '{anchor}' is also used in {targets[anchor].source}")
        )
    else:
        targets[anchor] = target


def _number_clause(part: Part, clause: Clause, targets: dict[str, Target], problems: list[Problem]) -> None:
    chain: list[Link] = [(clause.number, clause, clause.anchor)]
    _add_target(targets, problems, clause.anchor, _target(part, chain, clause.source))
    paragraphs = [b for b in clause.blocks if isinstance(b, Paragraph)]
    numbered = len(paragraphs) > 1
    count = 0
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            if numbered:
                count += 1
                block.number = f"{clause.number}.{count}"
                chain = [(block.number, block, f"{clause.anchor}-{count}")]
            if block.anchor:
                _add_target(targets, problems, block.anchor, _target(part, chain, clause.source))
        elif isinstance(block, ListBlock):
            _number_list(block, part, chain, targets, problems, clause.source)


def _number_list(
    block: ListBlock,
    part: Part,
    parent: list[Link],
    targets: dict[str, Target],
    problems: list[Problem],
    source: str,
) -> None:
    for index, item in enumerate(block.items):
        if block.ordered:
            item.number = f"({letter(index)})" if block.depth % 2 == 1 else f"({roman(index)})"
        chain = (
            parent + [(item.number, item, parent[-1][2] + "-" + item.number.strip("()"))] if block.ordered else parent
        )
        if item.anchor:
            _add_target(targets, problems, item.anchor, _target(part, chain, source))
        for child in item.blocks:
            if isinstance(child, Paragraph) and child.anchor:
                _add_target(targets, problems, child.anchor, _target(part, chain, source))
            elif isinstance(child, ListBlock):
                _number_list(child, part, chain, targets, problems, source)


# ---------------------------------------------------------------- definitions


def _term_pattern(term: str) -> re.Pattern[str]:
    # The term first, then a look back past it at the character before it: the same matches as a
    # leading (?<![\w-]), but re can jump between occurrences of the literal instead of trying
    # every position of a long text.
    term = re.escape(term)
    return re.compile(term + r"(?<![\w-]" + term + r")(?:s|es)?(?![\w-])")


def _uses(text: str, term: str, terms: Iterable[str]) -> bool:
    """Tell whether text uses term on its own, not only inside a longer term ("Change Request")."""
    if term not in text:
        return False
    for longer in terms:
        if longer != term and term in longer and longer in text:
            text = _term_pattern(longer).sub(" ", text)
    return bool(_term_pattern(term).search(text))


def build_definitions(document: Document, offered: list[TermDefinition]) -> list[str]:
    """Fill the Definitions clause with the offered terms the contract uses; return unused terms."""
    home = next((c for _, c in document.iter_clauses() if c.kind == "definitions-clause"), None)
    by_term: dict[str, TermDefinition] = {}
    problems: list[Problem] = []
    for definition in offered:
        previous = by_term.get(definition.term)
        if previous and inline_text(previous.content) != inline_text(definition.content):
            problems.append(
                Problem(
                    definition.source,
                    None,
                    "defines",
                    f"'{definition.term}' is also defined, differently, in {previous.source}",
                )
            )
        by_term.setdefault(definition.term, definition)
    if problems:
        raise DocumentError(problems=problems)
    body_text = "\n".join(
        [c.title for _, c in document.iter_clauses()]
        + [inline_text(run) for _, c in document.iter_clauses() for run in iter_inline_runs(c.blocks)]
    )
    used = {t for t in by_term if _uses(body_text, t, by_term)}
    # A term used only inside the meaning of a used term is used too.
    changed = True
    while changed:
        changed = False
        meanings = "\n".join(inline_text(by_term[t].content) for t in used)
        for term in by_term:
            if term not in used and _uses(meanings, term, by_term):
                used.add(term)
                changed = True
    if home is not None:
        items = [Definition(t, by_term[t].content, by_term[t].source) for t in sorted(used, key=str.casefold)]
        home.blocks.append(DefinitionList(items))
    return sorted(set(by_term) - used)


# ---------------------------------------------------------------- cross-references


def resolve_cross_references(document: Document, targets: dict[str, Target]) -> None:
    """Fill in the text (and its numbered pieces) of every cross-reference; an unknown target is an
    error naming its clause."""
    problems: list[Problem] = []
    anchors = _Anchors(targets)
    for part, clause in document.iter_clauses():
        for run in iter_inline_runs(clause.blocks):
            _resolve_run(run, targets, clause.source, problems, part.id, anchors)
    if problems:
        raise DocumentError(problems=list(dict.fromkeys(problems)))


def _resolve_run(
    run: list[Inline],
    targets: dict[str, Target],
    source: str,
    problems: list[Problem],
    part_id: str,
    anchors: _Anchors,
) -> None:
    for node in run:
        if isinstance(node, CrossRef):
            target = targets.get(node.target)
            if target is None:
                problems.append(
                    Problem(
                        source,
                        node.line or None,
                        "",
                        f"cross-reference to '#{node.target}' does not resolve: no included clause, paragraph or schedule has that id",
                    )
                )
            else:
                node.text = target.text_from(part_id)
                node.segments = target.segments_from(part_id, anchors)
        elif hasattr(node, "children"):
            _resolve_run(node.children, targets, source, problems, part_id, anchors)


# ---------------------------------------------------------------- contents


def build_contents(document: Document) -> None:
    """List every clause and schedule, with their numbers, for the table of contents."""
    entries: list[ContentsEntry] = []
    for part in document.parts:
        if part.kind == "agreement":
            entries.extend(ContentsEntry(1, c.number, c.title, c.anchor) for c in part.clauses)
        elif part.kind == "signatures":
            entries.append(ContentsEntry(1, "", part.title, part.anchor or part.id))
        else:
            entries.append(ContentsEntry(1, part.number, part.title, part.anchor))
            entries.extend(ContentsEntry(2, c.number, c.title, c.anchor) for c in part.clauses)
    document.contents = entries


def check_document(document: Document) -> None:
    """Refuse a document with empty clauses, which would print as a bare heading."""
    problems = [
        Problem(c.source, None, "", f"clause '{c.id}' rendered no text for this deal")
        for _, c in document.iter_clauses()
        if not c.blocks and c.kind != "definitions-clause"
    ]
    if problems:
        raise DocumentError(problems=problems)


@dataclass
class TransformRun:
    """What one run of the transforms hands from one to the next: the numbered targets and the warnings."""

    document: Document
    offered: list[TermDefinition]
    targets: dict[str, Target] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _numbering(run: TransformRun) -> None:
    run.targets.update(number_document(run.document))


def _definitions(run: TransformRun) -> None:
    run.warnings += [f"defined but never used: {term}" for term in build_definitions(run.document, run.offered)]


def _cross_references(run: TransformRun) -> None:
    resolve_cross_references(run.document, run.targets)


def _contents(run: TransformRun) -> None:
    build_contents(run.document)


def _checks(run: TransformRun) -> None:
    check_document(run.document)


# In order: the cross-references need the numbers; the contents the resolved titles; the checks come last.
TRANSFORMS: tuple[tuple[str, Callable[[TransformRun], None]], ...] = (
    ("numbering", _numbering),
    ("definitions", _definitions),
    ("cross-references", _cross_references),
    ("contents", _contents),
    ("checks", _checks),
)


def apply_transforms(document: Document, offered: list[TermDefinition]) -> list[str]:
    """Run every transform of TRANSFORMS in order; return warnings (e.g. terms defined but unused)."""
    run = TransformRun(document, offered)
    for _name, transform in TRANSFORMS:
        transform(run)
    return run.warnings


__all__ = ["TRANSFORMS", "apply_transforms", "iter_blocks"]
