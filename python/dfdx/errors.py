"""Errors of the library as exceptions: the program's message and, where the text had one, the
column (1-based, in characters) with the line and a caret."""
from . import _lib as L


class Error(ValueError):
    """An error of the library: message as the dfdx program prints it, column (1-based, in
    characters of text) where the text had one, else None."""

    def __init__(self, message, column=None, text=None):
        self.message = message
        self.column = column
        self.text = text
        what = "syntax error" if isinstance(self, SyntaxError) else "error"
        if column is None:
            super().__init__(message)
        else:
            line = text.splitlines()[0] if text else ""
            super().__init__("%s at column %d: %s\n  %s\n  %s^" % (what, column, message, line,
                                                                 " " * (column - 1)))


class SyntaxError(Error):  # noqa: A001 (dfdx.SyntaxError, as the contract names it)
    """The text is not an expression."""


class DomainError(Error):
    """A value outside the real domain of a function, or a division by zero."""


class LimitError(Error):
    """Nesting depth, input size or node budget exceeded."""


class UsageError(Error):
    """A request that does not make sense (unknown variable, several variables, bad option)."""


_ERRORS = {L.ESYNTAX: SyntaxError, L.EDOMAIN: DomainError, L.ELIMIT: LimitError, L.EUSAGE: UsageError}


def _column(text, pos):
    """pos, a byte offset into text's UTF-8, as a 1-based character column of its line."""
    before = text.encode("utf-8")[:pos].decode("utf-8", errors="ignore")
    return len(before) - (before.rfind("\n") + 1) + 1
