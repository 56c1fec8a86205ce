"""Siamese or pseudo-siamese: whether both dates go through one shared branch (same sensor) or each date
through its own (different sensors or band counts), for every architecture."""

from __future__ import annotations

from .errors import InputError
from .options import SIAMESE_CHOICES


def resolve_shared(siamese: str, bands_t1: int, bands_t2: int, sensors_differ: bool = False) -> bool:
    """Whether to share one branch: 'auto' shares when band counts match and the sensors do not differ."""
    if siamese == "auto":
        return bands_t1 == bands_t2 and not sensors_differ
    if siamese == "shared":
        check_shared_bands(True, bands_t1, bands_t2)
        return True
    if siamese == "separate":
        return False
    raise InputError(f"unknown siamese option {siamese!r}; use one of {', '.join(SIAMESE_CHOICES)}")


def check_shared_bands(shared: bool, bands_t1: int, bands_t2: int) -> None:
    """A shared (siamese) branch reads both dates, so they need the same number of bands."""
    if shared and bands_t1 != bands_t2:
        raise InputError(f"shared (siamese) branches need equal band counts, but T1 has {bands_t1} and "
                         f"T2 has {bands_t2}; choose 'separate' or 'auto'")
