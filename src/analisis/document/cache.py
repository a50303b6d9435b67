"""Cache render per bab yang tidak pernah basi.

Sebuah bab (satu buku catatan untuk satu tahun) hanya dieksekusi ulang bila
sesuatu yang memengaruhi hasilnya berubah. Kuncinya dibentuk dari
:func:`komponen_bab`:

``buku``
    isi buku catatan tanpa keluaran (jenis sel, sumber, tag dan metadata sel
    selain jejak eksekusi), sehingga menyimpan buku dengan keluaran tidak
    memicu eksekusi ulang;
``aset``
    berkas yang dirujuk gambar di sel Markdown (disisipkan saat ekspor);
``parameter``
    parameter yang disuntikkan (``tahun``, ``periode``), parameter efektif
    tahun itu, dan isi ``parameters/base.yml`` + ``parameters/<tahun>.yml``;
``kode``
    mesin bab (:func:`sidik_mesin`): modul ``analisis.document`` yang
    mengeksekusi bab dan mengubahnya menjadi HTML, templat nbconvert
    ``iku_bab``, versi Python dan daftar paket terpasang;
``baca``
    isi setiap berkas di ``data/`` dan ``parameters/`` yang *benar-benar
    dibaca* bab itu pada eksekusi terakhir (dilacak di kernel, lihat
    :mod:`analisis.document.render`), termasuk berkas yang dicari tetapi tidak
    ada; dan isi setiap modul ``analisis.*`` yang *diimpor* bab itu (dicatat
    dari ``sys.modules`` kernel setelah eksekusi, token ``analisis/<jalur>``).
    Mengubah ``chapters/gambaran_umum.py`` mengeksekusi ulang hanya bab yang
    mengimpornya; mengubah ``core/format.py`` mengeksekusi ulang setiap bab
    yang memakainya. Templat perakitan (``dokumen.html.j2``, ``dokumen.css``)
    dan modul yang hanya dipakai perakitan (penomoran, PDF) tidak termasuk
    kunci bab; mereka bagian dari kunci dokumen (:func:`sidik_kode`);
``daftar_data``
    daftar *nama* berkas di ``data/``: menambah, menghapus atau mengganti nama
    berkas data mengeksekusi ulang semua bab, karena pembaca yang memeriksa
    keberadaan berkas (``Path.exists``) tidak terlacak. Mengubah *isi* berkas
    hanya mengeksekusi ulang bab yang membacanya.

Isi berkas dibandingkan dengan SHA-256, bukan waktu ubah: ``touch`` saja
tidak memicu apa pun, sedangkan perubahan satu bita selalu terlihat.

Entri cache disimpan per bab di ``<folder tahun>/.cache/<bab>/``:
``dieksekusi.ipynb``, ``bab.html`` (penggalan HTML) dan ``manifest.json``.
Setiap berkas ditulis atomik (berkas sementara lalu :func:`os.replace`), dan
manifest terakhir; manifest memuat SHA-256 kedua berkas lain. Entri yang
tidak lengkap, rusak, atau berisi berkas yang diubah tangan tidak pernah
dipakai (:func:`verifikasi`), sehingga run yang terputus tidak dapat merusak
dokumen berikutnya.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

__all__ = [
    "VERSI",
    "FOLDER_KODE",
    "NAMA_FOLDER",
    "Cuplikan",
    "Entri",
    "sha256",
    "sidik_kode",
    "sidik_mesin",
    "sidik_buku",
    "aset_buku",
    "komponen_bab",
    "kunci",
    "alasan_berbeda",
    "baca_entri",
    "verifikasi",
    "tulis_entri",
    "salin_entri",
    "daftar_keluaran",
    "baca_cap",
    "tulis_cap",
    "tulis_atomik",
    "tautkan",
]

#: Versi format cache; menaikkannya membuat semua entri lama diabaikan.
VERSI = 2

#: Folder kode yang ikut menjadi kunci setiap bab (``src/analisis``).
FOLDER_KODE = Path(__file__).resolve().parent.parent

#: Nama folder cache di dalam ``rendered/<tahun>/``.
NAMA_FOLDER = ".cache"

NAMA_BUKU = "dieksekusi.ipynb"
NAMA_HTML = "bab.html"
NAMA_MANIFEST = "manifest.json"
NAMA_CAP = "dokumen.json"

#: Nilai hash untuk berkas yang tidak ada.
ABSEN = "absen"
#: Nilai hash untuk berkas yang muncul selama eksekusi (tidak pernah cocok lagi).
TAK_DIKETAHUI = "?"


def sha256(data: bytes) -> str:
    """SHA-256 heksadesimal.

    >>> sha256(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def _abaikan(nama: str) -> bool:
    """Berkas sementara penyunting dan cache Python tidak dihitung.

    >>> [_abaikan(n) for n in ("lks.csv", ".~lock.lks.csv#", "lks.csv~", "__pycache__", "x.pyc", "#a#")]
    [False, True, True, True, True, True]
    """
    return nama.startswith((".", "~", "#")) or nama.endswith(("~", ".pyc", ".swp")) or nama == "__pycache__"


def _jalan(akar: Path) -> Iterable[tuple[str, list[str], list[str]]]:
    """``os.walk`` terurut, tanpa berkas/folder yang diabaikan; jalur relatif POSIX."""
    for dasar, folder, berkas in os.walk(akar):
        folder[:] = sorted(f for f in folder if not _abaikan(f))
        relatif = Path(dasar).relative_to(akar).as_posix()
        yield ("" if relatif == "." else relatif), folder, sorted(b for b in berkas if not _abaikan(b))


# ---------------------------------------------------------------------------
# Sidik kode dan lingkungan

_SIDIK_PAKET: str | None = None


def _sidik_paket() -> str:
    """Nama setiap ``*.dist-info`` di site-packages (nama memuat versi paket)."""
    global _SIDIK_PAKET
    if _SIDIK_PAKET is None:
        nama: list[str] = []
        for p in sys.path:
            if not p or not p.endswith(("site-packages", "dist-packages")):
                continue
            try:
                nama.extend(n for n in os.listdir(p) if n.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")))
            except OSError:
                continue
        _SIDIK_PAKET = sha256("\n".join(sorted(nama)).encode())
    return _SIDIK_PAKET


def sidik_kode(folder: Path | None = None) -> str:
    """Sidik ``src/analisis`` (isi setiap modul dan templat) dan lingkungan Python.

    Lingkungan = versi dan lokasi Python serta daftar paket terpasang beserta
    versinya; memperbarui pandas atau matplotlib mengeksekusi ulang semua bab.
    """
    folder = Path(folder) if folder is not None else FOLDER_KODE
    h = hashlib.sha256()
    for dasar, _, berkas in _jalan(folder):
        for nama in berkas:
            rel = f"{dasar}/{nama}" if dasar else nama
            h.update(rel.encode() + b"\0")
            h.update((folder / rel).read_bytes())
            h.update(b"\0")
    h.update(f"{sys.version}\0{sys.executable}\0{_sidik_paket()}".encode())
    return h.hexdigest()


#: Berkas di ``document/`` yang hanya dipakai saat dokumen dirakit atau dicetak
#: (bukan saat bab dieksekusi dan diubah menjadi HTML): tidak masuk kunci bab.
HANYA_PERAKITAN = frozenset({
    "__init__.py", "kunci.py", "pdf.py", "penomoran.py", "cepat.py",
    "templat/dokumen.html.j2", "templat/dokumen.css", "templat/indeks.html.j2",
})


def sidik_mesin(folder: Path | None = None) -> str:
    """Sidik mesin bab: ``analisis/document`` (kecuali :data:`HANYA_PERAKITAN`) dan lingkungan Python.

    Modul lain di ``src/analisis`` masuk kunci bab hanya bila bab itu
    mengimpornya (lihat komponen ``baca``).
    """
    folder = (Path(folder) if folder is not None else FOLDER_KODE) / "document"
    h = hashlib.sha256()
    for dasar, _, berkas in _jalan(folder):
        for nama in berkas:
            rel = f"{dasar}/{nama}" if dasar else nama
            if rel in HANYA_PERAKITAN:
                continue
            h.update(rel.encode() + b"\0")
            h.update((folder / rel).read_bytes())
            h.update(b"\0")
    h.update(f"{sys.version}\0{sys.executable}\0{_sidik_paket()}".encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------
# Buku catatan

#: Metadata sel yang hanya mencatat eksekusi/tampilan, bukan isi.
_METADATA_SEL_ABAIKAN = {"execution", "collapsed", "scrolled", "jupyter", "ExecuteTime", "papermill", "editable", "deletable"}


def sidik_buku(isi: bytes | str) -> str:
    """Sidik buku catatan tanpa keluaran, nomor eksekusi, id sel dan metadata tampilan.

    >>> a = '{"cells": [{"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": [], "execution_count": null}], "metadata": {}}'
    >>> b = '{"cells": [{"cell_type": "code", "source": ["x = 1"], "metadata": {"collapsed": true}, "outputs": [{"output_type": "stream"}], "execution_count": 3, "id": "q"}], "metadata": {"language_info": {}}}'
    >>> sidik_buku(a) == sidik_buku(b), sidik_buku(a) == sidik_buku(a.replace("x = 1", "x = 2"))
    (True, False)
    """
    nb = json.loads(isi)
    sel = []
    for c in nb.get("cells", []):
        sumber = c.get("source", "")
        if isinstance(sumber, list):
            sumber = "".join(sumber)
        meta = {k: v for k, v in (c.get("metadata") or {}).items() if k not in _METADATA_SEL_ABAIKAN}
        sel.append([c.get("cell_type"), sumber, meta, c.get("attachments")])
    kernel = ((nb.get("metadata") or {}).get("kernelspec") or {}).get("name")
    return kunci({"sel": sel, "kernel": kernel, "nbformat": nb.get("nbformat")})


_GAMBAR_MD = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)|<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.I)


def aset_buku(isi: bytes | str, folder: Path) -> dict[str, str]:
    """Hash berkas lokal yang dirujuk gambar di sel Markdown (disisipkan saat ekspor HTML)."""
    nb = json.loads(isi)
    hasil: dict[str, str] = {}
    for c in nb.get("cells", []):
        if c.get("cell_type") != "markdown":
            continue
        sumber = c.get("source", "")
        sumber = "".join(sumber) if isinstance(sumber, list) else sumber
        for m in _GAMBAR_MD.finditer(sumber):
            rujukan = m.group(1) or m.group(2)
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|#)", rujukan, re.I):
                continue  # data:, http:, attachment:, jangkar
            jalur = folder / rujukan
            try:
                hasil[rujukan] = sha256(jalur.read_bytes()) if jalur.is_file() else ABSEN
            except OSError:
                hasil[rujukan] = ABSEN
    return hasil


# ---------------------------------------------------------------------------
# Cuplikan data/ dan parameters/


class Cuplikan:
    """Hash isi setiap berkas di folder yang dilacak, diambil sekali sebelum eksekusi.

    Dependensi dinamai ``<akar>/<jalur relatif>`` (mis. ``data/lks.csv``,
    ``parameters/2025.yml``); folder diakhiri ``/`` (mis. ``data/teks/``) dan
    nilainya adalah hash daftar nama isinya.

    Karena cuplikan diambil *sebelum* bab dieksekusi, berkas yang diubah
    selama eksekusi tercatat dengan isi lamanya, sehingga run berikutnya
    melihat perbedaan dan mengeksekusi ulang (tidak pernah basi).
    """

    def __init__(self, akar: dict[str, Path]):
        self.akar = {nama: Path(os.path.realpath(p)) for nama, p in akar.items()}
        self._berkas: dict[str, str] = {}
        self._folder: dict[str, str] = {}
        self._daftar: dict[str, str] = {}
        for nama, folder in self.akar.items():
            semua: list[str] = []
            if folder.is_dir():
                for dasar, sub, berkas in _jalan(folder):
                    awal = f"{nama}/{dasar}/" if dasar else f"{nama}/"
                    self._folder[awal] = sha256("\n".join([*(s + "/" for s in sub), *berkas]).encode())
                    for b in berkas:
                        token = awal + b
                        try:
                            self._berkas[token] = sha256((folder / token[len(nama) + 1:]).read_bytes())
                        except OSError:
                            self._berkas[token] = TAK_DIKETAHUI
                        semua.append(token)
            self._daftar[nama] = sha256("\n".join(semua).encode())

    def token(self, jalur: str | os.PathLike, dasar: Path | None = None) -> str | None:
        """Nama dependensi untuk ``jalur`` (relatif terhadap ``dasar``), atau ``None`` bila di luar akar."""
        p = Path(jalur)
        if not p.is_absolute():
            if dasar is None:
                return None
            p = Path(dasar) / p
        nyata = Path(os.path.realpath(p))
        for nama, akar in self.akar.items():
            try:
                rel = nyata.relative_to(akar).as_posix()
            except ValueError:
                continue
            if any(_abaikan(bagian) for bagian in Path(rel).parts):
                return None
            return f"{nama}/" if rel == "." else f"{nama}/{rel}"
        return None

    def nilai(self, token: str) -> str:
        """Hash isi (berkas) atau daftar nama (folder ``.../``) saat cuplikan diambil."""
        if token.endswith("/"):
            return self._folder.get(token, ABSEN)
        if token in self._berkas:
            return self._berkas[token]
        # Tidak ada saat cuplikan diambil: masih tidak ada = absen; muncul selama
        # eksekusi = tidak diketahui (run berikutnya pasti mengeksekusi ulang).
        nama, _, rel = token.partition("/")
        akar = self.akar.get(nama)
        if akar is not None and (akar / rel).exists():
            return TAK_DIKETAHUI
        return ABSEN

    def daftar(self, nama: str) -> str:
        """Hash daftar nama semua berkas di akar ``nama``."""
        return self._daftar.get(nama, ABSEN)

    def baca(self, token: Iterable[str]) -> dict[str, str]:
        return {t: self.nilai(t) for t in sorted(set(token))}


# ---------------------------------------------------------------------------
# Kunci


def kunci(obj: Any) -> str:
    """SHA-256 dari JSON kanonik ``obj``."""
    return sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode())


