"""BAB II 2.4 (analisis.chapters.evaluasi_iku): Tabel 2.11, narasi PPKS/SAKIP dan grafik dibandingkan dengan dokumen sumber."""

import re
import shutil

import pandas as pd
import pytest

from analisis.core import data, paths
from analisis.chapters import evaluasi_iku as evaluasi
from analisis.core.aturan import SUMBER_ATURAN

TAHUN = [2024, 2025, 2026, 2027, 2028, 2029]
TERLARANG = re.compile(r"\b(nan|NaN|None|inf|NaT)\b|<NA>")


_SEL_TAHUN = {"t": "target", "r": "realisasi", "c": "capaian"}


def _tampil(t, kode, kolom):
    """Teks tercetak satu sel Tabel 2.11: ``kolom`` "t0"/"r1"/"c1" (target/realisasi/capaian tahun kolom ke-0/1) atau kunci frame."""
    if re.fullmatch(r"[trc][01]", kolom):
        tahun = sorted({int(c.rsplit("_", 1)[1]) for c in t.df.columns if c.startswith("target_")})[int(kolom[1])]
        kolom = f"{_SEL_TAHUN[kolom[0]]}_{tahun}"
    return evaluasi.sel_tabel(t)[kode][[k.kunci for k in t.kolom].index(kolom)]


def _sel(tahun, kode, kolom):
    return _tampil(evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(tahun)), kode, kolom)


def test_tabel_2_11_frame_numerik():
    """Frame di balik Tabel 2.11 memuat angka; teks gabungan ("95,76 % (Sangat Tinggi)") hanya saat render."""
    t = evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(2025))
    df = t.df.set_index("kode")
    for k in ("target_2024", "realisasi_2024", "capaian_2024", "target_2025", "realisasi_2025", "capaian_2025"):
        assert pd.api.types.is_float_dtype(df[k]), k
    assert round(df.loc["IKU-01", "capaian_2024"], 2) == 95.76  # Tabel 2.11: 95,76 %
    assert round(df.loc["IKU-01", "realisasi_2025"], 2) == 82.20  # Tabel 2.11: 82,20 %
    assert df.loc["IKU-02", "realisasi_2025"] == 60.70 and df.loc["IKU-02", "predikat_2025"] == "B"
    assert pd.isna(df.loc["IKU-02", "target_2024"]) and df.loc["IKU-02", "target_predikat_2024"] == "B"
    assert [k.kunci for k in t.kolom][5:] == [f"{a}_{th}" for th in (2024, 2025) for a in ("target", "realisasi", "capaian")]
    # tahun tanpa realisasi: kolom tetap angka (NaN), selnya "belum tersedia"
    kosong = evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(2027))
    assert all(pd.api.types.is_float_dtype(kosong.df[f"{k}_2027"]) for k in ("target", "realisasi", "capaian"))
    assert kosong.df["realisasi_2027"].isna().all() and _tampil(kosong, "IKU-01", "r1") == "belum tersedia"
    # analis menambah kolom: frame tetap dapat dihitung
    assert (df["capaian_2025"] - df["capaian_2024"]).round(2).tolist()[0] == -13.56


def _spasi(t: str) -> str:
    return re.sub(r"\s*%", " %", t)


# --- Tabel 2.11 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "tahun, kode, kolom, id_dicetak",
    [
        (2025, "IKU-01", "t0", "iku.2024.IKU-01.target"),
        (2025, "IKU-01", "r0", "iku.2024.IKU-01.realisasi"),
        (2025, "IKU-01", "t1", "iku.2025.IKU-01.target"),
        (2025, "IKU-01", "r1", "iku.2025.IKU-01.realisasi"),
    ],
)
def test_tabel_2_11_sama_dengan_sumber(tahun, kode, kolom, id_dicetak):
    assert _sel(tahun, kode, kolom) == _spasi(data.dicetak(id_dicetak))


