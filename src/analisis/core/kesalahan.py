"""Kesalahan yang dilaporkan kepada pengguna, selalu dalam bahasa Indonesia.

Setiap pelanggaran data menyebut berkas, baris, kolom, nilai dan aturan yang
dilanggar. :class:`KesalahanData` mengumpulkan semua pelanggaran sebuah
pemeriksaan sehingga pengguna melihat semuanya sekaligus, bukan satu per satu.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["KesalahanIKU", "Pelanggaran", "KesalahanData", "KesalahanParameter", "KesalahanRender", "KesalahanPDF"]


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
        if self.nilai is not None and self.nilai != "":
            bagian.append(f"nilai {str(self.nilai)!r}")
        return ", ".join(bagian) + f": {self.aturan}"


class KesalahanData(KesalahanIKU):
    """Data tidak lolos validasi; memuat semua :class:`Pelanggaran`."""

    def __init__(self, pelanggaran: list[Pelanggaran]):
        self.pelanggaran = list(pelanggaran)
        jumlah = len(self.pelanggaran)
        baris = [f"Data tidak valid ({jumlah} pelanggaran):"] + [f"  - {p}" for p in self.pelanggaran]
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
