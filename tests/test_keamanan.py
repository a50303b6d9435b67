"""Masukan bermusuhan: markup di data/ tampil sebagai teks di dokumen, tidak pernah dijalankan."""

from __future__ import annotations

import csv
import io

import pytest
import yaml

from analisis import render

pytestmark = pytest.mark.lambat

SISIPAN = {
    "instansi": "<script>alert('instansi')</script>",
    "ppks": "<b>Balita</b> terlantar",
    "dasar_hukum": "<img src=x onerror=alert(1)>",
    "teks": "<script>alert('teks')</script>",
    "pohon": "<svg onload=alert(3)>",
    "indikator": "<i>miring</i>",
}


def _ganti_sel(jalur, kolom, baris_ke, nilai):
    baris = list(csv.reader(io.StringIO(jalur.read_text(encoding="utf-8"), newline="")))
    i = baris[0].index(kolom)
    baris[baris_ke][i] = nilai
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(baris)
    jalur.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def html_bermusuhan(tmp_path_factory, request):
    import shutil
    from pathlib import Path

    akar = Path(__file__).resolve().parents[1]
    data = tmp_path_factory.mktemp("data_musuh") / "data"
    shutil.copytree(akar / "data", data)
    ins = yaml.safe_load((data / "instansi.yaml").read_text(encoding="utf-8"))
    ins["nama_lengkap"] = ins["nama_lengkap"] + " " + SISIPAN["instansi"]
    (data / "instansi.yaml").write_text(yaml.safe_dump(ins, allow_unicode=True), encoding="utf-8")
    _ganti_sel(data / "ppks_pas.csv", "jenis", 1, SISIPAN["ppks"])
    _ganti_sel(data / "dasar_hukum.csv", "teks", 1, SISIPAN["dasar_hukum"])
    _ganti_sel(data / "pohon_kinerja.csv", "uraian", 1, SISIPAN["pohon"])
    _ganti_sel(data / "indikator.csv", "nama", 1, SISIPAN["indikator"])
    lb = data / "teks" / "latar_belakang.md"
    lb.write_text(lb.read_text(encoding="utf-8") + "\n\n" + SISIPAN["teks"] + "\n", encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("IKU_DATA", str(data))
    try:
        hasil = render.render_tahun(2025, format=("html",), akar_keluaran=tmp_path_factory.mktemp("rendered"))
    finally:
        mp.undo()
    return hasil.html.read_text(encoding="utf-8")


@pytest.mark.parametrize("kunci", sorted(SISIPAN))
def test_markup_tidak_menjadi_elemen(html_bermusuhan, kunci):
    mentah = SISIPAN[kunci]
    assert mentah not in html_bermusuhan, f"markup dari {kunci} masuk ke HTML tanpa di-escape"


@pytest.mark.parametrize("kunci", ["instansi", "ppks", "dasar_hukum", "teks", "indikator"])
def test_markup_tampil_sebagai_teks(html_bermusuhan, kunci):
    tag = SISIPAN[kunci].split(">")[0].lstrip("<").split(" ")[0]
    assert f"&lt;{tag}" in html_bermusuhan, f"teks {kunci} tidak tampil"


def test_tidak_ada_skrip_sama_sekali(html_bermusuhan):
    rendah = html_bermusuhan.lower()
    assert "<script" not in rendah
    assert "onerror=" not in rendah.replace("onerror=alert(1)&gt;", "")
    assert "<svg onload" not in rendah