@pytest.mark.parametrize(
    "kolom, id_dicetak",
    [("c0", "iku.2024.IKU-01.capaian"), ("c1", "iku.2025.IKU-01.capaian")],
)
def test_tabel_2_11_capaian_iku1_dengan_kategori(kolom, id_dicetak):
    sel = _sel(2025, "IKU-01", kolom)
    assert sel.startswith(_spasi(data.dicetak(id_dicetak)) + " (")
    assert sel.endswith("Tinggi)")


@pytest.mark.parametrize(
    "tahun, kode, kolom, harapan",
    [
        (2025, "IKU-02", "t0", "B (Baik)"),  # Tabel 2.11: "B Baik"
        (2025, "IKU-02", "r0", "CC (nilai 58,30)"),  # "CC Nilai 58,30 (Cukup Memadai)"
        (2025, "IKU-02", "c0", "CC (Cukup (Memadai)); di bawah target B"),
        (2025, "IKU-02", "t1", "B Baik"),  # Tabel 2.11 tercetak "B Baik" (register: TARGET-IKU-02-TABEL-2-11-2025 tercetak)
        (2025, "IKU-02", "r1", "B (nilai 60,70; s.d. Triwulan II)"),  # narasi: s.d. Triwulan II, 60,70
        (2025, "IKU-02", "c1", "B (Baik); mencapai target"),  # predikat B terhadap target predikat B
        (2024, "IKU-02", "r0", "B (nilai 60,60)"),  # narasi 2023: nilai 60,6 grade B
        (2024, "IKU-01", "r0", "tidak tersedia"),  # 2023: hanya jumlah terdata
        (2024, "IKU-01", "t0", "–"),  # target 2023 tidak ada
        (2026, "IKU-01", "r0", "82,20 % (s.d. Triwulan I)"),
        (2026, "IKU-01", "r1", "belum tersedia"),
        (2026, "IKU-02", "t1", "60 (CC)"),
        (2026, "IKU-02", "c1", "belum tersedia"),
        (2029, "IKU-02", "t1", "66 (B)"),
    ],
)
def test_tabel_2_11_sel(tahun, kode, kolom, harapan):
    assert _sel(tahun, kode, kolom) == harapan


@pytest.mark.parametrize(
    "tahun, judul",
    [
        (2025, "Realisasi Indikator Kinerja Utama (IKU) Tahun 2024 dan Triwulan I Tahun 2025"),
        (2024, "Realisasi Indikator Kinerja Utama (IKU) Tahun 2023 dan Tahun 2024"),
        (2027, "Realisasi Indikator Kinerja Utama (IKU) Tahun 2026 dan Tahun 2027"),
    ],
)
def test_judul_tabel_2_11(tahun, judul):
    t = evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(tahun))
    assert (t.label, t.nomor, t.judul, t.lebar) == ("realisasi-iku", None, judul, True)


def test_tabel_2_11_periode_ditimpa():
    t = evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(2025, "Tahunan"))
    assert t.judul.endswith("Tahun 2024 dan Tahun 2025")


def _putuskan_semua(folder, tampil: str):
    jalur = folder / "keputusan_temuan.csv"
    jalur.write_text(jalur.read_text(encoding="utf-8").replace(",tercetak,", f",{tampil},"), encoding="utf-8")


def test_indikator_baris_2_menurut_register():
    # sumber mengulang nama IKU 1 di baris 2 (data/README.md no. 12); register: tampilkan yang tercetak
    assert _sel(2025, "IKU-02", "nama") == data.dicetak("iku.tabel_2_11.indikator_baris_2")
    t = evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(2025))
    assert 'data-kode="TABEL-2-11-INDIKATOR-BARIS-2"' in t.html()


