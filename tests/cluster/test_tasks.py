"""The worker side's allocator setting: in a process started as Dask's nanny starts its workers, blocks of a
few MiB come from mmap until :func:`keep_freed_memory` runs, and from the heap afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import ctypes, json

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
            "keepcost")]

    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = MallInfo2
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]

    def mapped_blocks_for(size):
        before = libc.mallinfo2().hblks
        block = libc.malloc(size)
        during = libc.mallinfo2().hblks
        libc.free(block)
        return during - before

    from siamcrnn_qgis.cluster.tasks import keep_freed_memory
    before = [mapped_blocks_for(4 << 20), mapped_blocks_for(4 << 20)]
    tuned = keep_freed_memory()
    after = [mapped_blocks_for(4 << 20), mapped_blocks_for(4 << 20), mapped_blocks_for(64 << 20)]
    print(json.dumps({"before": before, "tuned": tuned, "again": keep_freed_memory(), "after": after}))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator is Linux's")
def test_worker_tasks_let_glibc_keep_freed_memory_under_dasks_trim_setting():
    import dask.config
    import distributed  # noqa: F401  (loads its configuration defaults)

    environment = dict(os.environ, **{key: str(value) for key, value in
                                      dask.config.get("distributed.nanny.pre-spawn-environ").items()})
    assert environment["MALLOC_TRIM_THRESHOLD_"] == "65536"  # what the nanny gives every worker
    completed = subprocess.run([sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True,
                               timeout=60, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["before"] == [1, 1]  # a fresh mmap for each 4 MiB block
    assert result["tuned"] is True and result["again"] is True
    assert result["after"] == [0, 0, 1]  # 4 MiB from the heap; 64 MiB (over 32 MiB) still mapped
