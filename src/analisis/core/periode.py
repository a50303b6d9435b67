"""Periode pelaporan: daftar, urutan dalam setahun, dan labelnya di kalimat, judul dan sumbu grafik.

Satu-satunya tempat daftar periode dan labelnya; bab, impor Excel dan
parameter memakai modul ini.

Examples
--------
>>> PERIODE[0], PERIODE[-1]
('Triwulan I', 'Tahunan')
>>> label_periode(2025, "Triwulan I"), label_singkat(2025, "Triwulan I")
('Triwulan I Tahun 2025', '2025 (TW I)')
"""

from __future__ import annotations

from .kesalahan import KesalahanParameter

__all__ = ["PERIODE", "SINGKATAN_PERIODE", "urutan", "urutan_periode", "periode_dokumen", "label_periode", "label_singkat"]

#: Periode pelaporan yang dikenal, dari yang paling awal berakhir dalam setahun.
PERIODE = ("Triwulan I", "Semester I", "Triwulan II", "Triwulan III", "Triwulan IV", "Semester II", "Tahunan")

_URUTAN = {"Triwulan I": 1, "Triwulan II": 2, "Semester I": 2, "Triwulan III": 3, "Triwulan IV": 4, "Semester II": 4, "Tahunan": 4}

#: Singkatan periode untuk label sumbu grafik: "2025 (TW I)".
SINGKATAN_PERIODE = {
    "Triwulan I": "TW I", "Triwulan II": "TW II", "Triwulan III": "TW III", "Triwulan IV": "TW IV",
    "Semester I": "Smt I", "Semester II": "Smt II",
}


def urutan(periode: str) -> int:
    """Triwulan ke berapa periode itu berakhir (Tahunan = 4).

    >>> urutan("Triwulan I"), urutan("Semester I"), urutan("Tahunan")
    (1, 2, 4)
    """
    return _URUTAN[periode]


#: Nama lama :func:`urutan` (dipakai ``kinerja`` dan impor Excel).
urutan_periode = urutan


def periode_dokumen(tahun: int, periode: str | None = None) -> str:
    """Periode dokumen ``tahun``: ``periode`` bila diberikan, selain itu dari ``parameters/<tahun>.yml``.

    Periode yang tidak dikenal, atau tahun tanpa berkas parameter, menimbulkan
    :class:`~analisis.core.kesalahan.KesalahanParameter` dengan pesan yang jelas.

    >>> periode_dokumen(2025), periode_dokumen(2026), periode_dokumen(2025, "Tahunan")
    ('Triwulan I', 'Tahunan', 'Tahunan')
    >>> periode_dokumen(2025, "Kuartal I")
    Traceback (most recent call last):
    ...
    analisis.core.kesalahan.KesalahanParameter: periode 'Kuartal I' tidak dikenal; harus salah satu dari: Triwulan I, Semester I, Triwulan II, Triwulan III, Triwulan IV, Semester II, Tahunan
    """
    if periode is not None:
        if periode not in PERIODE:
            raise KesalahanParameter(f"periode {periode!r} tidak dikenal; harus salah satu dari: " + ", ".join(PERIODE))
        return periode
    from . import parameter  # parameter memakai PERIODE dari modul ini

    return parameter.muat(tahun).periode


def label_periode(tahun: int, periode: str | None) -> str:
    """Label periode untuk kalimat dan judul: "Tahun 2024" atau "Triwulan I Tahun 2025".

    >>> label_periode(2024, "Tahunan"), label_periode(2025, "Triwulan I"), label_periode(2026, None)
    ('Tahun 2024', 'Triwulan I Tahun 2025', 'Tahun 2026')
    """
    return f"Tahun {tahun}" if periode in (None, "Tahunan") else f"{periode} Tahun {tahun}"


def label_singkat(tahun: int, periode: str | None) -> str:
    """Label sumbu grafik: "2024" atau "2025 (TW I)".

    >>> label_singkat(2024, "Tahunan"), label_singkat(2025, "Triwulan I"), label_singkat(2025, "Semester II")
    ('2024', '2025 (TW I)', '2025 (Smt II)')
    """
    if periode in (None, "Tahunan"):
        return str(tahun)
    return f"{tahun} ({SINGKATAN_PERIODE.get(periode, periode)})"