def test_tabel_2_11_dan_narasi_mengikuti_keputusan_dihitung(folder):
    """Mengubah keputusan register (tercetak → dihitung) mengubah angka yang tampil."""
    _putuskan_semua(folder, "dihitung")
    assert _sel(2025, "IKU-02", "nama") == "Nilai SAKIP Dinas Sosial"
    assert _sel(2025, "IKU-02", "t1") == "58 (CC)"  # Tabel 4.1: 58
    assert _sel(2025, "IKU-02", "c1") == "104,66 % (Sangat Tinggi); predikat B (Baik)"  # 60,70 / 58
    k = evaluasi.kalimat_ppks(2024, "Tahunan")
    assert "6.255 jiwa" in k and "12,51 %" in k and "8.108" not in k and "16,22" not in k
    k = evaluasi.kalimat_ppks(2025, "Triwulan I")
    assert "1.163 jiwa" in k and "2,66 %" in k and "43.746 jiwa" in k and "6.888" not in k
    k = evaluasi.kalimat_sakip(2025, "Triwulan I")
    assert "target nilai 58 (setara predikat CC)" in k and "104,66 %" in k and "naik 2,40 poin" in k
    k = evaluasi.kalimat_tujuan("IKU-02", 2025)
    for th, t in [(2025, "58 (setara predikat CC)"), (2026, "60 (setara predikat CC)"), (2029, "66 (setara predikat B)")]:
        assert f"{t} pada tahun {th}" in k


# --- narasi PPKS ----------------------------------------------------------------


@pytest.mark.parametrize(
    "tahun, periode, ada, tidak_ada",
    [
        # narasi yang ditandatangani (register: tercetak): 8.108 jiwa, 16,22 %; 2025: 41.893, 6.888 jiwa, 16,44 %
        (2024, "Tahunan",
         ["Pada Tahun 2024", "95,76 %", "41.893 jiwa", "43.746 jiwa", "50.001 jiwa", "8.108 jiwa", "16,22 %", "(2023)"],
         ["6.255", "12,51"]),
        (2025, "Triwulan I",
         ["Sampai dengan Triwulan I Tahun 2025", "82,20 %", "35.005 jiwa", "42.583 jiwa", "6.888 jiwa", "16,44 %",
          "41.893 jiwa", "tahun pertama pelaksanaan Renstra 2025–2029"],
         ["1.163", "2,66", "43.746"]),
    ],
)
def test_narasi_ppks_angka_tercetak_menurut_register(tahun, periode, ada, tidak_ada):
    k = evaluasi.kalimat_ppks(tahun, periode, tahun_dokumen=2025)
    assert 'data-kode="PENURUNAN-PPKS-' in k._repr_html_()
    for s in ada:
        assert s in k
    for s in tidak_ada:
        assert s not in k


def test_narasi_ppks_angka_sumber_yang_benar():
    k = evaluasi.kalimat_ppks(2024, "Tahunan")
    for id_ in ("narasi.2024.ppks_tertangani", "narasi.2024.ppks_terdata", "narasi.2024.ppks_tahun_sebelumnya"):
        assert f"{data.dicetak(id_)} jiwa" in k
    assert _spasi(data.dicetak("narasi.2024.capaian")) in k


def test_narasi_ppks_tanpa_tahun_sebelumnya():
    k = evaluasi.kalimat_ppks(2023, "Tahunan", tahun_dokumen=2024)
    assert "50.001 jiwa" in k
    assert "Data PPKS tahun 2022 tidak tersedia" in k
    assert "tertangani tidak tersedia" in k


@pytest.mark.parametrize("tahun", [2026, 2027, 2028, 2029])
def test_narasi_tahun_tanpa_realisasi(tahun):
    h = evaluasi.narasi_ppks(tahun).data + evaluasi.narasi_sakip(tahun).data + evaluasi.kalimat_ketersediaan(evaluasi.evaluasi_iku(tahun)).data
    assert f"Data realisasi tahun {tahun} belum tersedia" in h
    assert "0,00 %" not in h


def test_narasi_ppks_dua_tahun_dan_tujuan():
    h = evaluasi.narasi_ppks(2025).data
    assert h.count("<p>") == 3
    assert "12 (dua belas) PAS" in h and "5 (lima) tahun" in h
    assert evaluasi.RUMUS_PENURUNAN in h


