"""`claimx review`: decide on claims one at a time, with single keys, saved at once."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from claimx.cli.options import Color
from claimx.cli.output import warn
from claimx.errors import InputError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.review import ClaimsDocument, ClaimsFile

FOOTER = "a accept · r reject · e edit · n note · s/space skip · b back · q quit · ? help"
HELP = """\
a        accept the claim as extracted
r        reject it (wrong, or not a claim)
e        edit: s source, k kind, m modality, t claim text; then it is marked edited
n        add or change a note (kept with any decision)
s, space skip to the next claim, undecided
b        back to the previous claim
q        quit: every decision is already saved; reopening resumes at the first pending claim
?        this help"""


def review(
    target: Path = typer.Argument(
        ..., metavar="FILE_OR_DIR", help="A claims file, or a folder of them (batch output)."
    ),
    export: Path = typer.Option(
        None,
        "--export",
        metavar="FILE",
        help="Write the accepted and edited claims, with their evidence, here.",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite the --export file."),
    color: Color = None,
) -> None:
    """Review claims one at a time: accept, reject, edit, note; decisions saved at once."""
    import os

    from rich.console import Console

    from claimx import review as lib

    if export is not None and export.exists() and not force:
        raise UsageError(f"{export} exists; use --force to overwrite it")
    files = []
    for path in lib.claims_files(target):
        try:
            files.append(lib.load(path))
        except InputError as err:
            if not target.is_dir():
                raise
            warn(f"skipped: {err}")  # an export or another YAML file in the folder
    if not files:
        raise InputError(f"{target}: no claims files to review")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "review is interactive and needs a terminal; to print claims use `claimx show FILE`"
        )
    if color is None:
        color = not os.environ.get("NO_COLOR")
    console = Console(highlight=False, no_color=not color)
    session = Session(files, console, read_key, ask, color=color)
    try:
        session.run()
    except KeyboardInterrupt:
        console.print()
    console.print(session.summary())
    if export is not None:
        _export(files, export)


def _export(files: list[ClaimsFile], path: Path) -> None:
    from claimx import review as lib
    from claimx.files import write_atomic
    from claimx.serialize import to_yaml

    claims = lib.export(files)
    write_atomic(path, to_yaml([{"claimx_export": 1, "claims": claims}]))
    warn(f"{len(claims)} accepted claims written to {path}")


@dataclass
class Session:
    """The review loop over the claims of some files, driven by single keys.

    read_key returns one key ("a", " ", "escape"…); ask(prompt, default) a line of
    text, or None when cancelled. Both are injected so that tests can drive it.
    """

    files: list[ClaimsFile]
    console: Console
    read_key: Callable[[], str]
    ask: Callable[[str, str], str | None]
    color: bool = True
    position: int = 0
    message: str = ""
    items: list[tuple[ClaimsFile, ClaimsDocument, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        from claimx.review import status

        self.items = [(f, a, c) for f in self.files for a, c in f.claims()]
        pending = [i for i, (_, _, c) in enumerate(self.items) if status(c) == "pending"]
        self.position = pending[0] if pending else len(self.items)

    def run(self) -> None:
        """Show claims and take decisions until the last claim or `q`."""
        while self.position < len(self.items):
            self.show()
            key = self.read_key()
            if key == "q":
                return
            self.message = ""
            self.handle(key)

    def handle(self, key: str) -> None:
        from claimx.review import set_review

        file, article, claim = self.items[self.position]
        if key in ("a", "r"):
            set_review(claim, "accepted" if key == "a" else "rejected")
            file.save()
            self.position += 1
        elif key in ("s", " ", "right"):
            self.position += 1
        elif key in ("b", "left"):
            self.position = max(0, self.position - 1)
        elif key == "n":
            note = self.ask("note: ", (claim.get("review") or {}).get("note") or "")
            if note is not None:
                review = claim.get("review") or {}
                set_review(claim, review.get("status", "pending"), note.strip() or None)
                file.save()
        elif key == "e":
            if self.edit(article, claim):
                set_review(claim, "edited")
                file.save()
                self.position += 1
        elif key == "?":
            self.message = HELP
        else:
            self.message = f"unknown key {key!r}: press ? for help"

    def edit(self, article: ClaimsDocument, claim: dict[str, Any]) -> bool:
        """Change the source, kind, modality or text boundaries; whether anything changed."""
        from claimx.kinds import ATTRIBUTION_KINDS as KINDS
        from claimx.kinds import MODALITIES

        self.message = "edit: s source · k kind · m modality · t claim text · other key: cancel"
        self.show()
        what = self.read_key()
        attribution = claim.get("attribution")
        if what == "s":
            answer = self.ask("source (actor id or name, empty for none): ", _source_text(claim))
            if answer is None:
                return False
            return self._set_source(article, claim, answer.strip())
        if what == "k":
            choice = self._choose("kind", ("none", *KINDS))
            if choice is None:
                return False
            if choice == "none":
                claim["attribution"] = None
            elif attribution:
                attribution["kind"] = choice
            else:
                cue = {k: claim[k] for k in ("start", "end", "text")}
                claim["attribution"] = {
                    "kind": choice,
                    "source": None,
                    "source_text": None,
                    "cue": cue,
                    "quote": None,
                }
            return True
        if what == "m":
            modality = self._choose("modality", MODALITIES)
            if modality is None:
                return False
            claim["modality"] = modality
            return True
        if what == "t":
            return self._set_text(article, claim)
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

    def _set_source(self, article: ClaimsDocument, claim: dict[str, Any], answer: str) -> bool:
        attribution = claim.get("attribution")
        if attribution is None:
            self.message = "this claim has no attribution: set its kind first (e, k)"
            return False
        actors = article.document.get("actors", [])
        folded = answer.casefold()
        actor = next(
            (a for a in actors if a["id"].casefold() == folded or a["name"].casefold() == folded),
            None,
        )
        attribution["source"] = actor["id"] if actor else None
        attribution["source_text"] = actor["name"] if actor else (answer or None)
        return True

    def _set_text(self, article: ClaimsDocument, claim: dict[str, Any]) -> bool:
        if article.text is None:
            self.message = "the article text was not found: the boundaries cannot be checked"
            return False
        answer = self.ask("claim text: ", claim["text"])
        if answer is None or not answer.strip() or answer.strip() == claim["text"]:
            return False
        wanted = answer.strip()
        sentence = claim.get("sentence") or {"start": claim["start"], "end": claim["end"]}
        start = article.text.find(wanted, sentence["start"], sentence["end"])
        if start < 0:
            self.message = "that text is not in the claim's sentence: unchanged"
            return False
        claim["start"], claim["end"], claim["text"] = start, start + len(wanted), wanted
        return True

    # -- display ----------------------------------------------------------
    def show(self) -> None:
        from rich.panel import Panel
        from rich.text import Text

        from claimx.render import MARKS, Mark, highlight, legend, marks
        from claimx.review import status

        file, article, claim = self.items[self.position]
        self.console.clear()
        done = sum(1 for _, _, c in self.items if status(c) != "pending")
        file_number = self.files.index(file) + 1
        in_file = [c for f, _, c in self.items if f is file]
        header = (
            f"file {file_number}/{len(self.files)} {file.path} · claim "
            f"{in_file.index(claim) + 1}/{len(in_file)} ({claim['id']}) · "
            f"{done}/{len(self.items)} reviewed"
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
        for label, value in _fields(article, claim):
            line = Text()
            line.append(f"{label:>10}  ", style="bold")
            line.append(value)
            self.console.print(line)
        if self.message:
            self.console.print(Text(self.message, style="yellow"))
        self.console.print(Text(FOOTER, style="reverse"))

    def summary(self) -> str:
        from claimx.kinds import REVIEW_STATUSES as STATUSES
        from claimx.review import status

        counts = {s: 0 for s in STATUSES}
        for _, _, claim in self.items:
            counts[status(claim)] += 1
        parts = ", ".join(f"{n} {s}" for s, n in counts.items())
        return f"{len(self.items)} claims in {len(self.files)} file(s): {parts}"


def _source_text(claim: dict[str, Any]) -> str:
    attribution = claim.get("attribution") or {}
    return str(attribution.get("source_text") or "")


def _fields(article: ClaimsDocument, claim: dict[str, Any]) -> list[tuple[str, str]]:
    attribution = claim.get("attribution")
    review = claim.get("review") or {}

    def names(list_name: str, key: str) -> str:
        items = [article.item(list_name, i) for i in claim.get(list_name, [])]
        return ", ".join(str(x[key]) for x in items if x is not None) or "—"

    source = "—"
    if attribution:
        actor = article.actor(attribution.get("source"))
        source = actor["name"] if actor else (attribution.get("source_text") or "unnamed")
    return [
        ("source", source),
        ("kind", attribution["kind"] if attribution else "asserted by the article"),
        ("modality", str(claim.get("modality"))),
        ("hedges", ", ".join(h["text"] for h in claim.get("hedges", [])) or "—"),
        ("actors", names("actors", "name")),
        ("chips", names("chips", "name")),
        ("money", names("money", "text")),
        ("status", str(review.get("status", "pending"))),
        ("note", str(review.get("note") or "—")),
    ]


# -- the terminal --------------------------------------------------------------


def read_key() -> str:
    """One key press from the terminal, without Enter; arrows as "left"/"right"."""
    import os
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        data = os.read(fd, 1)
        if data == b"\x1b":
            while select.select([fd], [], [], 0.03)[0]:
                data += os.read(fd, 8)
            return {b"\x1b[D": "left", b"\x1b[C": "right"}.get(data, "escape")
        while data and data[0] >= 0xC0 and len(data) < 4:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                data += os.read(fd, 1)
        return data.decode("utf-8", errors="replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def ask(prompt: str, default: str) -> str | None:
    """A line of text, the default already typed in (editable); None on Ctrl-D."""
    try:
        import readline

        readline.set_startup_hook(lambda: readline.insert_text(default))
    except ImportError:  # pragma: no cover - readline is on every Linux and macOS Python
        readline = None  # type: ignore[assignment]
    try:
        return input(prompt)
    except EOFError:
        return None
    finally:
        if readline is not None:
            readline.set_startup_hook(None)
