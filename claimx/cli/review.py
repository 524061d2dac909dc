"""`claimx review`: decide on claims one at a time, with single keys, saved at once."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from claimx.cli.exit_codes import ExitCode
from claimx.cli.options import Color
from claimx.cli.output import warn
from claimx.cli.review_fields import (
    AgainstOption,
    Earlier,
    ReviewOrder,
    checkworthy_order,
    claim_fields,
    desk_fields,
    earlier_verdicts,
    source_text,
)
from claimx.cli.review_files import open_files, write_outputs
from claimx.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.review import ClaimsFile, ReviewItem

FOOTER = (
    "a accept · r reject · e edit · v verdict · n note · s/space skip · b back · q quit · ? help"
)
HELP = """\
a        accept the claim as extracted
r        reject it (wrong, or not a claim)
e        edit: s source, k kind, m modality, t claim text; then it is marked edited
v        verdict: a rating from models/ratings.yaml, then the fact-check's url (optional)
n        add or change a note (kept with any decision)
s, space skip to the next claim, undecided
b        back to the previous claim
q        quit: every decision is already saved; reopening resumes at the first pending claim
?        this help"""


EXAMPLES = """\
claimx review claims/news/a.txt.yaml
    one claims file, a claim at a time: a accept, r reject, e edit, v verdict, q quit
claimx review claims --export accepted.yaml
    every claims file of a batch output, then the accepted claims written out
claimx review claims --gold gold/
    no terminal needed: the decisions saved so far, as gold files for claimx eval
claimx review claims --sort checkworthy --against factchecks.json
    the most check-worthy claims first, earlier verdicts shown
