"""Pemeriksaan angka tercetak (issue #5): temuan pada data yang dikirim dan pada salinan data yang dirusak.

Setiap temuan yang diharapkan pada data yang dikirim sudah dicocokkan dengan tangan
terhadap dokumen sumber; komentar menyebut baris teks sumber
(``shared/seeds/000_e4bf8d890e599692.txt``) yang memperlihatkannya.
"""

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from analisis import cli
from analisis.chapters import catatan_pemeriksaan
from analisis.core import periksa

AKAR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kirim():
    """Temuan pada data yang dikirim, per kode."""
    daftar = periksa.temuan()
    return {t.kode: t for t in daftar}, daftar


# ---------------------------------------------------------------------------
# data yang dikirim


@pytest.mark.parametrize(
    "kode, keparahan, tercetak, dihitung, selisih",
    [
        # baris 388 "<b>JUMLAH</b> 22 21"; kolom PNS baris 350–387 berjumlah 21
        ("JUMLAH-ASN-PNS", "peringatan", "22", "21", "+1"),
        # baris 433 subtotal kelompok 5 "484.557.500,00"; satu-satunya baris rinci (434) "12.430.000,00"
        ("JUMLAH-ASET-SUBTOTAL-5", "peringatan", "484.557.500,00", "Rp 12.430.000", "+Rp 472.127.500"),
        # baris 435 TOTAL "11.266.644.930,00"; 14 baris rinci (416–434) berjumlah 11.079.039.430
        ("JUMLAH-ASET-TOTAL", "peringatan", "11.266.644.930,00", "Rp 11.079.039.430", "+Rp 187.605.500"),
        # baris 435 TOTAL terhadap lima subtotal tercetak (baris 415, 417, 424, 428, 433) = 11.551.166.930
        ("JUMLAH-ASET-TOTAL-SUBTOTAL", "peringatan", "11.266.644.930,00", "Rp 11.551.166.930", "−Rp 284.522.000"),
        # baris 565 Jumlah "959.413.100"; lima baris yang tersisa (560–564) berjumlah 567.515.600 (baris awal hilang)
        ("JUMLAH-RENCANA-AKSI-ANGGARAN", "info", "959.413.100", "Rp 567.515.600", "+Rp 391.897.500"),
        # baris 624: "penurunan ... 8.108 jiwa dari ... (2023) sebanyak 50.001 jiwa ... 16,22%";
        # DO IKK 24 (baris 872) dengan PPKS terdata 2024 = 43.746: 50.001 − 43.746 = 6.255; 12,51 %
        ("PENURUNAN-PPKS-2024-JIWA", "peringatan", "8.108", "6.255", "+1.853"),
        ("PENURUNAN-PPKS-2024-PERSEN", "peringatan", "16,22%", "12,51 %", "+3,71 poin persen"),
        # baris 626: "(2024) sebanyak 41.893 jiwa" (= tertangani 2024, baris 624), terdata 2024 = 43.746;
        # "6.888 jiwa", "16,44%"; terdata Triwulan I 2025 = 42.583 (Tabel 2.5, baris 479)
        ("PENURUNAN-PPKS-2025-TAHUN-SEBELUMNYA", "peringatan", "41.893", "43.746", "−1.853"),
        ("PENURUNAN-PPKS-2025-JIWA", "peringatan", "6.888", "1.163", "+5.725"),
        ("PENURUNAN-PPKS-2025-PERSEN", "peringatan", "16,44%", "2,66 %", "+13,78 poin persen"),
        # baris 591: realisasi "80 %" dengan kategori "Tuntas Pratama"; pita 80–<90 = Tuntas Madya
        ("KATEGORI-SPM-2024-1", "peringatan", "Tuntas Pratama", "Tuntas Madya (realisasi 80 %)", "kategori berbeda"),
        # baris 317: "berjumlah 22 (dua puluh dua) orang"; baris rinci Tabel 2.2 = 21
        ("NARASI-ASN-PNS", "peringatan", "22 (dua puluh dua)", "21", "+1"),
        # baris 620: target 2025 "B Baik"; baris 711 (Tabel 4.1) target 2025 = 58 → CC (> 50–60)
        ("TARGET-IKU-02-TABEL-2-11-2025", "peringatan", "B Baik", "58 → CC (Cukup (Memadai))", "predikat B ≠ CC"),
        # baris 640: "terealisasi grade B dari target kinerja B" (2025)
        ("TARGET-IKU-02-NARASI-2025", "peringatan", "B", "58 → CC (Cukup (Memadai))", "predikat B ≠ CC"),
        # baris 636: "Ditetapkan target capaian B (Baik) dalam setiap tahun"; baris 711: 58 dan 60 → CC
        ("TARGET-IKU-02-NARASI-SETIAP-TAHUN", "peringatan", "B (Baik)",
         "2025: 58 → CC (Cukup (Memadai)); 2026: 60 → CC (Cukup (Memadai))", "predikat B tidak berlaku untuk 2025–2026"),
        # baris 69 (Daftar Isi) "NOMOR 800 /143 /DINSOS /VIII /2025"; baris 976 "NOMOR 800/143/DINSOS/IX/2025"
        ("KEPUTUSAN-NOMOR", "peringatan", "800 /143 /DINSOS /VIII /2025", "800/143/DINSOS/IX/2025", "VIII ≠ IX"),
        # baris 69 "KEPUTUSAN KEPALA DINAS SOSIAL"; baris 975 "KEPUTUSAN BUPATI SERUYAN"
        ("KEPUTUSAN-PENERBIT", "peringatan", "KEPUTUSAN KEPALA DINAS SOSIAL", "KEPUTUSAN BUPATI SERUYAN", "penerbit berbeda"),
        # baris 620 kolom Indikator mengulang baris 619; Tabel 4.1 baris 711 "Nilai SAKIP Dinas Sosial"
        ("TABEL-2-11-INDIKATOR-BARIS-2", "peringatan",
         "Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang Tertangani", "Nilai SAKIP Dinas Sosial", "indikator berbeda"),
        # baris 620 sasaran "Meningkatkan Kualitas Pelayanan ..."; baris 711 "Meningkatkan Akuntabilitas Kinerja ..."
        ("TABEL-2-11-SASARAN-BARIS-2", "peringatan", "Meningkatkan Kualitas Pelayanan Dinas Sosial Kabupaten Seruyan",
         "Meningkatkan Akuntabilitas Kinerja Dinas Sosial Kabupaten Seruyan", "sasaran berbeda"),
        # baris 640 "Sampai dengan Triwulan II Tahun 2025"; baris 615 "Tahun 2024 dan Triwulan I tahun 2025"
        ("PERIODE-IKU-02-2025", "peringatan", "Sampai dengan Triwulan II Tahun 2025", "Triwulan I tahun 2025", "periode berbeda"),
        # baris 327–329 golongan 6 + 14 + 2, 333–336 pendidikan 3 + 2 + 12 + 5, 340–341 jenis kelamin 12 + 10 = 22;
        # baris rinci Tabel 2.2 = 21
        ("RINCIAN-PNS-GOLONGAN", "peringatan", "22", "21", "+1"),
        ("RINCIAN-PNS-PENDIDIKAN", "peringatan", "22", "21", "+1"),
        ("RINCIAN-PNS-JENIS-KELAMIN", "peringatan", "22", "21", "+1"),
        # baris 397 (Tabel 2.3) Pekerja Sosial (Peksos) 8; baris 499 (Tabel 2.6) 5, sumber "Data Peksos Dinsos Tahun 2024"
        ("SDM-KESOS-PSKS-PEKERJA-SOSIAL-PROFESIONAL", "peringatan", "8", "5", "+3"),
        # baris 750 target IKK-24 95 90 85 80 75 75; DO baris 872; 2025: (43.746 − 42.583) / 43.746 = 2,66 %
        ("ARAH-TARGET-IKK-24", "peringatan", "2025: 95, 2026: 90, 2027: 85, 2028: 80, 2029: 75, 2030: 75",
         "DO IKK-24 2025 (Triwulan I): 2,66 %; rasio N/N−1: 97,34 %", "target menurun"),
        # parameters/2025.yml periode Triwulan I; nilai SAKIP 2025 hanya ada untuk Triwulan II (baris 640)
        ("PERIODE-REALISASI-2025-IKU-02", "peringatan", "Triwulan I", "Triwulan II", "periode data sesudah periode dokumen"),
        # baris 541 "turun 0,04%": 7,12 − 7,08 = 0,04 poin persen (Tabel 2.8 baris 537), relatif 0,56 %
        ("NARASI-KEMISKINAN-SATUAN", "info", "0,04%", "0,04 poin persen; relatif 0,56 %", "satuan: poin persen"),
        # baris 31 "dokumen IKU Tahun 2025-20269"
        ("PERIODE-KATA-PENGANTAR", "info", "2025-20269", "2025-2029", "salah ketik"),
        # baris 775 judul "Tahun 2025-2029"; kolom thn 2025 … thn 2030
        ("SPM-TARGET-JUDUL-PERIODE", "info", "2025-2029", "2025–2030", "judul tidak mencakup semua kolom"),
        # baris 1027 "pada tanggal 29 September 2025"; baris 37 "Kuala Pembuang, 22 September 2025"
        ("TANGGAL-KEPUTUSAN-SESUDAH-DOKUMEN", "info", "29 September 2025", "tanggal dokumen 22 September 2025",
         "keputusan 7 hari sesudah dokumen"),
        # Tabel 4.5 (baris 835, 844, 864, 865, 868) terhadap Tabel 4.2 (baris 725, 731, 743, 744, 747)
        ("NAMA-DO-IKK-03", "info", "Persentase Lembaga di Bidang Sosial yang meningkat kualitasnya dalam Pelayanan Sosial",
         "Persentase Lembaga di Bidang Kesejahteraan Sosial yang meningkat kualitasnya dalam Pelayanan Sosial", "nama berbeda"),
        ("NAMA-DO-IKK-09", "info", "Persentase Gelandangan Pengemis yang terpenuhi kebutuhan dasarnya",
         "Persentase Gelandang dan Pengemis yang terpenuhi kebutuhan dasarnya", "nama berbeda"),
        ("NAMA-DO-IKK-18", "info", "Persentase Taman Makam Pahlawan yang dikelola dengan baik",
         "Persentase Taman Makam Pahlawan yang terkelola dengan baik", "nama berbeda"),
        # Tabel 4.2 baris 744–748: IKK ditetapkan mulai 2025; 2024 hanya punya target IKU dari Tabel 2.11
        ("TARGET-TAHUN-2024-SEBAGIAN", "info", "–", "2 dari 26 indikator bertarget", "24 tanpa target"),
        # realisasi 2024: IKU-01, IKU-02, IKK-19..23 (Tabel 2.10), IKK-24 → 8 dari 26
        ("REALISASI-2024-SEBAGIAN", "info", "–", "8 dari 26 indikator tersedia", "18 belum tersedia"),
        ("REALISASI-2025-SEBAGIAN", "info", "–", "3 dari 26 indikator tersedia", "23 belum tersedia"),
        ("REALISASI-2026", "info", "–", "belum tersedia", "–"),
    ],
)
def test_temuan_data_kirim(kirim, kode, keparahan, tercetak, dihitung, selisih):
    per_kode, _ = kirim
    assert kode in per_kode, f"temuan {kode} tidak dilaporkan"
    t = per_kode[kode]
    assert (t.keparahan, t.tercetak, t.dihitung, t.selisih) == (keparahan, tercetak, dihitung, selisih)
    assert t.aturan and t.tabel and t.besaran


