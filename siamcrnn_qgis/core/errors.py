"""Errors the engine raises. ``str(error)`` is shown to users, so each message says what was wrong and
how to put it right; it is shown as a sentence (:func:`as_sentence`), whatever case the message is
written in."""

from __future__ import annotations

import re

# A plain lower-case word at the start ("could", "the"): never a file name ("notes.safetensors"), a path
# or an identifier ("fcn_model"), which keep their spelling.
_PLAIN_FIRST_WORD = re.compile(r"^[a-z]+(?=[\s,;:]|$)")


def as_sentence(message: str) -> str:
    """The message with a capital first letter (when it starts with a plain word) and a full stop."""
    message = message.strip()
    if not message:
        return message
    if _PLAIN_FIRST_WORD.match(message):
        message = message[0].upper() + message[1:]
    if message[-1] not in ".!?":
        message += "."
    return message


class SiamCRNNError(Exception):
    """Base of every error the engine raises on purpose."""

    def __str__(self) -> str:
        return as_sentence(super().__str__())


class InputError(SiamCRNNError):
    """The rasters, labels or options given cannot be used (wrong sizes, band counts, classes...)."""


class ModelFileError(SiamCRNNError):
    """A model file is missing, damaged, not a SiamCRNN model, or made by a newer plugin."""


class DeviceError(SiamCRNNError):
    """The requested compute device does not exist or cannot be used."""


class Cancelled(SiamCRNNError):  # noqa: N818 (name is part of the public API)
    """The user cancelled the run."""