@pytest.mark.parametrize(
    "tahun, tampil",
    [(2024, False), (2025, True), (2026, False), (2027, False), (2029, False)],
)
def test_faktor_penurunan_hanya_tahun_yang_mengisinya(tahun, tampil):
    """Penjelasan sumber milik edisi 2025 (data/teks/2025/); tahun lain: tempat kosong edisi reviu saja."""
    h = evaluasi.faktor_penurunan(tahun).data
    assert h.startswith("Penurunan jumlah PPKS") is tampil
    if not tampil:
        assert h.startswith('<div class="reviu-saja') and f"data/teks/{tahun}/evaluasi_faktor_penurunan.md" in h


# --- narasi SAKIP -----------------------------------------------------------------


@pytest.mark.parametrize(
    "tahun, periode, id_nilai, id_predikat",
    [
        (2024, "Tahunan", "narasi.sakip.2024.nilai", "narasi.sakip.2024.predikat"),
        (2025, "Triwulan I", "narasi.sakip.2025.nilai", "narasi.sakip.2025.predikat"),
    ],
)
def test_narasi_sakip_nilai_dan_predikat_sumber(tahun, periode, id_nilai, id_predikat):
    k = evaluasi.kalimat_sakip(tahun, periode)
    assert f"predikat {data.dicetak(id_predikat)} " in k
    assert f"nilai {data.dicetak(id_nilai)}" in k


def test_narasi_sakip_2024_dibanding_2023():
    k = evaluasi.kalimat_sakip(2024, "Tahunan")
    assert "target kinerja predikat B (Baik); target belum tercapai" in k
    assert "(2023) dengan nilai 60,60 predikat B, nilai SAKIP turun 2,30 poin" in k


def test_narasi_sakip_2025_target_tercetak():
    k = evaluasi.kalimat_sakip(2025, "Triwulan I")
    assert k.startswith("Sampai dengan Triwulan II Tahun 2025")
    assert "target kinerja predikat B (Baik); target tercapai" in k and "naik 2,40 poin" in k
    assert 'data-kode="TARGET-IKU-02-NARASI-2025"' in k._repr_html_()


def test_kalimat_tujuan_urusan_dan_target_setiap_tahun():
    k = evaluasi.kalimat_tujuan("IKU-02", 2025)
    assert k.startswith("Tujuan (Urusan Penunjang) Dinas Sosial adalah")
    assert "Ditetapkan target capaian B (Baik) dalam setiap tahun." in k
    assert evaluasi.kalimat_tujuan("IKU-01", 2025).startswith("Tujuan (Urusan Wajib Sosial) Dinas Sosial adalah Menurunkan")


def test_penjelasan_akip_milik_tahunnya():
    assert "Terdapat gambaran bahwa AKIP cukup baik" in evaluasi.kalimat_sakip(2024, "Tahunan")
    assert "AKIP cukup baik" not in evaluasi.kalimat_sakip(2025, "Triwulan I")
    h = evaluasi.narasi_sakip(2026).data
    assert "AKIP cukup baik" not in h


# --- aturan -----------------------------------------------------------------------


def test_kalimat_aturan_menyebut_sumber():
    k = evaluasi.kalimat_aturan(2025)
    assert SUMBER_ATURAN["sakip"] in k
    assert "CC > 50 s.d. 60" in k and "B > 60 s.d. 70" in k
    assert "Sangat Tinggi ≥ 91" in k


def test_aturan_dari_parameter_dipakai(tmp_path, monkeypatch):
    akar = tmp_path / "akar"
    (akar / "parameters").mkdir(parents=True)
    for p in paths.folder_parameter().glob("*.yml"):
        shutil.copy(p, akar / "parameters" / p.name)
    (akar / "data").symlink_to(paths.folder_data())
    teks = (akar / "parameters" / "2025.yml").read_text(encoding="utf-8")
    teks += ("aturan:\n  capaian:\n    - {batas_bawah: 100, label: Tercapai, inklusif: true}\n"
             "    - {batas_bawah: 0, label: Tidak Tercapai, inklusif: true}\n")
    (akar / "parameters" / "2025.yml").write_text(teks, encoding="utf-8")
    monkeypatch.setenv("IKU_ROOT", str(akar))
    t = evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(2025))
    assert _tampil(t, "IKU-01", "c1") == "82,20 % (Tidak Tercapai)"
    assert _tampil(t, "IKU-02", "c0") == "CC (Cukup (Memadai)); di bawah target B"  # target predikat tercetak (register)
    assert "parameter dokumen" in evaluasi.kalimat_aturan(2025)


