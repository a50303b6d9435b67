"""Templat isian realisasi (.xlsx) dan impornya ke data/: pulang-pergi, penolakan, atomisitas.

Tes tidak pernah menulis ke data/ sungguhan: setiap tes memakai salinan data/
di tmp_path (fixture ``salinan_data``) dan IKU_DATA diarahkan ke salinan itu.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl
import pytest

from analisis.core import data, kinerja
from analisis.input import impor, xlsx
from analisis.core.kesalahan import KesalahanData

AKAR = Path(__file__).resolve().parents[1]


# ----------------------------------------------------------------------------
# bantuan


@pytest.fixture
def terisi(folder, tmp_path, bantu) -> tuple[Path, dict]:
    """Templat tahunan 2026 yang sudah diisi penuh."""
    jalur = xlsx.buat_templat(2026, keluaran=tmp_path / "isian_2026.xlsx", folder=folder)
    return jalur, bantu.isi_penuh(jalur)


# ----------------------------------------------------------------------------
# templat


@pytest.mark.parametrize(
    "lembar, jenis, kolom, nilai",
    [
        # Tabel 2.5 (Triwulan I 2025) menjadi "periode lalu" templat 2026
        ("PPKS per PAS", "Fakir Miskin", "Terdata periode lalu", 40241),
        ("PPKS per PAS", "Fakir Miskin", "Tertangani periode lalu", 34946),
        ("PPKS per PAS", "Lanjut Usia Terlantar / Miskin", "Terdata periode lalu", 1694),
        ("PPKS per PAS", "Kelompok Adat Terpencil (KAT)", "Terdata periode lalu", "tdk ada"),
        # Tabel 2.10 (2024) penerima SPM, Tabel 4.3 target 2026
        ("SPM Penerima", 1, "Penerima tahun lalu", 60),
        ("SPM Penerima", 5, "Penerima tahun lalu", 164),
        ("SPM Penerima", 1, "Target penerima 2026", 46),
        ("SPM Penerima", 5, "Target penerima 2026", 200),
        # Tabel 2.6 PSKS 2025, Tabel 2.7 LKS 2025
        ("PSKS", "Taruna siaga Bencana (TAGANA)", "Jumlah tahun lalu", 63),
        ("LKS", None, "Jumlah tahun lalu", 9),
        # Tabel 4.1/4.2 target 2026
        ("Realisasi IKU-IKK", "IKU-02", "Target 2026", 60),
        ("Realisasi IKU-IKK", "IKK-13", "Target 2026", 70),
        ("Realisasi IKU-IKK", "IKK-14", "Target 2026", 1.5),
        ("Realisasi IKU-IKK", "IKK-24", "Target 2026", 90),
        # nilai SAKIP Triwulan II 2025 (narasi 2.4)
        ("SAKIP", None, "Nilai periode lalu", 60.7),
    ],
)
def test_templat_memuat_nilai_lalu_dan_target(folder, tmp_path, lembar, jenis, kolom, nilai, bantu):
    wb = openpyxl.load_workbook(xlsx.buat_templat(2026, keluaran=tmp_path / "t.xlsx", folder=folder))
    ws = wb[lembar]
    c = bantu.kolom(ws, kolom)
    if jenis is None:
        assert ws.cell(xlsx.BARIS_DATA, c).value == nilai
        return
    cari = {"PPKS per PAS": "Jenis PPKS", "SPM Penerima": "No", "PSKS": "Jenis PSKS", "Realisasi IKU-IKK": "Kode"}[lembar]
    ck = bantu.kolom(ws, cari)
    hasil = [ws.cell(r, c).value for r in bantu.baris_data(ws) if ws.cell(r, ck).value == jenis]
    assert hasil == [nilai]


def test_templat_hanya_sel_isian_terbuka_dan_bervalidasi(folder, tmp_path, bantu):
    wb = openpyxl.load_workbook(xlsx.buat_templat(2026, keluaran=tmp_path / "t.xlsx", folder=folder))
    assert wb.sheetnames[0] == "Petunjuk" and wb[xlsx.LEMBAR_META].sheet_state == "veryHidden"
    for lembar in xlsx.lembar_untuk("Tahunan"):
        ws = wb[lembar.nama]
        assert ws.protection.sheet, lembar.nama
        judul = {c.value: c.column for c in ws[xlsx.BARIS_JUDUL_KOLOM]}
        isian = {judul[xlsx.judul_kolom(k, 2026, "Tahunan")] for k in lembar.kolom_isian()}
        for baris in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for sel in baris:
                if sel.column not in isian or sel.row < xlsx.BARIS_DATA:
                    assert sel.protection.locked, f"{lembar.nama}!{sel.coordinate} seharusnya terkunci"
        tervalidasi = {str(r).split(":")[0].rstrip("0123456789") for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges}
        for k in lembar.kolom_isian():
            if k.validasi:
                huruf = openpyxl.utils.get_column_letter(judul[xlsx.judul_kolom(k, 2026, "Tahunan")])
                assert huruf in tervalidasi, f"{lembar.nama} kolom {k.judul} tanpa validasi data"
    # baris IKU-01 (dihitung dari PPKS) tidak dapat diisi; IKK-01 (persentase) diisi pembilang dan penyebut,
    # realisasinya dihitung saat impor; IKK-19 (jumlah orang, SPM) dihitung dari lembar SPM
    ws = wb["Realisasi IKU-IKK"]
    c, cp, cq = bantu.kolom(ws, "Realisasi"), bantu.kolom(ws, "Pembilang"), bantu.kolom(ws, "Penyebut")
    assert all(ws.cell(xlsx.BARIS_DATA, k).protection.locked for k in (c, cp, cq))
    assert ws.cell(xlsx.BARIS_DATA + 2, c).protection.locked
    assert not ws.cell(xlsx.BARIS_DATA + 2, cp).protection.locked and not ws.cell(xlsx.BARIS_DATA + 2, cq).protection.locked


def test_validasi_excel_tertangani_tidak_melebihi_terdata(folder, tmp_path):
    wb = openpyxl.load_workbook(xlsx.buat_templat(2026, keluaran=tmp_path / "t.xlsx", folder=folder))
    ws = wb["PPKS per PAS"]
    rumus = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert rumus["I5:I32"] == 'OR(AND(ISNUMBER(I5),I5>=0,I5=INT(I5),OR(NOT(ISNUMBER(H5)),I5<=H5)),LOWER(TRIM(I5))="tdk ada")'
    ws = wb["SAKIP"]
    dv = ws.data_validations.dataValidation[0]
    assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("decimal", "between", "0", "100")


def test_petunjuk_berbahasa_indonesia(folder, tmp_path):
    wb = openpyxl.load_workbook(xlsx.buat_templat(2026, "Triwulan II", keluaran=tmp_path / "t.xlsx", folder=folder))
    teks = " ".join(str(c.value) for baris in wb["Petunjuk"].iter_rows() for c in baris if c.value)
    assert "Petunjuk Pengisian Templat Realisasi" in teks
    assert "Triwulan II Tahun 2026" in teks
    assert "iku impor BERKAS.xlsx --coba" in teks
    assert "tdk ada" in teks
    assert wb.sheetnames == ["Petunjuk", "PPKS per PAS", "Realisasi IKU-IKK", "SAKIP", xlsx.LEMBAR_META]


def test_templat_periode_tidak_dikenal_ditolak(folder, tmp_path):
    from analisis.core.kesalahan import KesalahanParameter

    with pytest.raises(KesalahanParameter, match="Triwulan V"):
        xlsx.buat_templat(2026, "Triwulan V", keluaran=tmp_path / "t.xlsx", folder=folder)


# ----------------------------------------------------------------------------
# pulang-pergi


def test_pulang_pergi_setahun_penuh(folder, terisi, bantu):
    jalur, isian = terisi
    sebelum = bantu.potret(folder)

    # --coba: perubahan ditampilkan, tidak ada yang ditulis
    coba = impor.impor(jalur, folder=folder, coba=True)
    assert bantu.potret(folder) == sebelum
    ringkas = {p.berkas: (len(p.ditambah), len(p.diubah), p.tetap) for p in coba.perubahan}
    assert ringkas == {
        "ppks_pas.csv": (28, 0, 0), "realisasi.csv": (18, 0, 0), "sakip.csv": (1, 0, 0), "spm_realisasi.csv": (5, 0, 0),
        "spm_mutu.csv": (5, 0, 0), "psks.csv": (12, 0, 0), "lks.csv": (1, 0, 0), "sdm_kesos.csv": (7, 0, 0),
        "aset.csv": (14, 0, 0), "kemiskinan.csv": (1, 0, 0),
    }
    assert "Pratinjau (--coba): tidak ada berkas yang ditulis." in coba.ringkasan()
    # IKK-13 (persentase kecamatan): pembilang 6,3 dari penyebut 10 kecamatan, realisasi dihitung saat impor
    assert "    + IKK-13 | 2026 | Tahunan: realisasi 63; sumber Laporan bidang; pembilang 6,3; penyebut 10" in coba.ringkasan().splitlines()

    # impor sungguhan: semua berkas ditulis, seluruh data tetap sah
    h = impor.impor(jalur, folder=folder)
    assert sorted(p.name for p in h.ditulis) == sorted(ringkas)
    assert data.periksa_semua(folder) == []
    assert not list(folder.glob(".*.tmp"))
    sesudah = bantu.potret(folder)

    # impor kedua: tidak ada yang berubah, berkas tidak ditulis ulang
    h2 = impor.impor(jalur, folder=folder)
    assert not h2.ada_perubahan and h2.ditulis == []
    assert {p.berkas: (len(p.ditambah), len(p.diubah)) for p in h2.perubahan} == {b: (0, 0) for b in ringkas}
    assert bantu.potret(folder) == sesudah
    assert "Tidak ada perubahan" in h2.ringkasan()

    # data baru terbaca dengan ejaan data/
    ppks = data.muat("ppks_pas", folder)
    p26 = ppks[(ppks["tahun"] == 2026) & ppks["ada"]]
    assert int(p26["terdata"].sum()) == sum(t for t, _ in isian["ppks"])
    assert (folder / "ppks_pas.csv").read_text(encoding="utf-8").splitlines()[-1] == \
        "2026,Tahunan,12,FAKIR MISKIN,Fakir Miskin,38.228,34.405,Perlindungan dan Jaminan Sosial"
    assert (folder / "spm_realisasi.csv").read_text().splitlines()[-5] == (  # gaya nomor "1." dipertahankan, teks Tabel 4.3
        "2026,1.,Rehabilitasi sosial dasar penyandang disabilitas terlantar di luar panti,Jumlah Warga Negara penyandang "
        "disabilitas yang memperoleh rehabilitasi sosial di luar panti,48,100 %,100 %")
    assert (folder / "aset.csv").read_text().splitlines()[-14] == '2026,1,TANAH,TANAH,"287.994.500,00"'
    assert (folder / "spm_mutu.csv").read_text() == "tahun,no,mutu\n" + "".join(f"2026,{n},90 %\n" for n in range(1, 6))


@pytest.mark.parametrize(
    "kode, capaian, kategori",
    [
        ("IKU-02", 62.5 / 60 * 100, "Sangat Tinggi"),  # nilai SAKIP 62,5 terhadap target 60 (Tabel 4.1)
        ("IKK-01", 90.0, "Tinggi"),  # 90 terhadap 100 (Tabel 4.2)
        ("IKK-13", 90.0, "Tinggi"),  # 63 terhadap 70
        ("IKK-14", 90.0, "Tinggi"),  # 1,35 terhadap 1,5
        ("IKK-19", 48 / 46 * 100, "Sangat Tinggi"),  # penerima 48 terhadap target 46 (Tabel 4.3)
        ("IKK-23", 202 / 200 * 100, "Sangat Tinggi"),
    ],
)
def test_capaian_setelah_impor(folder, terisi, kode, capaian, kategori):
    jalur, _ = terisi
    impor.impor(jalur, folder=folder)
    e = kinerja.evaluasi_indikator(2026).set_index("kode")
    assert e.loc[kode, "capaian"] == pytest.approx(capaian)
    assert e.loc[kode, "kategori"] == kategori


def test_capaian_ppks_dan_spm_setelah_impor(folder, terisi):
    from analisis.chapters import evaluasi_iku_ikk_spm as evaluasi_kinerja

    jalur, isian = terisi
    impor.impor(jalur, folder=folder)
    terdata = sum(t for t, _ in isian["ppks"])
    tertangani = sum(t for _, t in isian["ppks"])
    e = kinerja.evaluasi_indikator(2026).set_index("kode")
    assert e.loc["IKU-01", "capaian"] == pytest.approx(tertangani / terdata * 100)
    assert e.loc["IKU-02", "predikat"] == "B"  # 62,5 > 60 (PermenPANRB 88/2021)
    spm = evaluasi_kinerja.evaluasi_spm(2026).set_index("no")
    assert spm["indeks"].tolist() == pytest.approx([98.0] * 5)  # 0,8 × 100 + 0,2 × 90
    assert set(spm["kategori"]) == {"Tuntas Utama"}
    assert spm.loc[1, "penerima"] == 48


def test_triwulan_dievaluasi_terhadap_target_tahunan(folder, tmp_path, bantu):
    """IKK rasio diisi pembilang dan penyebut yang disebut DO-nya (IKK-13: Σ kecamatan yang melaksanakan pengelolaan
    dan pendataan data fakir miskin / Σ kecamatan di kabupaten): 4 / 10 × 100 = 40 %, dihitung core.rumus saat impor;
    realisasi s.d. Triwulan II dibandingkan dengan target tahunan (narasi 2.4 sumber)."""
    from analisis.chapters import evaluasi_iku_ikk_spm as evaluasi_kinerja

    jalur = xlsx.buat_templat(2026, "Triwulan II", keluaran=tmp_path / "tw2.xlsx", folder=folder)
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi IKU-IKK"]
    c_kode, c_pb, c_py = bantu.kolom(ws, "Kode"), bantu.kolom(ws, "Pembilang"), bantu.kolom(ws, "Penyebut")
    for r in bantu.baris_data(ws):
        if ws.cell(r, c_kode).value == "IKK-13":  # 4 dari 10 kecamatan (DO IKK 13) = 40 %
            ws.cell(r, c_pb).value, ws.cell(r, c_py).value = 4, 10
    wb.save(jalur)
    h = impor.impor(jalur, folder=folder)
    assert [(p.berkas, len(p.ditambah)) for p in h.perubahan if p.diisi] == [("realisasi.csv", 1)]
    assert (folder / "realisasi.csv").read_text().splitlines()[-1] == "IKK-13,2026,Triwulan II,40,4,10,"
    e = evaluasi_kinerja.evaluasi_ikk(2026, "Triwulan II").set_index("kode")
    assert e.loc["IKK-13", "capaian"] == pytest.approx(40 / 70 * 100)  # 40 terhadap target tahunan 70
    w = evaluasi_kinerja.peringatan_dini(2026, "Triwulan II").set_index("kode")
    assert w.loc["IKK-13", "alasan"] == "realisasi s.d. Triwulan II 2026 sebesar 40 % masih di bawah target tahunan 70 %"


def test_perubahan_nilai_ditampilkan(folder, terisi, bantu):
    jalur, _ = terisi
    impor.impor(jalur, folder=folder)
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi IKU-IKK"]
    c_kode, c_pb = bantu.kolom(ws, "Kode"), bantu.kolom(ws, "Pembilang")
    for r in bantu.baris_data(ws):
        if ws.cell(r, c_kode).value == "IKK-01":
            ws.cell(r, c_pb).value = 95.5  # penyebut tetap 100
    wb.save(jalur)
    h = impor.impor(jalur, folder=folder, coba=True)
    real = next(p for p in h.perubahan if p.berkas == "realisasi.csv")
    assert (len(real.ditambah), len(real.diubah), real.tetap) == (0, 1, 17)
    assert real.diubah == [("IKK-01 | 2026 | Tahunan", {"realisasi": ("90", "95,5"), "pembilang": ("90", "95,5")})]
    assert "~ IKK-01 | 2026 | Tahunan: realisasi 90 → 95,5" in h.ringkasan()


# ----------------------------------------------------------------------------
# buku kerja rusak: ditolak dengan pesan yang tepat, data/ tidak berubah sebita pun


def _teks_di_angka(bantu, wb):
    ws = wb["PPKS per PAS"]
    ws.cell(6, bantu.kolom(ws, "Terdata (jiwa)")).value = "empat puluh"


def _tertangani_di_atas_terdata(bantu, wb):
    ws = wb["PPKS per PAS"]
    ws.cell(7, bantu.kolom(ws, "Terdata (jiwa)")).value = 5
    ws.cell(7, bantu.kolom(ws, "Tertangani (jiwa)")).value = 9


def _lembar_hilang(bantu, wb):
    del wb["SAKIP"]


def _kolom_diganti_nama(bantu, wb):
    ws = wb["PSKS"]
    ws.cell(xlsx.BARIS_JUDUL_KOLOM, bantu.kolom(ws, "Jumlah")).value = "Jumlah PSKS"


def _realisasi_negatif(bantu, wb):
    ws = wb["Realisasi IKU-IKK"]
    ws.cell(bantu.cari_baris(ws, "Kode", "IKK-05"), bantu.kolom(ws, "Pembilang")).value = -3


def _baris_terhitung_diisi(bantu, wb):
    ws = wb["Realisasi IKU-IKK"]
    ws.cell(bantu.cari_baris(ws, "Kode", "IKU-01"), bantu.kolom(ws, "Realisasi")).value = 97


def _bersertifikat_di_atas_jumlah(bantu, wb):
    ws = wb["PSKS"]
    r = bantu.cari_baris(ws, "Jenis PSKS", "Karang taruna")
    ws.cell(r, bantu.kolom(ws, "Bersertifikat / terakreditasi")).value = 100


def _nilai_sakip_di_atas_100(bantu, wb):
    ws = wb["SAKIP"]
    ws.cell(xlsx.BARIS_DATA, bantu.kolom(ws, "Nilai SAKIP")).value = 101


def _mutu_spm_teks(bantu, wb):
    ws = wb["SPM Mutu"]
    ws.cell(xlsx.BARIS_DATA + 2, bantu.kolom(ws, "Mutu layanan (%)")).value = "sembilan puluh"


def _bukan_templat(bantu, wb):
    del wb[xlsx.LEMBAR_META]


@pytest.mark.parametrize(
    "rusak, pesan",
    [
        (_teks_di_angka, "lembar 'PPKS per PAS', baris 6, kolom 'Terdata (jiwa) [H]', nilai 'empat puluh': "
                         "bukan bilangan berformat Indonesia"),
        (_tertangani_di_atas_terdata, "lembar 'PPKS per PAS', baris 7, kolom 'Terdata (jiwa) [H], Tertangani (jiwa) [I]', "
                                      "nilai 'terdata=5, tertangani=9': tertangani tidak boleh melebihi terdata"),
        (_lembar_hilang, "lembar 'SAKIP': lembar tidak ditemukan di buku kerja (dihapus atau diganti nama?)"),
        (_kolom_diganti_nama, "lembar 'PSKS', baris 4, kolom 'Jumlah': kolom tidak ditemukan di baris judul (diganti nama atau dihapus?)"),
        (_kolom_diganti_nama, "lembar 'PSKS', baris 4, kolom 'F', nilai 'Jumlah PSKS': judul kolom tidak dikenal"),
        (_realisasi_negatif, "lembar 'Realisasi IKU-IKK', baris 11, kolom 'Pembilang [K]', nilai '-3': harus ≥ 0"),
        (_baris_terhitung_diisi, "lembar 'Realisasi IKU-IKK', baris 5, kolom 'Realisasi [N]', nilai '97': realisasi IKU-01 "
                                 "tidak diisi di lembar ini: Dihitung dari lembar 'PPKS per PAS'"),
        (_bersertifikat_di_atas_jumlah, "lembar 'PSKS', baris 9, kolom 'Jumlah [F], Bersertifikat / terakreditasi [G]', "
                                        "nilai 'jumlah=57, bersertifikat=100': bersertifikat tidak boleh melebihi jumlah"),
        (_nilai_sakip_di_atas_100, "lembar 'SAKIP', baris 5, kolom 'Nilai SAKIP [E]', nilai '101': harus ≤ 100"),
        (_mutu_spm_teks, "lembar 'SPM Mutu', baris 7, kolom 'Mutu layanan (%) [E]', nilai 'sembilan puluh': bukan bilangan"),
        (_bukan_templat, "bukan templat realisasi: lembar tersembunyi '_templat' tidak ada"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_buku_kerja_rusak_ditolak_tanpa_mengubah_data(folder, terisi, rusak, pesan, bantu):
    jalur, _ = terisi
    wb = openpyxl.load_workbook(jalur)
    rusak(bantu, wb)
    wb.save(jalur)
    sebelum = bantu.potret(folder)
    with pytest.raises(KesalahanData) as e:
        impor.impor(jalur, folder=folder)
    assert pesan in str(e.value)
    assert bantu.potret(folder) == sebelum
    with pytest.raises(KesalahanData):
        impor.impor(jalur, folder=folder, coba=True)
    assert bantu.potret(folder) == sebelum


def test_semua_kesalahan_dilaporkan_sekaligus(folder, terisi, bantu):
    jalur, _ = terisi
    wb = openpyxl.load_workbook(jalur)
    _teks_di_angka(bantu, wb)
    _realisasi_negatif(bantu, wb)
    _lembar_hilang(bantu, wb)
    wb.save(jalur)
    with pytest.raises(KesalahanData) as e:
        impor.impor(jalur, folder=folder)
    lembar = {p.berkas for p in e.value.pelanggaran}
    assert lembar == {"lembar 'PPKS per PAS'", "lembar 'Realisasi IKU-IKK'", "lembar 'SAKIP'"}


def test_pelanggaran_antar_berkas_ditolak(folder, tmp_path, bantu):
    """PPKS per PAS 2024 Tahunan bertabrakan dengan rekap 2024 (ppks_rekap.csv): diperiksa pada data gabungan."""
    jalur = xlsx.buat_templat(2024, keluaran=tmp_path / "t2024.xlsx", folder=folder)
    wb = openpyxl.load_workbook(jalur)
    ws = wb["PPKS per PAS"]
    for r in bantu.baris_data(ws):
        for j in ("Terdata (jiwa)", "Tertangani (jiwa)"):
            ws.cell(r, bantu.kolom(ws, j)).value = 1
    wb.save(jalur)
    sebelum = bantu.potret(folder)
    with pytest.raises(KesalahanData) as e:
        impor.impor(jalur, folder=folder)
    assert "data/ppks_rekap.csv, baris 3, kolom 'tahun, periode', nilai '2024, Tahunan': periode ini sudah dirinci" in str(e.value)
    assert bantu.potret(folder) == sebelum


def test_bukan_xlsx_ditolak(folder, tmp_path):
    jalur = tmp_path / "isian.xlsx"
    jalur.write_text("bukan excel", encoding="utf-8")
    with pytest.raises(KesalahanData, match="bukan buku kerja Excel"):
        impor.impor(jalur, folder=folder)


def test_gagal_di_tengah_penggantian_dikembalikan(folder, terisi, monkeypatch, bantu):
    """Semua atau tidak sama sekali: bila os.replace gagal pada berkas ketiga, dua berkas pertama dikembalikan."""
    jalur, _ = terisi
    sebelum = bantu.potret(folder)
    asli = os.replace
    hitung = {"n": 0}

    def replace_gagal(a, b):
        hitung["n"] += 1
        if hitung["n"] == 3:
            raise OSError("disk penuh (simulasi)")
        return asli(a, b)

    monkeypatch.setattr(impor.os, "replace", replace_gagal)
    with pytest.raises(OSError, match="simulasi"):
        impor.impor(jalur, folder=folder)
    monkeypatch.setattr(impor.os, "replace", asli)
    assert bantu.potret(folder) == sebelum  # termasuk: tidak ada berkas sementara yang tertinggal


def test_berkas_berubah_sejak_diperiksa_ditolak(folder, terisi, bantu):
    jalur, _ = terisi
    rencana = impor.rencanakan(jalur, folder=folder)
    (folder / "lks.csv").write_text((folder / "lks.csv").read_text() + "2019,3\n", encoding="utf-8")
    sebelum = bantu.potret(folder)
    with pytest.raises(KesalahanData, match="berubah sejak isian diperiksa"):
        impor.terapkan(rencana)
    assert bantu.potret(folder) == sebelum


# ----------------------------------------------------------------------------
# ejaan sel → teks data/


@pytest.mark.parametrize(
    "nilai, jenis, teks",
    [
        (40241, "cacah", "40.241"),
        (40241.0, "cacah", "40.241"),
        (1906887580, "rupiah", "1.906.887.580,00"),
        (95.76, "bilangan", "95,76"),
        (1.35, "bilangan", "1,35"),
        (100, "persen", "100 %"),
        (7.08, "bilangan", "7,08"),
        ("40.241", "cacah", "40.241"),
        ("  tdk ada ", "cacah", "tdk ada"),
        (None, "cacah", ""),
        (2026, "tahun", "2026"),
    ],
)
def test_teks_sel(nilai, jenis, teks):
    assert impor.teks_sel(nilai, jenis) == teks


@pytest.mark.parametrize("nilai", [40241, 95.76, 1.35, 7.08, 0, 287994500, 0.1 + 0.2])
def test_teks_sel_dibaca_ulang_sama(nilai):
    from analisis.core.nilai import baca_bilangan

    assert baca_bilangan(impor.teks_sel(nilai, "bilangan")) == pytest.approx(nilai)


def test_cli_templat_dan_impor(folder, tmp_path, capsys):
    from analisis import cli

    keluaran = tmp_path / "cli.xlsx"
    assert cli.main(["templat", "--tahun", "2026", "--periode", "Triwulan III", "--keluaran", str(keluaran)]) == 0
    assert f"Ditulis: {keluaran}" in capsys.readouterr().out
    assert cli.main(["impor", str(keluaran), "--coba"]) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out
    wb = openpyxl.load_workbook(keluaran)
    del wb["SAKIP"]
    wb.save(keluaran)
    assert cli.main(["impor", str(keluaran)]) == 2
    assert "lembar 'SAKIP'" in capsys.readouterr().err


@pytest.mark.lambat
def test_buku_evaluasi_tahun_hasil_impor(folder, terisi, tmp_path):
    """Render bagian evaluasi IKK/SPM untuk tahun yang datanya baru diimpor."""
    import nbformat
    import papermill as pm

    jalur, _ = terisi
    impor.impor(jalur, folder=folder)
    keluar = tmp_path / "out.ipynb"
    pm.execute_notebook(str(AKAR / "notebooks" / "03_evaluasi_iku_ikk_spm.ipynb"), str(keluar), parameters={"tahun": 2026},
                        cwd=str(AKAR / "notebooks"), progress_bar=False)
    nb = nbformat.read(keluar, as_version=4)
    # sel eksplorasi (frame mentah untuk analis) tidak masuk dokumen
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", [])
                   if "eksplorasi" not in c.get("metadata", {}).get("tags", []))
    assert html.count("<table") >= 2  # tabel capaian IKK dan SPM (nomornya diberikan mesin dokumen, bukan bab)
    assert "90 %" in html  # capaian IKK-01 (90 terhadap 100)
    assert "98,00" in html and "Tuntas Utama" in html  # indeks SPM
    assert not re.search(r"(?<![\w.])(?:nan|None|inf)(?!\w)", re.sub(r"<svg.*?</svg>", "", html, flags=re.S))


@pytest.mark.parametrize(
    "pembilang, penyebut, pesan",
    [
        (None, 20, "IKK-13 dihitung dari pembilang dan penyebut (Definisi Operasional: Σ kecamatan yang melaksanakan "
                   "pengelolaan dan pendataan data fakir miskin / Σ kecamatan di kabupaten); isi keduanya"),
        (7, 0, "penyebut IKK-13 nol: realisasi tidak terdefinisi"),
        (21, 20, "pembilang IKK-13 melebihi penyebut"),
    ],
)
def test_rasio_tanpa_pembilang_atau_penyebut_ditolak(folder, tmp_path, bantu, pembilang, penyebut, pesan):
    jalur = xlsx.buat_templat(2026, "Triwulan II", keluaran=tmp_path / "tw2.xlsx", folder=folder)
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi IKU-IKK"]
    r = bantu.cari_baris(ws, "Kode", "IKK-13")
    ws.cell(r, bantu.kolom(ws, "Pembilang")).value = pembilang
    ws.cell(r, bantu.kolom(ws, "Penyebut")).value = penyebut
    wb.save(jalur)
    sebelum = (folder / "realisasi.csv").read_bytes()
    with pytest.raises(KesalahanData) as e:
        impor.impor(jalur, folder=folder)
    assert pesan in str(e.value)
    assert (folder / "realisasi.csv").read_bytes() == sebelum
