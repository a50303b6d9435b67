"""Jalur berkas ruang kerja, semuanya dibangun dari satu akar.

Akar dicari dari variabel lingkungan ``IKU_ROOT`` atau, bila tidak ada, dari
folder kerja naik ke atas sampai ditemukan folder yang memuat ``data/`` dan
``parameters/``. Dengan begitu buku catatan di ``notebooks/`` dan perintah
``iku`` yang dijalankan dari akar melihat berkas yang sama.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["akar", "folder_data", "folder_parameter", "folder_notebook", "folder_render"]


def _cari_akar(mulai: Path) -> Path | None:
    for kandidat in (mulai, *mulai.parents):
        if (kandidat / "data").is_dir() and (kandidat / "parameters").is_dir():
            return kandidat
    return None


def akar() -> Path:
    """Akar ruang kerja (folder yang memuat ``data/`` dan ``parameters/``)."""
    env = os.environ.get("IKU_ROOT")
    if env:
        return Path(env).resolve()
    ditemukan = _cari_akar(Path.cwd().resolve())
    if ditemukan is None:
        ditemukan = _cari_akar(Path(__file__).resolve().parent)
    if ditemukan is None:
        raise FileNotFoundError(
            "Akar ruang kerja tidak ditemukan: jalankan dari folder proyek "
            "(yang memuat data/ dan parameters/) atau setel IKU_ROOT."
        )
    return ditemukan


def folder_data() -> Path:
    return Path(os.environ.get("IKU_DATA") or akar() / "data")


def folder_parameter() -> Path:
    return akar() / "parameters"


def folder_notebook() -> Path:
    return akar() / "notebooks"


def folder_render() -> Path:
    return Path(os.environ.get("IKU_RENDERED") or akar() / "rendered")
