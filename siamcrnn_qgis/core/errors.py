"""Errors the engine raises. ``str(error)`` is shown to users as-is, so each message says what was
wrong and how to put it right."""

from __future__ import annotations


class SiamCRNNError(Exception):
    """Base of every error the engine raises on purpose."""


class InputError(SiamCRNNError):
    """The rasters, labels or options given cannot be used (wrong sizes, band counts, classes...)."""


class ModelFileError(SiamCRNNError):
    """A model file is missing, damaged, not a SiamCRNN model, or made by a newer plugin."""


class DeviceError(SiamCRNNError):
    """The requested compute device does not exist or cannot be used."""


class Cancelled(SiamCRNNError):  # noqa: N818 (name is part of the public API)
    """The user cancelled the run."""
