"""One exception hierarchy.  Every message says what was wrong and what to do about it."""

from __future__ import annotations


class TidingsError(Exception):
    """Base of every error tidings raises on purpose."""


class InputError(TidingsError):
    """The input cannot be analysed: empty, binary, not an article, malformed record."""


class FetchError(InputError):
    """A URL could not be fetched (unreachable, refused scheme, too large, wrong content type)."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class PrivateAddressError(FetchError):
    """A URL names a loopback, private or link-local address, which is not fetched unless allowed."""


class ModelMissingError(TidingsError):
    """The pinned spaCy model is not installed."""
