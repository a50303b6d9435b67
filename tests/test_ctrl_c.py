"""Ctrl-C saat ``iku render``: berhenti dalam beberapa detik, kernel dibunuh, dokumen lama utuh.

Proses ``iku`` sungguhan dijalankan di grup prosesnya sendiri; Ctrl-C ditiru
dengan SIGINT ke seluruh grup itu (seperti terminal), sekali atau dua kali.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.lambat

AKAR = Path(__file__).resolve().parents[1]


def _buku(kode: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameter = nbformat.v4.new_code_cell("tahun = 2025\nperiode = None")
    parameter.metadata["tags"] = ["parameters"]
    nb.cells = [parameter, nbformat.v4.new_markdown_cell("# BAB UJI"), nbformat.v4.new_code_cell(kode)]
    return nb


def _isi(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _kernel_milik(akar: Path) -> list[int]:
    """PID proses (selain proses tes) yang lingkungannya memuat IKU_ROOT=<akar>."""
    penanda = f"IKU_ROOT={akar}".encode()
    hasil = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit() or int(p.name) == os.getpid():
            continue
        try:
            if penanda in (p / "environ").read_bytes().split(b"\0"):
                hasil.append(int(p.name))
        except OSError:
            continue
    return hasil


def _env(akar: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IKU_")}
    env.update(IKU_ROOT=str(akar), PYTHONPATH=str(AKAR / "src"), IKU_KERNEL_SIAGA="0")
    return env


@pytest.fixture(scope="module")
def proyek_dasar(tmp_path_factory) -> Path:
    """Proyek dua bab yang sudah dirender sekali oleh ``iku render`` sungguhan (dokumen lama), sekali per modul."""
    akar = tmp_path_factory.mktemp("dasar") / "proyek"
    shutil.copytree(AKAR / "data", akar / "data")
    (akar / "parameters").mkdir()
    for nama in ("base.yml", "2025.yml"):
        shutil.copyfile(AKAR / "parameters" / nama, akar / "parameters" / nama)
    (akar / "notebooks").mkdir()
    nbformat.write(_buku("from IPython.display import HTML\nHTML('<p>BAB SATU</p>')"), akar / "notebooks" / "01_satu.ipynb")
    nbformat.write(_buku("from IPython.display import HTML\nHTML('<p>BAB DUA LAMA</p>')"), akar / "notebooks" / "02_dua.ipynb")
    pertama = _iku(_env(akar))
    keluar, galat = pertama.communicate(timeout=300)
    assert pertama.returncode == 0, galat
    assert (akar / "rendered" / "2025" / "IKU-2025-reviu.html").is_file()
    return akar


@pytest.fixture
def proyek(proyek_dasar, tmp_path):
    """Salinan :func:`proyek_dasar` (dengan dokumen lama dan cache-nya) milik satu tes."""
    akar = tmp_path / "proyek"
    shutil.copytree(proyek_dasar, akar)
    return akar, _env(akar)


def _sigint_bawaan() -> None:
    """SIGINT kembali ke bawaan di proses ``iku``, seperti dijalankan dari terminal.

    Pytest yang dijalankan di latar belakang oleh shell tanpa kendali tugas (``cmd &`` di skrip, CI)
    mewarisi SIGINT yang diabaikan, dan anak-anaknya pun; tanpa ini Ctrl-C tiruan tidak pernah sampai.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _iku(env, *argumen, **kw):
    return subprocess.Popen([sys.executable, "-m", "analisis.cli", "render", "--tahun", "2025", "--format", "html",
                             "--jobs", "2", *argumen], env=env, cwd=env["IKU_ROOT"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_sigint_bawaan,
                            **kw)


@pytest.mark.parametrize("kali", [1, 2])
def test_ctrl_c_menghentikan_render_dalam_beberapa_detik(proyek, kali):
    akar, env = proyek
    lama = _isi(akar / "rendered" / "2025")

    # bab 2 kini menggantung; bab 1 berubah juga (dua kernel sibuk)
    nbformat.write(_buku("import time\nwhile True:\n    time.sleep(0.1)"), akar / "notebooks" / "02_dua.ipynb")
    nbformat.write(_buku("import time\ntime.sleep(300)"), akar / "notebooks" / "01_satu.ipynb")
    proses = _iku(env)
    batas = time.monotonic() + 120
    while time.monotonic() < batas:
        sibuk = list((akar / "rendered").glob(".bangun-*/.cache/*/.jejak"))
        if len(sibuk) == 2 and len(_kernel_milik(akar)) >= 3:
            break
        assert proses.poll() is None, proses.communicate()
        time.sleep(0.2)
    else:
        pytest.fail("kernel tidak mulai mengeksekusi")
    time.sleep(1.0)

    mulai = time.monotonic()
    os.killpg(proses.pid, signal.SIGINT)
    if kali == 2:
        time.sleep(0.3)
        os.killpg(proses.pid, signal.SIGINT)
    try:
        keluar, galat = proses.communicate(timeout=15)
    finally:
        if proses.poll() is None:
            os.killpg(proses.pid, signal.SIGKILL)
    durasi = time.monotonic() - mulai

    assert durasi < 8, f"Ctrl-C butuh {durasi:.1f} detik"
    assert proses.returncode == 130
    baris = [b for b in galat.splitlines() if b.strip()]
    assert len(baris) == 1 and "Traceback" not in galat, galat
    assert baris[0].startswith("Render dihentikan (Ctrl-C)") and "tidak diubah" in baris[0], baris
    # dokumen lama utuh, tidak ada kernel yang tertinggal
    assert _isi(akar / "rendered" / "2025") == lama
    time.sleep(0.5)
    assert _kernel_milik(akar) == []
