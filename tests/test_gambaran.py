"""Kata Pengantar, BAB I dan BAB II 2.1–2.3 (analisis.chapters.pengantar, .pendahuluan, .gambaran_umum, ._organisasi).

Angka harapan diambil dari dokumen sumber (nomor tabel disebut di setiap
kasus). Bila dokumen sumber mencetak angka yang tidak sama dengan hasil
penjumlahan barisnya, tes menegaskan angka HITUNGAN dan sekaligus bahwa angka
tercetak (data/dicetak.csv) memang berbeda, agar perbedaan itu tidak hilang
diam-diam.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analisis.core import data
from analisis.chapters import gambaran_umum as gambaran, _organisasi as organisasi
from analisis.chapters import pendahuluan, pengantar
from analisis.core import format as fmt
from analisis.presentation.tabel import Tabel

AKAR = Path(__file__).resolve().parents[1]
TAHUN = range(2024, 2030)


def _baris(tabel, kolom: str, nilai: str) -> pd.Series:
    b = tabel.df[tabel.df[kolom] == nilai]
    assert len(b) == 1, f"{nilai!r} tidak ditemukan tepat satu kali di kolom {kolom!r}"
    return b.iloc[0]


def _tampil(tabel, baris: pd.Series, kunci: str) -> str:
    """Teks sel seperti tercetak di dokumen (format kolom diterapkan, tanpa markup)."""
    kol = next(k for k in tabel.kolom if k.kunci == kunci)
    return re.sub(r"<[^>]+>", "", kol.sel(baris[kunci]))


def _ppks(tahun=2025):
    return gambaran.tabel_ppks_pas(gambaran.rincian_pas(tahun), tahun)


# ----------------------------------------------------------------------------
# Tabel 2.5 dan kalimat PPKS


@pytest.mark.parametrize(
    "jenis, terdata, tertangani, persen",
    [
        ("Fakir Miskin", "40.241", "34.946", "86,84 %"),  # Tabel 2.5 baris 12
        ("Lanjut Usia Terlantar / Miskin", "1.694", "7", "0,41 %"),  # Tabel 2.5 baris 3
        ("Anak Yatim Piatu (YAPI)", "233", "0", "0,00 %"),  # nol tertangani = 0 %, bukan tidak terdefinisi
        ("Balita terlantar", "0", "0", "–"),  # terdata nol: tidak terdefinisi
        ("Kelompok Adat Terpencil (KAT)", "tdk ada", "tdk ada", "–"),  # kategori tidak ada
    ],
)
def test_tabel_2_5_baris(jenis, terdata, tertangani, persen):
    t = _ppks()
    b = _baris(t, "jenis", jenis)
    assert tuple(_tampil(t, b, k) for k in ("terdata", "tertangani", "persen_tertangani")) == (terdata, tertangani, persen)


def test_tabel_2_5_jumlah_dan_judul():
    t = _ppks()
    j = _baris(t, "pas", "JUMLAH")
    assert (int(j["terdata"]), int(j["tertangani"]), fmt.persen(j["persen_tertangani"])) == (42583, 35005, "82,20 %")  # Tabel 2.5
    assert j["kelas"] == "jumlah"
    assert t.nomor is None and t.label == "ppks-pas" and t.judul == "12 PAS (Pemerlu Atensi Sosial) Triwulan I Tahun 2025"
    assert any("tdk ada" in c and "Kabupaten Seruyan" in c for c in t.catatan)
    html = t.html()
    assert "42.583" in html and not re.search(r"\bnan\b", html, re.I)


def _kalimat_ppks(tahun):
    """Kalimat PPKS dari frame yang dipegang buku 02 (evaluasi_ppks, rincian_pas)."""
    return gambaran.kalimat_ppks(gambaran.evaluasi_ppks(tahun), gambaran.rincian_pas(tahun), tahun)


def test_kalimat_ppks_2025_seperti_brief():
    assert _kalimat_ppks(2025) == (
        "Sampai dengan Triwulan I Tahun 2025 tercatat 42.583 jiwa PPKS terdata, 35.005 jiwa (82,20 %) di antaranya tertangani."
    )


def test_kalimat_ppks_2024_dari_rekap_tahunan():
    # BAB II 2.4: tahun 2024 tertangani 41.893 dari 43.746 jiwa (95,76 %)
    k = _kalimat_ppks(2024)
    assert k.startswith("Sampai dengan akhir Tahun 2024 tercatat 43.746 jiwa PPKS terdata, 41.893 jiwa (95,76 %)")
    # rincian PAS hanya ada untuk Triwulan I 2025, sesudah periode dokumen 2024: tidak dipakai, tidak dirujuk
    assert k.endswith("Rincian per PAS untuk periode tersebut tidak tersedia.") and "2025" not in k


@pytest.mark.parametrize("tahun", [2026, 2027, 2029])
def test_kalimat_ppks_tahun_tanpa_data(tahun):
    k = _kalimat_ppks(tahun)
    assert k.startswith(f"Data realisasi PPKS tahun {tahun} belum tersedia.")
    assert "0 %" not in k.replace("82,20 %", "")


def test_frame_12_pas_jumlah_dari_baris():
    pas = gambaran.rincian_pas(2025)
    assert len(pas) == pas["jenis"].nunique() and pas["pas_no"].nunique() == 12  # Tabel 2.5: 12 PAS
    ada = pas[pas["ada"]]
    assert (int(ada["terdata"].sum()), int(ada["tertangani"].sum())) == (42583, 35005)  # Σ 12 PAS = JUMLAH Tabel 2.5
    assert pas.loc[~pas["ada"], "terdata"].isna().all()  # "tdk ada" bukan nol
    kel = gambaran.pas_per_kelompok(pas)
    assert int(kel["terdata"].sum()) == 42583 and int(kel.loc[kel["pas_no"] == 1, "terdata"].iloc[0]) == 290


def test_kolom_tambahan_analis_ikut_ke_tabel():
    from analisis.presentation.tabel import Kol

    pas = gambaran.rincian_pas(2025)
    pas["belum"] = pas["terdata"] - pas["tertangani"]
    t = gambaran.tabel_ppks_pas(pas, 2025)
    t.kolom.append(Kol("belum", "Belum Tertangani", "angka"))
    assert "<th class=\"rata-kanan\">Belum Tertangani</th>" in t.html() and ">5.295<" in t.html()  # 40.241 − 34.946


def test_grafik_ppks_pas_sumbu_linear_dan_label_indonesia():
    g = gambaran.grafik_ppks_pas(gambaran.pas_per_kelompok(gambaran.rincian_pas(2025)))
    assert g.fig.axes[0].get_xscale() == "linear"
    svg = g.svg()
    assert "10.000" in svg and "40.241" in svg and "tdk ada" in svg and ">290<" in svg and ">11<" in svg  # PAS 1: 290 terdata, 11 tertangani
    assert g.nomor is None and g.label == "ppks-pas" and g.sumber == "@tabel:ppks-pas"
    ukuran = [t.get_fontsize() for t in g.fig.axes[0].texts + g.fig.axes[0].get_yticklabels()]
    assert min(ukuran) >= 8


# ----------------------------------------------------------------------------
# 2.2 SDM dan sarana


def test_tabel_2_2_jumlah_tercetak_bertanda_temuan():
    """JUMLAH PNS tampil 22 seperti tercetak (keputusan register); jumlah baris 21 ada di penanda temuan."""
    t = gambaran.tabel_asn(gambaran.asn_jabatan())
    j = _baris(t, "nama_jabatan", "JUMLAH")
    assert (int(j["pns"]), int(j["honorer"])) == (22, 21)
    assert int(gambaran.asn_jabatan()["pns"].sum()) == 21
    assert 'data-kode="JUMLAH-ASN-PNS"' in t.html() and "dihitung 21" in t.html()
    assert data.dicetak("asn.jumlah_honorer.tabel_2_2") == "21"  # Tabel 2.2 JUMLAH HONORER
    assert data.dicetak("asn.jumlah_pns.tabel_2_2") == "22"  # tercetak 22, baris-barisnya berjumlah 21
    assert _tampil(t, _baris(t, "nama_jabatan", "PEKERJA SOSIAL MADYA"), "pns") == "-"  # nol tampil "-" seperti sumber
    assert len(t.df) == 38  # 37 jabatan + JUMLAH


def test_kalimat_pns_dan_selisih_rincian():
    rinci = gambaran.asn_rincian()
    rekap = gambaran.rekap_asn(gambaran.asn_jabatan(), rinci)
    assert "berjumlah 22 (dua puluh dua) orang menurut @tabel:asn" in gambaran.kalimat_pns(rekap)
    h = gambaran.rincian_pns(rinci, rekap).data
    for butir in ["Eselon IV: 2 orang", "Golongan III: 14 orang", "S-1: 12 orang", "Laki-laki: 12 orang", "Perempuan: 10 orang"]:
        assert f"<li>{butir}</li>" in h  # 2.2.1 rincian
    assert "berjumlah 22 orang, berbeda 1 orang dari jumlah PNS pada @tabel:asn (21 orang)" in h
    assert "21 (dua puluh satu) orang" in gambaran.kalimat_honorer(rekap)  # 2.2.1 "21 (dua puluh satu)"


def test_tabel_2_3_sdm_kesos():
    t = gambaran.tabel_sdm_kesos(gambaran.sdm_kesos(2025), 2025)
    assert t.judul == "Data SDM Kesejahteraan Sosial Tahun 2024"
    assert _tampil(t, _baris(t, "jenis", "Jumlah"), "jumlah") == "147"  # Tabel 2.3 Jumlah
    assert _baris(t, "jenis", "Relawan Sosial")["kelas"] == "kelompok"
    assert any("tahun 2025 belum tersedia" in c for c in t.catatan_reviu)  # edisi reviu saja; judul menyebut 2024
    assert gambaran.tabel_sdm_kesos(gambaran.sdm_kesos(2024), 2024).catatan == []


@pytest.mark.parametrize(
    "kelompok, subtotal",
    [
        ("TANAH", "Rp 287.994.500"),  # Tabel 2.4 baris tebal 1
        ("PERALATAN DAN MESIN", "Rp 1.906.887.580"),  # baris tebal 2
        ("GEDUNG DAN BANGUNAN", "Rp 5.698.359.250"),  # baris tebal 3
        ("JALAN, IRIGASI DAN JARINGAN", "Rp 3.173.368.100"),  # baris tebal 4
        ("KOSTRUKSI DALAM Pengerjaan", "Rp 484.557.500"),  # tercetak (keputusan register); baris rinci berjumlah 12.430.000
    ],
)
def test_tabel_2_4_subtotal(kelompok, subtotal):
    t = gambaran.tabel_aset(gambaran.aset(2025), 2025)
    b = t.df[(t.df["klasifikasi"] == kelompok) & (t.df["kelas"] == "kelompok")].iloc[0]
    assert _tampil(t, b, "nilai") == subtotal


def test_tabel_2_4_total_tercetak_bertanda_temuan():
    t = gambaran.tabel_aset(gambaran.aset(2025), 2025)
    assert _baris(t, "klasifikasi", "TOTAL")["nilai"] == 11_266_644_930  # seperti tercetak
    assert gambaran.aset(2025)["nilai"].sum() == 11_079_039_430  # jumlah baris rinci
    assert 'data-kode="JUMLAH-ASET-TOTAL"' in t.html() and "Rp 11.079.039.430" in t.html()


# ----------------------------------------------------------------------------
# Tabel 2.6, 2.7 dan LKS


def test_tabel_2_6_psks():
    t = gambaran.tabel_psks(gambaran.psks(2025), 2025)
    j = _baris(t, "jenis", "JUMLAH PSKS")
    assert (int(j["jumlah"]), int(j["bersertifikat"])) == (161, 76)  # Tabel 2.6 JUMLAH PSKS
    assert t.judul == "Potensi dan Sumber Kesejahteraan Sosial (PSKS) Tahun 2025"
    assert _tampil(t, _baris(t, "jenis", "Karang taruna"), "bersertifikat") == "–"


def test_tabel_2_7_lks_dan_kalimat():
    t = gambaran.tabel_lks(gambaran.data_lks(2025), 2025)
    assert [int(t.df.iloc[0][str(y)]) for y in range(2020, 2026)] == [4, 5, 5, 6, 9, 9]  # Tabel 2.7
    assert [k.judul for k in gambaran.tabel_lks(gambaran.data_lks(2024), 2024).kolom][-1] == "2024"
    assert gambaran.grafik_lks(gambaran.data_lks(2025)).sumber == "@tabel:lks"
    k = gambaran.kalimat_lks(gambaran.daftar_lks(2025), gambaran.data_lks(2025), 2025)
    assert "berjumlah 9 LKS" in k and k.endswith("LKSA Al Ma'arif dan LKS Seruyan Peduli.")  # narasi 2.3.2


# ----------------------------------------------------------------------------
# 2.3.3 kemiskinan dan rencana aksi


def test_tabel_2_8_perubahan_dihitung():
    t = gambaran.tabel_kemiskinan(gambaran.kemiskinan_per_tahun(gambaran.data_kemiskinan(2025)), 2025)
    b = t.df.iloc[0]
    assert [_tampil(t, b, k) for k in ("2022", "2023", "2024")] == ["7,43", "7,12", "7,08"]  # Tabel 2.8
    assert b["perubahan"] == -0.04 and _tampil(t, b, "perubahan") == "−0,04"  # sumber mencetak "0,04" tanpa tanda
    assert data.dicetak("kemiskinan.perubahan") == "0,04"


def test_kalimat_kemiskinan_menurun():
    k = gambaran.kalimat_kemiskinan(gambaran.data_kemiskinan(2025))
    assert k.startswith("@gambar:kemiskinan menunjukkan")
    assert "mengalami penurunan dibandingkan tahun 2023, yaitu turun 0,04 poin persen dari 7,12 % pada tahun 2023 menjadi 7,08 %" in k


def test_kalimat_kemiskinan_naik_bila_data_naik(salinan_data, monkeypatch):
    jalur = salinan_data / "kemiskinan.csv"
    jalur.write_text(jalur.read_text(encoding="utf-8") + 'Persentase Penduduk Miskin (P0),persen,2025,"7,20"\n', encoding="utf-8")
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    km = gambaran.data_kemiskinan(2025)
    k = gambaran.kalimat_kemiskinan(km)
    assert "pada tahun 2025 mengalami kenaikan dibandingkan tahun 2024, yaitu naik 0,12 poin persen" in k
    t = gambaran.tabel_kemiskinan(gambaran.kemiskinan_per_tahun(km), 2025)
    assert _tampil(t, t.df.iloc[0], "perubahan") == "0,12"
    assert [k.judul for k in t.kolom][2:5] == ["2023", "2024", "2025"]


def test_tabel_2_9_rencana_aksi_jumlah_tercetak_dan_catatan_reviu():
    """Jumlah anggaran seperti tercetak (keputusan register); jumlah baris yang terbaca hanya di catatan reviu."""
    from analisis.document import edisi

    t = gambaran.tabel_rencana_aksi(gambaran.rencana_aksi())
    j = _baris(t, "permasalahan", "Jumlah")
    assert _tampil(t, j, "anggaran") == "Rp 959.413.100"  # tercetak; mencakup baris yang hilang
    assert data.dicetak("rencana_aksi.jumlah_anggaran") == "959.413.100"
    # 19.639.000 + 305.613.100 + 4.540.000 + 173.379.500 + 64.344.000
    assert any("Rp 567.515.600" in c for c in t.catatan_reviu) and any("hilang" in c for c in t.catatan_reviu)
    assert t.lebar and t.label == "rencana-aksi" and "terbaca" not in t.judul
    final = edisi.untuk_edisi(t.html(), "final")
    assert "hilang" not in final and "567.515.600" not in final and "Rp 959.413.100" in final
    assert "TW I: 2<" in t.html()


# ----------------------------------------------------------------------------
# 2.3.4 SPM


@pytest.mark.parametrize(
    "no, penerima, realisasi, kategori, tercetak",
    [
        ("1.", "60", "80 %", "Tuntas Pratama", "Tuntas Pratama"),  # tercetak; dari realisasi saja: Tuntas Madya
        ("2.", "18", "100 %", "Tuntas Paripurna", "Tuntas Paripurna"),
        ("3.", "10", "100 %", "Tuntas Paripurna", "Tuntas Paripurna"),
        ("4.", "7", "100 %", "Tuntas Paripurna", "Tuntas Paripurna"),
        ("5.", "164", "100 %", "Tuntas Paripurna", "Tuntas Paripurna"),
    ],
)
def test_tabel_2_10_spm(no, penerima, realisasi, kategori, tercetak):
    t = gambaran.tabel_spm(gambaran.realisasi_spm(2025)[1], gambaran.pita_spm(2025))
    b = t.df[t.df["no"] == int(no[0])].iloc[0]
    assert tuple(_tampil(t, b, k) for k in ("no", "penerima", "realisasi", "kategori")) == (no, penerima, realisasi, kategori)
    assert data.dicetak(f"spm.kategori.{no[0]}") == tercetak


def test_tabel_2_10_catatan_aturan_dan_tahun():
    t = gambaran.tabel_spm(gambaran.realisasi_spm(2026)[1], gambaran.pita_spm(2026))
    assert t.judul == "Realisasi SPM Bidang Sosial Tahun 2024"
    assert any("mutu" in c and "Permendagri Nomor 59 Tahun 2021" in c for c in t.catatan_reviu)
    assert any("≥ 80 % Tuntas Madya" in c for c in t.catatan)
    assert gambaran.kalimat_spm(gambaran.realisasi_spm(2026)[0], 2026).startswith("Data realisasi SPM tahun 2026 belum tersedia.")


def test_kalimat_lks_dari_frame_menyebut_selisih_dengan_tabel():
    """Kalimat LKS dibangun dari frame buku: nama yang dihapus analis dari daftar mengubah jumlah dan memunculkan selisih."""
    daftar_ = gambaran.daftar_lks(2025)
    k = gambaran.kalimat_lks(daftar_.iloc[:-1], gambaran.data_lks(2025), 2025)
    assert "berjumlah 8 LKS" in k and "Jumlah ini berbeda dengan @tabel:lks (9 LKS pada tahun 2025)." in k


# ----------------------------------------------------------------------------
# Kata Pengantar dan BAB I


@pytest.mark.parametrize(
    "tahun, harapan",
    [(2025, "Kuala Pembuang, 22 September 2025"), (2026, "Kuala Pembuang, ……………… 2026"), (2024, "Kuala Pembuang, ……………… 2024")],
)
def test_tempat_tanggal(tahun, harapan):
    assert pengantar.tempat_tanggal(tahun) == harapan


def test_blok_tanda_tangan_seperti_sumber():
    h = pengantar.blok_tanda_tangan(pengantar.tempat_tanggal(2025), pengantar.penandatangan(2025)).data
    for teks in ["KEPALA DINAS,", "ANGGA, SE", "Pembina Utama Muda (IV/c)", "NIP. 19680405 198703 1 010"]:
        assert teks in h


def test_dasar_hukum():
    h = pendahuluan.daftar_dasar_hukum(pendahuluan.dasar_hukum()).data
    assert h.count("<li") == 20  # BAB I B: 20 butir
    assert '<li value="1">Undang-Undang Nomor 5 Tahun 2002' in h
    assert pendahuluan.pengantar_dasar_hukum().endswith("Tahun 2025-2029 adalah sebagai berikut:")


# ----------------------------------------------------------------------------
# 2.1 organisasi


def test_fungsi_dan_susunan():
    assert organisasi.daftar_fungsi().data.count("<li>") == 11  # fungsi a) – k)
    h = organisasi.daftar_susunan().data
    atas = re.sub(r"<ol style=\"list-style-type:decimal;margin:0\">.*?</ol>", "", h)
    assert atas.count("<li>") == 9  # susunan a. – i.
    assert "Sekretariat, terdiri atas:" in h


def test_bagan_organisasi_memuat_semua_unit():
    svg = organisasi.svg_bagan()
    assert svg.count("<rect") == len(data.organisasi()["susunan"]) == 11
    teks = " ".join(re.findall(r">([^<>]+)</tspan>", svg))
    teks = re.sub(r"\s+", " ", teks)
    for u in data.organisasi()["susunan"]:
        for kata in u["nama"].split():
            assert kata in teks
    b = organisasi.bagan_organisasi()
    assert b.label == "struktur-organisasi" and 'data-label="struktur-organisasi"' in b.html()
    assert "@gambar:struktur-organisasi berikut" in organisasi.pengantar_struktur().data  # sumber: "Gambar 2.1."


def test_nama_unit_di_escape(salinan_data, monkeypatch):
    jalur = salinan_data / "organisasi.yaml"
    jalur.write_text(jalur.read_text(encoding="utf-8").replace("nama: Bidang Penanganan Bencana", "nama: Bidang <b>Bencana</b>"),
                     encoding="utf-8")
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    assert "&lt;b&gt;" in organisasi.svg_bagan() and "<b>" not in organisasi.svg_bagan()
    assert "<b>" not in organisasi.rincian_tugas_fungsi().data


# ----------------------------------------------------------------------------
# semua tahun


@pytest.mark.parametrize("tahun", TAHUN)
def test_semua_keluaran_bab2_tanpa_nilai_mentah(tahun):
    g = gambaran
    km = g.data_kemiskinan(tahun)
    keluaran = [
        g.tabel_asn(g.asn_jabatan()), g.tabel_sdm_kesos(g.sdm_kesos(tahun), tahun), g.tabel_aset(g.aset(tahun), tahun),
        g.tabel_ppks_pas(g.rincian_pas(tahun), tahun), g.tabel_psks(g.psks(tahun), tahun), g.tabel_lks(g.data_lks(tahun), tahun),
        g.tabel_kemiskinan(g.kemiskinan_per_tahun(km), tahun), g.tabel_rencana_aksi(g.rencana_aksi()),
        g.tabel_spm(g.realisasi_spm(tahun)[1], g.pita_spm(tahun)),
    ]
    keluaran = [k for k in keluaran if isinstance(k, Tabel)]  # tabel tanpa data sampai tahun dokumen: satu kalimat
    teks = [k.html() for k in keluaran] + [
        _kalimat_ppks(tahun), g.kalimat_lks(g.daftar_lks(tahun), g.data_lks(tahun), tahun), g.kalimat_kemiskinan(km),
        g.kalimat_spm(g.realisasi_spm(tahun)[0], tahun),
        g.pengantar("ppks_pengantar", tahun).data, pengantar.tempat_tanggal(tahun),
    ]
    for t in teks:
        polos = re.sub(r"<[^>]+>", " ", t)
        assert not re.search(r"\b(nan|NaN|None|inf|<NA>)\b", polos), polos[:200]
    assert all(k.nomor is None and k.label for k in keluaran)  # nomor diberi mesin dokumen
    assert len({k.label for k in keluaran}) == len(keluaran)
    for k in keluaran[1:]:
        if k.label not in ("rencana-aksi", "lks"):
            assert re.search(r"Tahun 20\d\d", k.judul), k.judul  # tahun data disebut di judul


@pytest.mark.parametrize(
    "tahun, harapan",
    [(2024, None), (2025, "tahun 2025 belum tersedia; disajikan data tahun 2024"), (2029, "tahun 2029 belum tersedia")],
)
def test_catatan_tahun_aset(tahun, harapan):
    """Tahun data yang lebih lama disebut di judul; catatan "belum tersedia" hanya untuk edisi reviu."""
    c = gambaran.tabel_aset(gambaran.aset(tahun), tahun).catatan_reviu
    if harapan is None:
        assert not any("tersedia" in x for x in c)
    else:
        assert any(harapan in x for x in c)


@pytest.mark.parametrize("tersedia, tahun, harapan", [([2024], 2026, 2024), ([2025], 2024, None), ([2023, 2025], 2024, 2023), ([], 2025, None)])
def test_pilih_tahun(tersedia, tahun, harapan):
    assert gambaran.pilih_tahun(tersedia, tahun) == harapan


@pytest.mark.parametrize("n, kata", [(22, "dua puluh dua"), (21, "dua puluh satu"), (12, "dua belas"), (100, "seratus"), (161, "seratus enam puluh satu"), (1_250_000, "satu juta dua ratus lima puluh ribu")])
def test_terbilang(n, kata):
    assert fmt.terbilang(n) == kata


def test_pengantar_menyesuaikan_periode_hanya_di_paragraf_terakhir():
    t = gambaran.pengantar("ppks_pengantar", 2026).data
    assert "Nomor 8 Tahun 2012" in t and "Nomor 5 Tahun 2019" in t  # paragraf lain utuh
    assert t.endswith("sampai dengan Triwulan I Tahun 2025 adalah sebagai berikut :")
    assert "tahun 2022–2024" in gambaran.pengantar("kemiskinan_pengantar", 2025).data


# ----------------------------------------------------------------------------
# buku catatan


@pytest.mark.parametrize("nama", ["00_pengantar", "01_pendahuluan", "02_gambaran_umum"])
def test_buku_catatan_parameter_dan_tanpa_keluaran(nama):
    nb = json.loads((AKAR / "notebooks" / f"{nama}.ipynb").read_text(encoding="utf-8"))
    pertama = nb["cells"][0]
    assert pertama["cell_type"] == "code" and "parameters" in pertama["metadata"].get("tags", [])
    assert "".join(pertama["source"]).strip() == "tahun = 2025\nperiode = None"
    for sel in nb["cells"]:
        if sel["cell_type"] == "code":
            assert sel.get("outputs") == [] and sel.get("execution_count") is None
            assert "Seruyan" not in "".join(sel["source"])
