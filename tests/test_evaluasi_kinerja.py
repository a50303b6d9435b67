"""Evaluasi capaian IKK dan SPM, seri realisasi–target, dan peringatan dini (lanjutan BAB II 2.4)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analisis.chapters import evaluasi_iku_ikk_spm as ek

SERI = ["seri-ikk-sekretariat", "seri-ikk-bidang-perlindungan-dan-jaminan-sosial", "seri-ikk-bidang-rehabilitasi-sosial",
        "seri-ikk-bidang-pemberdayaan-sosial", "seri-ikk-bidang-penanganan-bencana"]
TERLARANG = re.compile(r"(?<![\w.])(?:nan|NaN|None|inf|NaT)(?!\w)|<NA>")


def _html(obj) -> str:
    if hasattr(obj, "html"):
        return obj.html()
    return obj.data


# ----------------------------------------------------------------------------
# IKK


@pytest.mark.parametrize(
    "tahun, kode, target",
    [
        (2025, "IKK-01", 100.0), (2026, "IKK-13", 70.0), (2026, "IKK-14", 1.5), (2028, "IKK-14", 2.5),
        (2026, "IKK-19", 46.0), (2029, "IKK-19", 60.0), (2027, "IKK-23", 250.0), (2025, "IKK-24", 95.0), (2029, "IKK-24", 75.0),
    ],
)
def test_target_ikk_tabel_4_2(tahun, kode, target):
    assert ek.evaluasi_ikk(tahun).set_index("kode").loc[kode, "target"] == target


def test_capaian_ikk_24_triwulan_i_2025():
    """IKK 24 sebagaimana targetnya dimaksud (ARAH-TARGET-IKK-24): rasio Σ PPKS 2025 TW I / Σ PPKS 2024 × 100
    = 42.583 / 43.746 × 100 = 97,34 terhadap target 95 (Tabel 4.2), makin rendah makin baik:
    capaian (2 × 95 − 97,34) / 95 × 100 = 97,54 %, target belum tercapai."""
    e = ek.evaluasi_ikk(2025).set_index("kode")
    assert e.loc["IKK-24", "polaritas"] == "negatif"
    assert e.loc["IKK-24", "realisasi"] == pytest.approx(42583 / 43746 * 100)
    assert round(e.loc["IKK-24", "realisasi"], 2) == 97.34
    assert e.loc["IKK-24", "capaian"] == pytest.approx((2 * 95 - 42583 / 43746 * 100) / 95 * 100)
    assert round(e.loc["IKK-24", "capaian"], 2) == 97.54
    assert not e.loc["IKK-24", "tercapai"]
    assert e.loc["IKK-24", "periode_realisasi"] == "Triwulan I"
    assert int(e["tersedia"].sum()) == 1


@pytest.mark.parametrize("tahun, tersedia", [(2024, 6), (2025, 1), (2026, 0), (2029, 0)])
def test_jumlah_ikk_dengan_realisasi(tahun, tersedia):
    assert int(ek.evaluasi_ikk(tahun)["tersedia"].sum()) == tersedia


def test_tabel_2_12_hanya_ikk_yang_berealisasi():
    """2025: hanya IKK-24 yang punya realisasi; 23 baris "–" tidak lagi disajikan (kalimat menyebutnya)."""
    t = ek.tabel_ikk(ek.evaluasi_ikk(2025))
    html = t.html()
    assert t.label == "capaian-ikk" and t.nomor is None
    assert html.count('class="kelompok"') == 1
    assert "<td class=\"rata-kiri\">Sekretariat</td>" in html
    baris = t.df[t.df["kelas"] == ""]
    assert len(baris) == 1
    k = ek.kalimat_ikk(ek.evaluasi_ikk(2025)).data
    assert "Realisasi 23 IKK lainnya belum dilaporkan; targetnya tercantum pada" in k and 'data-label="penetapan-ikk"' in k
    ikk24 = baris[baris["no"] == 24].iloc[0]
    # frame numerik: rasio 42.583 / 43.746 = 97,34 % (makin rendah makin baik); capaian (2 × 95 − 97,34) / 95 = 97,54 %
    assert ikk24["target"] == 95.0 and ikk24["kategori"] == "Sangat Tinggi" and ikk24["polaritas"] == "Negatif"
    assert ikk24["realisasi"] == pytest.approx(42583 / 43746 * 100)
    assert ikk24["capaian"] == pytest.approx((2 * 95 - 42583 / 43746 * 100) / 95 * 100)
    sel = re.search(r"<tr><td class=\"rata-tengah\">24</td>((?:(?!</tr>).)*)</tr>", html).group(1)
    assert all(teks in sel for teks in (">95<", ">97,34<", "97,54 %", "Sangat Tinggi", "Negatif"))
    assert "Realisasi s.d. Triwulan I 2025 dibandingkan dengan target tahunan 2025." in t.catatan


@pytest.mark.parametrize("tahun", [2026, 2029])
def test_tabel_capaian_tanpa_realisasi_menjadi_satu_kalimat(tahun):
    assert ek.tabel_ikk(ek.evaluasi_ikk(tahun)).data == ""
    assert ek.tabel_spm(ek.evaluasi_spm(tahun)).data == ""
    assert ek.kalimat_spm(ek.evaluasi_spm(tahun)).data.startswith(f"<p>Realisasi SPM tahun {tahun} belum dilaporkan")


def test_analis_menambah_kolom_tanpa_menyunting_src():
    from analisis.presentation.tabel import Kol

    ikk = ek.evaluasi_ikk(2025)
    ikk["selisih"] = ikk["target"] - ikk["realisasi"]
    t = ek.tabel_ikk(ikk)
    t.kolom.append(Kol("selisih", "Selisih", "desimal"))
    assert ">Selisih<" in t.html() and "−2,34" in t.html()  # 95 − 97,34


@pytest.mark.parametrize(
    "tahun, awal",
    [
        (2024, "Dari 24 IKK, realisasi tahun 2024 tersedia untuk 6 indikator, tetapi target tahun 2024"),
        (2025, "Dari 24 IKK, realisasi s.d. Triwulan I 2025 tersedia untuk 1 indikator dan 1 di antaranya dapat dibandingkan"),
        (2026, "Realisasi IKK tahun 2026 belum dilaporkan; target IKK tahun 2026 tercantum pada"),
        (2029, "Realisasi IKK tahun 2029 belum dilaporkan; target IKK tahun 2029 tercantum pada"),
    ],
)
def test_kalimat_ikk(tahun, awal):
    assert ek.kalimat_ikk(ek.evaluasi_ikk(tahun)).data.startswith("<p>" + awal)


# ----------------------------------------------------------------------------
# SPM


@pytest.mark.parametrize(
    "no, penerima, persen",
    [(1, 60, 80.0), (2, 18, 100.0), (3, 10, 100.0), (4, 7, 100.0), (5, 164, 100.0)],  # Tabel 2.10
)
def test_spm_2024_tabel_2_10(no, penerima, persen):
    e = ek.evaluasi_spm(2024).set_index("no")
    assert (e.loc[no, "penerima"], e.loc[no, "persen_penerima"]) == (penerima, persen)
    assert e.loc[no, "indeks"] is None and e.loc[no, "kategori"] is None  # mutu belum tersedia: tidak 0, tidak ditebak


@pytest.mark.parametrize("no, target", [(1, 46), (2, 16), (3, 12), (4, 4), (5, 200)])  # Tabel 4.3 tahun 2025
def test_spm_target_2025_tabel_4_3(no, target):
    e = ek.evaluasi_spm(2025).set_index("no")
    assert e.loc[no, "target_penerima"] == target
    assert not e.loc[no, "tersedia"]


def test_tabel_2_13():
    t = ek.tabel_spm(ek.evaluasi_spm(2024))
    assert t.label == "capaian-spm" and t.nomor is None
    assert t.df["penerima"].tolist() == [60, 18, 10, 7, 164]  # Tabel 2.10: frame numerik
    assert t.df["persen_penerima"].tolist() == [80.0, 100.0, 100.0, 100.0, 100.0]
    assert t.df["indeks"].isna().all()
    html = t.html()
    assert html.count('<span class="utuh">100 %</span>') >= 4 and '<span class="utuh">80 %</span>' in html
    assert any("Mutu layanan belum dilaporkan" in c for c in t.catatan)
    assert "Target penerima tahun 2024 tidak ditetapkan di @tabel:target-spm." in t.catatan


def test_kalimat_spm_2024():
    s = ek.kalimat_spm(ek.evaluasi_spm(2024)).data
    assert "sebanyak 259 orang pada 5 jenis pelayanan dasar" in s  # 60 + 18 + 10 + 7 + 164 (Tabel 2.10)
    assert "memenuhi target NSPK pada 4 dari 5 jenis pelayanan" in s


def test_indeks_spm_dengan_mutu(salinan_data, monkeypatch):
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    (salinan_data / "spm_mutu.csv").write_text("tahun,no,mutu\n2024,1,100 %\n2024,2,50 %\n", encoding="utf-8")
    e = ek.evaluasi_spm(2024).set_index("no")
    assert e.loc[1, "indeks"] == pytest.approx(0.8 * 80 + 0.2 * 100)  # 84: Tuntas Madya (Permendagri 59/2021)
    assert e.loc[1, "kategori"] == "Tuntas Madya"
    assert e.loc[2, "indeks"] == pytest.approx(90.0) and e.loc[2, "kategori"] == "Tuntas Utama"
    assert pd.isna(e.loc[3, "indeks"])


# ----------------------------------------------------------------------------
# seri


def test_seri_iku_01():
    s = ek.seri_indikator("IKU-01", 2025).set_index("tahun")
    assert list(s.index) == [2024, 2025, 2026, 2027, 2028, 2029]
    assert s.loc[2024, "realisasi"] == pytest.approx(41893 / 43746 * 100)  # 95,76 % (Tabel 2.11)
    assert s.loc[2025, "realisasi"] == pytest.approx(35005 / 42583 * 100)  # 82,20 %
    assert bool(s.loc[2025, "parsial"]) and not bool(s.loc[2024, "parsial"])
    assert s["target"].tolist() == [100.0] * 6


def test_seri_iku_02_dengan_target_predikat():
    s = ek.seri_indikator("IKU-02", 2025).set_index("tahun")
    assert s.loc[2023, "realisasi"] == 60.6 and s.loc[2024, "realisasi"] == 58.3 and s.loc[2025, "realisasi"] == 60.7
    assert s.loc[2024, "target_predikat"] == "B" and s.loc[2025, "target"] == 58.0 and s.loc[2029, "target"] == 66.0


def test_seri_tidak_memuat_realisasi_sesudah_tahun_dokumen():
    s = ek.seri_indikator("IKU-01", 2024).set_index("tahun")
    assert s.loc[2024, "realisasi"] == pytest.approx(95.764, abs=1e-3)
    assert s.loc[2025:, "realisasi"].isna().all()


@pytest.mark.parametrize(
    "tahun, label",
    [
        (2024, [None, *SERI, "penerima-spm"]),  # tanpa grafik capaian (target IKK 2024 tidak ada)
        (2025, ["capaian-ikk", *SERI, None]),  # tanpa grafik SPM (data SPM 2025 belum ada)
    ],
)
def test_gambar_berlabel_tanpa_nomor(tahun, label):
    ikk = ek.evaluasi_ikk(tahun)
    seri = ek.gambar_seri_ikk(ek.seri_ikk(tahun), ikk)
    cap = ek.gambar_capaian_ikk(ikk)
    spm = ek.gambar_spm(ek.evaluasi_spm(tahun))
    gambar = [getattr(cap, "label", None), *[g.label for g in seri], getattr(spm, "label", None)]
    assert gambar == label
    assert all(getattr(g, "nomor", None) is None for g in [cap, *seri, spm])


# ----------------------------------------------------------------------------
# peringatan dini


@pytest.mark.parametrize(
    "tahun, kode, alasan",
    [
        (2024, "IKU-01", "realisasi tahun 2024 sebesar 95,76 % di bawah target 100 %"),
        (2024, "IKU-02", "predikat CC (nilai 58,30, tahun 2024) di bawah target predikat B"),
        (2024, "SPM 1", "persentase penerima layanan 80 % di bawah target NSPK 100 %"),
        (2025, "IKU-01", "realisasi s.d. Triwulan I 2025 sebesar 82,20 % masih di bawah target tahunan 100 %"),
        (2025, "IKK-24", "realisasi s.d. Triwulan I 2025 sebesar 97,34 % masih di atas batas target tahunan 95 %"),
        (2025, "IKK-23", "realisasi terakhir (tahun 2024) sebesar 164 orang di bawah target 2025 200 orang; realisasi 2025 belum tersedia"),
        (2026, "IKU-01", "realisasi terakhir (s.d. Triwulan I 2025) sebesar 82,20 % di bawah target 2026 100 %; realisasi 2026 belum tersedia"),
        (2029, "IKU-02", "realisasi terakhir (s.d. Triwulan II 2025) sebesar 60,70 di bawah target 2029 66; realisasi 2029 belum tersedia"),
    ],
)
def test_peringatan_dini_alasan(tahun, kode, alasan):
    w = ek.peringatan_dini(tahun).set_index("kode")
    assert w.loc[kode, "alasan"] == alasan


@pytest.mark.parametrize(
    "tahun, kode",
    [
        (2025, ["IKU-01", "IKK-21", "IKK-23", "IKK-24"]),  # IKU-02: 60,70 ≥ target 58 → tidak diperingatkan
        (2026, ["IKU-01", "IKK-21", "IKK-23", "IKK-24"]),
        (2024, ["IKU-01", "IKU-02", "SPM 1"]),
    ],
)
def test_daftar_peringatan_dini(tahun, kode):
    assert ek.peringatan_dini(tahun)["kode"].tolist() == kode


def test_peringatan_kumulatif_diproyeksikan(salinan_data, monkeypatch):
    """Indikator jumlah orang: realisasi s.d. TW II × 4 / 2 dibandingkan dengan target tahunan."""
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    ind = salinan_data / "indikator.csv"
    teks = ind.read_text(encoding="utf-8").replace(",Bidang Rehabilitasi Sosial,,spm_penerima,", ",Bidang Rehabilitasi Sosial,,isian,", 1)
    ind.write_text(teks, encoding="utf-8")
    (salinan_data / "realisasi.csv").write_text("kode,tahun,periode,realisasi,pembilang,penyebut,sumber\nIKK-19,2026,Triwulan II,20,,,\n", encoding="utf-8")
    w = ek.peringatan_dini(2026, "Triwulan II").set_index("kode")
    assert w.loc["IKK-19", "proyeksi"] == 40.0
    assert w.loc["IKK-19", "alasan"] == ("realisasi s.d. Triwulan II 2026 sebesar 20 orang, bila lajunya tetap menjadi 40 orang "
                                         "pada akhir tahun, di bawah target 46 orang")


def test_peringatan_polaritas_negatif(salinan_data, monkeypatch):
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    ind = salinan_data / "indikator.csv"
    baris = ind.read_text(encoding="utf-8").splitlines(keepends=True)
    baris = [b.replace(",%,positif,", ",%,negatif,", 1) if b.startswith("IKK-13,") else b for b in baris]
    ind.write_text("".join(baris), encoding="utf-8")
    (salinan_data / "realisasi.csv").write_text("kode,tahun,periode,realisasi,pembilang,penyebut,sumber\nIKK-13,2026,Tahunan,80,,,\nIKK-01,2026,Tahunan,100,,,\n",
                                               encoding="utf-8")
    w = ek.peringatan_dini(2026).set_index("kode")
    assert w.loc["IKK-13", "capaian"] == pytest.approx((2 * 70 - 80) / 70 * 100)
    assert w.loc["IKK-13", "alasan"] == "realisasi tahun 2026 sebesar 80 % di atas batas target 70 %"
    assert "IKK-01" not in w.index  # 100 terhadap 100: tercapai


@pytest.mark.parametrize(
    "tahun, awal",
    [
        (2025, "Berdasarkan realisasi s.d. Triwulan I 2025, 4 dari 26 indikator kinerja (IKU dan IKK) diperkirakan"),
        (2026, "Data realisasi tahun 2026 belum tersedia. Sebagai peringatan dini, realisasi terakhir yang tersedia"),
    ],
)
def test_kalimat_peringatan(tahun, awal):
    assert ek.kalimat_peringatan(ek.peringatan_dini(tahun)).data.startswith("<p>" + awal)


# ----------------------------------------------------------------------------
# keluaran dokumen bersih untuk setiap tahun


@pytest.mark.parametrize("tahun", [2024, 2025, 2026, 2027, 2028, 2029])
def test_tanpa_nilai_tak_terdefinisi(tahun):
    ikk, spm, dini = ek.evaluasi_ikk(tahun), ek.evaluasi_spm(tahun), ek.peringatan_dini(tahun)
    keluaran = [ek.kalimat_ikk(ikk), ek.tabel_ikk(ikk), ek.kalimat_spm(spm), ek.tabel_spm(spm),
                ek.kalimat_peringatan(dini), ek.daftar_peringatan(dini)]
    for k in keluaran:
        html = _html(k)
        assert not TERLARANG.search(html), html[:200]
        assert not re.search(r"(?<![\d,.])0 %", html)  # data kosong tidak pernah tampil sebagai "0 %"


def test_sifat_indikator():
    assert [ek.sifat_indikator(s) for s in ("%", "orang", "nilai")] == ["tingkat", "kumulatif", "tingkat"]


# ----------------------------------------------------------------------------
# memo evaluasi (issue 15): sekali per tahun, periode dan isi berkas


def test_evaluasi_diingat_sekali_per_tahun_periode(monkeypatch):
    from analisis.core import data, kinerja

    kinerja.kosongkan_memo()
    dibaca = []
    asli = data.muat
    monkeypatch.setattr(data, "muat", lambda nama, folder=None: dibaca.append(nama) or asli(nama, folder))
    pertama = kinerja.evaluasi_indikator(2025, "Triwulan I")
    assert "indikator" in dibaca and "ppks_pas" in dibaca
    dibaca.clear()
    kedua = kinerja.evaluasi_indikator(2025, "Triwulan I")
    assert dibaca == []  # tidak dihitung ulang
    pd.testing.assert_frame_equal(pertama, kedua)
    kedua.loc[0, "realisasi"] = -1.0  # salinan: mengubahnya tidak merusak memo
    ketiga = kinerja.evaluasi_indikator(2025, "Triwulan I").set_index("kode")
    assert round(float(ketiga.loc["IKU-01", "realisasi"]), 2) == 82.2
    kinerja.evaluasi_indikator(2025, "Tahunan")
    assert "indikator" in dibaca  # periode lain: dihitung


def test_evaluasi_csv_disunting_tidak_basi(salinan_data, monkeypatch):
    """PPKS tertangani TW I 2025: 35.005 / 42.583 = 82,20 %; anak difabel tertangani 0 → 10 memberi 35.015 / 42.583 = 82,23 %."""
    from analisis.core import kinerja

    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    e = kinerja.evaluasi_indikator(2025).set_index("kode")
    assert round(float(e.loc["IKU-01", "realisasi"]), 2) == 82.20
    berkas = salinan_data / "ppks_pas.csv"
    teks = berkas.read_text(encoding="utf-8")
    assert "Anak difable,46,0," in teks
    berkas.write_text(teks.replace("Anak difable,46,0,", "Anak difable,46,10,"), encoding="utf-8")
    e = kinerja.evaluasi_indikator(2025).set_index("kode")
    assert float(e.loc["IKU-01", "realisasi"]) == pytest.approx(35015 / 42583 * 100)
    assert round(float(e.loc["IKU-01", "realisasi"]), 2) == 82.23
    assert kinerja.evaluasi_ppks(2025).tertangani == 35015


def test_sidik_berkas_menurut_isi_bukan_waktu(salinan_data, monkeypatch):
    """Suntingan dengan ukuran dan waktu ubah yang sama tetap mengubah kunci memo."""
    import os

    from analisis.core import kinerja, memo

    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    berkas = salinan_data / "sakip.csv"
    st = berkas.stat()
    sebelum = memo.sidik_berkas(berkas)
    assert kinerja.nilai_sakip(2024) == (58.3, "Tahunan")
    teks = berkas.read_text(encoding="utf-8")
    assert "58,3" in teks or "58.3" in teks
    berkas.write_text(teks.replace("58,3", "58,4").replace("58.3", "58.4"), encoding="utf-8")
    os.utime(berkas, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert berkas.stat().st_size == st.st_size
    assert memo.sidik_berkas(berkas) != sebelum
    assert kinerja.nilai_sakip(2024) == (58.4, "Tahunan")  # memo data.muat tidak basi