PERINGATAN_KIRIM = {
    "JUMLAH-ASN-PNS", "JUMLAH-ASET-SUBTOTAL-5", "JUMLAH-ASET-TOTAL", "JUMLAH-ASET-TOTAL-SUBTOTAL",
    "PENURUNAN-PPKS-2024-JIWA", "PENURUNAN-PPKS-2024-PERSEN", "PENURUNAN-PPKS-2025-TAHUN-SEBELUMNYA",
    "PENURUNAN-PPKS-2025-JIWA", "PENURUNAN-PPKS-2025-PERSEN", "KATEGORI-SPM-2024-1", "NARASI-ASN-PNS",
    "TARGET-IKU-02-TABEL-2-11-2025", "TARGET-IKU-02-NARASI-2025", "TARGET-IKU-02-NARASI-SETIAP-TAHUN",
    "KEPUTUSAN-NOMOR", "KEPUTUSAN-PENERBIT", "TABEL-2-11-INDIKATOR-BARIS-2", "TABEL-2-11-SASARAN-BARIS-2",
    "PERIODE-IKU-02-2025", "RINCIAN-PNS-GOLONGAN", "RINCIAN-PNS-PENDIDIKAN", "RINCIAN-PNS-JENIS-KELAMIN",
    "SDM-KESOS-PSKS-PEKERJA-SOSIAL-PROFESIONAL", "ARAH-TARGET-IKK-24", "PERIODE-REALISASI-2025-IKU-02",
}


