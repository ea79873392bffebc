"""Wording a finished contract must not contain, given what the deal chose: no choice-of-court wording in
an arbitration contract, no company wording for a public body (templates/<t>/lint.yaml, contract_words)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from contractgen.document.model import Document, inline_text, iter_inline_runs
from contractgen.errors import LibraryError
from contractgen.yamlload import safe_load


@functools.lru_cache(maxsize=16)
def load_contract_words(template_dir: Path) -> dict[str, tuple[str, ...]]:
    """Return {situation: phrases} from the template's lint.yaml (none when it has no contract_words)."""
    path = Path(template_dir) / "lint.yaml"
    try:
        data = safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LibraryError(f"templates/{Path(template_dir).name}/lint.yaml: cannot be read: {exc}") from None
    words = (data or {}).get("contract_words") or {}
    return {str(k): tuple(str(p) for p in v or ()) for k, v in words.items()}


def wording_problems(document: Document, template_dir: Path, arbitration: bool, public_bodies: list[str]) -> list[str]:
    """Warnings for each forbidden phrase the contract prints, naming the clause that prints it."""
    rules = load_contract_words(Path(template_dir))
    found: list[str] = []
    for part, clause in document.iter_clauses():
        text = " ".join(inline_text(run) for run in iter_inline_runs(clause.blocks)).casefold()
        if arbitration:
            found += [
                f"{clause.source}: says {p!r}, choice-of-court wording in a contract whose disputes go to arbitration"
                for p in rules.get("arbitration", ())
                if p.casefold() in text
            ]
        if public_bodies and clause.id in ("parties",):
            found += [
                f"{clause.source}: says {p!r}, company wording, although {', '.join(public_bodies)} "
                f"{'is a public body' if len(public_bodies) == 1 else 'are public bodies'}"
                for p in rules.get("public_body", ())
                if p.casefold() in _public_text(text, public_bodies)
            ]
    return found


def _public_text(text: str, names: list[str]) -> str:
    """The part of the parties clause that describes the public bodies (each name up to the next '; ' or end)."""
    pieces = []
    for name in names:
        start = text.find(name.casefold())
        if start >= 0:
            end = text.find("referred to in this agreement as", start)
            pieces.append(text[start : end if end > 0 else None])
    return " ".join(pieces)


def law_word_problems(document: Document, words: tuple[str, ...], law_name: str) -> list[str]:
    """Warnings for each word the governing law forbids (its family's and its record's ``must_not_use``) that a
    clause of the contract prints, the deal's own wording included."""
    if not words:
        return []
    pattern = re.compile(
        "|".join(rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in sorted(words, key=len, reverse=True)), re.IGNORECASE
    )
    found: list[str] = []
    for part, clause in document.iter_clauses():
        text = " ".join(" ".join(inline_text(run) for run in iter_inline_runs(clause.blocks)).split())
        for word in dict.fromkeys(m.group(0) for m in pattern.finditer(text)):
            found.append(
                f"{clause.source}: says {word!r}, which a contract under {law_name} must not use "
                "(must_not_use of its law records): the words of another legal family's law"
            )
    return found
