"""Redlines: compare two document models and return one model of the new contract with the
differences from the old one marked (Ins/Del inlines, `change`, `marks`; see contractgen.document.model).

Parts and clauses are matched by their stable ids and contents entries by anchor, so renumbering
never turns the whole contract red; blocks inside a clause, list items and table rows are aligned
by their text; inside a matched paragraph, heading, table cell or definition the difference is
word by word. Changed numbers and cross-reference texts are tracked like any other text.
The writers (writers/docx/redline.py, writers/pdf/redline.py) only print these marks.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from contractgen.document.model import (
    Block,
    Clause,
    ContentsEntry,
    Definition,
    DefinitionList,
    Del,
    Document,
    Emph,
    Heading,
    Ins,
    ListBlock,
    ListItem,
    Paragraph,
    Part,
    PartyBlock,
    Strong,
    Table,
    Text,
    inline_text,
)
from contractgen.document.transforms import reference_text
from contractgen.redline.worddiff import diff_inlines, mark_text

INSERTED, DELETED, CHANGED = "inserted", "deleted", "changed"
DEVIATES = "deviates"  # a summary entry for a clause in the deal's own words that this redline does not change
PARTY_FIELDS = (
    "name",
    "short_name",
    "address",
    "company_number",
    "incorporated_in",
    "signatory_name",
    "signatory_title",
)
PAIR_THRESHOLD = 0.5  # least similarity for two blocks, items or rows to count as one changed thing


@dataclass
class SummaryEntry:
    """One line of the "Summary of changes": a clause or schedule added, removed or changed."""

    change: str  # "inserted" | "deleted" | "changed" | "renumbered"
    label: str  # "Clause 14" or "Paragraph 3 of Schedule 2" (old numbers for removed ones)
    title: str
    anchor: str = ""  # where the entry points in the redline ("" for removed ones)
    approval: str = ""  # who approved the clause version now in the contract, and when
    changes: str = ""  # for a clause now at another version: "v2 → v3: " and that version's `changes:` note
    deviation: str = ""  # the deal's own words in this clause: "a rider of this deal (deviates from the library)"


@dataclass
class Redline:
    """The marked-up document model and the summary of what changed."""

    document: Document
    summary: list[SummaryEntry] = field(default_factory=list)
    old_title: str = ""
    old_reference: str = ""
    old_date_text: str = ""
    old_source: str = ""
    new_source: str = ""
    author: str = ""  # who the tracked changes are by (authorship.redline_author); "" for "contractgen"
    date: str = ""  # when they were made, "2026-12-04T18:30:00Z" (authorship.redline_date); "" for the deal's date


# ---------------------------------------------------------------- whole things inserted or deleted


def _wrap(inlines: list, change: str) -> list:
    if not inlines:
        return []
    return [Ins(inlines) if change == INSERTED else Del(inlines)]


def _mark_fields(obj, change: str, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(obj, name)
        if value:
            obj.marks[name] = _wrap([Text(value)], change)


def _mark_changed_fields(old, new, names: tuple[str, ...]) -> None:
    """Record in new.marks the word-level changes of each named text field."""
    for name in names:
        marked = mark_text(getattr(old, name), getattr(new, name))
        if marked:
            new.marks[name] = marked


def _diff_records(old_items: list, new_items: list, key, names: tuple[str, ...]) -> list:
    """Align two lists of flat records by key; mark removed, added and changed ones."""

    def pair(o, n):
        _mark_changed_fields(o, n, names)
        return n

    return align_and_mark(old_items, new_items, key, pair)


def mark_all(obj, change: str):
    """Mark a whole block, item, clause, part, entry or party as inserted or deleted (in place)."""
    if isinstance(obj, Paragraph):
        obj.content = _wrap(obj.content, change)
        _mark_fields(obj, change, ("number",))
    elif isinstance(obj, Heading):
        obj.content = _wrap(obj.content, change)
    elif isinstance(obj, ListBlock):
        for item in obj.items:
            mark_all(item, change)
    elif isinstance(obj, ListItem):
        _mark_fields(obj, change, ("number",))
        for block in obj.blocks:
            mark_all(block, change)
    elif isinstance(obj, Table):
        obj.header = [_wrap(cell, change) for cell in obj.header]
        obj.rows = [[_wrap(cell, change) for cell in row] for row in obj.rows]
        obj.row_changes = [change] * len(obj.rows)
    elif isinstance(obj, DefinitionList):
        for definition in obj.items:
            mark_all(definition, change)
    elif isinstance(obj, Definition):
        obj.content = _wrap(obj.content, change)
    elif isinstance(obj, Clause):
        _mark_fields(obj, change, ("number", "title"))
        for block in obj.blocks:
            mark_all(block, change)
    elif isinstance(obj, Part):
        _mark_fields(obj, change, ("number", "title"))
        for clause in obj.clauses:
            mark_all(clause, change)
    elif isinstance(obj, ContentsEntry):
        _mark_fields(obj, change, ("number", "title"))
    elif isinstance(obj, PartyBlock):
        _mark_fields(obj, change, PARTY_FIELDS)
    obj.change = change
    return obj


# ---------------------------------------------------------------- alignment


def _words_ratio(a: str, b: str) -> float:
    wa, wb = a.split(), b.split()
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def align(olds: list, news: list, key, similarity) -> list[tuple]:
    """Pair two sequences in order: equal keys first, then the most similar in each gap.

    Returns (old, new) pairs in reading order of the new sequence; an unmatched item has None
    on the other side (deletions come before the insertions of the same gap).
    """
    matcher = SequenceMatcher(None, [key(x) for x in olds], [key(x) for x in news], autojunk=False)
    out: list[tuple] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(zip(olds[i1:i2], news[j1:j2]))
        else:
            out.extend(_pair_gap(olds[i1:i2], news[j1:j2], similarity))
    return out


def _no_similarity(old, new) -> float:
    """Pair only items with equal keys (ids, roles, anchors)."""
    return 0.0


def align_and_mark(olds: list, news: list, key, pair, similarity=_no_similarity, mark=None) -> list:
    """Align two sequences (see `align`) and merge them in reading order of the new one.

    A removed item comes back as `mark(old, DELETED)`, an added one as `mark(new, INSERTED)`
    (default: mark_all), and each aligned pair as `pair(old, new)`, the merged, marked item.
    """
    mark = mark or mark_all
    out = []
    for old, new in align(olds, news, key, similarity):
        if new is None:
            out.append(mark(old, DELETED))
        elif old is None:
            out.append(mark(new, INSERTED))
        else:
            out.append(pair(old, new))
    return out


def _pair_gap(olds: list, news: list, similarity) -> list[tuple]:
    """Order-preserving pairing of two short runs maximising total similarity (simple DP)."""
    n, m = len(olds), len(news)
    if not n or not m:
        return [(o, None) for o in olds] + [(None, x) for x in news]
    sim = [[similarity(o, x) for x in news] for o in olds]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= PAIR_THRESHOLD else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    out: list[tuple] = []
    i = j = 0
    pending_new: list = []
    while i < n and j < m:
        if sim[i][j] >= PAIR_THRESHOLD and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out.extend((None, x) for x in pending_new)
            pending_new = []
            out.append((olds[i], news[j]))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            out.append((olds[i], None))
            i += 1
        else:
            pending_new.append(news[j])
            j += 1
    out.extend((o, None) for o in olds[i:])
    out.extend((None, x) for x in pending_new + news[j:])
    return out


def _block_text(block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return inline_text(block.content)
    if isinstance(block, ListBlock):
        return "\n".join(_block_text(b) for item in block.items for b in item.blocks)
    if isinstance(block, Table):
        return "\n".join(" | ".join(inline_text(c) for c in row) for row in [block.header, *block.rows])
    if isinstance(block, DefinitionList):
        return "\n".join(d.term for d in block.items)
    return ""


def _block_key(block) -> str:
    return f"{block.kind}\x00{_block_text(block)}"


def _block_similarity(old, new) -> float:
    if old.kind != new.kind:
        return 0.0
    if isinstance(old, ListBlock):
        if old.ordered != new.ordered or old.depth != new.depth:
            return 0.0
        return 0.5 + 0.5 * _words_ratio(_block_text(old), _block_text(new))
    if isinstance(old, Table):
        if len(old.header) != len(new.header):
            return 0.0
        heads = _words_ratio(" ".join(inline_text(c) for c in old.header), " ".join(inline_text(c) for c in new.header))
        return 0.5 + 0.5 * heads if heads >= 0.5 else heads
    if isinstance(old, DefinitionList):
        return 1.0
    if isinstance(old, Heading) and old.level != new.level:
        return 0.0
    return _words_ratio(_block_text(old), _block_text(new))


def _row_text(row: list) -> str:
    return " | ".join(inline_text(c) for c in row)


def _row_similarity(old: list, new: list) -> float:
    ratio = _words_ratio(_row_text(old), _row_text(new))
    if old and new and inline_text(old[0]).strip() == inline_text(new[0]).strip():
        return 0.6 + 0.4 * ratio
    return ratio


# ---------------------------------------------------------------- blocks


def diff_blocks(olds: list[Block], news: list[Block]) -> list[Block]:
    """Return the merged, marked blocks of a clause (or list item)."""
    out: list[Block] = []
    for merged in align_and_mark(olds, news, _block_key, _diff_block, _block_similarity):
        out.extend(merged if isinstance(merged, list) else [merged])
    return out


def _diff_number(old, new) -> None:
    marked = mark_text(old.number, new.number)
    if marked:
        new.marks["number"] = marked


def _diff_block(old, new) -> list[Block]:
    if isinstance(new, Paragraph):
        new.content, changed = diff_inlines(old.content, new.content)
        _diff_number(old, new)
        new.change = CHANGED if changed or new.marks else ""
    elif isinstance(new, Heading):
        new.content, changed = diff_inlines(old.content, new.content)
        new.change = CHANGED if changed else ""
    elif isinstance(new, ListBlock):
        key = lambda it: "\n".join(_block_text(b) for b in it.blocks)  # noqa: E731
        new.items = align_and_mark(old.items, new.items, key, _diff_item, lambda a, b: _words_ratio(key(a), key(b)))
        new.change = CHANGED if has_changes(new.items) else ""
    elif isinstance(new, Table):
        return _diff_table(old, new)
    elif isinstance(new, DefinitionList):
        new.items = align_and_mark(old.items, new.items, lambda d: d.term, _diff_definition)
    return [new]


def _diff_item(old: ListItem, new: ListItem) -> ListItem:
    _diff_number(old, new)
    new.blocks = diff_blocks(old.blocks, new.blocks)
    new.change = CHANGED if new.marks or has_changes(new.blocks) else ""
    return new


def _diff_definition(old: Definition, new: Definition) -> Definition:
    new.content, changed = diff_inlines(old.content, new.content)
    new.change = CHANGED if changed else ""
    return new


def _diff_table(old: Table, new: Table) -> list[Block]:
    if len(old.header) != len(new.header):
        return [mark_all(old, DELETED), mark_all(new, INSERTED)]
    new.header = [diff_inlines(o, n)[0] for o, n in zip(old.header, new.header)]
    merged = align_and_mark(
        old.rows,
        new.rows,
        _row_text,
        _diff_row,
        _row_similarity,
        mark=lambda row, change: ([_wrap(cell, change) for cell in row], change),
    )
    new.rows = [row for row, _ in merged]
    new.row_changes = [change for _, change in merged]
    changes = new.row_changes
    new.change = CHANGED if any(changes) or has_changes(new.header) else ""
    return [new]


def _diff_row(old: list, new: list) -> tuple[list, str]:
    """Return a table row's merged cells and its change ("changed" or "")."""
    width = max(len(old), len(new))
    cells = [diff_inlines(a, b) for a, b in zip(old + [[]] * (width - len(old)), new + [[]] * (width - len(new)))]
    return [cell for cell, _ in cells], CHANGED if any(changed for _, changed in cells) else ""


