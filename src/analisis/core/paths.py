"""Jalur berkas ruang kerja, semuanya dibangun dari satu akar.

Akar dicari dari variabel lingkungan ``IKU_ROOT`` atau, bila tidak ada, dari
folder kerja naik ke atas sampai ditemukan folder yang memuat ``data/`` dan
``parameters/``. Dengan begitu buku catatan di ``notebooks/`` dan perintah
``iku`` yang dijalankan dari akar melihat berkas yang sama.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["akar", "folder_data", "folder_parameter", "folder_notebook", "folder_render"]


def _cari_akar(mulai: Path) -> Path | None:
    ditemukan = _cari(os.fspath(mulai))
    return None if ditemukan is None else Path(ditemukan)


def _cari(mulai: str) -> str | None:
    """Folder pertama dari ``mulai`` ke atas yang memuat ``data/`` dan ``parameters/`` (jalur teks, tanpa ``Path``)."""
    kandidat = mulai
    while True:
        if os.path.isdir(os.path.join(kandidat, "data")) and os.path.isdir(os.path.join(kandidat, "parameters")):
            return kandidat
        induk = os.path.dirname(kandidat)
        if induk == kandidat:
            return None
        kandidat = induk


# IKU_ROOT -> (jalur nyata, st_dev, st_ino): Path.resolve() memeriksa setiap komponen jalur (±35 µs per panggilan,
# ratusan panggilan per bab); hasilnya dipakai lagi selama IKU_ROOT dan jalur nyatanya masih folder yang sama.
_NYATA: dict[str, tuple[str, int, int]] = {}


def _id_folder(jalur: str) -> tuple[int, int] | None:
    try:
        st = os.stat(jalur)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _nyata(jalur: str) -> str:
    """``str(Path(jalur).resolve())``, diingat selama ``jalur`` dan hasilnya menunjuk folder yang sama."""
    lama = _NYATA.get(jalur)
    if lama is not None:
        id_ = _id_folder(jalur)
        if id_ is not None and id_ == lama[1:] and _id_folder(lama[0]) == id_:
            return lama[0]
    nyata = str(Path(jalur).resolve())
    id_ = _id_folder(nyata)
    if id_ is not None:
        _NYATA[jalur] = (nyata, *id_)
    return nyata


def _folder_kerja() -> str:
    cwd = os.getcwd()
    # getcwd() di Linux sudah jalur fisik (tanpa tautan simbolik), sama dengan Path.cwd().resolve()
    return cwd if sys.platform.startswith("linux") else _nyata(cwd)


_FOLDER_MODUL: str | None = None

# teks jalur -> Path yang sama (Path tidak dapat diubah; membuatnya ±5 µs, ratusan kali per bab)
_PATH: dict[str, Path] = {}


def _sebagai_path(jalur: str) -> Path:
    p = _PATH.get(jalur)
    if p is None:
        if len(_PATH) > 1024:
            _PATH.clear()
        p = _PATH[jalur] = Path(jalur)
    return p


def akar() -> Path:
    """Akar ruang kerja (folder yang memuat ``data/`` dan ``parameters/``).

    Dipanggil ratusan kali per bab (setiap memo menyusun kuncinya dari
    :func:`folder_data`): pencariannya memakai jalur teks dan ``stat`` saja.

    >>> (akar() / "data").is_dir() and (akar() / "parameters").is_dir()
    True
    """
    return _sebagai_path(_akar_teks())


def _akar_teks() -> str:
    global _FOLDER_MODUL
    env = os.environ.get("IKU_ROOT")
    if env:
        return _nyata(env)
    ditemukan = _cari(_folder_kerja())
    if ditemukan is None:
        if _FOLDER_MODUL is None:
            _FOLDER_MODUL = str(Path(__file__).resolve().parent)
        ditemukan = _cari(_FOLDER_MODUL)
    if ditemukan is None:
        raise FileNotFoundError(
            "Akar ruang kerja tidak ditemukan: jalankan dari folder proyek "
            "(yang memuat data/ dan parameters/) atau setel IKU_ROOT."
        )
    return ditemukan


def folder_data() -> Path:
    env = os.environ.get("IKU_DATA")
    return _sebagai_path(env) if env else _sebagai_path(os.path.join(_akar_teks(), "data"))


def folder_parameter() -> Path:
    return _sebagai_path(os.path.join(_akar_teks(), "parameters"))


def folder_notebook() -> Path:
    return akar() / "notebooks"


def folder_render() -> Path:
    return Path(os.environ.get("IKU_RENDERED") or akar() / "rendered")
