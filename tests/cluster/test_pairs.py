"""Reading the pairs of a run: CSV with or without a header, paths, names, and every mistake as a sentence."""

from __future__ import annotations

import os

import pytest

from siamcrnn_qgis.cluster.pairs import PairSpec, pairs_from_rows, read_pairs
from siamcrnn_qgis.core.errors import InputError


def write(tmp_path, text: str):
    path = tmp_path / "pairs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_without_a_header_relative_paths_and_gdal_names(tmp_path):
    path = write(tmp_path, "# a comment\nt1/a.tif, t2/a.tif\n\n/data/b1.tif,/vsis3/bucket/scenes/b2.tif,north\n"
                           "/vsicurl/https://host/c1.tif,/vsiaz/box/c2.TIF\n")
    assert read_pairs(path) == [
        PairSpec("a", str(tmp_path / "t1" / "a.tif"), str(tmp_path / "t2" / "a.tif")),
        PairSpec("north", "/data/b1.tif", "/vsis3/bucket/scenes/b2.tif"),
        PairSpec("c2", "/vsicurl/https://host/c1.tif", "/vsiaz/box/c2.TIF"),
    ]


def test_a_header_names_the_columns_in_any_order(tmp_path):
    path = write(tmp_path, "\ufeffname,T2,t1,notes\nx,/b.tif,/a.tif,first\ny,/d.tif,/c.tif,\n")
    assert read_pairs(path) == [PairSpec("x", "/a.tif", "/b.tif"), PairSpec("y", "/c.tif", "/d.tif")]


@pytest.mark.parametrize(("text", "words"), [
    ("", "holds no pair"),
    ("t1,t2\n", "holds no pair"),
    ("/a.tif\n", "Line 1 of .* has 1 values; each line holds t1,t2 and optionally a name"),
    ("/a.tif,/b.tif,n,extra\n", "has 4 values"),
    ("/a.tif,,n\n", "Line 1 of .* has no T2 image"),
    ("/a1.tif,/x/scene.tif\n/a2.tif,/y/scene.tif\n", "Line 1 of .* and line 2 of .* would both write into the "
                                                      "folder 'scene': give these pairs a name in a third column"),
    ("/a.tif,/b.tif,Same\n/c.tif,/d.tif,same\n", "would both write into the folder 'same': give each pair its own"),
    ("/a.tif,/b.tif,../up\n", "the name '../up' cannot be an output folder's name"),
    ("/a.tif,/b.tif,.hidden\n", "cannot be an output folder's name"),
    ("/a.tif,/b.tif,summary.csv\n", "cannot be an output folder's name"),
    ("/a.tif,/.tif\n", r"the name '.tif' \(from the T2 file's name\) cannot be"),
])
def test_mistakes_are_sentences(tmp_path, text, words):
    with pytest.raises(InputError, match=words):
        read_pairs(write(tmp_path, text))


def test_a_missing_or_unreadable_file(tmp_path):
    with pytest.raises(InputError, match="The pairs file .*nothing.csv does not exist"):
        read_pairs(tmp_path / "nothing.csv")
    (tmp_path / "latin1.csv").write_bytes("/a.tif,/b.tif,caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="Could not read the pairs file .* give a UTF-8 CSV file"):
        read_pairs(tmp_path / "latin1.csv")


def test_rows_of_a_table():
    rows = [("row 1", "a1.tif", "a2.tif", ""), ("row 2", "/b1.tif", "/b2.tif", "b")]
    assert pairs_from_rows(rows, "/base") == [PairSpec("a2", "/base/a1.tif", "/base/a2.tif"),
                                              PairSpec("b", "/b1.tif", "/b2.tif")]
    assert pairs_from_rows(rows[:1])[0].t1 == os.path.abspath("a1.tif")
