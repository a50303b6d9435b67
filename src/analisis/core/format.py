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

__all__ = ["LOKAL", "TIDAK_TERDEFINISI", "angka", "bilangan", "desimal", "persen", "rupiah", "tanggal", "terdefinisi"]

LOKAL = "id_ID"
TIDAK_TERDEFINISI = "–"


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

    >>> desimal(7.08), desimal(60.6, 1), desimal(1.5, 1)
    ('7,08', '60,6', '1,5')
    """
    if not terdefinisi(nilai):
        return TIDAK_TERDEFINISI
    pola = "#,##0" + ("." + "0" * digit if digit > 0 else "")
    return format_decimal(_bulatkan(nilai, digit), format=pola, locale=LOKAL)


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