def test_data_kirim_tanpa_galat_dan_peringatan_tepat(kirim):
    """Tidak ada galat; peringatan persis daftar yang sudah diperiksa dengan tangan (tidak ada temuan palsu)."""
    per_kode, daftar = kirim
    assert [t.kode for t in daftar if t.keparahan == "galat"] == []
    peringatan = {t.kode for t in daftar if t.keparahan == "peringatan"}
    assert peringatan - CASCADING_KIRIM == PERINGATAN_KIRIM
    # sel Tabel 4.6 yang hilang di sumber: peringatan kelengkapan per simpul (data/README.md, bagian cascading)
    assert peringatan & CASCADING_KIRIM == CASCADING_KIRIM
    assert len(per_kode) == len(daftar), "kode temuan harus unik"


CASCADING_KIRIM = {f"CASCADING-KELENGKAPAN-{k}" for k in (
    "T-1", "P-1", "K-1", "K-6", "SK-1", "SK-4", "SK-5", "SK-6", "SK-7", "SK-8", "SK-9", "SK-10", "SK-11", "14")}


@pytest.mark.parametrize(
    "kode",
    [
        "JUMLAH-ASN-HONORER",  # baris 388: 21 = Σ honorer
        "JUMLAH-SDM-KESOS",  # baris 406: 147 = 8 + 7 + 0 + 3 + 10 + 63 + 56
        "JUMLAH-ASET-SUBTOTAL-1", "JUMLAH-ASET-SUBTOTAL-2", "JUMLAH-ASET-SUBTOTAL-3", "JUMLAH-ASET-SUBTOTAL-4",
        "JUMLAH-PPKS-TERDATA", "JUMLAH-PPKS-TERTANGANI",  # baris 479: 42.583 / 35.005
        "JUMLAH-PSKS", "JUMLAH-PSKS-BERSERTIFIKAT",  # baris 511: 161 / 76
        "REALISASI-IKU-01-2024", "CAPAIAN-IKU-01-2024",  # baris 619: 95,76 % = 41.893 / 43.746
        "REALISASI-IKU-01-2025", "CAPAIAN-IKU-01-2025",  # baris 619: 82,20 % = 35.005 / 42.583
        "REALISASI-IKU-02-2024", "CAPAIAN-IKU-02-2024",  # baris 620: CC, nilai 58,30 (Cukup Memadai)
        "REALISASI-IKU-02-2025", "CAPAIAN-IKU-02-2025",  # baris 620: B, nilai 60,70 (Baik)
        "TARGET-IKU-01-TABEL-2-11-2024", "TARGET-IKU-01-TABEL-2-11-2025", "TARGET-IKU-02-TABEL-2-11-2024",
        "SAKIP-2023-PREDIKAT", "SAKIP-2024-PREDIKAT", "SAKIP-2025-PREDIKAT",  # baris 638, 640: 60,6 B; 58,30 CC; 60,70 B
        "SAKIP-2024-PREDIKAT-LABEL", "SAKIP-2025-PREDIKAT-LABEL",
        "KEMISKINAN-PERUBAHAN", "NARASI-KEMISKINAN-PENURUNAN",  # baris 537, 541: 7,12 − 7,08 = 0,04
        "NARASI-KEMISKINAN-P0-2023", "NARASI-KEMISKINAN-P0-2024",
        "KATEGORI-SPM-2024-2", "KATEGORI-SPM-2024-5",  # baris 592–595: 100 % Tuntas Paripurna
        "NARASI-ASN-HONORER",  # baris 343: 21 (dua puluh satu)
        "NARASI-PPKS-2025-TERDATA", "NARASI-PPKS-2025-TERTANGANI",  # baris 626 = Tabel 2.5
        "NARASI-PSKS-JENIS",  # baris 451 "12 (dua belas) potensi" = 12 baris Tabel 2.6
        "NARASI-LKS", "NARASI-SPM-LAYANAN",
        "RINCIAN-ESELON-II", "RINCIAN-ESELON-III", "RINCIAN-ESELON-IV",  # baris 321–323 = jabatan struktural Tabel 2.2
        "SDM-KESOS-PSKS-TARUNA-SIAGA-BENCANA-TAGANA", "SDM-KESOS-PSKS-KARANG-TARUNA",  # 63 = 63, 56 = 56
        "SDM-KESOS-PSKS-TENAGA-KESEJAHTERAAN-SOSIAL-KECAMATAN-TKSK", "SDM-KESOS-PSKS-PEKERJA-SOSIAL-MASYARAKAT-PSM",
        "SPM-TARGET-IKK-19", "SPM-TARGET-IKK-23",  # Tabel 4.2 baris 744–748 = Tabel 4.3
        "DATA-TIDAK-SAH",
    ],
)
def test_yang_cocok_tidak_dilaporkan(kirim, kode):
    per_kode, _ = kirim
    assert kode not in per_kode


