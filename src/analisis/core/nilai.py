"""Membaca ejaan angka dokumen sumber dengan sengaja, satu arti untuk setiap ejaan.

=============  =====================================================================
Ejaan          Arti
=============  =====================================================================
``40.241``     empat puluh ribu dua ratus empat puluh satu (titik = pemisah ribuan)
``7,43``       tujuh koma empat tiga (koma = pemisah desimal)
``95,76 %``    persen; tanda ``%`` boleh ada atau tidak, dengan atau tanpa spasi
``-``          nihil (nol) — dipakai Tabel 2.2 untuk "tidak ada pegawai"; hanya
               diterima pada kolom yang mengizinkannya
``tdk ada``    kategori itu *tidak ada* di daerah (Tabel 2.5), bukan nol: nilainya
               kosong (``<NA>``) dan dikeluarkan dari penjumlahan
``1.``         nomor urut 1 (hanya pada kolom nomor urut)
(kosong)       tidak dicetak / belum tersedia: kosong (``<NA>``), hanya pada kolom
               yang tidak wajib
=============  =====================================================================

Examples
--------
>>> baca_bilangan("40.241"), baca_bilangan("1.906.887.580,00"), baca_bilangan("95,76 %")
(40241, 1906887580, 95.76)
>>> baca_bilangan("4O")
Traceback (most recent call last):
...
ValueError: bukan bilangan berformat Indonesia (contoh: 40.241 atau 95,76)
"""

from __future__ import annotations

import re

__all__ = ["NIHIL", "TIDAK_ADA", "baca_bilangan", "adalah_nihil", "adalah_tidak_ada"]

NIHIL = frozenset({"-", "–", "—"})
TIDAK_ADA = frozenset({"tdk ada", "tidak ada"})

_RIBUAN = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_POLOS = re.compile(r"^-?\d+(,\d+)?$")


def adalah_nihil(teks: str) -> bool:
    return teks.strip() in NIHIL


def adalah_tidak_ada(teks: str) -> bool:
    return teks.strip().lower() in TIDAK_ADA


def baca_bilangan(teks: str) -> int | float:
    """Bilangan dari ejaan Indonesia; bilangan bulat bila tanpa pecahan.

    >>> baca_bilangan("7,08"), baca_bilangan("100%"), baca_bilangan("60,6"), baca_bilangan("58")
    (7.08, 100, 60.6, 58)
    """
    t = teks.strip().replace("\u00a0", " ")
    if t.endswith("%"):
        t = t[:-1].strip()
    if not (_RIBUAN.match(t) or _POLOS.match(t)):
        raise ValueError("bukan bilangan berformat Indonesia (contoh: 40.241 atau 95,76)")
    t = t.replace(".", "").replace(",", ".")
    if "." in t:
        f = float(t)
        return int(f) if f.is_integer() else f
    return int(t)
