"""The command line (exit 0 ok · 1 differences · 2 bad input): one group, one error boundary.

The commands live in contractgen/commands/ by what they act on: deal files (contracts.py), the
clause library (library.py), the law records (law.py), a contracts repository (repository.py) and the web workspace (web.py).
"""

from __future__ import annotations

import click

from contractgen import __version__
from contractgen.commands import contracts, law, library, markup, repository, web
from contractgen.commands.common import ErrorBoundary


@click.group(cls=ErrorBoundary, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="contractgen")
def main() -> None:
    """Generate IT outsourcing contracts (DOCX and PDF) from deal specifications."""


for command in (
    contracts.render,
    contracts.validate,
    contracts.schema,
    library.clauses,
    library.lint,
    library.coverage,
    law.law,
    repository.init,
    repository.build,
    repository.check,
    repository.lock,
    repository.impact,
    repository.explain,
    contracts.redline,
    markup.import_markup,
    web.serve,
):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