def test_keterangan_menjelaskan_penyebab(kirim):
    per_kode, _ = kirim
    assert "tertangani (41.893)" in per_kode["PENURUNAN-PPKS-2024-PERSEN"].keterangan
    assert "PPKS tertangani 2024" in per_kode["PENURUNAN-PPKS-2025-TAHUN-SEBELUMNYA"].keterangan
    assert "30–<80 %" in per_kode["KATEGORI-SPM-2024-1"].keterangan
    assert "tidak tersedia" in per_kode["KATEGORI-SPM-2024-1"].keterangan
    assert "N/Σ PPKS" in per_kode["ARAH-TARGET-IKK-24"].keterangan
    assert "5 PNS" in per_kode["SDM-KESOS-PSKS-PEKERJA-SOSIAL-PROFESIONAL"].keterangan
    assert "hilang" in per_kode["JUMLAH-RENCANA-AKSI-ANGGARAN"].keterangan
    assert per_kode["REALISASI-2026"].keterangan == "Data realisasi tahun 2026 belum tersedia."
    assert "DO IKK-24" in per_kode["PENURUNAN-PPKS-2024-PERSEN"].aturan


def test_tahun_membatasi_pemeriksaan_parameter():
    kode = {t.kode for t in periksa.temuan(tahun=2026)}
    assert "REALISASI-2026" in kode
    assert not {k for k in kode if k.startswith(("REALISASI-2024", "REALISASI-2025", "REALISASI-2027"))}
    assert "JUMLAH-ASN-PNS" in kode  # pemeriksaan lain tidak bergantung pada tahun


# ---------------------------------------------------------------------------
# salinan data yang dirusak: setiap jenis pemeriksaan


def _ganti(jalur: Path, lama: str, baru: str) -> None:
    teks = jalur.read_text(encoding="utf-8")
    assert teks.count(lama) == 1, f"{lama!r} harus muncul tepat sekali di {jalur.name}"
    jalur.write_text(teks.replace(lama, baru), encoding="utf-8")


def _kode(folder, **kw):
    return {t.kode: t for t in periksa.temuan(folder=folder, **kw)}


def test_jumlah_baris_rinci_diubah(salinan_data):
    # Taruna Siaga Bencana 63 → 64: Tabel 2.3 tercetak 147 ≠ 148
    _ganti(salinan_data / "sdm_kesos.csv", "Relawan Sosial,1,Taruna Siaga Bencana,63", "Relawan Sosial,1,Taruna Siaga Bencana,64")
    t = _kode(salinan_data)["JUMLAH-SDM-KESOS"]
    assert (t.keparahan, t.tercetak, t.dihitung, t.selisih) == ("peringatan", "147", "148", "−1")


def test_jumlah_honorer_dan_psks(salinan_data):
    _ganti(salinan_data / "asn_jabatan.csv", "PENGADMINISTRASI PERKANTORAN,-,5,5", "PENGADMINISTRASI PERKANTORAN,-,4,5")
    _ganti(salinan_data / "psks.csv", "2025,12,Dunia Usaha,5,", "2025,12,Dunia Usaha,7,")
    k = _kode(salinan_data)
    assert (k["JUMLAH-ASN-HONORER"].dihitung, k["JUMLAH-ASN-HONORER"].selisih) == ("20", "+1")
    assert (k["JUMLAH-PSKS"].tercetak, k["JUMLAH-PSKS"].dihitung) == ("161", "163")


