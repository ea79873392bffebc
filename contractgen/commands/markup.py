"""`contractgen import-markup`: read a counterparty's marked-up DOCX back against the deal it was rendered from."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from contractgen.commands.common import EXIT_BAD_INPUT, EXIT_OK, choose_library, echo_err, root_option
from contractgen.errors import MarkupError


@click.command("import-markup")
@click.argument("deal", type=click.Path(path_type=Path))
@click.argument("theirs", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--accept",
    default="none",
    show_default=True,
    help="Write these changes back (a changed figure as the deal value, other words as overrides): all, none, or ids.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@root_option
def import_markup(deal: Path, theirs: Path, accept: str, as_json: bool, root: Path | None) -> None:
    """Report the tracked changes and comments of THEIRS (a DOCX rendered from DEAL) clause by clause; accept some."""
    from contractgen import writers
    from contractgen.outputs import write_atomically
    from contractgen.pipeline import build_deal
    from contractgen.redline.markup import provenance_of, read_markup
    from contractgen.redline.overrides import renamed_terms
    from contractgen.repo.negotiation import as_they_got_it, differing, plan

    workspace, _config = choose_library(root)
    result = build_deal(deal, workspace)
    data = theirs.read_bytes()
    try:
        sent, moved = as_they_got_it(result, provenance_of(data), workspace)
        ours = writers.render(sent, workspace.template_dir(result.source.deal.template), "docx")
        markup = read_markup(data, sent, result.source.deal.commercials.currency, ours)
    except MarkupError as exc:
        echo_err(f"error: {theirs}: {exc}")
        sys.exit(EXIT_BAD_INPUT)
    if moved:
        echo_err(
            f"warning: {theirs} was rendered with clause versions the library has replaced since "
            f"({', '.join(moved)}): it is read against the text they were sent, and {deal} renders the new "
            "versions (send them the new draft)"
        )
    rendered_from = markup.provenance.get("deal_file", "")
    if not markup.provenance:
        echo_err(
            f"warning: {theirs} carries no contractgen provenance (its editor dropped the document properties): "
            f"its clauses are found by their headings and read against {deal} as it is now"
        )
    if rendered_from and rendered_from != deal.name:
        echo_err(f"warning: {theirs} was rendered from {rendered_from}, not {deal.name}")
    if markup.provenance.get("deal_sha256") not in (None, result.source.sha256):
        echo_err(f"warning: {deal} changed since {theirs} was rendered; changes are read against the deal as it is now")
    wanted = {part.strip() for part in accept.split(",") if part.strip()}
    known = {c.id for c in markup.changes}
    if wanted - {"all", "none"} - known:
        echo_err(
            f"error: --accept: no change {', '.join(sorted(wanted - {'all', 'none'} - known))} "
            f"(the changes are {', '.join(sorted(known)) or 'none'})"
        )
        sys.exit(EXIT_BAD_INPUT)
    accepted = [c for c in markup.changes if "all" in wanted or c.id in wanted]
    acceptance = plan(deal, accepted, result.document, workspace)
    # their redline against the deal as it now stands: the changes its render does not print
    remaining = differing(acceptance.text, deal, markup.changes, workspace) if markup.changes else []
    overrides, refused = acceptance.overrides, acceptance.refused
    acceptance.notes += renamed_terms(markup.changes, sent)
    if overrides or acceptance.values:
        write_atomically(deal, acceptance.text.encode("utf-8"))
    if as_json:
        click.echo(
            json.dumps(
                {
                    "deal": str(deal),
                    "theirs": str(theirs),
                    "rendered_from": rendered_from,
                    "changes": [
                        {
                            "id": c.id,
                            "clause": c.clause,
                            "reference": c.reference,
                            "place": c.place,
                            "anchor": c.anchor,
                            "before": c.before,
                            "after": c.after,
                            "authors": c.authors,
                            "words": c.words(),
                            "values": [
                                {"kind": f.kind, "ours": f.ours, "theirs": f.theirs}
                                | ({"problem": f.problem} if f.problem else {})
                                for f in c.figures()
                            ],
                        }
                        for c in markup.changes
                    ],
                    "comments": [vars(c) for c in markup.comments],
                    "accepted": sorted(overrides),
                    "values": [
                        {"change": v.change, "field": v.dotted, "ours": v.ours, "theirs": v.theirs}
                        for v in acceptance.values
                    ],
                    "refused": refused,
                    "differing": remaining,
                    "notes": acceptance.notes,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for c in markup.changes:
            by = f" by {', '.join(c.authors)}" if c.authors else ""
            click.echo(
                f"{c.id} {c.reference} ({c.title}){', ' + c.place if c.place else ''}"
                f"{' {#' + c.anchor + '}' if c.anchor else ''}{by}: {c.marked()}"
            )
            for f in c.figures():
                click.echo(f"  {f.kind} changed: {f.ours} → {f.theirs}" + (f" ({f.problem})" if f.problem else ""))
        for n in markup.comments:
            on = f", on “{n.on}”" if n.on else ""
            click.echo(f"{n.id} comment by {n.author or 'unknown'} on {n.reference} ({n.title}){on}: {n.text}")
        if not markup.changes and not markup.comments:
            click.echo(f"{theirs}: no tracked changes and no comments")
        for v in acceptance.values:
            click.echo(f"accepted: {v.change}: {v.dotted}: {v.ours} → {v.theirs} written to {deal}")
        for key in sorted(overrides):
            click.echo(f"accepted: overrides.{key} written to {deal}")
        if markup.changes:
            click.echo(
                f"against {theirs}: {deal} now differs in {', '.join(remaining)}"
                if remaining
                else f"against {theirs}: {deal} now renders their text word for word (an empty redline)"
            )
        for line in acceptance.notes:
            echo_err(f"note: {line}")
        for line in refused:
            echo_err(f"not accepted: {line}")
    sys.exit(EXIT_BAD_INPUT if refused else EXIT_OK)