def komponen_bab(
    *,
    kode: str,
    buku: str,
    aset: dict[str, str],
    parameter: dict,
    baca: dict[str, str],
    daftar_data: str,
) -> dict:
    """Semua yang memengaruhi hasil satu bab; kuncinya :func:`kunci` dari kamus ini."""
    return {
        "versi": VERSI,
        "kode": kode,
        "buku": buku,
        "aset": aset,
        "parameter": parameter,
        "baca": baca,
        "daftar_data": daftar_data,
    }


#: Komponen kunci bab dan alasan yang dilaporkan bila berbeda, menurut urutan pemeriksaan.
_ALASAN_KOMPONEN = (
    ("versi", "format cache berubah"),
    ("kode", "mesin dokumen (analisis.document), versi Python atau paket terpasang berubah"),
    ("buku", "buku catatan berubah"),
    ("aset", "gambar yang dirujuk buku berubah"),
    ("parameter", "parameter tahun berubah"),
    ("daftar_data", "berkas di data/ ditambah, dihapus atau diganti nama"),
)


def alasan_berbeda(lama: dict | None, baru: dict) -> str:
    """Kalimat singkat mengapa bab dieksekusi ulang.

    >>> k = dict(versi=1, kode="a", buku="b", aset={}, parameter={}, baca={"data/x.csv": "1"}, daftar_data="d")
    >>> alasan_berbeda(k, {**k, "baca": {"data/x.csv": "2"}})
    'data/x.csv berubah'
    >>> alasan_berbeda(None, k)
    'belum ada di cache'
    """
    if not lama:
        return "belum ada di cache"
    for komponen, alasan in _ALASAN_KOMPONEN:
        if lama.get(komponen) != baru.get(komponen):
            return alasan
    lb, bb = lama.get("baca") or {}, baru.get("baca") or {}
    berubah = [t for t in sorted(set(lb) | set(bb)) if lb.get(t) != bb.get(t)]
    if berubah:
        lagi = f" (dan {len(berubah) - 3} lagi)" if len(berubah) > 3 else ""
        return ", ".join(berubah[:3]) + lagi + " berubah"
    return "kunci berbeda"


