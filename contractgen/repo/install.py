"""How CI installs contractgen: the `install` setting of contractgen.toml.

Three forms, each pinned so every CI run installs the same contractgen:

- ``contractgen==0.1.0``: that version from the package index;
- ``git+https://github.com/acme/contractgen@v0.1.0``: a git repository at a tag (or commit);
- ``.contractgen/contractgen-0.1.0-py3-none-any.whl``: a wheel committed to the repository.

`init` writes the way the running copy was installed (PEP 610's direct_url.json tells a wheel, a
git URL or a local folder from an index install), or what ``--install-from`` names; the generated
workflow installs exactly that, and the lock records it beside the contractgen version.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from contractgen import __version__
from contractgen.errors import InstallError

WHEEL_DIR = ".contractgen"
_VERSION = re.compile(r"^(?:contractgen\s*==\s*)?(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?)$")


@dataclass(frozen=True)
class Install:
    """A pinned way to install contractgen: its kind ("index", "git", "wheel") and the setting's text."""

    kind: str
    value: str

    @property
    def pip_argument(self) -> str:
        """What `pip install` is given to install it."""
        if self.kind == "git":
            return f"contractgen @ {self.value}"
        if self.kind == "wheel":
            return f"./{self.value}"
        return self.value


def parse_install(value: object, where: str = "install") -> Install:
    """Read an install setting; InstallError with the accepted forms when it is not one of them."""
    text = value.strip() if isinstance(value, str) else ""
    version = _VERSION.match(text)
    if version:
        return Install("index", f"contractgen=={version.group(1)}")
    if text.startswith("git+"):
        if "@" not in text.rsplit("/", 1)[-1] or text.endswith("@"):
            raise InstallError(
                f"{where}: {text!r} names no tag or commit; pin one, e.g. "
                "'git+https://github.com/acme/contractgen@v0.1.0'"
            )
        if not re.fullmatch(r"git\+(https|ssh|file)://\S+@[A-Za-z0-9._/-]+", text):
            raise InstallError(f"{where}: {text!r} is not a git URL pip can install (git+https://…@TAG)")
        return Install("git", text)
    path = PurePosixPath(text)
    if text.endswith(".whl"):
        if path.is_absolute() or ".." in path.parts or path.parts[:1] != (WHEEL_DIR,) or len(path.parts) != 2:
            raise InstallError(
                f"{where}: a wheel must be committed directly under {WHEEL_DIR}/ "
                f"(e.g. '{WHEEL_DIR}/contractgen-0.1.0-py3-none-any.whl'), not {text!r}"
            )
        return Install("wheel", text)
    raise InstallError(
        f"{where}: {text!r} is not a pinned way to install contractgen; write a version "
        "('contractgen==0.1.0'), a git URL at a tag ('git+https://github.com/acme/contractgen@v0.1.0') "
        f"or a wheel committed under {WHEEL_DIR}/ ('{WHEEL_DIR}/contractgen-0.1.0-py3-none-any.whl')"
    )


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _from_checkout(folder: Path) -> str | None:
    """A git URL at the tag (else commit) of a local checkout with a remote, or None."""
    remote = _git(folder, "remote", "get-url", "origin")
    if not remote or _git(folder, "status", "--porcelain", "--untracked-files=no"):
        return None  # no remote CI could clone, or local edits no commit holds
    if remote.startswith("git@"):  # scp-like: git@github.com:acme/contractgen.git
        host, _, path = remote[4:].partition(":")
        remote = f"ssh://git@{host}/{path}"
    if not remote.startswith(("https://", "ssh://")):
        return None
    ref = _git(folder, "describe", "--tags", "--exact-match", "HEAD") or _git(folder, "rev-parse", "HEAD")
    return f"git+{remote}@{ref}" if ref else None


def this_install() -> tuple[str, Path | None, str]:
    """How the running contractgen was installed: (install setting, a wheel file to commit or None, a note)."""

    pinned = f"contractgen=={__version__}"
    try:
        raw = distribution("contractgen").read_text("direct_url.json")
    except PackageNotFoundError:
        raw = None
    if not raw:
        return pinned, None, ""
    try:
        direct = json.loads(raw)
    except json.JSONDecodeError:
        return pinned, None, ""
    url = str(direct.get("url", ""))
    vcs = direct.get("vcs_info")
    if vcs and vcs.get("vcs") == "git":
        ref = vcs.get("requested_revision") or vcs.get("commit_id")
        return f"git+{url}@{ref}", None, ""
    local = Path(unquote(urlparse(url).path)) if url.startswith("file://") else None
    if direct.get("archive_info") is not None and local is not None and local.suffix == ".whl" and local.is_file():
        return f"{WHEEL_DIR}/{local.name}", local, ""
    if direct.get("dir_info") is not None and local is not None:
        found = _from_checkout(local)
        if found:
            return found, None, ""
        return (
            pinned,
            None,
            (
                f"this contractgen was installed from the folder {local}, which CI cannot reach; "
                f"the workflow installs {pinned} from the package index. Use --install-from with a "
                "wheel or a git URL at a tag when that version is not published there"
            ),
        )
    return pinned, None, ""


def choose_install(install_from: str | None, target: Path) -> tuple[str, list[Path], str]:
    """Return (the install setting, the files written, a note) for a new repository in `target`.

    `install_from`: a version, a git URL at a tag, or a wheel file (copied under .contractgen/);
    None: the way the running copy was installed.
    """
    wheel: Path | None = None
    note = ""
    if install_from is None:
        setting, wheel, note = this_install()
    elif install_from.endswith(".whl") and not install_from.startswith(WHEEL_DIR + "/"):
        wheel = Path(install_from)
        if not wheel.is_file():
            raise InstallError(f"--install-from: {install_from}: no such wheel file")
        setting = f"{WHEEL_DIR}/{wheel.name}"
    else:
        setting = install_from
    setting = parse_install(setting, "--install-from" if install_from else "install").value
    written: list[Path] = []
    if wheel is not None:
        folder = Path(target) / WHEEL_DIR
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, folder / wheel.name)
        written.append(folder / wheel.name)
    return setting, written, note
