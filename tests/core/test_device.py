"""Native bfloat16 on the CPU: what is detected (PyTorch's probe, /proc/cpuinfo as the fallback) and what the
device line and the precision hint then say. The probes and flags are faked, so every case runs here."""

from __future__ import annotations

import types

import pytest
import torch

from siamcrnn_qgis.core import device as device_module
from siamcrnn_qgis.core.device import CpuBfloat16, detect_cpu_bfloat16, precision_hint, select_device

AMX_CPUINFO = ("processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu sse avx512f avx512_bf16 amx_bf16 "
               "amx_tile amx_int8\n\nprocessor\t: 1\nflags\t\t: fpu\n")
ZEN4_CPUINFO = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu avx512f avx512_vnni avx512_bf16\n"
OLD_CPUINFO = "processor\t: 0\nflags\t\t: fpu sse avx2 avx512f avx512_vnni\n"


def flags_of(text: str):
    return lambda: set(next(line for line in text.splitlines() if line.startswith("flags")).split(":")[1].split())


def no_cpuinfo_expected():
    raise AssertionError("PyTorch answered: /proc/cpuinfo must not be read")


@pytest.mark.parametrize(("features", "expected"), [
    ({"amx_bf16": True, "avx512_bf16": True}, CpuBfloat16("amx", "torch")),
    ({"amx_bf16": False, "avx512_bf16": True}, CpuBfloat16("avx512_bf16", "torch")),
    ({"amx_bf16": False, "avx512_bf16": False}, CpuBfloat16(None, "torch")),
])
def test_torch_probe_answers(features, expected):
    assert detect_cpu_bfloat16(lambda: features, no_cpuinfo_expected) == expected


@pytest.mark.parametrize(("cpuinfo", "expected"), [
    (AMX_CPUINFO, CpuBfloat16("amx", "cpuinfo")),
    (ZEN4_CPUINFO, CpuBfloat16("avx512_bf16", "cpuinfo")),
    (OLD_CPUINFO, CpuBfloat16(None, "cpuinfo")),
])
def test_without_the_probe_the_kernel_flags_answer(tmp_path, cpuinfo, expected):
    path = tmp_path / "cpuinfo"
    path.write_text(cpuinfo)
    assert detect_cpu_bfloat16(dict, lambda: device_module._cpuinfo_flags(path)) == expected


def test_partial_probe_asks_the_flags_only_for_what_it_could_not_tell():
    # an older torch with only the AVX-512 BF16 probe, on an AMX machine: AMX comes from the flags
    assert detect_cpu_bfloat16(lambda: {"avx512_bf16": False}, flags_of(AMX_CPUINFO)) == CpuBfloat16("amx", "cpuinfo")
    # torch said no to AVX-512 BF16: the flags are not asked about it again
    assert detect_cpu_bfloat16(lambda: {"avx512_bf16": False}, flags_of(ZEN4_CPUINFO)) == CpuBfloat16(None, "cpuinfo")


def test_nothing_to_ask_is_not_native(tmp_path):
    assert device_module._cpuinfo_flags(tmp_path / "absent") is None
    assert detect_cpu_bfloat16(dict, lambda: None) == CpuBfloat16(None, None)
    assert not CpuBfloat16().native and CpuBfloat16("amx").native


def fake_torch_cpu(monkeypatch, **attributes):
    monkeypatch.setattr(device_module.torch, "cpu", types.SimpleNamespace(**attributes))


def test_torch_features_from_get_capabilities(monkeypatch):
    fake_torch_cpu(monkeypatch, get_capabilities=lambda: {"amx_bf16": False, "amx_tile": True, "avx512_bf16": True},
                   _is_amx_tile_supported=lambda: pytest.fail("get_capabilities answered"))
    assert device_module._torch_cpu_features() == {"amx_bf16": False, "avx512_bf16": True}


