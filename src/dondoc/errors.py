"""Errors raised by dondoc.

    DondocError                      every error dondoc raises on purpose
    ├── InputError                   the user's input cannot be used (CLI exit 2, HTTP 4xx)
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── EncodingError            undecodable or unsupported legacy encoding
    │   ├── InputTooLargeError
    │   └── UnsupportedFormatError
    ├── DependencyError              a system tool or optional package is missing
    └── StoreError                   database problems
        ├── NotFoundError
        └── ConflictError            optimistic-concurrency version mismatch

Messages are meant for office staff: they say what is wrong and what to do next, in one line.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConflictError",
    "DependencyError",
    "DondocError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputTooLargeError",
    "NotFoundError",
    "StoreError",
    "UnsupportedFormatError",
]


class DondocError(Exception):
    """Base class; ``str(err)`` is a one-line message fit for a user."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(DondocError):
    """The input cannot be used as given."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class DependencyError(DondocError):
    """A required system tool or package is missing."""


class StoreError(DondocError):
    pass


class NotFoundError(StoreError):
    pass


class ConflictError(StoreError):
    pass