def test_jumlah_ppks_dan_rumus_iku(salinan_data):
    # Fakir Miskin tertangani 34.946 → 30.000: Tabel 2.5 jumlah dan Tabel 2.11 realisasi/capaian 2025 tidak cocok
    _ganti(salinan_data / "ppks_pas.csv", "Fakir Miskin,40.241,34.946,", "Fakir Miskin,40.241,30.000,")
    k = _kode(salinan_data)
    assert (k["JUMLAH-PPKS-TERTANGANI"].tercetak, k["JUMLAH-PPKS-TERTANGANI"].dihitung) == ("35.005", "30.059")
    assert (k["REALISASI-IKU-01-2025"].tercetak, k["REALISASI-IKU-01-2025"].dihitung) == ("82,20 %", "70,59 %")
    assert k["REALISASI-IKU-01-2025"].selisih == "+11,61 poin persen"
    assert "CAPAIAN-IKU-01-2025" in k and "CAPAIAN-NARASI-2025" in k and "NARASI-PPKS-2025-TERTANGANI" in k


def test_predikat_sakip_tidak_cocok(salinan_data):
    # narasi 2024 mencetak predikat B untuk nilai 58,30 (pita CC)
    _ganti(salinan_data / "dicetak.csv", "predikat (grade) SAKIP,IKU-02,CC", "predikat (grade) SAKIP,IKU-02,B")
    t = _kode(salinan_data)["SAKIP-2024-PREDIKAT"]
    assert (t.tercetak, t.dihitung, t.selisih) == ("B", "CC (Cukup (Memadai))", "B ≠ CC")


def test_nilai_sakip_tabel_2_11(salinan_data):
    # nilai SAKIP 2024 di data 58,30 → 61,00: Tabel 2.11 "CC" dan "CC Nilai 58,30" tidak lagi cocok
    _ganti(salinan_data / "sakip.csv", '2024,Tahunan,"58,30"', '2024,Tahunan,"61,00"')
    k = _kode(salinan_data)
    assert k["REALISASI-IKU-02-2024"].selisih == "predikat CC ≠ B"
    assert k["CAPAIAN-IKU-02-2024"].selisih == "predikat CC ≠ B; nilai 58,30 ≠ 61,00; sebutan Cukup Memadai ≠ Baik"


def test_kategori_spm_dari_realisasi(salinan_data):
    # realisasi anak terlantar 100 % → 90 %: kategori tercetak Tuntas Paripurna ≠ Tuntas Utama
    _ganti(salinan_data / "spm_realisasi.csv", ",18,100 %,100 %", ",18,100 %,90 %")
    t = _kode(salinan_data)["KATEGORI-SPM-2024-2"]
    assert (t.keparahan, t.tercetak, t.dihitung) == ("peringatan", "Tuntas Paripurna", "Tuntas Utama (realisasi 90 %)")
    assert "Tidak ada persentase mutu" in t.keterangan  # 0,8 × 90 + 0,2 × mutu ≤ 92 < 100


def test_kemiskinan_berubah(salinan_data):
    _ganti(salinan_data / "kemiskinan.csv", '2024,"7,08"', '2024,"7,00"')
    k = _kode(salinan_data)
    assert (k["KEMISKINAN-PERUBAHAN"].tercetak, k["KEMISKINAN-PERUBAHAN"].dihitung) == ("0,04", "0,12")
    assert k["KEMISKINAN-PERUBAHAN"].selisih == "−0,08 poin persen"
    assert k["NARASI-KEMISKINAN-P0-2024"].dihitung == "7,00 %"


def test_narasi_honorer_dan_jumlah_psks(salinan_data):
    _ganti(salinan_data / "dicetak.csv", "21 (dua puluh satu)", "20 (dua puluh)")
    _ganti(salinan_data / "psks.csv", "2025,10,Wanita Pemimpin Kesejahteraan Sosial,0,,\n", "")
    k = _kode(salinan_data)
    assert (k["NARASI-ASN-HONORER"].tercetak, k["NARASI-ASN-HONORER"].dihitung, k["NARASI-ASN-HONORER"].selisih) == (
        "20 (dua puluh)", "21", "−1")
    assert (k["NARASI-PSKS-JENIS"].tercetak, k["NARASI-PSKS-JENIS"].dihitung) == ("12 (dua belas)", "11")


def test_target_sakip_dan_keputusan_diperbaiki(salinan_data):
    # target 2025 Tabel 4.1 58 → 61 (B) dan nomor di Daftar Isi disamakan: temuan itu hilang
    _ganti(salinan_data / "target.csv", "IKU-02,2025,58,,", "IKU-02,2025,61,,")
    _ganti(salinan_data / "keputusan.yaml", "nomor_di_daftar_isi: 800 /143 /DINSOS /VIII /2025",
           "nomor_di_daftar_isi: 800 /143 /DINSOS /IX /2025")
    k = _kode(salinan_data)
    assert "TARGET-IKU-02-TABEL-2-11-2025" not in k and "TARGET-IKU-02-NARASI-2025" not in k
    assert k["TARGET-IKU-02-NARASI-SETIAP-TAHUN"].dihitung == "2026: 60 → CC (Cukup (Memadai))"
    assert "KEPUTUSAN-NOMOR" not in k and "KEPUTUSAN-PENERBIT" in k


