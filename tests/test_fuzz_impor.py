"""Buku kerja isian yang dirusak acak: setiap kasus berakhir sah atau ditolak utuh, data/ tidak tersentuh.

Dasar setiap kasus adalah templat 2026 yang diisi penuh (sah). Hypothesis lalu
mengganti beberapa sel, baik sel isian maupun sel yang dikunci (judul kolom,
kode indikator, metadata), dengan nilai rusak: teks, angka raksasa, negatif,
NaN, rumus, markup, kosong. Yang diuji:

- :func:`analisis.input.impor.impor` hanya pernah berakhir dengan hasil atau
  :class:`~analisis.core.kesalahan.KesalahanData` yang setiap pelanggarannya
  menyebut lembar dan aturan, tidak pernah dengan pengecualian lain;
- bila ditolak, setiap berkas di ``data/`` sama byte demi byte dan tidak ada
  berkas sementara yang tertinggal;
- bila diterima, ``data/`` hasilnya lolos validasi skema lengkap.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import IllegalCharacterError
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analisis.core import data
from analisis.input import impor, xlsx
from analisis.core.kesalahan import KesalahanData

AKAR = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.lambat

NILAI_RUSAK = st.one_of(
    st.sampled_from([
        None, "", " ", "tdk ada", "-", "empat puluh", "40.241", "95,76 %", "1e309", "NaN", "inf", "-0",
        "=1/0", "=SUM(A1:A9)", "<script>alert(1)</script>", "\x00", "\ufeff12", "9" * 40,
    ]),
    st.integers(min_value=-10**15, max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
)


@pytest.fixture(scope="module")
def dasar(tmp_path_factory, bantu) -> tuple[Path, Path, dict[str, list[tuple[int, int]]]]:
    """(data asli tersalin, templat terisi penuh, sel yang boleh dirusak per lembar)."""
    mp = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("fuzz_impor") / "data"
    shutil.copytree(AKAR / "data", folder)
    mp.setenv("IKU_DATA", str(folder))
    try:
        jalur = xlsx.buat_templat(2026, keluaran=folder.parent / "isian.xlsx", folder=folder)
        bantu.isi_penuh(jalur)
    finally:
        mp.undo()
    wb = openpyxl.load_workbook(jalur)
    sel = {
        ws.title: [(c.row, c.column) for baris in ws.iter_rows(min_row=1, max_row=ws.max_row) for c in baris]
        for ws in wb.worksheets
        if ws.title != xlsx.LEMBAR_PETUNJUK
    }
    return folder, jalur, sel


@st.composite
def kerusakan(draw, sel: dict[str, list[tuple[int, int]]]):
    lembar = sorted(sel)
    hasil = []
    for _ in range(draw(st.integers(1, 4))):
        nama = draw(st.sampled_from(lembar))
        baris, kolom = draw(st.sampled_from(sel[nama]))
        hasil.append((nama, baris, kolom, draw(NILAI_RUSAK)))
    return hasil


def _kasus_tetap(templat: Path, bantu) -> list[list[tuple[str, int, int, object]]]:
    """Kerusakan yang selalu diuji, di samping yang diacak: angka tercetak dokumen sumber diketik
    sebagai teks (Tabel 2.5: 40.241; capaian IKU 1 tahun 2024: 95,76 %), judul kolom dan kode
    indikator yang dikunci diubah, NaN dan rumus di sel angka."""
    wb = openpyxl.load_workbook(templat)
    r = xlsx.BARIS_DATA
    ppks, real, sakip, aset = wb["PPKS per PAS"], wb["Realisasi IKU-IKK"], wb["SAKIP"], wb["Aset"]
    return [
        [("PPKS per PAS", r, bantu.kolom(ppks, "Terdata (jiwa)"), "40.241")],
        [("Realisasi IKU-IKK", bantu.cari_baris(real, "Kode", "IKU-01"), bantu.kolom(real, "Pembilang"), "95,76 %")],
        [("PPKS per PAS", xlsx.BARIS_JUDUL_KOLOM, bantu.kolom(ppks, "Tertangani (jiwa)"), "Tertangani")],
        [("Realisasi IKU-IKK", r, bantu.kolom(real, "Kode"), "IKU-99")],
        [("SAKIP", r, bantu.kolom(sakip, "Nilai SAKIP"), float("nan"))],
        [("Aset", r, bantu.kolom(aset, "Nilai (Rp)"), "=1/0"), ("PPKS per PAS", r + 1, bantu.kolom(ppks, "Terdata (jiwa)"), -1)],
    ]


def test_buku_kerja_dirusak_acak(dasar, tmp_path_factory, bantu):
    folder_asli, templat, sel = dasar

    # 8 kerusakan acak ditambah kasus tetap (:func:`_kasus_tetap`): setiap kasus mengimpor buku kerja
    # lengkap (±1 s), jadi jumlahnya dijaga kecil; nilai rusak dokumen sumber selalu ikut lewat kasus tetap.
    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
    @given(rusak=kerusakan(sel))
    def kasus(rusak):
        kerja = tmp_path_factory.mktemp("kasus")
        folder = kerja / "data"
        shutil.copytree(folder_asli, folder)
        wb = openpyxl.load_workbook(templat)
        for nama, baris, kolom, nilai in rusak:
            try:
                wb[nama].cell(baris, kolom).value = nilai
            except (ValueError, TypeError, IllegalCharacterError):
                return  # openpyxl sendiri menolak nilai itu: bidang tidak dapat menyimpannya
        berkas = kerja / "isian.xlsx"
        wb.save(berkas)
        sebelum = bantu.potret(folder)
        try:
            impor.impor(berkas, folder=folder)
        except KesalahanData as e:
            assert e.pelanggaran
            for p in e.pelanggaran:
                assert p.aturan and p.berkas
            assert bantu.potret(folder) == sebelum, "impor yang ditolak mengubah data/"
            return
        # diterima: data/ yang baru sah seluruhnya, tanpa berkas sementara
        assert data.periksa_semua(folder) == []
        assert set(bantu.potret(folder)) == set(sebelum)

    for tetap in _kasus_tetap(templat, bantu):
        kasus = example(rusak=tetap)(kasus)
    kasus()


def test_berkas_bukan_xlsx_acak(dasar, tmp_path_factory, bantu):
    folder_asli, _, _ = dasar

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(isi=st.one_of(st.binary(max_size=300), st.just(b"PK\x03\x04" + b"\x00" * 60)))
    def kasus(isi):
        kerja = tmp_path_factory.mktemp("acak")
        berkas = kerja / "isian.xlsx"
        berkas.write_bytes(isi)
        sebelum = bantu.potret(folder_asli)
        with pytest.raises(KesalahanData):
            impor.impor(berkas, folder=folder_asli)
        assert bantu.potret(folder_asli) == sebelum

    kasus()
