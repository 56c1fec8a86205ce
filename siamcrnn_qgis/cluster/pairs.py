"""The pairs a cluster run detects: rows of ``t1,t2[,name]`` from a CSV file or a table, checked and named.

A relative path is relative to the CSV file's folder; GDAL names (``/vsis3/bucket/t1.tif``,
``/vsicurl/https://…``, ``/vsiaz/…``) are kept as they are. A pair without a name is named after its T2
file. Names become folder names, so they must be unique and safe as one."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core.errors import InputError

#: Letters, digits, '_', '-', '.' and spaces, not starting with '.' (hidden) nor ending with '.' or ' '.
_SAFE_NAME = re.compile(r"^[^\W][\w .-]*(?<![. ])$")
MAX_NAME_LENGTH = 100
#: Names a pair folder may not have: files the run writes beside the pair folders.
RESERVED_NAMES = frozenset({"summary.csv"})


@dataclass(frozen=True)
class PairSpec:
    """One pair to detect: its name (the output folder), and T1 and T2 as GDAL opens them."""

    name: str
    t1: str
    t2: str

    def __post_init__(self) -> None:
        for name in ("name", "t1", "t2"):  # paths given as Path objects are kept as the strings GDAL opens
            object.__setattr__(self, name, str(getattr(self, name)))


def read_pairs(path: str | os.PathLike) -> list[PairSpec]:
    """The pairs of a CSV file: one ``t1,t2[,name]`` per line, with or without a header line (``t1,t2,name``
    in any order, then other columns are allowed), ``#`` comment lines and blank lines skipped."""
    source = Path(path)
    if not source.is_file():
        raise InputError(f"the pairs file {source} does not exist: give a CSV file with one t1,t2[,name] line per "
                         "pair")
    try:
        with open(source, newline="", encoding="utf-8-sig") as handle:
            rows = [(number, [cell.strip() for cell in row]) for number, row in enumerate(csv.reader(handle), 1)]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"could not read the pairs file {source} ({error}): give a UTF-8 CSV file with one "
                         "t1,t2[,name] line per pair") from None
    rows = [(number, row) for number, row in rows if any(row) and not row[0].startswith("#")]
    columns = None
    if rows and {"t1", "t2"} <= {cell.lower() for cell in rows[0][1]}:
        header = [cell.lower() for cell in rows.pop(0)[1]]
        columns = (header.index("t1"), header.index("t2"), header.index("name") if "name" in header else None)
    entries = []
    for number, row in rows:
        where = f"line {number} of {source}"
        if columns is None:
            if len(row) not in (2, 3):
                raise InputError(f"{where} has {len(row)} values; each line holds t1,t2 and optionally a name "
                                 "(or start the file with a header line naming the columns t1,t2,name)")
            t1, t2, name = row[0], row[1], row[2] if len(row) == 3 else ""
        else:
            t1, t2, name = (row[i] if i is not None and i < len(row) else "" for i in columns)
        entries.append((where, t1, t2, name))
    if not entries:
        raise InputError(f"the pairs file {source} holds no pair: write one t1,t2[,name] line per pair")
    return pairs_from_rows(entries, source.absolute().parent)  # workers do not share this process's folder


def pairs_from_rows(rows: list[tuple[str, str, str, str]], base: str | os.PathLike | None = None) -> list[PairSpec]:
    """Pairs from ``(where, t1, t2, name)`` rows (``where`` says which row, for messages; ``name`` may be
    empty): relative paths resolved against ``base`` (else the working folder), names given or taken from
    T2, all checked."""
    from ..io._gdal import is_plain_path

    def resolve(path: str) -> str:  # absolute: the workers run in other folders, on other machines
        if not is_plain_path(path) or os.path.isabs(path):
            return path
        return os.path.normpath(os.path.join(str(base) if base is not None else os.getcwd(), path))

    pairs: list[PairSpec] = []
    seen: dict[str, str] = {}
    for where, t1, t2, name in rows:
        for label, value in (("T1", t1), ("T2", t2)):
            if not value:
                raise InputError(f"{where} has no {label} image: give the paths of both images")
        given = bool(name)
        name = name or default_name(t2)
        check_name(name, where, given)
        key = name.casefold()
        if key in seen:
            hint = "give each pair its own name" if given else "give these pairs a name in a third column"
            raise InputError(f"{seen[key]} and {where} would both write into the folder {name!r}: {hint}")
        seen[key] = where
        pairs.append(PairSpec(name, resolve(t1), resolve(t2)))
    return pairs


def default_name(t2: str) -> str:
    """A pair's name when none is given: the T2 file's name without its extension."""
    return PurePosixPath(t2.replace("\\", "/").rstrip("/")).stem


def check_name(name: str, where: str, given: bool = True) -> None:
    what = f"the name {name!r}" if given else f"the name {name!r} (from the T2 file's name)"
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(f"{where}: {what} is longer than {MAX_NAME_LENGTH} characters: give a shorter name")
    if not _SAFE_NAME.match(name) or name.lower() in RESERVED_NAMES:
        raise InputError(f"{where}: {what} cannot be an output folder's name: use letters, digits, '_', '-', '.' "
                         "and spaces, not starting with '.'")
