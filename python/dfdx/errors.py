"""Errors of the library as exceptions: the program's message and, where the text had one, the
column (1-based, in characters) with the line and a caret."""
from . import _lib as L


class Error(ValueError):
    """An error of the library: message as the dfdx program prints it; where the error has a
    place in a text, its line and column (1-based, in characters), else None."""

    def __init__(self, message, text=None, pos=-1):
        self.message = message
        self.text = text
        self.line = self.column = None
        if text is not None and pos >= 0:
            before = text.encode("utf-8")[:pos].decode("utf-8", errors="ignore")
            start = before.rfind("\n") + 1
            self.column = len(before) - start + 1
            self.line = text[start:].split("\n", 1)[0]
        if self.column is None:
            super().__init__(message)
        else:
            what = "syntax error" if isinstance(self, SyntaxError) else "error"
            super().__init__("%s at column %d: %s\n  %s\n  %s^" % (what, self.column, message, self.line,
                                                                   " " * (self.column - 1)))


class SyntaxError(Error):  # noqa: A001 (dfdx.SyntaxError, as the contract names it)
    """The text is not an expression."""


class DomainError(Error):
    """A value outside the real domain of a function, or a division by zero."""


class LimitError(Error):
    """Nesting depth, input size or node budget exceeded."""


class UsageError(Error):
    """A request that does not make sense (unknown variable, several variables, bad option)."""


_ERRORS = {L.ESYNTAX: SyntaxError, L.EDOMAIN: DomainError, L.ELIMIT: LimitError, L.EUSAGE: UsageError}

