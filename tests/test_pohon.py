"""Pohon kinerja: model dan diagram (analisis.presentation.pohon), gambar dan Form Indikator BAB III 4.3 (analisis.chapters.cascading).

Angka dan teks harapan diambil dari Lampiran 2 dokumen sumber (Tahap I –
Tahap III Output dan Form Indikator).
"""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from analisis.core import data
from analisis.chapters import cascading as bab
from analisis.presentation import pohon
from analisis.presentation.pohon import Pohon, Simpul


@pytest.fixture(scope="module")
def p() -> Pohon:
    return pohon.muat_pohon()


# ----------------------------------------------------------------------------
# struktur pohon (Form Indikator dan tabel CSF Lampiran 2)


@pytest.mark.parametrize("level, cacah", [(0, 1), (1, 1), (2, 4), (3, 9), (4, 20), (5, 52)])
def test_cacah_simpul_per_level(p, level, cacah):
    # Form Indikator: 1 ultimate, 1 intermediate, 4 + 9 immediate, 20 output level 4, 52 output level 5
    assert len(p.level(level)) == cacah


def test_jumlah_simpul_dan_jalur(p):
    assert len(p) == 87
    assert len(p.jalur()) == 52  # baris Form Indikator sumber
    assert all(len(j) == 6 for j in p.jalur())


@pytest.mark.parametrize(
    "induk, anak",
    [
        # Tahap II Antara (CSF strategis → kondisi antara)
        ("MENINGKATNYA PERLINDUNGAN DAN JAMINAN SOSIAL INKLUSIF DAN ADAPTIF UNTUK MASYARAKAT MISKIN DAN RENTAN",
         ["TERLAKSANANYA FASILITASI JAMINAN SOSIAL DAN BANTUAN SOSIAL",
          "MENINGKATNYA PERLINDUNGAN SOSIAL ADAPTIF UNTUK KORBAN BENCANA ALAM DAN BENCANA SOSIAL"]),
        ("MENINGKATNYA POTENSI SUMBER KESEJAHTERAAN SOSIAL (PSKS)",
         ["MENINGKATNYA KAPASITAS SDM KESEJAHTERAAN SOSIAL DAN KELEMBAGAAN MASYARAKAT",
          "PENANAMAN NILAI NILAI KEPAHLAWANAN, KEPERINTISAN DAN KESETIAKAWANAN SOSIAL",
          "TERTIBNYA PERIZINAN PENGUMPULAN SUMBANGAN"]),
        # Tahap III Antara
        ("TERTIBNYA PERIZINAN PENGUMPULAN SUMBANGAN", ["Terlaksananya Penertiban Perizinan Pengumpulan Sumbangan"]),
        ("PENGEMBANGAN KAPASITAS SDM PENGELOLA DATA DAN SDM PENDAMPING PKH", ["Pelatihan Operator Data dan SDM Pendamping PKH"]),
        # Tahap III Output
        ("Fasilitasi Bantuan Sosial Kesejahteraan Keluarga",
         ["Fasilitasi penyaluran Bansos PKH, Program Sembako, PBI JKN KIS, Bansos Perubahan Iklim dan Bansos Lainnya",
          "Suket terdada dalam DTKS untuk Kartu Indonesia Pintar (KIP)",
          "Program Rumah Sejahtera Terpadu (RST) untuk fakir miskin"]),
        ("Meningkatnya Kapasitas Kelembagaan Masyarakat",
         ["Pembinaan dan Diklat untuk Lembaga Kesejahteraan Sosial (LKS), Karang Taruna, LK3 dan Orsos lainnya",
          "Hibah untuk LKS", "Akreditasi Lembaga Kesejahteraan Sosial (LKS)"]),
    ],
)
def test_anak_sesuai_lampiran_2(p, induk, anak):
    cocok = [s for s in p if s.uraian == induk]
    assert len(cocok) == 1
    assert [s.uraian for s in p.anak(cocok[0].id)] == anak


