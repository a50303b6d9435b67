"""Kesalahan yang dilaporkan kepada pengguna, selalu dalam bahasa Indonesia.

Setiap pelanggaran data menyebut berkas, baris, kolom, nilai dan aturan yang
dilanggar. :class:`KesalahanData` mengumpulkan semua pelanggaran sebuah
pemeriksaan sehingga pengguna melihat semuanya sekaligus, bukan satu per satu.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["KesalahanIKU", "Pelanggaran", "KesalahanData", "KesalahanParameter", "KesalahanRender", "KesalahanPDF",
           "ringkas", "pesan_pydantic", "pesan_os", "BATAS_NILAI", "BATAS_PELANGGARAN"]

#: Panjang paling banyak nilai yang dikutip dalam pesan (karakter).
BATAS_NILAI = 80
#: Jumlah pelanggaran paling banyak yang dicantumkan dalam satu pesan.
BATAS_PELANGGARAN = 100


def ringkas(nilai: object, batas: int = BATAS_NILAI) -> str:
    """``repr`` nilai yang dipendekkan untuk pesan: nilai raksasa tidak pernah dikutip utuh.

    >>> ringkas("abc")
    "'abc'"
    >>> r = ringkas("x" * 10_000_000); len(r) < 120, r.endswith("(10.000.000 karakter)")
    (True, True)
    >>> ringkas([[1, 2]] * 3, batas=10)
    '[[1, 2], [… (24 karakter)'
    """
    if isinstance(nilai, str):
        panjang = len(nilai)
        if panjang <= batas:
            return repr(nilai)
        return repr(nilai[:batas]) + f"… ({panjang:,} karakter)".replace(",", ".")
    if isinstance(nilai, (list, tuple, dict, set)):
        # repr bertahap agar struktur raksasa (bom alias YAML) tidak pernah diubah utuh menjadi teks
        teks = reprlib_repr(nilai)
    else:
        teks = repr(nilai)
    if len(teks) <= batas:
        return teks
    return teks[:batas] + f"… ({len(teks):,} karakter)".replace(",", ".")


def reprlib_repr(nilai: object) -> str:
    import reprlib

    r = reprlib.Repr()
    r.maxlevel, r.maxlist, r.maxtuple, r.maxdict, r.maxset, r.maxstring, r.maxother = 3, 6, 6, 6, 6, 60, 60
    return r.repr(nilai)


class KesalahanIKU(Exception):
    """Induk semua kesalahan yang pesannya ditujukan kepada pengguna."""


@dataclass(frozen=True)
class Pelanggaran:
    """Satu pelanggaran aturan data.

    ``baris`` adalah nomor baris di berkas (baris judul kolom = 1); ``None``
    bila pelanggaran mengenai berkas atau kolom secara keseluruhan.
    """

    berkas: str
    baris: int | None
    kolom: str | None
    nilai: object
    aturan: str

    def __str__(self) -> str:
        bagian = [self.berkas]
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom:
            bagian.append(f"kolom '{self.kolom}'")
        if self.nilai is not None and not (isinstance(self.nilai, str) and self.nilai == ""):
            bagian.append(f"nilai {ringkas(self.nilai if isinstance(self.nilai, (str, list, tuple, dict, set)) else str(self.nilai))}")
        return ", ".join(bagian) + f": {self.aturan}"


class KesalahanData(KesalahanIKU):
    """Data tidak lolos validasi; memuat semua :class:`Pelanggaran`."""

    def __init__(self, pelanggaran: list[Pelanggaran]):
        self.pelanggaran = list(pelanggaran)
        jumlah = len(self.pelanggaran)
        baris = [f"Data tidak valid ({jumlah} pelanggaran):"] + [f"  - {p}" for p in self.pelanggaran[:BATAS_PELANGGARAN]]
        if jumlah > BATAS_PELANGGARAN:
            baris.append(f"  … dan {jumlah - BATAS_PELANGGARAN} pelanggaran lain")
        super().__init__("\n".join(baris))


class KesalahanParameter(KesalahanIKU):
    """Parameter tahun/periode tidak valid atau tidak ada."""


class KesalahanRender(KesalahanIKU):
    """Render dokumen gagal; pesannya menyebut bab, sel, dan buku yang harus dibuka."""

    def __init__(self, pesan: str, **rincian: Any):
        super().__init__(pesan)
        self.berkas: str | None = rincian.get("berkas")
        self.sel: int | None = rincian.get("sel")
        self.ename: str | None = rincian.get("ename")
        self.evalue: str | None = rincian.get("evalue")
        self.dieksekusi: Path | None = rincian.get("dieksekusi")
        self.folder_gagal: Path | None = rincian.get("folder_gagal")


class KesalahanPDF(KesalahanIKU):
    """PDF tidak dapat dibuat."""


_PYDANTIC = {
    "missing": "kunci wajib diisi",
    "extra_forbidden": "kunci tidak dikenal",
    "string_type": "harus teks",
    "int_type": "harus bilangan bulat", "int_parsing": "harus bilangan bulat", "int_from_float": "harus bilangan bulat",
    "float_type": "harus angka", "float_parsing": "harus angka", "finite_number": "harus angka terhingga",
    "bool_type": "harus true atau false", "bool_parsing": "harus true atau false",
    "list_type": "harus daftar (- butir)", "dict_type": "harus pemetaan kunci: nilai",
    "model_type": "harus pemetaan kunci: nilai", "model_attributes_type": "harus pemetaan kunci: nilai",
    "date_type": "harus tanggal dengan format YYYY-MM-DD", "date_parsing": "harus tanggal dengan format YYYY-MM-DD",
    "date_from_datetime_parsing": "harus tanggal yang ada, dengan format YYYY-MM-DD",
    "date_from_datetime_inexact": "harus tanggal tanpa jam (YYYY-MM-DD)",
    "none_required": "harus kosong",
    "too_long": "terlalu panjang", "too_short": "terlalu pendek",
    "recursion_loop": "struktur merujuk dirinya sendiri",
}


def pesan_pydantic(err: dict) -> str:
    """Aturan (bahasa Indonesia) untuk satu galat validasi pydantic.

    >>> pesan_pydantic({"type": "int_parsing", "msg": "Input should be a valid integer"})
    'harus bilangan bulat'
    >>> pesan_pydantic({"type": "value_error", "msg": "Value error, tahun harus antara 2000 dan 2100"})
    'tahun harus antara 2000 dan 2100'
    >>> pesan_pydantic({"type": "aneh_baru", "msg": "Something English"})
    'nilai tidak sah (aneh_baru)'
    """
    jenis = err.get("type", "")
    if jenis in _PYDANTIC:
        return _PYDANTIC[jenis]
    if jenis == "value_error":
        return str(err.get("msg", "")).removeprefix("Value error, ")
    if jenis.startswith("date"):
        return "harus tanggal dengan format YYYY-MM-DD"
    if jenis.startswith("int"):
        return "harus bilangan bulat"
    if jenis.startswith(("float", "decimal")):
        return "harus angka"
    return f"nilai tidak sah ({jenis})"


def pesan_os(e: OSError, jalur: object = None) -> str:
    """Satu kalimat Indonesia untuk kegagalan sistem berkas.

    >>> import errno
    >>> pesan_os(OSError(errno.ENOSPC, "No space left on device"), "rendered/2025/IKU-2025.html")
    'tidak dapat menulis rendered/2025/IKU-2025.html: ruang disk penuh'
    >>> pesan_os(PermissionError(13, "Permission denied", "/x/y"))
    'tidak dapat menulis /x/y: tidak ada izin menulis (folder atau berkas hanya-baca)'
    """
    import errno as _e

    sebab = {
        _e.ENOSPC: "ruang disk penuh", _e.EDQUOT: "kuota disk habis", _e.EACCES: "tidak ada izin menulis (folder atau berkas hanya-baca)",
        _e.EPERM: "tidak ada izin menulis (folder atau berkas hanya-baca)", _e.EROFS: "sistem berkas hanya-baca",
        _e.ENOENT: "berkas atau folder tidak ditemukan", _e.EISDIR: "jalur itu sebuah folder, bukan berkas",
        _e.ENOTDIR: "bagian jalur bukan folder", _e.EEXIST: "berkas sudah ada", _e.EIO: "galat masukan/keluaran disk",
        _e.ENAMETOOLONG: "nama berkas terlalu panjang", _e.EMFILE: "terlalu banyak berkas terbuka",
    }.get(e.errno, f"galat sistem berkas {e.errno}")
    j = jalur if jalur is not None else (e.filename if e.filename is not None else "berkas")
    tulis = e.errno in (_e.ENOSPC, _e.EDQUOT, _e.EROFS, _e.EACCES, _e.EPERM, _e.EIO)
    return f"tidak dapat {'menulis' if tulis else 'memakai'} {j}: {sebab}"
