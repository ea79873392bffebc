"""The command line (exit 0 ok · 1 differences · 2 bad input): one group, one error boundary.

The commands live in contractgen/commands/ by what they act on: deal files (contracts.py), the
clause library (library.py), the law records (law.py), a contract's counterparty markup (markup.py),
a contracts repository (repository.py) and the web workspace (web.py). A command's module is
imported when the command runs (or when help lists it): `render` does not pay for the others.
"""

from __future__ import annotations

import importlib

import click

from contractgen import __version__
from contractgen.commands.common import ErrorBoundary

# command name: (module of contractgen.commands, the click command in it)
COMMANDS = {
    "render": ("contracts", "render"),
    "validate": ("contracts", "validate"),
    "schema": ("contracts", "schema"),
    "redline": ("contracts", "redline"),
    "clauses": ("library", "clauses"),
    "lint": ("library", "lint"),
    "coverage": ("library", "coverage"),
    "law": ("law", "law"),
    "init": ("repository", "init"),
    "build": ("repository", "build"),
    "check": ("repository", "check"),
    "lock": ("repository", "lock"),
    "impact": ("repository", "impact"),
    "explain": ("repository", "explain"),
    "import-markup": ("markup", "import_markup"),
    "serve": ("web", "serve"),
}


class CommandLine(ErrorBoundary):
    """The error boundary group whose commands are imported from their modules when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, sorted (as click lists them)."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the command's module and return its click command; None for an unknown name."""
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(f"contractgen.commands.{module}"), attribute)
        if command.name != cmd_name:
            raise RuntimeError(f"contractgen.commands.{module}.{attribute} is named {command.name!r}, not {cmd_name!r}")
        return command


@click.group(cls=CommandLine, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="contractgen")
def main() -> None:
    """Generate IT outsourcing contracts (DOCX and PDF) from deal specifications."""


if __name__ == "__main__":  # pragma: no cover
    main()
