"""Who is saving: the people of a `--users` file (token → name and email), or a trusted proxy's header.

A save is committed to git under the person's name. The person is, in order: the one a trusted proxy
names in its header (only when the workspace was told which header to trust: anyone can send any
header to a server that is reachable directly), the owner of the token the browser presented (a
`--users` file), else the workspace's own git identity (whoever started `contractgen serve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from contractgen.errors import ContractgenError

MAX_USERS_FILE = 256 * 1024
HEADER_NAME = re.compile(r"^[A-Za-z0-9-]{1,64}$")
EMAIL = re.compile(r"^[^\s<>@]+@[^\s<>@]+$")
NAME = re.compile(r"^[^\x00-\x1f<>\x7f]{1,100}$")


@dataclass(frozen=True)
class Person:
    """A person who saves deals: the author of the commit."""

    name: str
    email: str

    def author(self) -> str:
        """Return the person as git's `--author` wants it ("Name <email>")."""
        return f"{self.name} <{self.email}>"


def person(name: str, email: str, where: str) -> Person:
    """Return a Person after checking the name and email are fit for a commit's author line."""
    name, email = " ".join(str(name or "").split()), str(email or "").strip()
    if not NAME.match(name):
        raise ContractgenError(f"{where}: a name of 1 to 100 characters, without < or >, is needed")
    if not EMAIL.match(email):
        raise ContractgenError(f"{where}: {email!r} is not an email address")
    return Person(name, email)


def load_users(path: Path) -> dict[str, Person]:
    """Read a users file (YAML: `users: [{name, email, token}]`) into {token: person}, refusing weak or shared tokens."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContractgenError(f"{path}: cannot read the users file ({exc.strerror})") from None
    if len(raw) > MAX_USERS_FILE:
        raise ContractgenError(f"{path}: the users file is larger than {MAX_USERS_FILE // 1024} KiB")
    try:
        data = YAML(typ="safe", pure=True).load(raw.decode("utf-8-sig"))
    except (YAMLError, UnicodeDecodeError) as exc:
        raise ContractgenError(f"{path}: not a readable YAML file ({str(exc).splitlines()[0]})") from None
    rows = data.get("users") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows:
        raise ContractgenError(f"{path}: expected `users:` with a list of people, each with name, email and token")
    found: dict[str, Person] = {}
    for number, row in enumerate(rows, 1):
        where = f"{path}: user {number}"
        if not isinstance(row, dict):
            raise ContractgenError(f"{where}: expected name, email and token")
        token = str(row.get("token") or "")
        if len(token) < 16:
            raise ContractgenError(f"{where}: the token is missing or shorter than 16 characters")
        if token in found:
            raise ContractgenError(f"{where}: the same token as {found[token].name}; give each person their own")
        found[token] = person(str(row.get("name") or ""), str(row.get("email") or ""), where)
    return found


def check_header_name(name: str) -> str:
    """Return the proxy header's name in lower case, refusing one that is not a plain header name."""
    if not HEADER_NAME.match(name or ""):
        raise ContractgenError(f"{name!r} is not a header name (letters, digits and '-', e.g. X-Forwarded-User)")
    return name.lower()


def from_header(value: str) -> Person | None:
    """Return the person a proxy's header names ("Name <email>" or an email address alone), or None if unusable."""
    name, email = parseaddr(value or "")
    if not email or not EMAIL.match(email):
        return None
    try:
        return person(name or email.split("@")[0], email, "the proxy's header")
    except ContractgenError:
        return None
