"""US spelling from one source: respell the static text of clause templates for en_US contracts.

The table is the template's ``spelling.yaml`` (stems, whole words, and words that are spelt the
same). Only the template's own text is respelt: Jinja expressions and tags, comments, anchors
and cross-reference targets are left alone, so a deal's values print exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contractgen import yamlload

US_LOCALES = ("en_US",)
_PROTECTED = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}|\{#[^}]*\}|\]\(#[^)]*\)", re.DOTALL)
WORDS = _WORD = re.compile(r"[A-Za-z]+")
# Endings that often mark a British spelling; a word with one must be in the table or in `same`.
BRITISH_LOOKING = re.compile(
    r"(?:is(?:e|es|ed|ing|ation|ations|er|ers)|our(?:s|ed|ing|able|ably|ite|ites)?|tre|tres|ogue|ogues|lled|lling)$"
)


@dataclass(frozen=True, eq=False)
class Spelling:
    """A UK → US spelling table."""

    stems: tuple[tuple[str, str], ...]  # longest first
    words: dict[str, str]
    same: frozenset[str]

    def us(self, word: str) -> str | None:
        """The US form of one word (lower case in, lower case out), or None if it has none."""
        if word in self.words:
            return self.words[word]
        for stem, replacement in self.stems:
            if word.startswith(stem):
                return replacement + word[len(stem) :]
        return None

    def handles(self, word: str) -> bool:
        """Whether the table knows the word (as British with a US form, or as spelt the same)."""
        return word in self.same or self.us(word) is not None


@lru_cache(maxsize=8)
def load_spelling(template_dir: Path) -> Spelling | None:
    """Return the template's spelling table, or None if it has no spelling.yaml."""
    path = Path(template_dir) / "spelling.yaml"
    if not path.is_file():
        return None
    data = yamlload.safe_load(path.read_text(encoding="utf-8")) or {}
    stems = sorted(((str(k), str(v)) for k, v in (data.get("stems") or {}).items()), key=lambda kv: -len(kv[0]))
    return Spelling(
        tuple(stems),
        {str(k): str(v) for k, v in (data.get("words") or {}).items()},
        frozenset(str(w).lower() for w in data.get("same") or ()),
    )


def _keep_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def respell(text: str, spelling: Spelling) -> str:
    """Respell every word of plain text that has a US form."""

    def one(match: re.Match) -> str:
        word = match.group(0)
        us = spelling.us(word.lower())
        return _keep_case(word, us) if us else word

    return _WORD.sub(one, text)


@lru_cache(maxsize=4096)
def respell_source(source: str, spelling: Spelling) -> str:
    """Respell the static text of a clause template, leaving Jinja, anchors and link targets alone."""
    out: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(source):
        out.append(respell(source[last : match.start()], spelling))
        out.append(match.group(0))
        last = match.end()
    out.append(respell(source[last:], spelling))
    return "".join(out)


# A stem's US form swaps only its British ending: "organis" → "organiz", "colour" → "color".
_STEM_SWAPS = (("is", "iz"), ("our", "or"), ("ogue", "og"))
# Letters no respelt word may contain: the traces of a stem that kept or doubled its ending.
_GARBLED = re.compile(r"zs|zz|iziz|oror")


def table_problems(spelling: Spelling, words: list[str]) -> list[str]:
    """Return what is wrong in the table: a stem whose US form is not its British ending swapped,
    or a word of `words` whose US form is garbled ("modernizse")."""
    problems = []
    for stem, us in spelling.stems:
        if not any(stem.endswith(uk) and us == stem[: -len(uk)] + to for uk, to in _STEM_SWAPS):
            problems.append(f"stem '{stem}: {us}' does not swap a British ending (-is → -iz, -our → -or, -ogue → -og)")
    for word in sorted(set(words)):
        respelt = spelling.us(word)
        if respelt and _GARBLED.search(respelt) and not _GARBLED.search(word):
            problems.append(f"'{word}' is respelt '{respelt}'")
    return problems


def unhandled_words(text: str, spelling: Spelling) -> list[str]:
    """Words of static text that look British and that the spelling table does not know."""
    found = []
    for match in _WORD.finditer(_PROTECTED.sub(" ", text)):
        word = match.group(0).lower()
        if len(word) > 3 and BRITISH_LOOKING.search(word) and not spelling.handles(word) and word not in found:
            found.append(word)
    return found