# ---------------------------------------------------------------------------
# Berkas atomik


@contextlib.contextmanager
def _ganti_atomik(tujuan: Path) -> Iterator[Path]:
    """Jalur sementara di folder ``tujuan``; setelah blok selesai diganti atomik ke ``tujuan``, bila gagal dibuang."""
    sementara = tujuan.with_name(f".{tujuan.name}.tmp-{secrets.token_hex(4)}")
    try:
        yield sementara
        os.replace(sementara, tujuan)
    except BaseException:
        with contextlib.suppress(OSError):
            sementara.unlink()
        raise


def tulis_atomik(jalur: Path, data: bytes) -> None:
    """Tulis ``data`` ke ``jalur`` lewat berkas sementara di folder yang sama lalu :func:`os.replace`."""
    with _ganti_atomik(Path(jalur)) as sementara, open(sementara, "wb") as f:
        f.write(data)


def tautkan(sumber: Path, tujuan: Path) -> None:
    """Tautan keras (tanpa menyalin isi) bila bisa, selain itu salinan; atomik di tujuan."""
    with _ganti_atomik(Path(tujuan)) as sementara:
        try:
            os.link(sumber, sementara)
        except OSError:
            shutil.copyfile(sumber, sementara)


# ---------------------------------------------------------------------------
# Entri