# ---------------------------------------------------------------- clauses, parts, the document


def has_changes(obj) -> bool:
    """Return True if a (part of a) redline model carries any change mark."""
    if isinstance(obj, (Ins, Del)):
        return True
    if isinstance(obj, list):
        return any(has_changes(x) for x in obj)
    if getattr(obj, "change", "") or getattr(obj, "marks", None):
        return True
    if isinstance(obj, Document):
        return any(has_changes(x) for x in (obj.parts, obj.contents, obj.parties))
    if isinstance(obj, Part):
        return has_changes(obj.clauses)
    if isinstance(obj, Clause):
        return has_changes(obj.blocks)
    if isinstance(obj, (Paragraph, Heading, Definition)):
        return has_changes(obj.content)
    if isinstance(obj, (Strong, Emph)):
        return has_changes(obj.children)
    if isinstance(obj, ListBlock):
        return has_changes(obj.items)
    if isinstance(obj, ListItem):
        return has_changes(obj.blocks)
    if isinstance(obj, Table):
        return any(obj.row_changes) or has_changes(obj.header) or any(has_changes(r) for r in obj.rows)
    if isinstance(obj, DefinitionList):
        return has_changes(obj.items)
    return False


def _diff_clause(old: Clause, new: Clause) -> Clause:
    _mark_changed_fields(old, new, ("number", "title"))
    new.blocks = diff_blocks(old.blocks, new.blocks)
    return new