"""


def review(
    target: Path = typer.Argument(..., metavar="FILE_OR_DIR", hidden=True),
    export: Path = typer.Option(
        None,
        "--export",
        metavar="FILE",
        help="Write the accepted and edited claims, with their evidence, here.",
    ),
    gold: Path = typer.Option(
        None,
        "--gold",
        metavar="DIR",
        help="Write the decisions as gold files (and their texts) into DIR, for claimx eval.",
    ),
    force: bool = typer.Option(
        False, "--force", help="Overwrite the --export file and the --gold files."
    ),
    sort: ReviewOrder = typer.Option(
        ReviewOrder.file,
        "--sort",
        metavar="ORDER",
        help="file (the claims in file order) or checkworthy (the most worth checking first).",
    ),
    against: Path = AgainstOption,
    color: Color = None,
) -> None:
    """Review claims one at a time: accept, reject, edit, verdict, note; saved at once.

    FILE_OR_DIR: a claims file, or a folder of them (a batch output). Without a
    terminal, --export and --gold write what earlier reviews decided.
    """
    import os

    from rich.console import Console

    if export is not None and export.exists() and not force:
        raise UsageError(f"{export} exists; use --force to overwrite it")
    files = open_files(target)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not interactive and export is None and gold is None:
        raise UsageError(
            "review is interactive and needs a terminal; to print claims use `claimx show FILE`"
        )
    if not interactive:
        write_outputs(files, export, gold, force)
        return
    if color is None:
        color = not os.environ.get("NO_COLOR")
    console = Console(highlight=False, no_color=not color)
    from claimx.cli.terminal import ask, read_key

    order = checkworthy_order(files) if sort is ReviewOrder.checkworthy else None
    session = Session(files, console, read_key, ask, color=color, order=order)
    session.earlier = earlier_verdicts(against) if against is not None else None
    try:
        session.run()
    except KeyboardInterrupt:
        console.print()
        console.print(session.summary())
        warn("interrupted: every decision made is saved; run the same command to resume")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    console.print(session.summary())
    write_outputs(files, export, gold, force)


class Session:
    """The review screens and keys over a `ReviewQueue`.

    read_key returns one key ("a", " ", "escape"…); ask(prompt, default) a line of
    text, or None when cancelled. Both are injected so that tests can drive it.
    """

    def __init__(
        self,
        files: list[ClaimsFile],
        console: Console,
        read_key: Callable[[], str],
        ask: Callable[[str, str], str | None],
        color: bool = True,
        order: Callable[[ReviewItem], float] | None = None,
    ) -> None:
        from claimx.review import ReviewQueue

        self.queue = ReviewQueue(files, order)
        self.earlier: Earlier | None = None  # a claim's earlier verdict (--against)
        self.console = console
        self.read_key = read_key
        self.ask = ask
        self.color = color
        self.message = (
            "every claim is decided: revising from the first (q to quit)"
            if self.queue.revising
            else ""
        )

    @property
    def position(self) -> int:
        return self.queue.position

    def run(self) -> None:
        """Show claims and take decisions until the last claim or `q`."""
        while not self.queue.done:
            self.show()
            key = self.read_key()
            if key == "q":
                return
            self.message = ""
            self.handle(key)

    def handle(self, key: str) -> None:
        from claimx.store import SaveFailed

        try:
            self._handle(key)
        except SaveFailed as failed:  # the claim is as it was; the reviewer can try again
            self.message = f"{failed}: the decision is not recorded"

    def _handle(self, key: str) -> None:
        import copy

        from claimx.review import EditRefused

        queue = self.queue
        if key in ("a", "r"):
            queue.decide("accepted" if key == "a" else "rejected")
        elif key in ("s", " ", "right"):
            queue.skip()
        elif key in ("b", "left"):
            queue.back()
        elif key == "n":
            note = self.ask("note: ", (queue.current.claim.get("review") or {}).get("note") or "")
            if note is not None:
                queue.note(note)
        elif key == "e":
            before = copy.deepcopy(queue.current.claim)
            try:
                changed = self.edit()
            except EditRefused as refused:
                self.message, changed = str(refused), False
            if changed:
                self.message = ""  # the edit's prompt is done with: not on the next claim
                queue.decide("edited", before)
        elif key == "v":
            self.verdict()
        elif key == "?":
            self.message = HELP
        else:
            self.message = f"unknown key {key!r}: press ? for help"

    def verdict(self) -> None:
        """A rating from the scale, then the fact-check's url (empty: none)."""
        from claimx.ratings import scale

        rating = self._choose("verdict", tuple(r.name for r in scale().ratings))
        if rating is not None:
            url = self.ask("fact-check url (empty: none): ", "")
            if url is not None:
                try:
                    self.queue.verdict(rating, url.strip() or None)
                except UsageError as refused:
                    self.message = f"{refused}: the verdict is not recorded"

    def edit(self) -> bool:
        """Change the source, kind, modality or text boundaries; whether anything changed."""
        from claimx.kinds import ATTRIBUTION_KINDS, MODALITIES

        claim = self.queue.current.claim
        self.message = "edit: s source · k kind · m modality · t claim text · other key: cancel"
        self.show()
        what = self.read_key()
        if what == "s":
            answer = self.ask("source (actor id or name, empty for none): ", source_text(claim))
            if answer is None:
                return False
            self.queue.set_source(answer)
            return True
        if what == "k":
            kind = self._choose("kind", ("none", *ATTRIBUTION_KINDS))
            if kind is None:
                return False
            self.queue.set_kind(None if kind == "none" else kind)  # type: ignore[arg-type]
            return True
        if what == "m":
            modality = self._choose("modality", MODALITIES)
            if modality is None:
                return False
            self.queue.set_modality(modality)  # type: ignore[arg-type]
            return True
        if what == "t":
            if self.queue.current.article.text is None:
                return self.queue.set_text("")  # refused: no text to check against
            answer = self.ask("claim text: ", claim["text"])
            return answer is not None and self.queue.set_text(answer)
        self.message = "edit cancelled"
        return False

    def _choose(self, name: str, options: tuple[str, ...]) -> str | None:
        listing = " · ".join(f"{n} {o}" for n, o in enumerate(options, 1))
        self.message = f"{name}: {listing} · other key: cancel"
        self.show()
        key = self.read_key()
        if key.isdigit() and 1 <= int(key) <= len(options):
            return options[int(key) - 1]
        self.message = "edit cancelled"
        return None

    # -- display ----------------------------------------------------------
    def show(self) -> None:
        from rich.panel import Panel
        from rich.text import Text

        from claimx.render import MARKS, Mark, highlight, legend, marks

        queue = self.queue
        item = queue.current
        file, article, claim = item.file, item.article, item.claim
        self.console.clear()
        in_file = [i.claim for i in queue.items if i.file is file]
        header = (
            f"file {queue.files.index(file) + 1}/{len(queue.files)} {file.path} · claim "
            f"{in_file.index(claim) + 1}/{len(in_file)} ({claim['id']}) · "
            f"{queue.reviewed}/{len(queue.items)} reviewed"
        )
        self.console.print(Text(header, style="dim"))
        sentence = claim.get("sentence") or {"start": claim["start"], "end": claim["end"]}
        if article.text is not None:
            spans = [*marks(article.document, [claim]), Mark(claim["start"], claim["end"], "claim")]
            body = highlight(article.text, spans, sentence["start"], sentence["end"], self.color)
        else:
            opening, closing = MARKS["claim"]
            body = Text(f"{opening}{claim['text']}{closing}")
        self.console.print(Panel(body, title="claim in its sentence", title_align="left"))
        self.console.print(legend(self.color, ("claim", "actor", "chip", "money", "cue", "hedge")))
        fields = claim_fields(article, claim) + desk_fields(article, claim, self.earlier)
        for label, value in fields:
            line = Text()
            line.append(f"{label:>10}  ", style="bold")
            line.append(value)
            self.console.print(line)
        if self.message:
            self.console.print(Text(self.message, style="yellow"))
        self.console.print(Text(FOOTER, style="reverse"))

    def summary(self) -> str:
        return self.queue.summary()
