"""Forums written in the languages of ``data/forum_words.yaml``: the name of an arbitral institution the library has no
record of ("the Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá").

The words are data. A name is a run of capitalised words, joined by the lower-case words the table lists ("de la",
"of the", "für"), that holds a word naming an institution (Centre, Centro, Cámara, Chambre, Kammer …, or a German or
Dutch compound ending in one: "Handelskammer").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen.values.duration_words import fold

WORDS = Path(__file__).with_name("data") / "forum_words.yaml"
_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*|&|[,;:()/]|\S", re.UNICODE)


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The words file as read."""
    data: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _institution_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    words = table()["institutions"]
    return (
        frozenset(fold(w) for w in words["words"]),
        tuple(fold(w) for w in words["endings"]),
        frozenset(fold(w) for w in words["joiners"]),
        frozenset(fold(w) for w in words["rules"]),
    )


def _capital(token: str) -> bool:
    return token[:1].isupper()


def names_institution_word(token: str) -> bool:
    """True when a capitalised word names an institution ("Centro", "Chamber", "Handelskammer")."""
    words, endings, _, _ = _institution_words()
    key = fold(token.rstrip("."))
    compound = any(key.removesuffix("s").endswith(e) and len(key) > len(e) for e in endings)  # genitive "-s" too
    return _capital(token) and (key in words or compound)


def institution_named(text: str, seat: str = "") -> str:
    """The name of an arbitral institution written in `text` as it is written ("Centro de Arbitraje y Conciliación de la
    Cámara de Comercio de Bogotá"), or "" when no capitalised name with an institution word is there. A name inside
    the seat ("the Dubai International Financial Centre") is not one."""
    _, _, joiners, rules = _institution_words()
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    seats = [m.span() for m in re.finditer(re.escape(seat), text)] if seat else []
    for i, (token, start, _) in enumerate(tokens):
        if not names_institution_word(token) or any(a <= start < b for a, b in seats):
            continue
        first = i
        while first > 0 and _capital(tokens[first - 1][0]) and fold(tokens[first - 1][0]) not in rules:
            first -= 1
        last = i
        j = i + 1
        while j < len(tokens):
            word = tokens[j][0]
            if fold(word) in rules or not (_capital(word) or fold(word) in joiners):
                break
            if _capital(word):
                last = j
            j += 1
        return text[tokens[first][1] : tokens[last][2]]
    return ""


def with_article(name: str) -> str:
    """'the Foo Arbitration Centre' for a name with an institution word; an acronym or a name with its article as
    written."""
    name = " ".join(name.split())
    if re.match(r"(?i)the\s", name) or not any(names_institution_word(t) for t in name.split()):
        return name
    return "the " + name