@dataclass
class Entri:
    """Satu entri cache yang manifest-nya terbaca (isinya belum tentu utuh, lihat :func:`verifikasi`)."""

    folder: Path
    manifest: dict

    @property
    def kunci(self) -> str:
        return self.manifest["kunci"]

    @property
    def komponen(self) -> dict:
        return self.manifest["komponen"]

    @property
    def baca(self) -> list[str]:
        return sorted(self.manifest["komponen"]["baca"])

    @property
    def buku(self) -> Path:
        return self.folder / NAMA_BUKU

    @property
    def html(self) -> Path:
        return self.folder / NAMA_HTML


def baca_entri(folder: Path) -> Entri | None:
    """Manifest entri di ``folder``; ``None`` bila tidak ada, rusak, atau versi lain."""
    try:
        manifest = json.loads((Path(folder) / NAMA_MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("versi") != VERSI:
        return None
    komponen = manifest.get("komponen")
    if (
        not isinstance(komponen, dict)
        or not isinstance(komponen.get("baca"), dict)
        or not isinstance(manifest.get("berkas"), dict)
        or manifest.get("kunci") != kunci(komponen)
    ):
        return None
    return Entri(Path(folder), manifest)


def verifikasi(entri: Entri) -> str | None:
    """Penggalan HTML entri bila setiap berkasnya utuh (SHA-256 cocok), selain itu ``None``."""
    try:
        for nama, hash_ in entri.manifest["berkas"].items():
            if nama not in (NAMA_BUKU, NAMA_HTML) or sha256((entri.folder / nama).read_bytes()) != hash_:
                return None
        if set(entri.manifest["berkas"]) != {NAMA_BUKU, NAMA_HTML}:
            return None
        return (entri.folder / NAMA_HTML).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, KeyError, AttributeError):
        return None


def tulis_entri(folder: Path, buku: Path, html: str, komponen: dict, info: dict | None = None) -> Entri:
    """Simpan satu bab: ``buku`` (yang sudah dieksekusi) ditautkan, HTML ditulis, manifest terakhir."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tautkan(Path(buku), folder / NAMA_BUKU)
    data_html = html.encode("utf-8")
    tulis_atomik(folder / NAMA_HTML, data_html)
    manifest = {
        "versi": VERSI,
        "kunci": kunci(komponen),
        "komponen": komponen,
        "berkas": {NAMA_BUKU: sha256((folder / NAMA_BUKU).read_bytes()), NAMA_HTML: sha256(data_html)},
        **(info or {}),
    }
    tulis_atomik(folder / NAMA_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode())
    return Entri(folder, manifest)


def salin_entri(entri: Entri, folder: Path) -> Entri:
    """Salin (tautan keras bila bisa) entri yang sudah diverifikasi ke ``folder``; manifest terakhir."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for nama in (NAMA_BUKU, NAMA_HTML, NAMA_MANIFEST):
        tautkan(entri.folder / nama, folder / nama)
    return Entri(folder, entri.manifest)


# ---------------------------------------------------------------------------
# Cap dokumen satu tahun


def daftar_keluaran(folder: Path) -> dict[str, list[int]]:
    """Setiap berkas di ``folder`` (kecuali ``.cache/``) dengan ukuran dan waktu ubahnya."""
    folder = Path(folder)
    hasil: dict[str, list[int]] = {}
    for dasar, sub, berkas in os.walk(folder):
        if Path(dasar) == folder:
            sub[:] = [s for s in sub if s != NAMA_FOLDER]
        for nama in berkas:
            p = Path(dasar) / nama
            st = p.stat()
            hasil[p.relative_to(folder).as_posix()] = [st.st_size, st.st_mtime_ns]
    return dict(sorted(hasil.items()))


def baca_cap(folder: Path) -> dict | None:
    """Cap dokumen tahun di ``folder/.cache/dokumen.json`` (``None`` bila tidak ada/rusak)."""
    try:
        cap = json.loads((Path(folder) / NAMA_FOLDER / NAMA_CAP).read_bytes())
    except (OSError, ValueError):
        return None
    return cap if isinstance(cap, dict) and cap.get("versi") == VERSI else None


def tulis_cap(folder: Path, cap: dict) -> None:
    tujuan = Path(folder) / NAMA_FOLDER
    tujuan.mkdir(parents=True, exist_ok=True)
    tulis_atomik(tujuan / NAMA_CAP, json.dumps({**cap, "versi": VERSI}, ensure_ascii=False, indent=1).encode())
