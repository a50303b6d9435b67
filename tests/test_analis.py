"""Ruang kerja analis (issue 11, kriteria selesai).

"Analis yang mengenal pandas membuka bab mana pun, melihat frame-nya, menambah
kolom dan grafik di buku, lalu menemukannya — bernomor benar — di dokumen yang
dirender, tanpa menyentuh src/."

Tes ini melakukannya pada salinan proyek: buku ``02_gambaran_umum`` diubah
lewat nbformat (sel baru sesudah tabel PPKS: kolom baru di frame
``tabel.df``, tabel baru berlabel, grafik baru dengan
``presentation.grafik.subplots()`` + ``Gambar(label=...)``, dan paragraf
Markdown yang merujuk ``@gambar:grafik-baru`` / ``@tabel:baru``), lalu
``iku render --tahun 2025 --format html`` dijalankan, dan HTML-nya diperiksa:
judul kolom baru dan angkanya (JUMLAH: 42.583 terdata − 35.005 tertangani =
7.578, Tabel 2.5 sumber Triwulan I 2025), nomor "Tabel 2.N"/"Gambar 2.N"
berurutan dengan gambar sesudahnya bergeser satu, dan rujukan yang terisi
nomor itu.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

AKAR = Path(__file__).resolve().parents[1]
BUKU = "02_gambaran_umum.ipynb"

SEL_TABEL = '''\
# analis: kolom baru di frame tabel PPKS, disajikan sebagai tabel baru
from analisis.presentation.tabel import Kol, Tabel
tabel = bab.tabel_ppks_pas(pas, tahun, periode)
df = tabel.df.assign(belum_tertangani=tabel.df["terdata"] - tabel.df["tertangani"])
display(Tabel(df, judul="PPKS yang belum tertangani per PAS", label="baru", baris_kelas=tabel.baris_kelas,
              kolom=tabel.kolom[:5] + [Kol("belum_tertangani", "Belum Tertangani", "angka")]))
'''

SEL_GRAFIK = '''\
# analis: grafik baru dari frame yang sama
from analisis.presentation import grafik
isi = df[df["kelas"] != "jumlah"]
fig, ax = grafik.subplots(figsize=(6, 3))
ax.bar(isi["jenis"].astype(str), isi["belum_tertangani"].astype(float).fillna(0))
ax.tick_params(axis="x", labelrotation=90)
display(grafik.Gambar(fig, judul="PPKS belum tertangani per jenis", label="grafik-baru"))
'''

SEL_NARASI = "Selisih PPKS terdata dan tertangani per jenis tampak pada @gambar:grafik-baru (angkanya pada @tabel:baru)."


def _proyek(tmp: Path) -> Path:
    """Salinan proyek (data/, parameters/, notebooks/) dengan satu bab: 02_gambaran_umum."""
    akar = tmp / "proyek"
    shutil.copytree(AKAR / "data", akar / "data", ignore=shutil.ignore_patterns(".impor-*"))
    shutil.copytree(AKAR / "parameters", akar / "parameters")
    (akar / "notebooks").mkdir()
    shutil.copy(AKAR / "notebooks" / BUKU, akar / "notebooks" / BUKU)
    return akar


def _sisipkan(jalur: Path) -> None:
    """Sisipkan sel analis sesudah sel yang menampilkan Tabel PPKS (tabel_ppks_pas) tanpa menyentuh sel lain."""
    nb = nbformat.read(jalur, as_version=4)
    posisi = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "bab.tabel_ppks_pas(" in c.source)
    baru = [nbformat.v4.new_code_cell(SEL_TABEL), nbformat.v4.new_code_cell(SEL_GRAFIK),
            nbformat.v4.new_markdown_cell(SEL_NARASI)]
    for n, sel in enumerate(baru):
        sel.id = f"analis-{n}"
    nb.cells[posisi + 1:posisi + 1] = baru
    nbformat.write(nb, jalur)


def _nomor(html: str, jenis: str) -> list[tuple[str, str]]:
    """(label, nomor) setiap keterangan tabel/gambar berlabel menurut urutan dokumen."""
    return re.findall(rf'<span class="nomor" data-jenis="{jenis}" data-label="([^"]+)" data-nomor="([^"]+)">', html)


@pytest.mark.lambat
def test_analis_menambah_kolom_dan_grafik_di_buku(tmp_path):
    akar = _proyek(tmp_path)
    _sisipkan(akar / "notebooks" / BUKU)
    env = dict(os.environ, IKU_ROOT=str(akar), IKU_RENDERED=str(tmp_path / "rendered"))
    hasil = subprocess.run([str(Path(sys.executable).parent / "iku"), "render", "--tahun", "2025", "--format", "html",
                            "--edisi", "reviu", "--jobs", "1"], cwd=akar, env=env, capture_output=True, text=True,
                           timeout=900)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    html = (tmp_path / "rendered" / "2025" / "IKU-2025-reviu.html").read_text(encoding="utf-8")

    # tabel baru: kolom baru dengan angka dari frame (JUMLAH 42.583 − 35.005)
    tabel = re.search(r'<table[^>]*id="tabel-baru".*?</table>', html, re.S).group(0)
    assert re.search(r"<th[^>]*>Belum Tertangani</th>", tabel)
    jumlah = re.search(r'<tr class="jumlah">(.*?)</tr>', tabel, re.S).group(1)
    assert ">42.583<" in jumlah and ">35.005<" in jumlah and ">7.578<" in jumlah
    assert ">34.946<" in tabel and ">5.295<" in tabel  # Fakir Miskin: 40.241 − 34.946

    # nomor: berurutan per BAB, tabel/gambar baru tepat sesudah tabel/gambar PPKS, yang sesudahnya bergeser satu
    for jenis, sebelum, baru in (("tabel", "ppks-pas", "baru"), ("gambar", "ppks-pas", "grafik-baru")):
        daftar = _nomor(html, jenis)
        label = [l for l, _ in daftar]
        assert [n for _, n in daftar] == [f"2.{i}" for i in range(1, len(daftar) + 1)], daftar
        i = label.index(baru)
        assert label[i - 1].startswith(sebelum), daftar
        assert i + 1 < len(label), f"tidak ada {jenis} sesudah {baru}: {daftar}"
    gambar = dict(_nomor(html, "gambar"))
    tabel_no = dict(_nomor(html, "tabel"))
    assert gambar["lks"] == f"2.{int(gambar['grafik-baru'].split('.')[1]) + 1}"
    assert re.search(rf'id="gambar-grafik-baru".*?<span class="nomor"[^>]*>Gambar {re.escape(gambar["grafik-baru"])}</span>'
                     r" PPKS belum tertangani per jenis", html, re.S)
    assert "<svg" in html.split('id="gambar-grafik-baru"')[1][:200]

    # narasi Markdown: token @gambar:/@tabel: menjadi tautan bernomor
    narasi = re.search(r"<p>Selisih PPKS terdata dan tertangani.*?</p>", html, re.S).group(0)
    assert (f'<a class="rujukan" href="#gambar-grafik-baru" data-jenis="gambar" data-label="grafik-baru">'
            f'Gambar {gambar["grafik-baru"]}</a>') in narasi
    assert f'href="#tabel-baru" data-jenis="tabel" data-label="baru">Tabel {tabel_no["baru"]}</a>' in narasi
    assert "@gambar:" not in html and "@tabel:" not in html

    # src/ tidak disentuh: tes hanya mengubah salinan buku
    assert "bab.tabel_ppks_pas(" in (AKAR / "notebooks" / BUKU).read_text(encoding="utf-8")
    assert "grafik-baru" not in (AKAR / "notebooks" / BUKU).read_text(encoding="utf-8")