@pytest.mark.parametrize(
    "uraian, cacah_anak",
    [
        ("MENINGKATNYA PELAYANAN REHABILITASI SOSIAL UNTUK PPKS", 4),  # Tahap III Antara
        ("MENINGKATNYA PERLINDUNGAN SOSIAL ADAPTIF UNTUK KORBAN BENCANA ALAM DAN BENCANA SOSIAL", 3),
        # Tahap III Output: ATENSI punya 12 output, dari "Penanganan Pengaduan" sampai "Bantuan Sosial Yatim Piatu (YAPI)"
        ("Meningkatkan Layanan Asistensi Rehabilitasi Sosial (ATENSI) bagi Penyandang Disabilitas, Lanjut Usia, "
         "Anak Rentan, Gelandangan, Pengemis dan Pemulung", 12),
    ],
)
def test_cacah_anak(p, uraian, cacah_anak):
    (s,) = [s for s in p if s.uraian == uraian]
    assert len(p.anak(s.id)) == cacah_anak


@pytest.mark.parametrize(
    "id_, indikator",
    [
        ("L0", "Angka Kemiskinan"),
        ("L1", "Tingkat Penurunan Jumlah Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"),
        ("L2-4", "Persentase calon KPM dan KPM yang telah divalidasi"),
        ("L5-4-2-1-1", "Jumlah P2K2 yang dilaksanakan"),
    ],
)
def test_indikator_form_indikator(p, id_, indikator):
    assert p[id_].indikator == indikator


def test_penelusuran_konsisten(p):
    ids = [s.id for s in p]
    assert ids == list(data.muat("pohon_kinerja")["id"])  # berkas tersimpan pra-urut
    for s in p:
        i = p.induk(s.id)
        if i is None:
            assert s is p.akar and s.level == 0
        else:
            assert s in p.anak(i.id) and i.level == s.level - 1
            assert p.leluhur(s.id)[-1] == i
    assert p.leluhur("L0") == [] and p.induk("L0") is None
    assert [s.id for s in p.daun("L4-2-2-1")] == ["L5-2-2-1-1", "L5-2-2-1-2"]


def test_pohon_menolak_dua_akar():
    with pytest.raises(ValueError, match="tepat satu akar"):
        Pohon([Simpul("a", None, 0, "ultimate_outcome", "A", "x"), Simpul("b", None, 0, "ultimate_outcome", "B", "y")])


# ----------------------------------------------------------------------------
# pembungkusan teks


@pytest.mark.parametrize("lebar", [60, 110, 180])
def test_bungkus_tidak_melampaui_dan_tidak_kehilangan_kata(p, lebar):
    for s in p:
        for teks, ukuran, miring in ((s.uraian, 10.5, False), (s.indikator, 10.0, True)):
            baris = pohon.bungkus(teks, lebar, ukuran, miring=miring)
            assert all(pohon.lebar_teks(b, ukuran, miring=miring) <= lebar + 1e-6 for b in baris)
            assert "".join(baris).replace(" ", "") == teks.replace(" ", "")


def test_lebar_teks_kapital_lebih_lebar():
    assert pohon.lebar_teks("KESEJAHTERAAN", 10) > pohon.lebar_teks("kesejahteraan", 10)
    assert pohon.lebar_teks("", 10) == 0


# ----------------------------------------------------------------------------
# diagram


def _teks_svg(svg: str) -> str:
    return " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg))


def test_gambar_atas_level_0_sampai_3(p):
    g = bab.gambar_pohon_atas()
    assert g.label == "pohon-kinerja"
    assert g.judul == "Pohon Kinerja Dinas Sosial Kabupaten Seruyan (level 0–3)"
    assert len(g.panel) == 1
    teks = _teks_svg(g.panel[0])
    for s in p:
        if s.level <= 3:
            assert s.uraian in teks and s.indikator in teks
        else:
            assert s.uraian not in teks


