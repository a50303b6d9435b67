"""Register keputusan, angka resmi dan dua edisi (issue 12): angka tercetak tetap, kecuali diputuskan lain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analisis.core import resmi
from analisis.document import edisi
from analisis.presentation.tabel import Tabel, reviu_saja

AKAR = Path(__file__).resolve().parents[1]


@pytest.fixture()
def data_salinan(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(AKAR / "data", folder)
    monkeypatch.setenv("IKU_DATA", str(folder))
    return folder


def _putuskan(folder: Path, kode: str, tampil: str, nilai: str = "") -> None:
    jalur = folder / "keputusan_temuan.csv"
    df = pd.read_csv(jalur, dtype=str, keep_default_na=False)
    df.loc[df["kode"] == kode, ["tampil", "nilai"]] = [tampil, nilai]
    df.to_csv(jalur, index=False)


def test_tanpa_keputusan_lain_angka_tercetak_yang_tampil():
    assert resmi.nilai("JUMLAH-ASN-PNS", 21, tahun=2025).nilai == 22
    assert resmi.nilai("JUMLAH-ASET-SUBTOTAL-5", 12_430_000, tahun=2025).nilai == 484_557_500
    assert resmi.nilai("JUMLAH-ASET-TOTAL", 11_079_039_430, tahun=2025).nilai == 11_266_644_930
    assert resmi.nilai("KATEGORI-SPM-2024-1", "Tuntas Madya", tahun=2025).nilai == "Tuntas Pratama"
    assert resmi.nilai("PENURUNAN-PPKS-2024-PERSEN", 12.51, tahun=2025).nilai == 16.22
    assert resmi.nilai("PENURUNAN-PPKS-2024-JIWA", 6255, tahun=2025).nilai == 8108


def test_keputusan_diubah_mengubah_angka(data_salinan):
    _putuskan(data_salinan, "JUMLAH-ASN-PNS", "dihitung")
    n = resmi.nilai("JUMLAH-ASN-PNS", 21, tahun=2025, folder=data_salinan)
    assert n.nilai == 21 and n.keputusan["tampil"] == "dihitung"
    _putuskan(data_salinan, "JUMLAH-ASN-PNS", "nilai", "23")
    assert resmi.nilai("JUMLAH-ASN-PNS", 21, tahun=2025, folder=data_salinan).nilai == 23


def test_temuan_tanpa_keputusan_menghentikan_final(data_salinan):
    assert resmi.syarat_final(2025, folder=data_salinan) == []
    df = pd.read_csv(data_salinan / "keputusan_temuan.csv", dtype=str, keep_default_na=False)
    df[df["kode"] != "JUMLAH-ASET-TOTAL"].to_csv(data_salinan / "keputusan_temuan.csv", index=False)
    kurang = resmi.syarat_final(2025, folder=data_salinan)
    assert len(kurang) == 1 and "JUMLAH-ASET-TOTAL" in kurang[0] and "keputusan_temuan.csv" in kurang[0]
    # tanpa keputusan: tetap angka tercetak, ditandai
    n = resmi.nilai("JUMLAH-ASET-TOTAL", 11_079_039_430, tahun=2025, folder=data_salinan)
    assert n.nilai == 11_266_644_930 and n.keputusan is None


def test_syarat_final_tahun_tanpa_tanggal():
    kurang = resmi.syarat_final(2026)
    assert any("tanggal dokumen tahun 2026" in k for k in kurang)


def test_register_menolak_tanggal_mustahil(data_salinan):
    from analisis.core import data
    from analisis.core.kesalahan import KesalahanData

    jalur = data_salinan / "keputusan_temuan.csv"
    jalur.write_text(jalur.read_text(encoding="utf-8").replace("2025-09-22", "2025-02-30", 1), encoding="utf-8")
    with pytest.raises(KesalahanData) as e:
        data.muat("keputusan_temuan", data_salinan)
    assert "keputusan_temuan.csv" in str(e.value) and "kalender" in str(e.value)


def test_tabel_menandai_sel_bertemuan_dan_final_membersihkan():
    n = resmi.nilai("JUMLAH-ASN-PNS", 21, tahun=2025)
    t = Tabel(pd.DataFrame({"jabatan": ["JUMLAH"], "pns": [n.nilai]}), judul="ASN", label="asn",
              temuan={(0, "pns"): n}).fmt_angka("pns")
    reviu = t.html() + reviu_saja("Masukan tahun 2026 belum diisi.")
    assert 'data-kode="JUMLAH-ASN-PNS"' in reviu and ">22<a" in reviu and "dihitung 21" in reviu
    final = edisi.untuk_edisi(reviu, "final")
    assert "JUMLAH-ASN-PNS" not in final and "temuan" not in final and "belum diisi" not in final
    assert '<td class="rata-kanan">22</td>' in final
    assert edisi.kode_temuan(reviu) == ["JUMLAH-ASN-PNS"]
