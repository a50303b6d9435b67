"""Rumus kinerja, masing-masing didefinisikan sekali dan dirujuk ke sumbernya.

Hasil yang tidak terdefinisi (penyebut nol, target kosong) adalah ``None`` dan
ditampilkan ``–`` oleh :mod:`analisis.core.format`; tidak pernah 0 atau ``inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .aturan import PITA_CAPAIAN, PITA_SAKIP, PITA_SPM, Pita, cari_pita

__all__ = [
    "persentase",
    "persentase_tertangani",
    "penurunan_ppks",
    "rasio_ppks",
    "RUMUS",
    "realisasi_rumus",
    "capaian",
    "kategori_capaian",
    "Predikat",
    "predikat_sakip",
    "indeks_spm",
    "kategori_spm",
    "POSITIF",
    "NEGATIF",
]

POSITIF = "positif"  #: makin tinggi makin baik
NEGATIF = "negatif"  #: makin rendah makin baik


def _angka(x) -> float | None:
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def persentase(pembilang, penyebut) -> float | None:
    """``pembilang / penyebut × 100``; ``None`` bila penyebut nol atau kosong.

    Bentuk umum rumus Definisi Operasional (Tabel 4.4 dan 4.5): "Σ … yang …
    dibagi Σ … yang terdata, dikalikan seratus persen".

    >>> round(persentase(41893, 43746), 2)
    95.76
    >>> persentase(7, 100)   # disimpan di data/ apa adanya: tanpa sisa 7.000000000000001
    7.0
    >>> persentase(5, 0) is None
    True
    """
    a, b = _angka(pembilang), _angka(penyebut)
    if a is None or b is None or b == 0:
        return None
    return a * 100 / b  # kali dulu: 7 dari 100 → 7.0 persis, bukan 7.000000000000001


def persentase_tertangani(tertangani, terdata) -> float | None:
    """Persentase PPKS yang tertangani (IKU 1).

    Definisi Operasional IKU 1 (Tabel 4.4): Σ PPKS yang mendapat penanganan /
    Σ PPKS di kabupaten tahun n × 100 %.

    >>> round(persentase_tertangani(35005, 42583), 2)
    82.2
    """
    return persentase(tertangani, terdata)


def penurunan_ppks(ppks_sebelumnya, ppks_tahun_ini) -> float | None:
    """Persentase penurunan jumlah PPKS (IKK 24).

    Definisi Operasional IKK 24 (Tabel 4.5): (Σ PPKS tahun N−1 − Σ PPKS tahun N)
    / Σ PPKS tahun N−1 × 100 %. Nilai negatif berarti jumlah PPKS naik.

    >>> round(penurunan_ppks(50001, 41893), 2)
    16.22
    >>> penurunan_ppks(0, 10) is None
    True
    """
    a, b = _angka(ppks_sebelumnya), _angka(ppks_tahun_ini)
    if a is None or b is None:
        return None
    return persentase(a - b, a)


def rasio_ppks(ppks_sebelumnya, ppks_tahun_ini) -> float | None:
    """Rasio jumlah PPKS tahun N terhadap tahun N−1 (IKK 24 sebagaimana targetnya dimaksud).

    Σ PPKS tahun N / Σ PPKS tahun N−1 × 100 %, makin rendah makin baik.
    Sumber: target IKK 24 di Tabel 4.2 yang menurun dari 95 (2025) ke 75
    (2029–2030) hanya bermakna sebagai rasio ini (pemeriksaan
    ``ARAH-TARGET-IKK-24`` dan keputusannya di ``data/keputusan_temuan.csv``);
    DO IKK 24 tercetak (Tabel 4.5) merumuskan penurunan
    (:func:`penurunan_ppks`), yang bernilai 100 dikurangi rasio ini.
    Potongan rumusan Tabel 4.6 "N/Σ PPKS" menunjuk ke rasio yang sama.

    >>> round(rasio_ppks(43746, 42583), 2)
    97.34
    >>> round(rasio_ppks(50001, 43746), 2), round(100 - penurunan_ppks(50001, 43746), 2)
    (87.49, 87.49)
    >>> rasio_ppks(0, 10) is None
    True
    """
    return persentase(ppks_tahun_ini, ppks_sebelumnya)


#: Jenis rumus indikator (kolom ``rumus`` ``data/indikator.csv``).
RUMUS = {
    "persentase": "Σ pembilang / Σ penyebut × 100 % (bagian dari keseluruhan)",
    "rasio": "Σ pembilang / Σ penyebut × 100 % (perbandingan dua besaran, dapat melebihi 100 %)",
    "penurunan": "(Σ penyebut − Σ pembilang) / Σ penyebut × 100 %",
    "skor": "nilai tunggal hasil penilaian (tanpa pembilang dan penyebut)",
    "cacah": "banyaknya (orang, unit) tanpa pembilang dan penyebut",
}


def realisasi_rumus(jenis: str, pembilang=None, penyebut=None, nilai=None) -> float | None:
    """Realisasi indikator dari komponen yang diminta Definisi Operasionalnya.

    ``persentase`` dan ``rasio``: ``pembilang / penyebut × 100`` (DO Tabel 4.4
    dan 4.5: "Σ … dibagi Σ …, dikalikan seratus persen"); ``penurunan``:
    (penyebut − pembilang) / penyebut × 100 (bentuk DO IKK 24 tercetak);
    ``skor`` dan ``cacah``: nilai tunggal apa adanya.

    >>> realisasi_rumus("persentase", 7, 10)   # IKK-13: 7 dari 10 kecamatan
    70.0
    >>> round(realisasi_rumus("rasio", 42583, 43746), 2), round(realisasi_rumus("penurunan", 41893, 50001), 2)
    (97.34, 16.22)
    >>> realisasi_rumus("cacah", nilai=12), realisasi_rumus("persentase", 3, 0) is None
    (12.0, True)
    """
    if jenis in ("persentase", "rasio"):
        return persentase(pembilang, penyebut)
    if jenis == "penurunan":
        return penurunan_ppks(penyebut, pembilang)
    if jenis in ("skor", "cacah"):
        return _angka(nilai)
    raise ValueError(f"jenis rumus tidak dikenal: {jenis!r} (harus salah satu dari {', '.join(RUMUS)})")


def capaian(realisasi, target, polaritas: str = POSITIF) -> float | None:
    """Capaian kinerja (%) terhadap target.

    Praktik LKjIP: polaritas positif (makin tinggi makin baik) realisasi /
    target × 100 %; polaritas negatif (makin rendah makin baik)
    (2 × target − realisasi) / target × 100 %, dibatasi bawah 0 (negatif bila
    realisasi > 2 × target). Target 0 atau kosong: tidak terdefinisi.

    >>> capaian(95.76, 100)
    95.76
    >>> capaian(80, 100, "negatif"), capaian(250, 100, "negatif")
    (120.0, 0.0)
    >>> capaian(5, 0) is None
    True
    """
    r, t = _angka(realisasi), _angka(target)
    if r is None or t is None or t == 0:
        return None
    if polaritas == POSITIF:
        return r / t * 100
    if polaritas == NEGATIF:
        return max(0.0, (2 * t - r) / t * 100)
    raise ValueError(f"polaritas tidak dikenal: {polaritas!r} (harus {POSITIF!r} atau {NEGATIF!r})")


def kategori_capaian(nilai_capaian, pita: tuple[Pita, ...] = PITA_CAPAIAN) -> str | None:
    """Kategori capaian kinerja menurut tabel pita (bawaan: praktik Permendagri 86/2017).

    >>> kategori_capaian(95.76), kategori_capaian(82.2), kategori_capaian(91), kategori_capaian(None)
    ('Sangat Tinggi', 'Tinggi', 'Sangat Tinggi', None)
    """
    c = _angka(nilai_capaian)
    return None if c is None else cari_pita(c, pita).label


@dataclass(frozen=True)
class Predikat:
    """Predikat SAKIP beserta interpretasinya."""

    kode: str
    interpretasi: str

    def __str__(self) -> str:
        return f"{self.kode} ({self.interpretasi})"


def predikat_sakip(nilai, pita: tuple[Pita, ...] = PITA_SAKIP) -> Predikat | None:
    """Predikat hasil evaluasi SAKIP (PermenPANRB 88/2021).

    Batas bawah eksklusif, batas atas inklusif: > 60 – 70 = B, > 50 – 60 = CC.
    Berlaku untuk nilai evaluasi (LKE), bukan rata-rata capaian indikator.

    >>> str(predikat_sakip(58.30)), predikat_sakip(60.70).kode, predikat_sakip(60.0).kode
    ('CC (Cukup (Memadai))', 'B', 'CC')
    >>> predikat_sakip(101)
    Traceback (most recent call last):
    ...
    ValueError: nilai SAKIP harus 0–100, bukan 101
    """
    n = _angka(nilai)
    if n is None:
        return None
    if not 0 <= n <= 100:
        raise ValueError(f"nilai SAKIP harus 0–100, bukan {nilai}")
    p = cari_pita(n, pita)
    return Predikat(p.label, p.keterangan)


def indeks_spm(persen_penerima, persen_mutu=None, bobot_penerima: float = 0.8) -> float | None:
    """Indeks capaian SPM (Permendagri 59/2021).

    Indeks = 80 % × persentase penerima layanan dasar + 20 % × persentase mutu
    minimal layanan (barang/jasa dan SDM). Bila mutu tidak tersedia, indeks
    tidak terdefinisi.

    >>> indeks_spm(100, 100), indeks_spm(80, 100), indeks_spm(80) is None
    (100.0, 84.0, True)
    """
    p, m = _angka(persen_penerima), _angka(persen_mutu)
    if p is None or m is None:
        return None
    return bobot_penerima * p + (1 - bobot_penerima) * m


def kategori_spm(indeks, pita: tuple[Pita, ...] = PITA_SPM) -> str | None:
    """Kategori penerapan SPM menurut tabel pita (bawaan: Tuntas Paripurna … Belum Tuntas).

    >>> kategori_spm(100), kategori_spm(84.0), kategori_spm(79.99), kategori_spm(None)
    ('Tuntas Paripurna', 'Tuntas Madya', 'Tuntas Pratama', None)
    """
    i = _angka(indeks)
    return None if i is None else cari_pita(i, pita).label