def test_gambar_cabang_memuat_setiap_simpul(p):
    gs = bab.gambar_cabang()
    assert [g.label for g in gs] == ["pohon-cabang-1", "pohon-cabang-2", "pohon-cabang-3", "pohon-cabang-4"]
    for g, akar in zip(gs, p.level(2)):
        assert akar.uraian in g.judul and "(level 2–5)" in g.judul
        teks = " ".join(_teks_svg(x) for x in g.panel)
        for s in p.turunan(akar.id, termasuk_diri=True):
            assert s.uraian in teks, s.id
            assert s.indikator in teks, s.id


@pytest.mark.parametrize("buat", [lambda: [bab.gambar_pohon_atas()], bab.gambar_cabang], ids=["atas", "cabang"])
def test_diagram_terbaca_dan_muat_a4(buat):
    for g in buat():
        assert g.ukuran_huruf_cetak_pt() >= pohon.UKURAN_HURUF_MIN_PT
        for (w, h), svg in zip(g.ukuran, g.panel):
            assert w <= pohon.LEBAR_HALAMAN_PX + 2  # lebar isi A4 tegak (16,5 cm) + tepi garis
            assert h <= pohon.TINGGI_PANEL_MAKS + 2
            ET.fromstring(svg)  # SVG sah sebagai XML
            ukuran = [float(u) for u in re.findall(r'font-size="([\d.]+)"', svg)]
            assert min(ukuran) * 0.75 >= pohon.UKURAN_HURUF_MIN_PT


def test_cabang_tinggi_dipecah_menjadi_panel():
    # cabang Rehabilitasi Sosial (23 output level 5) tidak muat satu halaman
    g = bab.gambar_cabang()[1]
    assert len(g.panel) >= 2
    assert "(lanjutan)" in g.panel[1]
    assert "bagian 1 dari" in g.panel[0]


def test_diagram_meng_escape_teks_data(salinan_data, monkeypatch):
    berkas = salinan_data / "pohon_kinerja.csv"
    isi = berkas.read_text(encoding="utf-8")
    isi = isi.replace("TERTIBNYA PERIZINAN PENGUMPULAN SUMBANGAN,", 'TERTIB <b>& "IZIN"</b>,', 1)
    isi = isi.replace("Jumlah Rekomendasi yang dikeluarkan", "Jumlah <script>alert(1)</script>", 1)
    berkas.write_text(isi, encoding="utf-8")
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    atas = bab.gambar_pohon_atas().html()
    assert "TERTIB &lt;b&gt;&amp;" in atas and "<b>&" not in atas
    cabang = "".join(g.html() for g in bab.gambar_cabang())
    assert "<script>" not in cabang and "&lt;script&gt;" in cabang
    for g in bab.gambar_cabang():
        for svg in g.panel:
            ET.fromstring(svg)
    assert "<script>" not in bab.tabel_form_indikator().html()


# ----------------------------------------------------------------------------
# tabel


def test_tabel_4_8_form_indikator(p):
    t = bab.tabel_form_indikator()
    assert (t.label, t.judul, t.lebar) == ("form-indikator", "Form Indikator Level 0–5", True)
    data_baris = t.df[t.df["judul"].isna()]
    assert len(data_baris) == 52
    assert list(data_baris["u5"]) == [s.uraian for s in p.level(5)]
    assert list(data_baris["i5"]) == [s.indikator for s in p.level(5)]
    h = t.html()
    # level 0 dan 1 sebagai baris judul; uraian level 2 ditulis sekali
    assert "Level 0 – Ultimate Outcome: " in h and "MENINGKATKAN KESEJAHTERAAN SOSIAL" in h
    assert h.count("MENINGKATNYA PELAYANAN DASAR REHABILITASI SOSIAL<") == 1


def test_ringkasan_pohon_menurut_tahun():
    t = bab.ringkasan_pohon(2025).data
    assert "87 simpul" in t and "Kuala Pembuang pada tanggal 20 Januari 2025" in t
    assert "9 immediate outcome level 3" in t and "20 output level 4" in t
    assert "Renstra" not in t
    assert "periode Renstra 2025–2029" in bab.ringkasan_pohon(2024).data
