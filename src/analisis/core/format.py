"""Format angka, persen, rupiah dan tanggal Indonesia (dengan Babel, lokal ``id_ID``).

Nilai yang tidak terdefinisi (``None``, NaN, pembagian dengan nol) selalu
ditampilkan sebagai tanda pisah ``–``, tidak pernah sebagai ``0 %``, ``nan``
atau ``inf``.

Examples
--------
>>> angka(42583)
'42.583'
>>> persen(95.7645)
'95,76 %'
>>> rupiah(1906887580)
'Rp 1.906.887.580'
>>> import datetime
>>> tanggal(datetime.date(2025, 9, 22))
'22 September 2025'
>>> persen(None)
'–'
"""

from __future__ import annotations

import datetime as _dt
import math
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

__all__ = ["LOKAL", "MINUS", "TIDAK_TERDEFINISI", "angka", "bilangan", "desimal", "persen", "rupiah", "tanggal", "terbilang", "terdefinisi"]

LOKAL = "id_ID"
TIDAK_TERDEFINISI = "–"
#: Tanda minus tipografis untuk bilangan negatif (bukan tanda hubung ASCII).
MINUS = "\u2212"


def terdefinisi(nilai) -> bool:
    """Benar bila ``nilai`` adalah bilangan berhingga.

    >>> terdefinisi(0), terdefinisi(None), terdefinisi(float("nan")), terdefinisi(float("inf"))
    (True, False, False, False)
    """
    if nilai is None:
        return False
    try:
        return math.isfinite(float(nilai))
    except (TypeError, ValueError):
        return False


def _bulatkan(nilai, digit: int) -> Decimal:
    """Pembulatan setengah ke atas (kebiasaan laporan), bukan pembulatan bankir."""
    kuantum = Decimal(1).scaleb(-digit)
    return Decimal(str(nilai)).quantize(kuantum, rounding=ROUND_HALF_UP)


def desimal(nilai, digit: int = 2) -> str:
    """Bilangan dengan ``digit`` angka di belakang koma.

    >>> desimal(7.08), desimal(60.6, 1), desimal(1.5, 1), desimal(-0.04), desimal(-0.001)
    ('7,08', '60,6', '1,5', '−0,04', '0,00')
    """
    if not terdefinisi(nilai):
        return TIDAK_TERDEFINISI
    pola = "#,##0" + ("." + "0" * digit if digit > 0 else "")
    teks = format_decimal(_bulatkan(nilai, digit), format=pola, locale=LOKAL)
    # tanda minus tipografis (U+2212), bukan tanda hubung; "-0" hasil pembulatan menjadi "0"
    return teks.replace("-", MINUS) if teks.strip("-0,.") else teks.lstrip("-")


def angka(nilai) -> str:
    """Cacah (bilangan bulat) dengan titik ribuan.

    >>> angka(40241), angka(0)
    ('40.241', '0')
    """
    return desimal(nilai, 0)


def persen(nilai, digit: int = 2) -> str:
    """Persentase dengan koma desimal dan spasi sebelum ``%``.

    >>> persen(82.2041), persen(100, 0)
    ('82,20 %', '100 %')
    """
    if not terdefinisi(nilai):
        return TIDAK_TERDEFINISI
    return f"{desimal(nilai, digit)} %"


def rupiah(nilai, digit: int = 0) -> str:
    """Nilai uang dalam rupiah.

    >>> rupiah(11266644930), rupiah(287994500, 2)
    ('Rp 11.266.644.930', 'Rp 287.994.500,00')
    """
    if not terdefinisi(nilai):
        return TIDAK_TERDEFINISI
    return f"Rp {desimal(nilai, digit)}"


def tanggal(nilai: _dt.date | str) -> str:
    """Tanggal panjang Indonesia dari ``date`` atau teks ISO ``YYYY-MM-DD``.

    >>> tanggal("2025-01-20")
    '20 Januari 2025'
    """
    if isinstance(nilai, str):
        nilai = _dt.date.fromisoformat(nilai)
    if isinstance(nilai, _dt.datetime):
        nilai = nilai.date()
    return format_date(nilai, format="d MMMM y", locale=LOKAL)


def bilangan(nilai) -> str:
    """Bilangan ringkas format Indonesia: tanpa desimal bila bulat, selain itu seperlunya (maks. 2).

    Dipakai untuk target seperti tercetak di Tabel 4.1/4.2 ("58", "1,5", "350").

    >>> bilangan(58.0), bilangan(1.5), bilangan(2.25), bilangan(1000), bilangan(None)
    ('58', '1,5', '2,25', '1.000', '–')
    """
    if not terdefinisi(nilai):
        return TIDAK_TERDEFINISI
    v = float(nilai)
    if v.is_integer():
        return angka(v)
    return desimal(v, 1) if round(v, 1) == round(v, 2) else desimal(v, 2)


_SATUAN = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def terbilang(n: int) -> str:
    """Bilangan bulat tak negatif dalam kata (ejaan dokumen: "22 (dua puluh dua)", "5 (lima) tahun").

    >>> terbilang(0), terbilang(11), terbilang(12), terbilang(21), terbilang(22)
    ('nol', 'sebelas', 'dua belas', 'dua puluh satu', 'dua puluh dua')
    >>> terbilang(100), terbilang(147), terbilang(1000), terbilang(1250)
    ('seratus', 'seratus empat puluh tujuh', 'seribu', 'seribu dua ratus lima puluh')
    >>> terbilang(2_500_013), terbilang(1_000_000_000_000)
    ('dua juta lima ratus ribu tiga belas', 'satu triliun')
    >>> terbilang(-1)
    Traceback (most recent call last):
    ...
    ValueError: terbilang hanya untuk bilangan bulat tak negatif, bukan -1
    """
    n = int(n)
    if n < 0:
        raise ValueError(f"terbilang hanya untuk bilangan bulat tak negatif, bukan {n}")
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"

    def sisa(kepala: str, s: int) -> str:
        return kepala if s == 0 else f"{kepala} {terbilang(s)}"

    if n < 100:
        return sisa(f"{_SATUAN[n // 10]} puluh", n % 10)
    if n < 200:
        return sisa("seratus", n - 100)
    if n < 1000:
        return sisa(f"{_SATUAN[n // 100]} ratus", n % 100)
    if n < 2000:
        return sisa("seribu", n - 1000)
    for besar, nama in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= besar:
            kepala = terbilang(n // besar)
            return sisa(f"{kepala} {nama}", n % besar)
    raise AssertionError("tidak terjangkau")
