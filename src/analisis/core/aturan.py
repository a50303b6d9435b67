"""Tabel pita (band) yang dipakai rumus: predikat SAKIP, kategori capaian, kategori SPM.

Setiap tabel adalah tupel :class:`Pita` dari yang tertinggi ke yang terendah.
Sebuah nilai masuk ke pita pertama yang batas bawahnya terlampaui (``>`` bila
``inklusif`` salah, ``>=`` bila benar). Tabel lain dapat diberikan lewat
parameter ``aturan`` di ``parameters/base.yml`` (lihat :func:`dari_parameter`),
dan dokumen yang dirender menyebutkan aturan mana yang dipakai.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .format import bilangan

__all__ = ["Pita", "PITA_SAKIP", "PITA_CAPAIAN", "PITA_SPM", "ATURAN_BAWAAN", "dari_parameter", "cari_pita", "uraian_pita"]


@dataclass(frozen=True)
class Pita:
    """Satu pita: nilai > ``batas_bawah`` (atau >= bila ``inklusif``) mendapat ``label``."""

    batas_bawah: float
    label: str
    keterangan: str = ""
    inklusif: bool = False

    def memuat(self, nilai: float) -> bool:
        return nilai >= self.batas_bawah if self.inklusif else nilai > self.batas_bawah


#: Predikat SAKIP menurut PermenPANRB Nomor 88 Tahun 2021 (pita yang sama dalam
#: PermenPANRB 12/2015): batas bawah eksklusif, batas atas inklusif; 60,00 = CC.
PITA_SAKIP: tuple[Pita, ...] = (
    Pita(90, "AA", "Sangat Memuaskan"),
    Pita(80, "A", "Memuaskan"),
    Pita(70, "BB", "Sangat Baik"),
    Pita(60, "B", "Baik"),
    Pita(50, "CC", "Cukup (Memadai)"),
    Pita(30, "C", "Kurang"),
    Pita(0, "D", "Sangat Kurang", inklusif=True),
)

#: Kategori capaian kinerja yang paling banyak dipakai dalam praktik LKjIP
#: (Permendagri 86/2017): ≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang,
#: ≥ 51 Rendah, selain itu Sangat Rendah.
PITA_CAPAIAN: tuple[Pita, ...] = (
    Pita(91, "Sangat Tinggi", inklusif=True),
    Pita(76, "Tinggi", inklusif=True),
    Pita(66, "Sedang", inklusif=True),
    Pita(51, "Rendah", inklusif=True),
    Pita(float("-inf"), "Sangat Rendah", inklusif=True),
)

#: Kategori penerapan SPM (Permendagri 59/2021, pita yang dipakai implementasi
#: publik; belum dikonfirmasi dari naskah resmi): 100 Tuntas Paripurna,
#: 90–<100 Tuntas Utama, 80–<90 Tuntas Madya, 70–<80 Tuntas Pratama,
#: 60–<70 Tuntas Muda, <60 Belum Tuntas.
PITA_SPM: tuple[Pita, ...] = (
    Pita(100, "Tuntas Paripurna", inklusif=True),
    Pita(90, "Tuntas Utama", inklusif=True),
    Pita(80, "Tuntas Madya", inklusif=True),
    Pita(70, "Tuntas Pratama", inklusif=True),
    Pita(60, "Tuntas Muda", inklusif=True),
    Pita(float("-inf"), "Belum Tuntas", inklusif=True),
)

ATURAN_BAWAAN = {
    "sakip": PITA_SAKIP,
    "capaian": PITA_CAPAIAN,
    "spm": PITA_SPM,
}

SUMBER_ATURAN = {
    "sakip": "PermenPANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
    "capaian": "praktik LKjIP (Permendagri Nomor 86 Tahun 2017): ≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang, ≥ 51 Rendah",
    "spm": "Permendagri Nomor 59 Tahun 2021 (indeks = 80 % penerima layanan + 20 % mutu layanan)",
}


def cari_pita(nilai: float, pita: tuple[Pita, ...]) -> Pita:
    """Pita pertama (dari atas) yang memuat ``nilai``.

    >>> cari_pita(60.0, PITA_SAKIP).label, cari_pita(60.01, PITA_SAKIP).label
    ('CC', 'B')
    """
    for p in pita:
        if p.memuat(nilai):
            return p
    raise ValueError(f"nilai {nilai} di bawah semua pita")


def dari_parameter(spesifikasi: dict | None) -> dict[str, tuple[Pita, ...]]:
    """Tabel aturan bawaan yang ditimpa oleh bagian ``aturan`` parameter.

    >>> t = dari_parameter({"capaian": [{"batas_bawah": 90, "label": "Sangat Baik", "inklusif": True},
    ...                                  {"batas_bawah": 0, "label": "Kurang", "inklusif": True}]})
    >>> cari_pita(95, t["capaian"]).label, t["sakip"] is PITA_SAKIP
    ('Sangat Baik', True)
    """
    hasil = dict(ATURAN_BAWAAN)
    for nama, daftar in (spesifikasi or {}).items():
        if nama not in ATURAN_BAWAAN:
            raise ValueError(f"aturan tidak dikenal: {nama!r} (yang dikenal: {', '.join(ATURAN_BAWAAN)})")
        hasil[nama] = tuple(Pita(**p) for p in daftar)
    return hasil


def uraian_pita(pita: tuple[Pita, ...], bentuk: str = "rentang", satuan: str = "") -> str:
    """Uraian tabel pita dari yang tertinggi, untuk catatan tabel dan narasi.

    ``bentuk="rentang"``: label lalu rentangnya ("A > 80 s.d. 90");
    ``bentuk="batas"``: batas bawah lalu label ("≥ 91 Sangat Tinggi"), pita
    terbawah tanpa batas menjadi "selain itu …". ``satuan`` ditulis setelah
    setiap angka pada bentuk "batas" (misalnya ``" %"``).

    >>> uraian_pita(PITA_SAKIP)[:40]
    'AA > 90; A > 80 s.d. 90; BB > 70 s.d. 80'
    >>> uraian_pita(PITA_CAPAIAN)
    'Sangat Tinggi ≥ 91; Tinggi ≥ 76 s.d. < 91; Sedang ≥ 66 s.d. < 76; Rendah ≥ 51 s.d. < 66; Sangat Rendah < 51'
    >>> uraian_pita(PITA_CAPAIAN, "batas")
    '≥ 91 Sangat Tinggi; ≥ 76 Tinggi; ≥ 66 Sedang; ≥ 51 Rendah; selain itu Sangat Rendah'
    >>> uraian_pita(PITA_SPM, "batas", " %")
    '≥ 100 % Tuntas Paripurna; ≥ 90 % Tuntas Utama; ≥ 80 % Tuntas Madya; ≥ 70 % Tuntas Pratama; ≥ 60 % Tuntas Muda; selain itu Belum Tuntas'
    """
    if bentuk not in ("rentang", "batas"):
        raise ValueError(f"bentuk uraian pita tidak dikenal: {bentuk!r} (yang dikenal: rentang, batas)")
    bagian = []
    for i, p in enumerate(pita):
        if bentuk == "batas":
            if math.isinf(p.batas_bawah):
                bagian.append(f"selain itu {p.label}")
            else:
                bagian.append(f"{'≥' if p.inklusif else '>'} {bilangan(p.batas_bawah)}{satuan} {p.label}")
            continue
        atas = pita[i - 1] if i > 0 else None
        bawah = None if math.isinf(p.batas_bawah) else f"{'≥' if p.inklusif else '>'} {bilangan(p.batas_bawah)}"
        teks_atas = None if atas is None else (f"< {bilangan(atas.batas_bawah)}" if atas.inklusif else bilangan(atas.batas_bawah))
        if bawah and teks_atas:
            bagian.append(f"{p.label} {bawah} s.d. {teks_atas}")
        elif bawah:
            bagian.append(f"{p.label} {bawah}")
        else:
            ta = teks_atas if teks_atas.startswith("<") else f"≤ {teks_atas}"
            bagian.append(f"{p.label} {ta}")
    return "; ".join(bagian)