# --- grafik -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tahun, label",
    [(2024, ["2023", "2024"]), (2025, ["2023", "2024", "2025 (TW I)"]), (2029, ["2023", "2024", "2025 (TW I)"])],
)
def test_grafik_ppks_label_periode(tahun, label):
    assert evaluasi.data_grafik_ppks(tahun)["label"].tolist() == label


def test_grafik_ppks_angka():
    d = evaluasi.data_grafik_ppks(2025).set_index("tahun")
    assert d.loc[2024, ["terdata", "tertangani"]].tolist() == [43746, 41893]
    assert d.loc[2025, ["terdata", "tertangani"]].tolist() == [42583, 35005]
    assert d.loc[2023, "tertangani"] is None


def test_grafik_sakip_target_dan_realisasi():
    d = evaluasi.data_grafik_sakip(2024).set_index("tahun")
    assert d.loc[2024, "target_predikat"] == "B"
    assert d.loc[2026, "target"] == 60.0 and d.loc[2029, "target"] == 66.0
    assert d.loc[2025, "nilai"] is None  # dokumen 2024 tidak memakai realisasi 2025
    assert evaluasi.grafik_sakip(evaluasi.data_grafik_sakip(2024)).judul == "Nilai SAKIP terhadap target 2023–2029"


def test_grafik_capaian_ppks_belum_tersedia():
    d = evaluasi.data_grafik_capaian_ppks(2027).set_index("tahun")
    assert d.loc[2027, "realisasi"] is None and d.loc[2027, "target"] == 100.0
    assert round(d.loc[2024, "capaian"], 2) == 95.76


# --- tidak ada nilai tak terdefinisi di keluaran mana pun ----------------------------


@pytest.mark.parametrize("tahun", TAHUN)
def test_tidak_ada_nan_none_inf(tahun):
    keluaran = [
        evaluasi.pengantar(tahun).data,
        evaluasi.tabel_realisasi_iku(evaluasi.evaluasi_iku(tahun)).html(),
        evaluasi.kalimat_ketersediaan(evaluasi.evaluasi_iku(tahun)).data,
        evaluasi.narasi_ppks(tahun).data,
        evaluasi.faktor_penurunan(tahun).data,
        evaluasi.narasi_sakip(tahun).data,
    ]
    for k in keluaran:
        assert not TERLARANG.search(re.sub(r"<[^>]+>", " ", k)), k
    for g in (evaluasi.grafik_ppks(evaluasi.data_grafik_ppks(tahun)),
              evaluasi.grafik_capaian_ppks(evaluasi.data_grafik_capaian_ppks(tahun)),
              evaluasi.grafik_sakip(evaluasi.data_grafik_sakip(tahun))):
        teks_svg = " ".join(re.findall(r">([^<>]+)<", g.svg()))
        assert not TERLARANG.search(teks_svg)


def test_pengantar_tahun_dokumen_bukan_tahun_sumber():
    assert "sampai dengan Tahun 2027" in evaluasi.pengantar(2027).data
    assert "2025" not in evaluasi.pengantar(2027).data.split("\n\n")[-1]


@pytest.mark.parametrize("n, kata", [(1, "satu"), (5, "lima"), (11, "sebelas"), (12, "dua belas"), (19, "sembilan belas"),
                                      (40, "empat puluh"), (111, "seratus sebelas"), (2025, "dua ribu dua puluh lima")])
def test_terbilang(n, kata):
    from analisis.core.format import terbilang

    assert terbilang(n) == kata
