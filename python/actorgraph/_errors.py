"""The exceptions actorgraph raises, each with the library's message and the
structured facts a program needs (where a parse failed, which actors a name
could mean, every problem of a rejected dataset).

They are plain Python classes so that they can inherit from the built-in
exception a caller would expect (a bad date is a ``ValueError``, a missing
file an ``OSError``) as well as from :class:`ActorGraphError`.
"""

from __future__ import annotations

from typing import NamedTuple, Optional


class Suggestion(NamedTuple):
    """An actor a name may have meant, as an unknown or ambiguous name lists it."""

    id: str
    """The actor's id."""
    name: str
    """The actor's current name."""
    kind: str
    """The actor's kind, snake case (``armed_group``)."""
    matched: str
    """The name, alias, former name or id that matched, as written."""
    role: str
    """Which of the actor's names matched: ``id``, ``name``, ``alias`` or ``former_name``."""
    how: str
    """How the text fit it, in words (``exact name``, ``spelling variant``...)."""


class Problem(NamedTuple):
    """One thing validation found wrong with a dataset."""

    item_kind: str
    """``source``, ``actor`` or ``relation``."""
    item_id: str
    """The record's id as written."""
    part: Optional[str]
    """The part of the record at fault (``subject``...), or None for the whole record."""
    message: str
    """The whole message, with the position when known."""
    line: Optional[int]
    """One-based line of the item in the text it was read from, when known."""
    column: Optional[int]
    """One-based column, in characters, when known."""


class RejectedRow(NamedTuple):
    """A row an import refused: where it is and the rule it breaks."""

    path: str
    """The file."""
    line: int
    """One-based line the row begins on (the header is line 1)."""
    column: Optional[int]
    """One-based position of the cell at fault, when one cell is."""
    column_name: Optional[str]
    """The header of that column."""
    rule: str
    """The rule the row breaks, as a sentence."""


class ActorGraphError(Exception):
    """Every error actorgraph raises derives from this.

    ``kind`` names the library's error kind in snake case (``syntax``,
    ``unknown_name``, ``invalid``...); ``str(error)`` is its message.
    """

    kind: str

    def __init__(self, message: str, kind: str = "internal", **facts: object) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        for name, value in facts.items():
            setattr(self, name, value)


class ParseError(ActorGraphError, ValueError):
    """A dataset's text could not be read: ``line`` and ``column`` (one-based,
    characters) say where, ``end_line``/``end_column`` where the bad text ends,
    ``path`` which file (or None for a string)."""

    line: Optional[int]
    column: Optional[int]
    end_line: Optional[int]
    end_column: Optional[int]
    path: Optional[str]


class InvalidDatasetError(ActorGraphError, ValueError):
    """A dataset failed validation: ``problems`` lists every problem found (up to
    a hundred), ``total`` how many there were in all, ``path`` which file."""

    problems: list[Problem]
    total: int
    path: Optional[str]


class NameError_(ActorGraphError, LookupError):
    """Base of the name errors: ``query`` is the text asked for and
    ``candidates`` the actors it may have meant, best first."""

    query: Optional[str]
    candidates: list[Suggestion]


class UnknownNameError(NameError_):
    """A text is no actor's name; ``candidates`` are the nearest names, if any."""


class AmbiguousNameError(NameError_):
    """A text fits several actors and none clearly; ``candidates`` lists them."""


class UnknownRelationError(ActorGraphError, LookupError):
    """A relation id does not exist; ``suggestion`` is the closest id, if any."""

    id: str
    suggestion: Optional[str]


class DateError(ActorGraphError, ValueError):
    """A date is malformed or names a day that does not exist, or an interval
    is reversed; ``text`` is the text given when there was one."""

    text: Optional[str]


class SnapshotError(ActorGraphError, ValueError):
    """A snapshot could not be opened; ``fault`` says why (``not_a_snapshot``,
    ``version``, ``truncated``, ``checksum``...), ``path`` which file."""

    fault: Optional[str]
    path: Optional[str]


class ActorGraphIOError(ActorGraphError, OSError):
    """A file could not be read or written; ``path`` says which."""

    path: Optional[str]


class InvalidArgumentError(ActorGraphError, ValueError):
    """An argument is out of range or malformed; ``argument`` names it when the
    library does."""

    argument: Optional[str]


class InternalError(ActorGraphError, RuntimeError):
    """A bug in actorgraph caught before it could crash the interpreter.
    Please report it with the call that raised it."""


__all__ = [
    "ActorGraphError",
    "ActorGraphIOError",
    "AmbiguousNameError",
    "DateError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidDatasetError",
    "NameError_",
    "ParseError",
    "Problem",
    "SnapshotError",
    "Suggestion",
    "UnknownNameError",
    "UnknownRelationError",
]


class RejectedRowsError(ActorGraphError, ValueError):
    """An import found rows it cannot read and was not asked to skip them:
    ``rows`` lists them (:class:`RejectedRow`), ``total`` counts them all.
    Nothing was imported."""

    rows: list
    total: Optional[int]
