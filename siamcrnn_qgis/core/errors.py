"""Exceptions the plugin raises; ``str(e)`` is shown to users, so it says what was wrong and how to fix it."""


class SiamCRNNError(Exception):
    """Base class of every error the plugin explains to its user."""


class InputError(SiamCRNNError):
    """An input raster, vector, parameter or output path is unusable."""


class ModelFileError(SiamCRNNError):
    """A model file is missing, corrupt, unsafe or incompatible."""


class DeviceError(SiamCRNNError):
    """The requested compute device is unavailable."""


class Cancelled(SiamCRNNError):
    """The user cancelled the run."""