def test_rincian_pns_dan_eselon(salinan_data):
    # Sekretaris tanpa PNS: eselon III dari jabatan struktural 4 ≠ 5; golongan II 2 → 1 (Σ 21 = baris, ≠ JUMLAH 22)
    _ganti(salinan_data / "asn_jabatan.csv", "13,13,sekretariat,SEKRETARIS,1,-,13", "13,13,sekretariat,SEKRETARIS,-,-,13")
    _ganti(salinan_data / "asn_rincian.csv", "golongan,Golongan II,2", "golongan,Golongan II,1")
    k = _kode(salinan_data)
    t = k["RINCIAN-ESELON-III"]
    assert (t.tercetak, t.dihitung, t.selisih) == ("5", "4", "+1")
    assert "SEKRETARIS (0)" in t.keterangan
    assert (k["RINCIAN-PNS-GOLONGAN"].tercetak, k["RINCIAN-PNS-GOLONGAN"].dihitung) == ("21", "20")
    assert (k["RINCIAN-PNS-GOLONGAN-JUMLAH"].tercetak, k["RINCIAN-PNS-GOLONGAN-JUMLAH"].dihitung) == ("21", "22")


def test_sdm_kesos_psks_tahun_berbeda_adalah_info(salinan_data):
    # TAGANA 63 → 60 di Tabel 2.6 (sumber "SK Tagana" tanpa tahun → data 2025, Tabel 2.3 tahun 2024): info
    _ganti(salinan_data / "psks.csv", "Taruna siaga Bencana (TAGANA),63,63", "Taruna siaga Bencana (TAGANA),60,60")
    t = _kode(salinan_data)["SDM-KESOS-PSKS-TARUNA-SIAGA-BENCANA-TAGANA"]
    assert (t.keparahan, t.tercetak, t.dihitung, t.selisih) == ("info", "63", "60", "+3")
    assert "tahun 2024" in t.keterangan and "tahun 2025" in t.keterangan


def test_pohon_tanpa_induk_adalah_galat(salinan_data):
    teks = (salinan_data / "pohon_kinerja.csv").read_text(encoding="utf-8")
    baris = next(b for b in teks.splitlines() if b.startswith("L3-1-1,"))
    (salinan_data / "pohon_kinerja.csv").write_text(teks.replace(baris, baris.replace("L3-1-1,L2-1,", "L3-1-1,L2-9,")),
                                                   encoding="utf-8")
    galat = [t for t in periksa.temuan(folder=salinan_data) if t.keparahan == "galat"]
    assert any(t.kode == "DATA-TIDAK-SAH" and t.tabel == "data/pohon_kinerja.csv" and "induk" in t.aturan for t in galat)
    assert periksa.kode_keluar(galat) == 1


def test_pohon_indikator_kosong_adalah_galat(salinan_data):
    teks = (salinan_data / "pohon_kinerja.csv").read_text(encoding="utf-8")
    baris = next(b for b in teks.splitlines() if b.startswith("L5-4-2-1-1,"))
    (salinan_data / "pohon_kinerja.csv").write_text(teks.replace(baris, baris.rsplit(",", 1)[0] + ","), encoding="utf-8")
    galat = [t for t in periksa.temuan(folder=salinan_data) if t.keparahan == "galat"]
    assert any(t.tabel == "data/pohon_kinerja.csv" and t.besaran == "indikator" for t in galat)


def test_periksa_pohon_langsung(monkeypatch):
    """Aturan pohon diperiksa juga oleh modul ini sendiri, tidak hanya oleh skema pemuat."""
    from analisis.core import data

    asli = data.muat
    rusak = asli("pohon_kinerja")
    rusak.loc[rusak["id"] == "L4-1-1-1", "induk"] = "L2-1"  # simpul level 4 di bawah level 2
    rusak.loc[rusak["id"] == "L5-1-1-1-1", "indikator"] = "-"
    rusak.loc[rusak["id"] == "L3-1-2", "induk"] = None  # akar kedua
    monkeypatch.setattr(data, "muat", lambda nama, folder=None: rusak.copy() if nama == "pohon_kinerja" else asli(nama, folder))
    kode = {t.kode: t for t in periksa.cek_pohon_indikator()}
    assert kode["POHON-LEVEL-L4-1-1-1"].keparahan == "galat"
    assert kode["POHON-INDIKATOR-L5-1-1-1-1"].keparahan == "galat"
    assert kode["POHON-INDUK-L3-1-2"].keparahan == "galat"
    assert (kode["POHON-AKAR"].tercetak, kode["POHON-AKAR"].dihitung) == ("2", "1")


def test_do_dan_target_hilang_adalah_galat(salinan_data):
    import csv

    jalur = salinan_data / "definisi_operasional.csv"
    with jalur.open(encoding="utf-8", newline="") as f:
        baris = list(csv.reader(f))
    assert sum(b[0] == "IKK-05" for b in baris) == 1
    with jalur.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(b for b in baris if b[0] != "IKK-05")
    _ganti(salinan_data / "target.csv", "IKK-07,2027,100,,Tabel 4.2\n", "")
    k = _kode(salinan_data)
    assert k["DO-IKK-05"].keparahan == "galat"
    t = k["TARGET-IKK-07"]
    assert (t.keparahan, t.selisih) == ("galat", "tidak ada target 2027")
    assert periksa.kode_keluar(list(k.values())) == 1


def test_target_spm_berbeda_dan_hilang(salinan_data):
    _ganti(salinan_data / "spm_target.csv", "1.,2027,50,100 %", "1.,2027,51,100 %")
    _ganti(salinan_data / "spm_target.csv", "5.,2029,350,100 %\n", "")
    k = _kode(salinan_data)
    t = k["SPM-TARGET-IKK-19"]
    assert (t.keparahan, t.tercetak, t.dihitung) == ("peringatan", "2027: 50", "2027: 51")
    assert (k["SPM-TARGET-5"].keparahan, k["SPM-TARGET-5"].selisih) == ("galat", "tidak ada target 2029")