def _diff_part(old: Part, new: Part) -> Part:
    _mark_changed_fields(old, new, ("number", "title"))
    new.clauses = align_and_mark(old.clauses, new.clauses, lambda c: c.id, _diff_clause)
    return new


def diff_documents(old: Document, new: Document) -> Redline:
    """Compare two finished document models; return the marked-up new one and a summary."""
    old, new = copy.deepcopy(old), copy.deepcopy(new)
    redline = Redline(
        new,
        old_title=old.title,
        old_reference=old.reference,
        old_date_text=old.date_text,
        old_source=str(old.provenance.get("deal_file", "")),
        new_source=str(new.provenance.get("deal_file", "")),
    )
    _mark_changed_fields(old, new, ("title", "reference", "date_text"))
    new.parties = _diff_records(old.parties, new.parties, lambda p: p.role, PARTY_FIELDS)
    new.contents = _diff_records(old.contents, new.contents, lambda e: e.anchor, ("number", "title"))
    new.parts = align_and_mark(old.parts, new.parts, lambda p: p.id, _diff_part)
    versions = {clause.id: clause.version for part in old.parts for clause in part.clauses}
    redline.summary = summarise(new, versions)
    return redline


def _label(part: Part, clause: Clause | None) -> str:
    """Return how the summary names a part or clause: as the contract refers to it ("Paragraph 3 of Schedule 2")."""
    if clause is None:
        return part.number or part.title
    if not clause.number:
        return part.number if part.kind == "schedule" else clause.title
    text = reference_text(part, clause.number)
    return text[:1].upper() + text[1:]