def test_torch_features_from_the_older_probes(monkeypatch):
    fake_torch_cpu(monkeypatch, _is_amx_tile_supported=lambda: False, _is_avx512_bf16_supported=lambda: True)
    assert device_module._torch_cpu_features() == {"amx_bf16": False, "avx512_bf16": True}

    def broken():
        raise RuntimeError("cpuinfo failed")

    fake_torch_cpu(monkeypatch, get_capabilities=broken, _is_amx_tile_supported=broken,
                   _is_avx512_bf16_supported=lambda: True)
    assert device_module._torch_cpu_features() == {"avx512_bf16": True}
    fake_torch_cpu(monkeypatch, get_capabilities=lambda: {"architecture": "arm64", "bf16": True})
    assert device_module._torch_cpu_features() == {}


def test_this_machine_agrees_with_its_kernel_flags():
    """The real probe against the real /proc/cpuinfo (where there is one)."""
    flags = device_module._cpuinfo_flags()
    if flags is None:
        pytest.skip("no /proc/cpuinfo")
    found = device_module.cpu_bfloat16()
    expected = "amx" if "amx_bf16" in flags else "avx512_bf16" if "avx512_bf16" in flags else None
    assert found.kind == expected


@pytest.fixture()
def cpu_is(monkeypatch):
    def set_support(kind):
        monkeypatch.setattr(device_module, "cpu_bfloat16", lambda: CpuBfloat16(kind, "torch"))
    return set_support


@pytest.mark.parametrize(("kind", "words"), [
    ("amx", ", bfloat16 (native on this CPU: AMX)"),
    ("avx512_bf16", ", bfloat16 (native on this CPU: AVX-512 BF16)"),
])
def test_device_line_names_the_native_support(cpu_is, kind, words):
    cpu_is(kind)
    info = select_device("cpu", "bfloat16")
    assert info.bfloat16 and info.description == f"Running on CPU, {torch.get_num_threads()} threads{words}"
    assert "slower" not in info.description
    assert info.hint == "", "bfloat16 was chosen: nothing to suggest"


def test_device_line_warns_where_bfloat16_is_emulated(cpu_is):
    cpu_is(None)
    info = select_device("cpu", "bfloat16")
    assert info.bfloat16 and info.description.endswith(
        "bfloat16 (not native on this CPU, which has neither AMX nor AVX-512 BF16: emulated, likely slower "
        "than float32)")
    for precision in ("auto", "float32"):
        quiet = select_device("cpu", precision)
        assert not quiet.bfloat16 and quiet.hint == "" and "bfloat16" not in quiet.description


@pytest.mark.parametrize(("kind", "label", "speed"), [
    ("amx", "AMX", "two to three times as fast"), ("avx512_bf16", "AVX-512 BF16", "about twice as fast")])
@pytest.mark.parametrize("precision", ["auto", "float32"])
def test_hint_where_float32_runs_on_a_native_bfloat16_cpu(cpu_is, kind, label, speed, precision):
    cpu_is(kind)
    info = select_device("cpu", precision)
    assert not info.bfloat16 and info.description == f"Running on CPU, {torch.get_num_threads()} threads"
    assert info.hint.startswith(f"This CPU computes bfloat16 natively ({label}): with PRECISION=bfloat16 "
                                f"detection runs {speed}")
    for figure in ("0.0012", "0.047", "0.01–0.14 %"):
        assert figure in info.hint
    assert precision_hint(info, precision) == info.hint


def test_training_device_gives_the_hint_too(cpu_is):
    cpu_is("avx512_bf16")
    assert "PRECISION=bfloat16" in device_module.training_device("cpu", "auto", False).hint  # auto: float32
    assert "PRECISION=bfloat16" in device_module.training_device("cpu", "float32", True).hint
    assert device_module.training_device("cpu", "bfloat16", True).hint == ""


def test_no_hint_off_the_cpu():
    accelerator = device_module.DeviceInfo(torch.device("cpu"), "cuda", "a GPU", bfloat16=False)
    assert precision_hint(accelerator, "float32", CpuBfloat16("amx", "torch")) == ""