def test_target_ikk24_naik_tidak_diperingatkan(salinan_data):
    for th, lama, baru in ((2025, 95, 5), (2026, 90, 6), (2027, 85, 7), (2028, 80, 8), (2029, 75, 9), (2030, 75, 10)):
        _ganti(salinan_data / "target.csv", f"IKK-24,{th},{lama},,", f"IKK-24,{th},{baru},,")
    assert "ARAH-TARGET-IKK-24" not in _kode(salinan_data)


# ---------------------------------------------------------------------------
# parameter


@pytest.fixture
def salinan_parameter(tmp_path) -> Path:
    tujuan = tmp_path / "parameters"
    shutil.copytree(AKAR / "parameters", tujuan)
    return tujuan


def test_tahun_tanpa_target_adalah_galat(salinan_parameter):
    (salinan_parameter / "2031.yml").write_text("tahun: 2031\nperiode: Tahunan\n", encoding="utf-8")
    k = _kode(None, folder_parameter=salinan_parameter)
    assert k["TARGET-TAHUN-2031"].keparahan == "galat"
    assert "REALISASI-2031" not in k  # tanpa target tidak dievaluasi lebih lanjut


def test_periode_parameter_tidak_sah_adalah_galat(salinan_parameter):
    _ganti(salinan_parameter / "2027.yml", "periode: Tahunan", "periode: Kuartal I")
    t = _kode(None, folder_parameter=salinan_parameter)["PARAMETER-2027"]
    assert t.keparahan == "galat" and "periode" in t.keterangan


def test_periode_dokumen_menentukan_temuan_periode():
    # dokumen 2025 "Triwulan II": SAKIP Triwulan II cocok; PPKS baru sampai Triwulan I (info)
    k = {t.kode: t for t in periksa.cek_parameter(tahun=2025, periode="Triwulan II")}
    assert "PERIODE-REALISASI-2025-IKU-02" not in k
    t = k["PERIODE-REALISASI-2025-IKU-01"]
    assert (t.keparahan, t.tercetak, t.dihitung) == ("info", "Triwulan II", "Triwulan I")


# ---------------------------------------------------------------------------
# keluaran: CLI, berkas, tabel lampiran


def test_kode_keluar():
    p = periksa.Temuan("peringatan", "X", "", "", "", "", "", "", "")
    g = periksa.Temuan("galat", "Y", "", "", "", "", "", "", "")
    i = periksa.Temuan("info", "Z", "", "", "", "", "", "", "")
    assert [periksa.kode_keluar(d, k) for d, k in (([i], True), ([p, i], False), ([p], True), ([g], False))] == [0, 0, 1, 1]


def test_temuan_menolak_keparahan_lain():
    with pytest.raises(ValueError):
        periksa.Temuan("fatal", "X", "", "", "", "", "", "", "")


def _jalankan(ketat=False):
    keluar, galat = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(keluar), contextlib.redirect_stderr(galat):
        kode = periksa.jalankan_cli(ketat=ketat)
    return kode, keluar.getvalue()


def test_jalankan_cli_data_kirim(tmp_path, monkeypatch):
    monkeypatch.setenv("IKU_RENDERED", str(tmp_path))
    kode, teks = _jalankan()
    assert kode == 0
    # 25 peringatan angka tercetak + 14 peringatan kelengkapan cascading (CASCADING_KIRIM)
    assert "0 galat, 39 peringatan, 17 info" in teks
    assert "JUMLAH-ASN-PNS" in teks and "+Rp 472.127.500" in teks
    assert _jalankan(ketat=True)[0] == 1
    folder = tmp_path / "pemeriksaan"
    isi = json.loads((folder / "temuan.json").read_text(encoding="utf-8"))
    assert isi["ringkasan"] == {"galat": 0, "peringatan": 39, "info": 17}
    baris = (folder / "temuan.csv").read_text(encoding="utf-8").splitlines()
    assert baris[0].startswith("keparahan,kode,tabel,baris,besaran,tercetak,dihitung,selisih,aturan")
    assert sorted(p.name for p in folder.iterdir()) == ["temuan.csv", "temuan.json"]  # tidak ada berkas sementara


def test_jalankan_cli_dengan_galat(tmp_path, monkeypatch, salinan_data):
    monkeypatch.setenv("IKU_RENDERED", str(tmp_path))
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    _ganti(salinan_data / "target.csv", "IKU-01,2026,100%,,Tabel 4.1\n", "")
    kode, teks = _jalankan()
    assert kode == 1 and "TARGET-IKU-01" in teks


def test_jalankan_cli_ketat_hanya_info(tmp_path, monkeypatch):
    monkeypatch.setenv("IKU_RENDERED", str(tmp_path))
    monkeypatch.setattr(periksa, "temuan", lambda *a, **k: [periksa.Temuan("info", "Z", "T", "b", "x", "1", "1", "±0", "a")])
    assert _jalankan(ketat=True)[0] == 0


def test_perintah_iku_periksa(tmp_path, monkeypatch):
    monkeypatch.setenv("IKU_RENDERED", str(tmp_path))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["periksa"]) == 0
        assert cli.main(["periksa", "--ketat"]) == 1
    assert (tmp_path / "pemeriksaan" / "temuan.csv").exists()


def test_terminal_membungkus_teks_panjang():
    t = periksa.Temuan("peringatan", "K", "Tabel 2.11", "baris 2", "b", "kata " * 30, "2", "+1", "a")
    teks = periksa._teks_terminal([t], lebar=120)
    assert all(len(b) <= 130 for b in teks.splitlines())
    assert len(teks.splitlines()) > 3


