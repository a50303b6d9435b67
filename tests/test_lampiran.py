"""BAB IV Penutup, Lampiran 1 (keputusan penetapan IKU) dan Lampiran 2 (CSF) — analisis.chapters.penutup_lampiran.

Harapan diambil dari dokumen sumber: penutup bertanggal "Kuala Pembuang, 22
September 2025"; Keputusan Bupati Seruyan Nomor 800/143/DINSOS/IX/2025
ditetapkan 29 September 2025; pohon kinerja bertanggal 20 Januari 2025.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from analisis.core import data, parameter
from analisis.chapters import penutup_lampiran as lampiran
from analisis.core.parameter import Parameter, Penandatangan


# ----------------------------------------------------------------------------
# BAB IV Penutup


@pytest.mark.parametrize(
    "tahun, harapan",
    [
        (2024, "Kuala Pembuang, ……………… 2024"),
        (2025, "Kuala Pembuang, 22 September 2025"),  # BAB IV sumber
        (2026, "Kuala Pembuang, ……………… 2026"),
        (2029, "Kuala Pembuang, ……………… 2029"),
    ],
)
def test_tempat_tanggal_penutup(tahun, harapan):
    assert lampiran.tempat_tanggal_dokumen(tahun) == harapan


def test_tanda_tangan_penutup_sumber():
    t = lampiran.tanda_tangan_penutup(2025).data
    for baris in ("Kuala Pembuang, 22 September 2025", "KEPALA DINAS,", "ANGGA, SE", "Pembina Utama Muda (IV/c)",
                  "NIP. 19680405 198703 1 010"):
        assert baris in t
    assert t.index("KEPALA DINAS,") < t.index("ANGGA, SE") < t.index("NIP.")


def test_parameter_menimpa_tempat_tanggal_penandatangan(monkeypatch):
    pen = Penandatangan(jabatan="Plt. Kepala Dinas", nama="BUDI <S.Sos>", pangkat="Pembina", golongan="IV/a", nip="1")
    palsu = Parameter(tahun=2027, tempat="Sampit", tanggal_dokumen=dt.date(2027, 3, 5), penandatangan=pen,
                      nomor_keputusan="800/9/DINSOS/III/2027")
    monkeypatch.setattr(parameter, "muat", lambda tahun, periode=None: palsu)
    assert lampiran.tempat_tanggal_dokumen(2027) == "Sampit, 5 Maret 2027"
    t = lampiran.tanda_tangan_penutup(2027).data
    assert "PLT. KEPALA DINAS," in t and "BUDI &lt;S.Sos&gt;" in t and "Pembina (IV/a)" in t
    assert "<S.Sos>" not in t
    assert lampiran.nomor_keputusan(2027) == "800/9/DINSOS/III/2027"
    assert "NOMOR 800/9/DINSOS/III/2027" in lampiran.keputusan(2027).data
    assert lampiran.catatan_keputusan(2027).data == ""  # nomor dari parameter: tidak ada catatan daftar isi


def test_tempat_jatuh_ke_ibu_kota(monkeypatch):
    monkeypatch.setattr(parameter, "muat", lambda tahun, periode=None: Parameter(tahun=2028))
    ins = dict(data.instansi())
    ins.pop("tempat_dokumen")
    ins["ibu_kota"] = "Kota Uji"
    monkeypatch.setattr(data, "instansi", lambda folder=None: ins)
    assert lampiran.tempat_tanggal_dokumen(2028) == "Kota Uji, ……………… 2028"
    assert lampiran.penandatangan_dokumen(2028).nama == "ANGGA, SE"


# ----------------------------------------------------------------------------
# Lampiran 1: keputusan


@pytest.mark.parametrize(
    "potongan",
    [
        "KABUPATEN SERUYAN",
        "PROVINSI KALIMANTAN TENGAH",
        "KEPUTUSAN BUPATI SERUYAN",
        "NOMOR 800/143/DINSOS/IX/2025",
        "PENETAPAN INDIKATOR KINERJA UTAMA DINAS SOSIAL KABUPATEN SERUYAN TAHUN 2025-2029",
        "BUPATI SERUYAN,",
        "PER/20/M.PAN/11/2008 tentang Pedoman Penyusunan Indikator Kinerja Utama",
        "Undang-Undang Nomor 5 Tahun 2002 tentang Pembentukan Kabupaten Katingan",
        "Peraturan Bupati Seruyan Nomor 26 Tahun 2025 tentang Rencana Strategis",
        "MEMUTUSKAN:",
        "BAB III : INDIKATOR KINERJA UTAMA;",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "Ditetapkan di Kuala Pembuang",
        "pada tanggal 29 September 2025",
        "A.n. Bupati Seruyan",
    ],
)
def test_keputusan_memuat_naskah_sumber(potongan):
    assert potongan in lampiran.keputusan(2025).data


def test_keputusan_susunan():
    t = lampiran.keputusan(2026).data
    menimbang, mengingat = re.findall(r"<ol[^>]*>(.*?)</ol>", t)
    assert menimbang.count("<li>") == 2
    assert mengingat.count("<li>") == 20  # = 20 butir dasar hukum BAB I
    assert len(data.muat("dasar_hukum")) == 20
    diktum = re.findall(r"<b[^>]*>(KE[A-Z]+)</b>", t)
    assert diktum == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM"]
    assert t.index("Menimbang") < t.index("Mengingat") < t.index("MEMUTUSKAN") < t.index("Ditetapkan di")
    assert ">ANGGA</p>" in t  # baris terakhir penanda tangan keputusan


def test_keputusan_meng_escape(monkeypatch):
    kep = dict(data.keputusan())
    kep["tentang"] = "IKU <script>alert(1)</script>"
    kep["memutuskan"] = [{"diktum": "KESATU", "teks": "a & b\nBAB I : <PENDAHULUAN>"}]
    monkeypatch.setattr(data, "keputusan", lambda folder=None: kep)
    t = lampiran.keputusan(2025).data
    assert "<script>" not in t and "&lt;script&gt;" in t
    assert "a &amp; b<br>BAB I : &lt;PENDAHULUAN&gt;" in t


def test_catatan_nomor_daftar_isi():
    t = lampiran.catatan_keputusan(2025).data
    assert "KEPUTUSAN KEPALA DINAS SOSIAL Nomor 800 /143 /DINSOS /VIII /2025" in t
    assert "KEPUTUSAN BUPATI SERUYAN Nomor 800/143/DINSOS/IX/2025" in t


@pytest.mark.parametrize(
    "no, kolom, nilai",
    [
        ("1.", "tujuan", "Menurunkan Jumlah Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),
        ("1.", "indikator_tujuan", "Persentase Penurunan Jumlah Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),
        ("1.", "sasaran", "Meningkatkan Penanganan terhadap Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),
        ("1.", "nama", "Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang Tertangani"),
        ("1.", "penanggung_jawab", "Dinas Sosial"),
        ("2.", "sasaran", "Meningkatkan Akuntabilitas Kinerja Dinas Sosial Kabupaten Seruyan"),
        ("2.", "nama", "Nilai SAKIP Dinas Sosial"),
    ],
)
def test_tabel_iku_lampiran(no, kolom, nilai):
    t = lampiran.tabel_iku_lampiran()
    (r,) = t.df[t.df["no"] == int(no.rstrip("."))].to_dict("records")  # frame: nomor sebagai angka, "1." saat render
    assert r[kolom] == nilai


def test_tabel_iku_lampiran_definisi_dan_sumber():
    t = lampiran.tabel_iku_lampiran()
    assert (t.label, t.lebar, len(t.df)) == ("lampiran-iku", True, 2)  # nomor L1.1 dari mesin dokumen
    assert [k.judul for k in t.kolom] == [
        "No.", "Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Kinerja Utama",
        "Definisi Operasional / Formulasi Perhitungan", "Sumber Data", "Penanggung Jawab",
    ]
    h = t.html()
    assert "<b>Formulasi Perhitungan:</b> Hasil Evaluasi SAKIP dari APIP" in h
    assert "<p>– Rekap DTSEN</p>" in h and "<p>– BA LHE SAKIP dari Inspektorat Kab. Seruyan</p>" in h


def test_lampiran_iku_lanskap():
    t = lampiran.lampiran_iku().data
    assert t.startswith('<section class="lanskap">')
    assert t.index("Unit Kerja") < t.index('data-label="lampiran-iku"') < t.index("Ditetapkan di")
    assert "Kepala Dinas Sosial Kabupaten Seruyan" in t


# ----------------------------------------------------------------------------
# Lampiran 2: CSF pohon kinerja


def test_daftar_tahap():
    assert [(t["judul"], t["dari"], t["ke"]) for t in lampiran.daftar_tahap()] == [
        ("Tahap I", None, 2), ("Tahap II Antara", 2, 3), ("Tahap III Antara", 3, 4), ("Tahap III Output", 4, 5)
    ]


def test_tahap_i_faktor_penyebab_dan_kondisi():
    t = lampiran.tabel_csf(0)
    assert [k.judul for k in t.kolom] == ["FAKTOR PENYEBAB", "KONDISI YANG DIPERLUKAN (INTERMEDIATE)"]
    assert list(t.df["kanan"]) == [
        "MENINGKATNYA PERLINDUNGAN DAN JAMINAN SOSIAL INKLUSIF DAN ADAPTIF UNTUK MASYARAKAT MISKIN DAN RENTAN",
        "MENINGKATNYA PELAYANAN DASAR REHABILITASI SOSIAL",
        "MENINGKATNYA POTENSI SUMBER KESEJAHTERAAN SOSIAL (PSKS)",
        "MENINGKATNYA PENGELOLAAN DATA TERPADU KESEJAHTERAAN SOSIAL (DTKS)",
    ]
    judul, blok, ttd = lampiran.tahap_csf(0)
    assert judul.data == "### Tahap I"
    assert "MASIH RENDAHNYA KESEJAHTERAAN SOSIAL (ULTIMATE)" in blok.data
    assert "Kuala Pembuang, 20 Januari 2025" in ttd.data


# Tahap II Antara sumber: 9 baris, kolom kanan berurutan
TAHAP_II_KANAN = [
    "TERLAKSANANYA FASILITASI JAMINAN SOSIAL DAN BANTUAN SOSIAL",
    "MENINGKATNYA PERLINDUNGAN SOSIAL ADAPTIF UNTUK KORBAN BENCANA ALAM DAN BENCANA SOSIAL",
    "MENINGKATNYA PELAYANAN REHABILITASI SOSIAL UNTUK PPKS",
    "MENINGKATNYA PENANGANAN WARGA NEGARA MIGRAN KORBAN TINDAK KEKERASAN",
    "MENINGKATNYA KAPASITAS SDM KESEJAHTERAAN SOSIAL DAN KELEMBAGAAN MASYARAKAT",
    "PENANAMAN NILAI NILAI KEPAHLAWANAN, KEPERINTISAN DAN KESETIAKAWANAN SOSIAL",
    "TERTIBNYA PERIZINAN PENGUMPULAN SUMBANGAN",
    "PENDATAAN CALON KPM, VERIFIKASI DAN VALIDASI DATA FAKIR MISKIN KPM BANSOS AGAR TEPAT SASARAN",
    "PENGEMBANGAN KAPASITAS SDM PENGELOLA DATA DAN SDM PENDAMPING PKH",
]


def test_tahap_ii_antara():
    t = lampiran.tabel_csf(1)
    assert t.label == "csf-tahap-2"
    assert list(t.df["kanan"]) == TAHAP_II_KANAN
    h = t.html()
    # sel CSF ditulis sekali per kelompok: 4 simpul level 2, 5 sel sambungan
    assert h.count("border-top-style:hidden") == 9 - 4
    assert h.count("MENINGKATNYA POTENSI SUMBER KESEJAHTERAAN SOSIAL (PSKS)") == 1


@pytest.mark.parametrize(
    "i, baris, kiri, kanan_pertama",
    [
        (2, 20, "TERLAKSANANYA FASILITASI JAMINAN SOSIAL DAN BANTUAN SOSIAL", "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga"),
        (3, 52, "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga",
         "Fasilitasi penyaluran Bansos PKH, Program Sembako, PBI JKN KIS, Bansos Perubahan Iklim dan Bansos Lainnya"),
    ],
)
def test_tahap_iii(i, baris, kiri, kanan_pertama):
    t = lampiran.tabel_csf(i)
    assert len(t.df) == baris
    assert (t.df.iloc[0]["kiri"], t.df.iloc[0]["kanan"]) == (kiri, kanan_pertama)
    assert t.df.iloc[-1]["kanan"] in ("Pelatihan Operator Data dan SDM Pendamping PKH",
                                      "Pertemuan Peningkatan Kemampuan Keluarga (P2K2)")


def test_kepala_dan_tanda_tangan_pohon():
    k = lampiran.kepala_pohon().data
    for b in ("PEMERINTAH KABUPATEN SERUYAN", "POHON KINERJA", "Sektor Pengentasan Kemiskinan Urusan Sosial",
              "DINAS SOSIAL KABUPATEN SERUYAN TAHUN 2025"):
        assert b in k
    t = lampiran.tanda_tangan_pohon().data
    for b in ("Kuala Pembuang, 20 Januari 2025", "Kepala Dinas,", "ANGGA, SE", "Pembina Utama Muda (IV/c)",
              "NIP. 19680405 198703 1 010"):
        assert b in t