def _version_note(clause: Clause, old_versions: dict[str, int]) -> str:
    """ "v2 → v3: what v3 changed" when the clause is at another library version than before, else ""."""
    was = old_versions.get(clause.id)
    if was is None or was == clause.version:
        return ""
    return f"v{was} → v{clause.version}" + (f": {clause.changes}" if clause.changes else "")


def summarise(document: Document, old_versions: dict[str, int] | None = None) -> list[SummaryEntry]:
    """List the schedules and clauses a redline model adds, removes, changes or only renumbers.

    `old_versions`: each clause's library version in the old contract, so a changed clause names
    its new version's `changes:` note and approval.
    """
    old_versions = old_versions or {}
    out: list[SummaryEntry] = []
    for part in document.parts:
        if part.change:
            out.append(
                SummaryEntry(
                    part.change, _label(part, None), part.title, part.anchor if part.change == INSERTED else ""
                )
            )
            continue
        if "title" in part.marks or "number" in part.marks:
            out.append(SummaryEntry(CHANGED, _label(part, None), part.title, part.anchor))
        for clause in part.clauses:
            listed = len(out)
            if clause.change:
                out.append(
                    SummaryEntry(
                        clause.change,
                        _label(part, clause),
                        clause.title,
                        clause.anchor if clause.change == INSERTED else "",
                        clause.approval if clause.change == INSERTED else "",
                    )
                )
            elif "title" in clause.marks or has_changes(clause.blocks):
                note = _version_note(clause, old_versions)
                out.append(
                    SummaryEntry(CHANGED, _label(part, clause), clause.title, clause.anchor, clause.approval, note)
                )
            elif "number" in clause.marks:
                was = (
                    inline_text([n for n in clause.marks["number"] if isinstance(n, Del)][0].children)
                    if any(isinstance(n, Del) for n in clause.marks["number"])
                    else ""
                )
                out.append(
                    SummaryEntry(
                        "renumbered",
                        _label(part, clause),
                        clause.title + (f" (was {was})" if was else ""),
                        clause.anchor,
                    )
                )
            if clause.deviation and clause.change != DELETED:
                if len(out) > listed:
                    out[-1].deviation = clause.deviation
                else:
                    out.append(
                        SummaryEntry(
                            DEVIATES, _label(part, clause), clause.title, clause.anchor, deviation=clause.deviation
                        )
                    )
    return out
