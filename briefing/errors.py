"""The project's error type and the exit codes the CLI maps errors to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the `briefing` command."""

    OK = 0
    ERROR = 1
    USAGE = 2
    BAD_INPUT = 3
    OUTPUT = 4
    INTERRUPTED = 130


class BriefingError(Exception):
    """A problem the user can fix; shown as one line, never as a traceback.

    The message and source are cleaned (`ingest.clean.clean_line`): a file name, URL or
    server's reason phrase cannot carry a line break or a terminal escape sequence to stderr.
    """

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, *, source: str | None = None) -> None:
        from .ingest.clean import clean_line

        self.source = clean_line(source) if source else source
        super().__init__(clean_line(f"{self.source}: {message}" if source else message))


class InputError(BriefingError):
    """An input could not be read or holds no usable text."""

    exit_code = ExitCode.BAD_INPUT


class OutputError(BriefingError):
    """An output could not be written (unknown format, unwritable path)."""

    exit_code = ExitCode.OUTPUT


class UsageError(BriefingError):
    """An option value that makes no sense (unknown method, bad length)."""

    exit_code = ExitCode.USAGE
