"""Rumus kinerja diuji dengan angka dokumen sumber dan batas-batasnya."""

import math

import pytest

from analisis.core import aturan, format as fmt, rumus


@pytest.mark.parametrize(
    "tertangani, terdata, tercetak",
    [
        (41893, 43746, "95,76 %"),  # Tabel 2.11, realisasi 2024
        (35005, 42583, "82,20 %"),  # Tabel 2.11, realisasi Triwulan I 2025
        (34946, 40241, "86,84 %"),  # Tabel 2.5, fakir miskin
        (0, 46, "0,00 %"),  # anak difabel: nol tertangani adalah 0 %, bukan tidak terdefinisi
    ],
)
def test_persentase_tertangani_angka_sumber(tertangani, terdata, tercetak):
    assert fmt.persen(rumus.persentase_tertangani(tertangani, terdata)) == tercetak


@pytest.mark.parametrize("pembilang, penyebut", [(5, 0), (0, 0), (None, 10), (10, None), (float("nan"), 3)])
def test_persentase_tidak_terdefinisi(pembilang, penyebut):
    hasil = rumus.persentase(pembilang, penyebut)
    assert hasil is None
    assert fmt.persen(hasil) == "–"


@pytest.mark.parametrize(
    "sebelumnya, sekarang, harapan",
    [
        (50001, 41893, 16.22),  # angka narasi 2024 (dengan jumlah tertangani sebagai "jumlah PPKS")
        (41893, 35005, 16.44),  # angka narasi 2025
        (50001, 43746, 12.51),  # menurut DO IKK 24 dengan jumlah terdata
        (100, 120, -20.0),  # PPKS naik: penurunan negatif
    ],
)
def test_penurunan_ppks(sebelumnya, sekarang, harapan):
    assert round(rumus.penurunan_ppks(sebelumnya, sekarang), 2) == harapan


def test_penurunan_ppks_tanpa_tahun_sebelumnya():
    assert rumus.penurunan_ppks(None, 100) is None
    assert rumus.penurunan_ppks(0, 100) is None


@pytest.mark.parametrize(
    "realisasi, target, polaritas, harapan",
    [
        (95.76, 100, "positif", 95.76),
        (82.20, 100, "positif", 82.20),
        (60.70, 58, "positif", 104.66),
        (120, 100, "positif", 120.0),
        (80, 100, "negatif", 120.0),
        (100, 100, "negatif", 100.0),
        (150, 100, "negatif", 50.0),
        (200, 100, "negatif", 0.0),
        (250, 100, "negatif", 0.0),  # melewati dua kali target: dibatasi 0, tidak negatif
    ],
)
def test_capaian(realisasi, target, polaritas, harapan):
    assert round(rumus.capaian(realisasi, target, polaritas), 2) == harapan


@pytest.mark.parametrize("target", [0, None, float("nan")])
def test_capaian_target_kosong_tidak_terdefinisi(target):
    assert rumus.capaian(50, target) is None
    assert rumus.capaian(50, target, "negatif") is None


def test_capaian_polaritas_salah():
    with pytest.raises(ValueError, match="polaritas"):
        rumus.capaian(1, 1, "naik")


@pytest.mark.parametrize(
    "nilai, kategori",
    [(100, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.99, "Tinggi"), (76, "Tinggi"), (75.9, "Sedang"),
     (66, "Sedang"), (51, "Rendah"), (50.99, "Sangat Rendah"), (0, "Sangat Rendah")],
)
def test_kategori_capaian(nilai, kategori):
    assert rumus.kategori_capaian(nilai) == kategori


def test_kategori_capaian_pita_lain():
    pita = aturan.dari_parameter({"capaian": [{"batas_bawah": 100, "label": "Tercapai", "inklusif": True},
                                              {"batas_bawah": 0, "label": "Belum tercapai", "inklusif": True}]})["capaian"]
    assert rumus.kategori_capaian(100, pita) == "Tercapai"
    assert rumus.kategori_capaian(99.99, pita) == "Belum tercapai"


@pytest.mark.parametrize(
    "nilai, kode, interpretasi",
    [
        (58.30, "CC", "Cukup (Memadai)"),  # LHE SAKIP 2024
        (60.70, "B", "Baik"),  # 2025
        (60.6, "B", "Baik"),  # 2023
        (60.00, "CC", "Cukup (Memadai)"),  # batas bawah eksklusif
        (60.01, "B", "Baik"),
        (90.0, "A", "Memuaskan"),
        (90.01, "AA", "Sangat Memuaskan"),
        (100, "AA", "Sangat Memuaskan"),
        (70, "B", "Baik"),
        (80, "BB", "Sangat Baik"),
        (50, "C", "Kurang"),
        (30, "D", "Sangat Kurang"),
        (0, "D", "Sangat Kurang"),
    ],
)
def test_predikat_sakip(nilai, kode, interpretasi):
    p = rumus.predikat_sakip(nilai)
    assert (p.kode, p.interpretasi) == (kode, interpretasi)


@pytest.mark.parametrize("nilai", [-0.1, 100.5])
def test_predikat_sakip_di_luar_rentang(nilai):
    with pytest.raises(ValueError):
        rumus.predikat_sakip(nilai)


@pytest.mark.parametrize(
    "penerima, mutu, indeks, kategori",
    [
        (100, 100, 100.0, "Tuntas Paripurna"),
        (80, 100, 84.0, "Tuntas Madya"),
        (80, 0, 64.0, "Tuntas Muda"),
        (80, 50, 74.0, "Tuntas Pratama"),  # Tabel 2.10 mencetak "Tuntas Pratama" untuk 80 %
        (50, 50, 50.0, "Belum Tuntas"),
        (100, 50, 90.0, "Tuntas Utama"),
    ],
)
def test_indeks_dan_kategori_spm(penerima, mutu, indeks, kategori):
    i = rumus.indeks_spm(penerima, mutu)
    assert math.isclose(i, indeks)
    assert rumus.kategori_spm(i) == kategori


def test_indeks_spm_tanpa_mutu_tidak_terdefinisi():
    assert rumus.indeks_spm(80, None) is None
    assert rumus.kategori_spm(None) is None


@pytest.mark.parametrize(
    "fungsi, nilai, tercetak",
    [
        (fmt.angka, 42583, "42.583"),
        (fmt.angka, 40241, "40.241"),
        (fmt.persen, 95.7645, "95,76 %"),
        (fmt.persen, 0.125, "0,13 %"),  # setengah ke atas, bukan pembulatan bankir
        (fmt.rupiah, 1906887580, "Rp 1.906.887.580"),
        (fmt.rupiah, 11266644930, "Rp 11.266.644.930"),
        (fmt.desimal, 7.08, "7,08"),
        (fmt.tanggal, "2025-09-22", "22 September 2025"),
        (fmt.tanggal, "2025-01-20", "20 Januari 2025"),
        (fmt.persen, float("inf"), "–"),
        (fmt.angka, None, "–"),
    ],
)
def test_format_indonesia(fungsi, nilai, tercetak):
    assert fungsi(nilai) == tercetak
