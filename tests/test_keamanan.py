"""Masukan bermusuhan: markup di data/ tampil sebagai teks di dokumen, tidak pernah dijalankan."""

from __future__ import annotations

import csv
import io

import pytest
import yaml

from analisis.document import render

pytestmark = pytest.mark.lambat

SISIPAN = {
    "instansi": "<script>alert('instansi')</script>",
    "ppks": "<b>Balita</b> terlantar",
    "dasar_hukum": "<img src=x onerror=alert(1)>",
    "teks": "<script>alert('teks')</script>",
    "pohon": "<svg onload=alert(3)>",
    "indikator": "<i>miring</i>",
}


#: Tautan skrip di berkas narasi (isu 16.4): tidak satu pun boleh menjadi tautan di dokumen.
TAUTAN = ("[klik](javascript:alert(5)) [d](data:text/html;base64,PHNjcmlwdD4=) [v]( VBScript:msgbox(1) ) "
          "[e](java&#115;cript:alert(8)) [r][jahat] http://contoh.invalid/polos\n\n[jahat]: javascript:alert(12)")


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
    lb.write_text(lb.read_text(encoding="utf-8") + "\n\n" + SISIPAN["teks"] + "\n\n" + TAUTAN + "\n", encoding="utf-8")
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


def test_tidak_ada_tautan_skrip(html_bermusuhan):
    """Isu 16.4: href/src di dokumen hanya http(s), jangkar dokumen (#...) atau gambar tertanam proyek."""
    import re

    tujuan = re.findall(r"""\b(?:href|src|xlink:href|action|formaction)\s*=\s*["']?([^"'\s>]*)""", html_bermusuhan, flags=re.I)
    assert tujuan
    for t in tujuan:
        t = re.sub(r"[\s\x00-\x1f]", "", t).lower()
        assert not t.startswith(("javascript:", "vbscript:", "data:text")), t
    assert "contoh.invalid/polos\"" not in html_bermusuhan  # URL polos tidak dijadikan tautan


# ---------------------------------------------------------------------------
# Render yang dibunuh di tengah jalan


def _proyek_kecil(akar, tunda: str) -> None:
    """Salinan data/ dan parameters/ dengan dua buku kecil; buku kedua menunggu berkas ``tunda``."""
    import shutil
    from pathlib import Path

    import nbformat

    asal = Path(__file__).resolve().parents[1]
    shutil.copytree(asal / "data", akar / "data")
    shutil.copytree(asal / "parameters", akar / "parameters")
    (akar / "notebooks").mkdir()
    for nama, kode in (
        ("01_lks.ipynb", "from analisis.core import data\nprint(len(data.muat('lks')))"),
        ("02_tunda.ipynb", f"import os, time, pathlib\npathlib.Path({tunda!r}).touch()\n"
                           "while os.environ.get('IKU_UJI_TUNDA') == '1':\n    time.sleep(0.1)"),
    ):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        p = nbformat.v4.new_code_cell("tahun = 2025\nperiode = None")
        p.metadata["tags"] = ["parameters"]
        nb.cells = [p, nbformat.v4.new_markdown_cell(f"# BAB {nama[:2]}"), nbformat.v4.new_code_cell(kode)]
        nbformat.write(nb, akar / "notebooks" / nama)


def test_render_dibunuh_meninggalkan_dokumen_lama_utuh(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    akar = tmp_path / "proyek"
    tanda = tmp_path / "sedang-berjalan"
    _proyek_kecil(akar, str(tanda))
    env = {**os.environ, "IKU_ROOT": str(akar)}
    for v in ("IKU_DATA", "IKU_RENDERED", "IKU_UJI_TUNDA"):
        env.pop(v, None)
    perintah = [sys.executable, "-m", "analisis.cli", "render", "--tahun", "2025", "--format", "html"]
    subprocess.run(perintah, env=env, check=True, capture_output=True, timeout=300)
    html = akar / "rendered" / "2025" / "IKU-2025-reviu.html"
    lama = html.read_bytes()
    tanda.unlink()

    # render kedua (--paksa) dibunuh ketika bab kedua sedang berjalan
    proses = subprocess.Popen(perintah + ["--paksa"], env={**env, "IKU_UJI_TUNDA": "1"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        batas = time.monotonic() + 120
        while not tanda.exists():
            assert proses.poll() is None, proses.communicate()
            assert time.monotonic() < batas, "bab kedua tidak pernah mulai"
            time.sleep(0.1)
        # selama ia berjalan, render ketiga ditolak dengan pesan yang jelas
        ketiga = subprocess.run(perintah, env=env, capture_output=True, text=True, timeout=120)
        assert ketiga.returncode == 2 and "Render lain sedang berjalan" in ketiga.stderr
    finally:
        os.killpg(proses.pid, signal.SIGKILL)  # proses iku beserta kernelnya
        proses.communicate()
    assert html.read_bytes() == lama, "dokumen lama berubah oleh render yang dibunuh"

    # render berikutnya bekerja: kunci dilepas oleh matinya proses, sisa bangun tidak mengganggu
    hasil = subprocess.run(perintah + ["--paksa"], env=env, capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stderr
    assert html.read_bytes() != b"" and "BAB 02" in html.read_text(encoding="utf-8")
    assert not list((akar / "rendered").glob(".bangun-*"))
