"""Kesalahan yang dilaporkan kepada pengguna, selalu dalam bahasa Indonesia.

Setiap pelanggaran data menyebut berkas, baris, kolom, nilai dan aturan yang
dilanggar. :class:`KesalahanData` mengumpulkan semua pelanggaran sebuah
pemeriksaan sehingga pengguna melihat semuanya sekaligus, bukan satu per satu.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KesalahanIKU", "Pelanggaran", "KesalahanData", "KesalahanParameter"]


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
