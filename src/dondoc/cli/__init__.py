"""The ``dondoc`` command line (Typer).

Each group of commands lives in its own module with a ``register(app)`` function:
``pipeline`` (repair, extract, view), ``batch`` (batch ingestion), ``tracking`` (serve, user,
import, backup, restore) and ``reporting`` (remind, report). ``main`` is the console entry point: it turns every
``DondocError`` into one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from dondoc import regex_cache
from dondoc.errors import DondocError

__all__ = ["app", "main"]

app = typer.Typer(
    name="dondoc",
    help="dondoc: biến văn bản chỉ đạo thành nhiệm vụ được theo dõi (ingest, repair, extract, track).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_all() -> None:
    from dondoc.cli import batch, demo, pipeline, reporting, tracking

    for module in (pipeline, batch, tracking, reporting, demo):
        module.register(app)


_register_all()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns (and, as a script, exits with) the status code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # a process of its own: start-up time counts (see dondoc.regex_cache)
        regex_cache.install()
    try:
        # Without standalone mode, click returns the code of a raised Exit instead of exiting.
        rv = app(args=args, prog_name="dondoc", standalone_mode=False)
    except DondocError as exc:
        print(f"dondoc: error: {exc}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:
        # Typer vendors its own click, so its exceptions are recognised by shape, not class.
        name = type(exc).__name__
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # ClickException, UsageError
            exc.show()
            code = int(exc.exit_code)
        elif name == "Exit":
            code = int(getattr(exc, "exit_code", 0))
        elif name == "Abort":
            print("Đã huỷ.", file=sys.stderr)
            code = 1
        else:
            raise
    else:
        code = rv if isinstance(rv, int) else 0
    if argv is None:
        sys.exit(code)
    return code