def test_tabel_lampiran_dan_kalimat():
    daftar = periksa.temuan(tahun=2025)
    t = catatan_pemeriksaan.tabel_temuan(daftar=daftar)
    html = t.html()
    assert t.label == "catatan-pemeriksaan" and t.judul == "Catatan Pemeriksaan Data" and t.lebar
    assert 'data-label="catatan-pemeriksaan"' in html and "+Rp 472.127.500" in html and "2,66 %" in html
    assert html.count("<tr") - html.count('<tr class="catatan-tabel">') == len(daftar) + 1  # judul kolom, satu baris per temuan
    assert 'id="temuan-JUMLAH-ASN-PNS"' in html  # jangkar penanda temuan di badan dokumen
    assert html.count('<tr class="catatan-tabel">') == 1
    for kata in ("nan", "None", "inf"):
        assert f">{kata}<" not in html
    k = catatan_pemeriksaan.kalimat_ringkasan(2025, daftar=daftar)
    r = periksa.ringkasan(daftar)
    assert k.startswith(f"Pemeriksaan otomatis untuk dokumen tahun 2025 menghasilkan {len(daftar)} catatan: tidak ada galat, "
                        f"{r['peringatan']} peringatan dan {r['info']} info.")
    assert "antara lain di Tabel 2.2, Tabel 2.3, Tabel 2.4" in k


def test_kalimat_ringkasan_dengan_galat():
    g = periksa.Temuan("galat", "Y", "data/target.csv", "", "", "", "", "", "")
    assert "Ada 1 galat" in catatan_pemeriksaan.kalimat_ringkasan(daftar=[g])


def test_tabel_meng_escape_teks_data():
    t = periksa.Temuan("info", "X", "<b>Tabel</b>", "b", "b", "<script>", "1", "±0", "a")
    assert "<script>" not in catatan_pemeriksaan.tabel_temuan(daftar=[t]).html()


def test_narasi_terdaftar_per_bagian_di_tempat_cek_narasi():
    """cek_narasi dipecah per berkas yang dibaca (memo per bagian); urutan dan temuan sama dengan gabungannya."""
    nama = [f.__name__ for f in periksa.PEMERIKSAAN]
    bagian = [f.__name__ for f in periksa.BAGIAN_NARASI]
    assert "cek_narasi" not in nama  # gabungan tidak terdaftar: tidak dijalankan dua kali
    i = nama.index("cek_narasi_asn")
    assert nama[i - 1] == "cek_rumus" and nama[i:i + len(bagian)] == bagian and nama[i + len(bagian)] == "cek_rincian"
    per_bagian = {f.__name__: [t.kode for t in f()] for f in periksa.BAGIAN_NARASI}
    assert per_bagian == {
        "cek_narasi_asn": ["NARASI-ASN-PNS"],  # narasi 2.2.1 "22 (dua puluh dua)" PNS, baris rinci Tabel 2.2 Σ 21
        "cek_narasi_ppks": [],
        "cek_narasi_target": ["TARGET-IKU-02-TABEL-2-11-2025", "TARGET-IKU-02-NARASI-2025",
                              "TARGET-IKU-02-NARASI-SETIAP-TAHUN"],
        "cek_narasi_keputusan": ["KEPUTUSAN-NOMOR", "KEPUTUSAN-PENERBIT"],
        "cek_narasi_tabel_2_11": ["TABEL-2-11-INDIKATOR-BARIS-2", "TABEL-2-11-SASARAN-BARIS-2", "PERIODE-IKU-02-2025"],
        "cek_narasi_kemiskinan": ["NARASI-KEMISKINAN-SATUAN"],
        "cek_narasi_banyak": [],
        "cek_narasi_lks": [],
        "cek_narasi_target_tahunan": [],
        "cek_narasi_periode_tanggal": ["PERIODE-KATA-PENGANTAR", "SPM-TARGET-JUDUL-PERIODE",
                                       "TANGGAL-KEPUTUSAN-SESUDAH-DOKUMEN"],
    }
    narasi = periksa.cek_narasi()
    assert narasi == [t for f in periksa.BAGIAN_NARASI for t in f()]
    # dalam temuan(): berurutan di antara cek_rumus dan cek_rincian (urutan stabil per keparahan)
    semua = periksa.temuan()
    for keparahan in periksa.KEPARAHAN:
        kode = [t.kode for t in semua if t.keparahan == keparahan]
        sub = [t.kode for t in narasi if t.keparahan == keparahan]
        if sub:
            j = kode.index(sub[0])
            assert kode[j:j + len(sub)] == sub


def test_data_tidak_sah_hanya_menghentikan_bagian_narasi_yang_membacanya(tmp_path):
    from analisis.core.paths import folder_data

    folder = tmp_path / "data"
    shutil.copytree(folder_data(), folder)
    lks = folder / "lks.csv"
    lks.write_text(lks.read_text(encoding="utf-8").replace("2025,9", "2025,sembilan"), encoding="utf-8")
    narasi = periksa.cek_narasi(folder=folder)
    galat = [t for t in narasi if t.kode == "DATA-TIDAK-SAH"]
    assert galat and all(t.tabel.endswith("lks.csv") and "cek_narasi_lks" in t.keterangan for t in galat)
    assert [t for t in narasi if t.kode != "DATA-TIDAK-SAH"] == periksa.cek_narasi()  # bagian lain tetap berjalan
