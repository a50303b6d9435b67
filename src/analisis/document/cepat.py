"""Jalur cepat ``iku render --tahun T`` bila tidak ada yang berubah sama sekali.

Render tanpa perubahan tetap menghitung SHA-256 setiap berkas masukan,
memuat dan memvalidasi parameter (pydantic) dan mengimpor
:mod:`analisis.document.render` (asyncio, jinja2 lewat penomoran, ...); semua
itu ± 0,3–0,6 s sebelum ia tahu bahwa tidak ada yang perlu dikerjakan. Modul
ini (hanya pustaka standar) menjawab pertanyaan itu dari ``stat`` saja:

1. sebelum render penuh, :func:`jejak_masukan` mencatat ``stat`` (waktu ubah
   dan waktu ganti dalam nanodetik, ukuran, inode) setiap berkas yang dibaca
   render tanpa perubahan: ``src/analisis``, ``data/``, ``parameters/``,
   ``notebooks/`` beserta gambar yang dirujuknya, folder site-packages
   (memasang atau membuang paket mengubahnya), versi Python dan variabel
   lingkungan ``IKU_*``;
2. setelah render penuh berhasil, :func:`tulis` menyimpan catatan itu bersama
   ``stat`` setiap berkas di ``rendered/<tahun>/`` (termasuk ``.cache/``),
   permintaannya (tahun, periode, format, edisi) dan baris yang dicetak
   ``iku`` di ``rendered/.cepat-<tahun>.json``;
3. render berikutnya dengan permintaan yang sama (:func:`coba`) memegang kunci
   render, membandingkan ``stat`` sekarang dengan catatan itu, dan bila
   semuanya sama mencetak baris yang sama tanpa menyentuh apa pun. Satu
   perbedaan saja (juga ``touch``) berarti jalur penuh seperti biasa, yang
   membandingkan isi dengan SHA-256.

Tidak pernah basi: ``stat`` masukan diambil *sebelum* render penuh membaca
isinya, sehingga berkas yang diubah selama render tercatat dengan ``stat``
lamanya. Setiap suntingan sesudahnya mengubah waktu ganti (``st_ctime``, yang
juga berubah bila waktu ubah dikembalikan dengan ``touch -d``), kecuali
suntingan dalam detak jam yang sama dengan ``stat`` yang dicatat. Karena itu
berkas yang waktu ubah atau gantinya kurang dari :data:`MARJIN_NS` sebelum
catatan diambil ("racy", seperti indeks git) dicatat juga dengan SHA-256
isinya dan isinya dibandingkan ulang di setiap jalur cepat. Sisa render yang
terputus (``.bangun-*``, ``.lama-*``, ``<tahun>-gagal``) selalu berarti jalur
penuh, yang membereskannya.

Contoh (folder sementara sebagai ruang kerja)::

>>> import tempfile
>>> akar = Path(tempfile.mkdtemp())
>>> for nama in ("src", "data", "parameters", "notebooks", "rendered/2025"):
...     (akar / nama).mkdir(parents=True)
>>> _ = (akar / "data/lks.csv").write_text("a\\n1\\n")
>>> folder = {"kode": akar / "src", "data": akar / "data", "parameters": akar / "parameters",
...           "notebooks": akar / "notebooks"}
>>> permintaan = {"tahun": 2025, "format": ["html"]}
>>> j = jejak_masukan(folder)
>>> sorted(j["racy"])  # baru ditulis: isinya ikut dicatat
['data/lks.csv']
>>> tulis(akar / "rendered", 2025, permintaan, j, [["stdout", "Ditulis: x.html"]])
True
>>> coba(akar / "rendered", 2025, permintaan, folder)
[['stdout', 'Ditulis: x.html']]
>>> coba(akar / "rendered", 2025, {**permintaan, "format": ["html", "pdf"]}, folder) is None
True
>>> (akar / "src/__pycache__").mkdir()  # bytecode Python: tidak dihitung
>>> coba(akar / "rendered", 2025, permintaan, folder)
[['stdout', 'Ditulis: x.html']]
>>> (akar / "data/teks").mkdir()  # folder data baru: jalur penuh
>>> coba(akar / "rendered", 2025, permintaan, folder) is None
True
>>> (akar / "data/teks").rmdir()
>>> st = os.stat(akar / "data/lks.csv")
>>> _ = (akar / "data/lks.csv").write_text("a\\n2\\n")  # isi lain, ukuran sama,
>>> os.utime(akar / "data/lks.csv", ns=(st.st_atime_ns, st.st_mtime_ns))  # waktu ubah dikembalikan
>>> coba(akar / "rendered", 2025, permintaan, folder) is None
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

__all__ = ["MARJIN_NS", "jejak_masukan", "tulis", "coba", "hapus", "jalur_catatan"]

#: Versi format catatan.
VERSI = 1

#: Berkas yang diubah kurang dari sekian nanodetik sebelum ``stat`` diambil tidak dipercaya.
MARJIN_NS = 3_000_000_000

#: Variabel ``IKU_*`` yang tidak memengaruhi dokumen (menunggu kunci, mematikan jalur cepat).
_ENV_LAIN = frozenset({"IKU_TUNGGU_KUNCI", "IKU_TANPA_JALUR_CEPAT"})

#: Sisa render terputus di ``rendered/`` yang dibereskan jalur penuh.
_SISA = re.compile(r"^\.(?:bangun|lama)-")


def jalur_catatan(keluaran: Path, tahun: int) -> Path:
    """``rendered/.cepat-<tahun>.json``."""
    return Path(keluaran) / f".cepat-{int(tahun)}.json"


def _stat(jalur: str) -> list[int] | None:
    try:
        st = os.stat(jalur)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]


def _jalan(akar: Path, hasil: dict[str, list[int] | None], awalan: str, jalur: dict[str, str] | None = None) -> None:
    """``stat`` setiap berkas di bawah ``akar`` (tanpa ``__pycache__``), kunci ``awalan/<relatif>``.

    Folder dicatat hanya keberadaannya (kunci ``.../``, nilai ``[]``): waktu ubah
    folder berubah setiap kali Python membuat ``__pycache__`` di dalamnya, yang
    tidak memengaruhi apa pun; folder yang ditambah atau dibuang tetap terlihat.
    """
    hasil[awalan + "/"] = [] if os.path.isdir(akar) else None
    tumpukan = [(str(akar), awalan)]
    while tumpukan:
        folder, nama = tumpukan.pop()
        try:
            isi = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for e in isi:
            if e.name == "__pycache__" or e.name.endswith(".pyc"):
                continue
            kunci = f"{nama}/{e.name}"
            if e.is_dir(follow_symlinks=True):
                hasil[kunci + "/"] = []
                tumpukan.append((e.path, kunci))
            else:
                hasil[kunci] = _stat(e.path)
                if jalur is not None:
                    jalur[kunci] = e.path


def _lingkungan() -> dict:
    paket = {p: _stat(p) for p in sys.path if p and p.endswith(("site-packages", "dist-packages"))}
    return {
        "python": [sys.version, sys.executable],
        "paket": paket,
        "env": {k: v for k, v in sorted(os.environ.items()) if k.startswith("IKU_") and k not in _ENV_LAIN},
        "cwd": os.getcwd(),
    }


def jejak_masukan(folder: dict[str, Path], aset: list[str] = (), waktu_ns: int | None = None,
                  racy: bool = True) -> dict:
    """``stat`` semua masukan render tanpa perubahan, diambil sebelum render penuh.

    ``folder``: nama → folder (``kode``, ``data``, ``parameters``, ``notebooks``);
    ``aset``: jalur lain yang dibaca (gambar yang dirujuk buku). ``racy``:
    ``{kunci: [jalur, sha256]}`` untuk berkas yang diubah atau diganti kurang
    dari :data:`MARJIN_NS` sebelum ``waktu_ns`` (bawaan: sekarang); kosong bila ``racy=False``.
    """
    waktu = time.time_ns() if waktu_ns is None else waktu_ns
    berkas: dict[str, list[int] | None] = {}
    jalur: dict[str, str] = {}
    for nama, akar in sorted(folder.items()):
        _jalan(Path(os.path.realpath(akar)), berkas, nama, jalur)
    for a in sorted(set(aset)):
        berkas[f"aset:{a}"] = _stat(a)
        jalur[f"aset:{a}"] = a
    return {"folder": {k: str(v) for k, v in sorted(folder.items())}, "berkas": berkas,
            "lingkungan": _lingkungan(),
            "racy": {k: [jalur[k], _sha256(jalur[k])] for k, s in berkas.items()
                     if racy and s is not None and not k.endswith("/") and max(s[0], s[1]) > waktu - MARJIN_NS}}


def _sha256(jalur: str) -> str | None:
    try:
        with open(jalur, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _jejak_keluaran(keluaran: Path, tahun: int) -> dict:
    hasil: dict[str, list[int] | None] = {}
    _jalan(Path(keluaran) / str(int(tahun)), hasil, "tahun")
    return hasil


def _ada_sisa(keluaran: Path, tahun: int) -> bool:
    try:
        nama = os.listdir(keluaran)
    except OSError:
        return True
    return f"{int(tahun)}-gagal" in nama or any(_SISA.match(n) for n in nama)


def hapus(keluaran: Path, tahun: int) -> None:
    """Buang catatan (sebelum render penuh: catatan lama tidak pernah dipakai lagi)."""
    with contextlib.suppress(OSError):
        os.unlink(jalur_catatan(keluaran, tahun))


def tulis(keluaran: Path, tahun: int, permintaan: dict, masukan: dict, baris: list[list[str]]) -> bool:
    """Simpan catatan setelah render penuh berhasil; ``False`` bila tidak ditulis (sisa render terputus)."""
    if _ada_sisa(keluaran, tahun):
        return False
    catatan = {
        "versi": VERSI,
        "permintaan": permintaan,
        "masukan": {k: masukan[k] for k in ("folder", "berkas", "lingkungan", "racy")},
        "aset": sorted(k[len("aset:"):] for k in masukan["berkas"] if k.startswith("aset:")),
        "keluaran": _jejak_keluaran(keluaran, tahun),
        "baris": baris,
    }
    tujuan = jalur_catatan(keluaran, tahun)
    sementara = tujuan.with_name(f"{tujuan.name}.tmp-{os.getpid()}")
    try:
        sementara.write_text(json.dumps(catatan, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(sementara, tujuan)
    except OSError:
        with contextlib.suppress(OSError):
            sementara.unlink()
        return False
    return True


def coba(keluaran: Path, tahun: int, permintaan: dict, folder: dict[str, Path]) -> list[list[str]] | None:
    """Baris yang dicetak ``iku`` bila tidak ada yang berubah sejak catatan ditulis, selain itu ``None``.

    Dipanggil sambil memegang kunci render (tidak ada render lain yang sedang
    menulis ``rendered/``). Tidak menulis apa pun.
    """
    try:
        catatan = json.loads(jalur_catatan(keluaran, tahun).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(catatan, dict) or catatan.get("versi") != VERSI or catatan.get("permintaan") != permintaan:
        return None
    lama = catatan.get("masukan") or {}
    if lama.get("folder") != {k: str(v) for k, v in sorted(folder.items())}:
        return None
    if _ada_sisa(keluaran, tahun) or _jejak_keluaran(keluaran, tahun) != catatan.get("keluaran"):
        return None
    sekarang = jejak_masukan(folder, catatan.get("aset") or [], racy=False)
    if sekarang["berkas"] != lama.get("berkas") or sekarang["lingkungan"] != lama.get("lingkungan"):
        return None
    racy = lama.get("racy")
    if not isinstance(racy, dict) or any(
            not isinstance(v, list) or len(v) != 2 or v[1] is None or _sha256(v[0]) != v[1] for v in racy.values()):
        return None
    baris = catatan.get("baris")
    if not isinstance(baris, list) or not all(isinstance(b, list) and len(b) == 2 for b in baris):
        return None
    return baris
