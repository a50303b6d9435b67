"""Cache render: setiap jenis perubahan mengeksekusi ulang tepat bab yang terdampak.

Proyek palsu di folder sementara: salinan ``data/`` dan ``parameters/`` (2024,
2025) dan tiga buku kecil yang membaca berkas tertentu lewat
:mod:`analisis.core.data`:

- ``01_lks.ipynb`` membaca ``data/lks.csv``;
- ``02_penutup.ipynb`` membaca ``data/teks/penutup.md``;
- ``03_periode.ipynb`` tidak membaca data, hanya parameter yang disuntikkan.

Kernel sungguhan dijalankan (nbclient), jadi pelacakan berkas yang dibaca
diuji dari ujung ke ujung.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from analisis.document import cache, render

pytestmark = pytest.mark.lambat

AKAR = Path(__file__).resolve().parents[1]
BAB = ["01_lks.ipynb", "02_penutup.ipynb", "03_periode.ipynb"]


def _buku(kode: str, judul: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameter = nbformat.v4.new_code_cell("tahun = 2025\nperiode = None")
    parameter.metadata["tags"] = ["parameters"]
    nb.cells = [
        parameter,
        nbformat.v4.new_markdown_cell(f"# {judul}"),
        nbformat.v4.new_code_cell("from IPython.display import HTML, display\nfrom analisis.core import data\n" + kode),
    ]
    return nb


def _tulis_buku(folder: Path) -> None:
    folder.mkdir()
    nbformat.write(_buku(
        "df = data.muat('lks')\n"
        "jumlah = int(df.loc[df['tahun'] == tahun, 'jumlah'].sum())\n"
        "display(HTML(f'<p>LKS {tahun}: {jumlah}</p>'))",
        "BAB LKS",
    ), folder / BAB[0])
    nbformat.write(_buku(
        "teks = data.teks('penutup')\n"
        "display(HTML(f'<p>PENUTUP {tahun}: {teks.split()[0]}</p>'))",
        "BAB PENUTUP",
    ), folder / BAB[1])
    nbformat.write(_buku(
        "display(HTML(f'<p>PERIODE {tahun}: {periode}</p>'))",
        "BAB PERIODE",
    ), folder / BAB[2])


@pytest.fixture
def proyek(tmp_path, monkeypatch):
    akar = tmp_path / "proyek"
    shutil.copytree(AKAR / "data", akar / "data")
    (akar / "parameters").mkdir()
    for nama in ("base.yml", "2024.yml", "2025.yml"):
        shutil.copyfile(AKAR / "parameters" / nama, akar / "parameters" / nama)
    _tulis_buku(akar / "notebooks")
    monkeypatch.setenv("IKU_ROOT", str(akar))
    # Salinan paket: kernel mengimpornya (PYTHONPATH dari cache.FOLDER_KODE), dan
    # suntingan orang lain di src/ selama tes tidak mengubah kunci.
    kode = tmp_path / "src" / "analisis"
    shutil.copytree(cache.FOLDER_KODE, kode, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    monkeypatch.setattr(cache, "FOLDER_KODE", kode)
    monkeypatch.setattr(render, "TEMPLAT", kode / "document" / "templat")
    for var in ("IKU_DATA", "IKU_RENDERED", "IKU_KERNEL_SEGAR", "IKU_JEJAK"):
        monkeypatch.delenv(var, raising=False)

    kernel = []
    asli = render._Kernel.mulai

    def mulai(self):
        kernel.append(self.nomor)
        return asli(self)

    monkeypatch.setattr(render._Kernel, "mulai", mulai)
    return SimpleNamespace(akar=akar, data=akar / "data", parameters=akar / "parameters",
                           notebooks=akar / "notebooks", rendered=akar / "rendered", kernel=kernel, kode=kode)


def _render(p, tahun=2025, **kw):
    kw.setdefault("paralel", 1)
    return render.render_tahun(tahun, format=("html",), akar_keluaran=p.rendered, notebooks=p.notebooks, **kw)


def _semua(p, **kw):
    kw.setdefault("paralel", 2)
    hasil = render.render_semua(("html",), akar_keluaran=p.rendered, notebooks=p.notebooks, **kw)
    return {h.tahun: h for h in hasil}


def _ganti(jalur: Path, lama: str, baru: str) -> None:
    teks = jalur.read_text(encoding="utf-8")
    assert lama in teks, (jalur, lama)
    jalur.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def _dok(h) -> str:
    return h.html.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------


def test_render_kedua_tidak_mengeksekusi_apa_pun(proyek):
    pertama = _render(proyek)
    assert pertama.dieksekusi == BAB and pertama.dari_cache == [] and not pertama.dilewati
    assert {b.berkas: b.dari_cache for b in pertama.bab} == dict.fromkeys(BAB, False)
    dok = _dok(pertama)
    assert "LKS 2025: 9" in dok and "PENUTUP 2025: Dengan" in dok and "PERIODE 2025: Triwulan I" in dok
    # yang benar-benar dibaca setiap bab tercatat di manifest
    baca = {b: cache.baca_entri(proyek.rendered / "2025" / ".cache" / Path(b).stem).baca for b in BAB}
    assert "data/lks.csv" in baca[BAB[0]] and "data/teks/penutup.md" not in baca[BAB[0]]
    assert "data/teks/penutup.md" in baca[BAB[1]] and "data/lks.csv" not in baca[BAB[1]]
    assert not [t for t in baca[BAB[2]] if t.startswith("data/")]
    assert len(proyek.kernel) == 1

    isi = (proyek.rendered / "2025" / "IKU-2025-reviu.html").read_bytes()
    mtime = (proyek.rendered / "2025" / "IKU-2025-reviu.html").stat().st_mtime_ns
    kedua = _render(proyek, paralel=4)
    assert kedua.dieksekusi == [] and kedua.dari_cache == BAB and kedua.dilewati
    assert len(proyek.kernel) == 1, "render tanpa perubahan tidak boleh memulai kernel"
    assert kedua.html.read_bytes() == isi and kedua.html.stat().st_mtime_ns == mtime
    assert [b.judul for b in kedua.bab] == [["BAB LKS"], ["BAB PENUTUP"], ["BAB PERIODE"]]

    # hanya waktu ubah yang berubah (touch): isi sama, tidak ada yang dieksekusi
    os.utime(proyek.data / "lks.csv", ns=(1, 1))
    assert _render(proyek).dieksekusi == []


def test_ubah_data_hanya_bab_yang_membacanya(proyek):
    _render(proyek)
    _ganti(proyek.data / "lks.csv", "2025,9", "2025,12")
    hasil = _render(proyek, paralel=4)
    assert hasil.dieksekusi == [BAB[0]] and hasil.dari_cache == BAB[1:]
    assert hasil.alasan == {BAB[0]: "data/lks.csv berubah"}
    assert len(proyek.kernel) == 2, "satu bab berubah: satu kernel, walaupun paralel=4"
    dok = _dok(hasil)
    assert "LKS 2025: 12" in dok and "LKS 2025: 9" not in dok
    assert "PENUTUP 2025: Dengan" in dok and "PERIODE 2025: Triwulan I" in dok

    _ganti(proyek.data / "teks" / "penutup.md", "Dengan tersusunnya", "Setelah tersusunnya")
    hasil = _render(proyek)
    assert hasil.dieksekusi == [BAB[1]]
    assert "PENUTUP 2025: Setelah" in _dok(hasil) and "LKS 2025: 12" in _dok(hasil)

    # berkas data yang tidak dibaca bab mana pun
    _ganti(proyek.data / "kemiskinan.csv", "indikator", "indikator")  # isi sama
    (proyek.data / "sakip.csv").write_bytes((proyek.data / "sakip.csv").read_bytes() + b"\n")
    assert _render(proyek).dieksekusi == []


def test_ubah_parameter_hanya_tahun_itu(proyek):
    hasil = _semua(proyek)
    assert [len(h.dieksekusi) for h in hasil.values()] == [3, 3]
    assert len(proyek.kernel) == 2  # paralel=2 untuk enam bab dari dua tahun

    _ganti(proyek.parameters / "2025.yml", "periode: Triwulan I", "periode: Triwulan II")
    hasil = _semua(proyek)
    assert hasil[2025].dieksekusi == BAB and hasil[2025].alasan[BAB[2]] == "parameter tahun berubah"
    assert hasil[2024].dieksekusi == [] and hasil[2024].dilewati
    assert "PERIODE 2025: Triwulan II" in _dok(hasil[2025])

    # base.yml berlaku untuk semua tahun
    _ganti(proyek.parameters / "base.yml", "tempat: null", "tempat: Kuala Pembuang")
    hasil = _semua(proyek)
    assert hasil[2024].dieksekusi == BAB and hasil[2025].dieksekusi == BAB


def _tambah(jalur: Path, teks: str) -> None:
    with open(jalur, "a", encoding="utf-8") as f:
        f.write(teks)


def test_ubah_modul_hanya_bab_yang_mengimpornya(proyek):
    """Kunci bab memuat isi tepat modul analisis.* yang diimpor bab itu (sys.modules kernel)."""
    nbformat.write(_buku(
        "from analisis.chapters import gambaran_umum\n"
        "display(HTML(f'<p>GAMBARAN {tahun}</p>'))",
        "BAB GAMBARAN",
    ), proyek.notebooks / "04_gambaran.ipynb")
    semua = [*BAB, "04_gambaran.ipynb"]
    assert _render(proyek).dieksekusi == semua
    modul = {b: [t for t in cache.baca_entri(_entri(proyek, b)).baca if t.startswith("analisis/")] for b in semua}
    assert "analisis/core/data.py" in modul[BAB[0]] and "analisis/chapters/gambaran_umum.py" not in modul[BAB[0]]
    assert "analisis/chapters/gambaran_umum.py" in modul["04_gambaran.ipynb"]
    assert "analisis/document/render.py" not in modul[BAB[0]]

    # modul bab: hanya bab yang mengimpornya
    _tambah(proyek.kode / "chapters" / "gambaran_umum.py", "\n# suntingan analis\n")
    hasil = _render(proyek, paralel=2)
    assert hasil.dieksekusi == ["04_gambaran.ipynb"] and hasil.dari_cache == BAB
    assert hasil.alasan == {"04_gambaran.ipynb": "analisis/chapters/gambaran_umum.py berubah"}

    # modul inti yang dipakai semua bab: semua bab
    _tambah(proyek.kode / "core" / "data.py", "\n# perubahan kode\n")
    hasil = _render(proyek)
    assert hasil.dieksekusi == semua
    assert hasil.alasan[BAB[0]].startswith("analisis/core/data.py")

    # modul yang tidak diimpor bab mana pun: tidak ada eksekusi, tetapi dokumen dirakit ulang
    _tambah(proyek.kode / "input" / "xlsx.py", "\n# tidak diimpor bab\n")
    hasil = _render(proyek)
    assert hasil.dieksekusi == [] and not hasil.dilewati
    assert _render(proyek).dilewati


def test_ubah_templat_dan_mesin(proyek):
    _render(proyek)
    # templat perakitan: tidak ada bab yang dieksekusi, dokumen dirakit ulang dengan templat baru
    _tambah(proyek.kode / "document" / "templat" / "dokumen.css", "\n/* PERUBAHAN_TEMPLAT */\n")
    hasil = _render(proyek)
    assert hasil.dieksekusi == [] and not hasil.dilewati and "PERUBAHAN_TEMPLAT" in _dok(hasil)
    # templat bab (nbconvert) dan mesin eksekusi: semua bab
    _tambah(proyek.kode / "document" / "templat" / "iku_bab" / "index.html.j2", "\n{#- perubahan -#}\n")
    hasil = _render(proyek)
    assert hasil.dieksekusi == BAB
    assert set(hasil.alasan.values()) == {"mesin dokumen (analisis.document), versi Python atau paket terpasang berubah"}
    _tambah(proyek.kode / "document" / "render.py", "\n# perubahan mesin\n")
    assert _render(proyek).dieksekusi == BAB
    assert _render(proyek).dieksekusi == []


def test_ubah_buku_hanya_buku_itu(proyek):
    _render(proyek)
    jalur = proyek.notebooks / BAB[1]

    # menyimpan buku beserta keluaran/nomor eksekusi bukan perubahan isi
    nb = nbformat.read(jalur, as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="sisa\n")]
    nb.cells[2].execution_count = 7
    nb.cells[2].metadata["collapsed"] = True
    nbformat.write(nb, jalur)
    assert _render(proyek).dieksekusi == []

    nb.cells.append(nbformat.v4.new_markdown_cell("Paragraf BARU ditambahkan."))
    nbformat.write(nb, jalur)
    hasil = _render(proyek)
    assert hasil.dieksekusi == [BAB[1]] and hasil.alasan == {BAB[1]: "buku catatan berubah"}
    assert "Paragraf BARU ditambahkan." in _dok(hasil)

    # tag sel memengaruhi dokumen: ikut kunci
    nb.cells[-1].metadata["tags"] = ["remove-cell"]
    nbformat.write(nb, jalur)
    hasil = _render(proyek)
    assert hasil.dieksekusi == [BAB[1]] and "Paragraf BARU" not in _dok(hasil)


def test_paksa_mengeksekusi_semua(proyek):
    _render(proyek)
    hasil = _render(proyek, paksa=True)
    assert hasil.dieksekusi == BAB and set(hasil.alasan.values()) == {"--paksa"}
    assert _render(proyek).dieksekusi == []


def test_berkas_data_baru_atau_dihapus_mengeksekusi_semua(proyek):
    """Pembaca yang hanya memeriksa keberadaan berkas tidak terlacak: daftar nama ikut kunci."""
    _render(proyek)
    (proyek.data / "berkas_baru.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert _render(proyek).dieksekusi == BAB
    # berkas sementara penyunting tidak dihitung
    (proyek.data / ".~lock.lks.csv#").write_text("kunci", encoding="utf-8")
    (proyek.data / "lks.csv~").write_text("cadangan", encoding="utf-8")
    assert _render(proyek).dieksekusi == []
    (proyek.data / "berkas_baru.csv").unlink()
    assert _render(proyek).dieksekusi == BAB


def _entri(p, bab: str, tahun: int = 2025) -> Path:
    return p.rendered / str(tahun) / ".cache" / Path(bab).stem


def test_entri_rusak_atau_tidak_lengkap_tidak_dipakai(proyek):
    _render(proyek)
    # 01: penggalan HTML diubah (isi tidak cocok dengan SHA-256 di manifest)
    html = _entri(proyek, BAB[0]) / "bab.html"
    html.write_text(html.read_text(encoding="utf-8").replace("LKS 2025: 9", "LKS 2025: PALSU"), encoding="utf-8")
    # 02: manifest hilang (penulisan terputus sebelum manifest)
    (_entri(proyek, BAB[1]) / "manifest.json").unlink()
    # 03: manifest terpotong di tengah
    manifest = _entri(proyek, BAB[2]) / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:40])
    hasil = _render(proyek)
    assert hasil.dieksekusi == BAB
    assert hasil.alasan[BAB[0]] == "entri cache rusak atau tidak lengkap"
    dok = _dok(hasil)
    assert "PALSU" not in dok and "LKS 2025: 9" in dok and "PENUTUP 2025" in dok

    # manifest yang isinya diubah tangan (kunci tidak cocok dengan komponennya)
    manifest = _entri(proyek, BAB[0]) / "manifest.json"
    isi = json.loads(manifest.read_text(encoding="utf-8"))
    isi["komponen"]["baca"] = {}
    manifest.write_text(json.dumps(isi), encoding="utf-8")
    assert _render(proyek).dieksekusi == [BAB[0]]

    # buku dieksekusi di rendered/<tahun>/dieksekusi diubah di tempat (tautan keras ke cache)
    dieksekusi = proyek.rendered / "2025" / "dieksekusi" / BAB[2]
    with open(dieksekusi, "a", encoding="utf-8") as f:
        f.write(" ")
    assert _render(proyek).dieksekusi == [BAB[2]]


def test_run_terputus_tidak_merusak_cache(proyek, monkeypatch):
    _render(proyek)
    lama = (proyek.rendered / "2025" / "IKU-2025-reviu.html").read_bytes()
    _ganti(proyek.data / "lks.csv", "2025,9", "2025,15")

    asli = cache.tulis_atomik

    def putus(jalur, data):
        if Path(jalur).name == "manifest.json":
            raise KeyboardInterrupt  # proses dihentikan tepat sebelum manifest ditulis
        return asli(jalur, data)

    monkeypatch.setattr(cache, "tulis_atomik", putus)
    with pytest.raises(KeyboardInterrupt):
        _render(proyek)
    monkeypatch.setattr(cache, "tulis_atomik", asli)
    # dokumen lama utuh; entri setengah jadi ada di folder gagal tanpa manifest
    assert (proyek.rendered / "2025" / "IKU-2025-reviu.html").read_bytes() == lama
    setengah = proyek.rendered / "2025-gagal" / ".cache" / Path(BAB[0]).stem
    assert (setengah / "bab.html").is_file() and not (setengah / "manifest.json").exists()
    assert not list(proyek.rendered.glob(".bangun-*"))

    hasil = _render(proyek)
    assert hasil.dieksekusi == [BAB[0]]
    assert "LKS 2025: 15" in _dok(hasil)
    assert not (proyek.rendered / "2025-gagal").exists()


def test_bab_gagal_tidak_disimpan_lalu_pulih(proyek):
    _render(proyek)
    _ganti(proyek.data / "lks.csv", "tahun,jumlah", "tahun,jumlahx")  # skema dilanggar: bab 01 gagal
    with pytest.raises(render.KesalahanRender, match=r"01_lks\.ipynb"):
        _render(proyek)
    assert not (proyek.rendered / "2025-gagal" / ".cache" / "01_lks" / "manifest.json").exists()
    _ganti(proyek.data / "lks.csv", "tahun,jumlahx", "tahun,jumlah")
    hasil = _render(proyek)
    # isi lks.csv kembali sama dengan entri cache semula: tidak perlu eksekusi sama sekali
    assert hasil.dieksekusi == [] and "LKS 2025: 9" in _dok(hasil)
    assert not (proyek.rendered / "2025-gagal").exists()


def test_kernel_dipakai_ulang_tanpa_kebocoran_keadaan(proyek, monkeypatch):
    """Bab berikutnya di kernel yang sama melihat keadaan segar, seperti di kernel baru."""
    for nama in BAB:
        (proyek.notebooks / nama).unlink()
    nbformat.write(_buku(
        "import os, sys, warnings, matplotlib\n"
        "matplotlib.rcParams['lines.linewidth'] = 9\n"
        "os.environ['IKU_BOCOR'] = 'ya'\n"
        "os.chdir(os.sep)\n"
        "sys.path.append('/bocor')\n"
        "BOCOR = True\n"
        "from analisis.core import memo\n"
        "memo._SIMPANAN['bocor'] = True\n"
        "data.muat('lks')\n"
        "display(HTML('<p>A selesai</p>'))",
        "BAB A",
    ), proyek.notebooks / "01_a.ipynb")
    nbformat.write(_buku(
        "import os, sys, matplotlib\n"
        "keadaan = [matplotlib.rcParams['lines.linewidth'], os.environ.get('IKU_BOCOR', 'kosong'),\n"
        "           os.path.basename(os.getcwd()), '/bocor' in sys.path, 'BOCOR' in globals(),\n"
        "           'bocor' in __import__('analisis.core.memo').core.memo._SIMPANAN, get_ipython().execution_count]\n"
        "display(HTML(f'<p>KEADAAN {keadaan}</p>'))",
        "BAB B",
    ), proyek.notebooks / "02_b.ipynb")
    hasil = _render(proyek, paralel=1)
    assert len(proyek.kernel) == 1 and hasil.dieksekusi == ["01_a.ipynb", "02_b.ipynb"]
    dipakai_ulang = re.search(r"KEADAAN \[[^\]]*\]", _dok(hasil)).group(0)
    assert dipakai_ulang.startswith("KEADAAN [1.5, 'kosong', 'notebooks', False, False, False, ")
    # nomor eksekusi bergantung pada versi IPython: pembandingnya kernel baru per bab
    monkeypatch.setenv("IKU_KERNEL_SEGAR", "1")
    segar = render.render_tahun(2025, format=("html",), akar_keluaran=proyek.akar / "rendered-segar",
                                notebooks=proyek.notebooks, paralel=1)
    assert len(proyek.kernel) == 3
    assert re.search(r"KEADAAN \[[^\]]*\]", _dok(segar)).group(0) == dipakai_ulang
    # bab B membaca lks.csv? tidak: modul data diimpor ulang, jadi bacaan A tidak terbawa
    assert "data/lks.csv" in cache.baca_entri(_entri(proyek, "01_a.ipynb")).baca
    assert "data/lks.csv" not in cache.baca_entri(_entri(proyek, "02_b.ipynb")).baca


def test_jalur_relatif(proyek, monkeypatch):
    monkeypatch.chdir(proyek.akar)
    hasil = render.render_tahun(2025, format=("html",), akar_keluaran=Path("rendered"),
                                notebooks=Path("notebooks"), paralel=1)
    assert hasil.dieksekusi == BAB and "LKS 2025: 9" in _dok(hasil)
    assert "data/lks.csv" in cache.baca_entri(_entri(proyek, BAB[0])).baca
    _ganti(proyek.data / "lks.csv", "2025,9", "2025,11")
    hasil = render.render_tahun(2025, format=("html",), akar_keluaran=Path("rendered"),
                                notebooks=Path("notebooks"), paralel=1)
    assert hasil.dieksekusi == [BAB[0]] and "LKS 2025: 11" in _dok(hasil)


def test_autoreload_di_kernel_yang_dipakai_ulang(proyek, monkeypatch):
    """Bab yang diawali %load_ext autoreload / %autoreload 2: kernel dipakai ulang tanpa sisa ekstensi."""
    for nama in BAB:
        (proyek.notebooks / nama).unlink()
    for nama in ("01_a.ipynb", "02_b.ipynb"):
        nb = _buku(
            "import sys\n"
            "kait = len(get_ipython().events.callbacks['pre_run_cell'])\n"
            "display(HTML(f'<p>AUTORELOAD {kait} {any(\"autoreload\" in e for e in get_ipython().extension_manager.loaded)}</p>'))\n"
            "pencatat = get_ipython().magics_manager.registry['AutoreloadMagics']._reloader\n"
            "display(HTML(f'<p>DICATAT {len(pencatat.modules_mtimes)} dari {len(sys.modules)}</p>'))",
            f"BAB {nama}",
        )
        awal = nbformat.v4.new_code_cell("%load_ext autoreload\n%autoreload 2")
        nb.cells.insert(1, awal)
        nbformat.write(nb, proyek.notebooks / nama)
    hasil = _render(proyek, paralel=1)
    assert len(proyek.kernel) == 1 and hasil.dieksekusi == ["01_a.ipynb", "02_b.ipynb"]
    for nama in ("01_a.ipynb", "02_b.ipynb"):
        nb = nbformat.read(proyek.rendered / "2025" / "dieksekusi" / nama, as_version=4)
        aliran = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream"]
        assert aliran == [], f"{nama}: {aliran}"  # tidak ada "The autoreload extension is already loaded"
    # kernel render tidak mencatat waktu ubah setiap modul saat ekstensi dimuat (±1200 stat per bab)
    dicatat = [(int(a), int(b)) for a, b in re.findall(r"DICATAT (\d+) dari (\d+)", _dok(hasil))]
    assert len(dicatat) == 2 and all(a < 50 < 500 < b for a, b in dicatat), dicatat
    dipakai_ulang = re.findall(r"AUTORELOAD \d+ True", _dok(hasil))
    assert len(dipakai_ulang) == 2 and dipakai_ulang[0] == dipakai_ulang[1]
    # sama dengan kernel baru per bab
    monkeypatch.setenv("IKU_KERNEL_SEGAR", "1")
    segar = render.render_tahun(2025, format=("html",), akar_keluaran=proyek.akar / "rendered-segar",
                                notebooks=proyek.notebooks, paralel=1)
    assert re.findall(r"AUTORELOAD \d+ True", _dok(segar)) == dipakai_ulang
    # tanpa perubahan: dari cache
    assert _render(proyek).dieksekusi == []


def test_cli_jalur_cepat_tanpa_perubahan(proyek, capsys, monkeypatch):
    """``iku render`` tanpa perubahan: jawaban dari ``stat`` (analisis.document.cepat), tanpa pydantic/pandas.

    Setiap perubahan — isi data dengan ukuran dan waktu ubah yang dikembalikan,
    ``touch``, berkas keluaran yang disentuh, permintaan lain — menempuh jalur
    penuh, yang hasilnya dipakai lagi.
    """
    import subprocess
    import sys

    from analisis import cli
    from analisis.document import cepat

    argv = ["render", "--tahun", "2025", "--format", "html", "--jobs", "1"]
    assert cli.main(argv) == 0
    pertama = capsys.readouterr().out
    assert pertama.startswith(f"Ditulis: {proyek.rendered / '2025' / 'IKU-2025-reviu.html'}\n")
    catatan = cepat.jalur_catatan(proyek.rendered, 2025)
    assert catatan.is_file()

    penuh = []
    asli = render.render_tahun
    monkeypatch.setattr(render, "render_tahun", lambda *a, **k: penuh.append(1) or asli(*a, **k))
    dok = proyek.rendered / "2025" / "IKU-2025-reviu.html"
    st = dok.stat()
    assert cli.main(argv) == 0 and capsys.readouterr().out == pertama and penuh == []
    assert dok.stat().st_mtime_ns == st.st_mtime_ns

    # proses baru: pydantic, pandas, nbformat, matplotlib tidak diimpor sama sekali
    env = {**os.environ, "PYTHONPATH": str(proyek.kode.parent)}
    kode = ("import sys; from analisis import cli; kode = cli.main(%r); "
            "print(kode, sorted(m for m in ('pydantic', 'pandas', 'pandera', 'nbformat', 'nbconvert', 'jsonschema', "
            "'matplotlib', 'analisis.document.render', 'analisis.core.parameter') if m in sys.modules))" % argv)
    p = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == [*pertama.splitlines(), "0 []"]

    # isi berubah, ukuran sama, waktu ubah dikembalikan: jalur penuh, bab dieksekusi ulang
    lks = proyek.data / "lks.csv"
    st = lks.stat()
    _ganti(lks, "2025,9", "2025,8")
    os.utime(lks, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert lks.stat().st_size == st.st_size and lks.stat().st_mtime_ns == st.st_mtime_ns
    assert cli.main(argv) == 0 and penuh == [1]
    assert "LKS 2025: 8" in dok.read_text(encoding="utf-8")
    assert cli.main(argv) == 0 and penuh == [1], "hasil jalur penuh dipakai lagi"

    # touch: jalur penuh tanpa eksekusi
    os.utime(lks)
    assert cli.main(argv) == 0 and penuh == [1, 1]
    # permintaan lain (edisi) dan berkas keluaran yang disentuh: jalur penuh
    assert cli.main([*argv, "--edisi", "reviu"]) == 0 and len(penuh) == 3
    assert cli.main([*argv, "--edisi", "reviu"]) == 0 and len(penuh) == 3
    os.utime(dok)
    assert cli.main([*argv, "--edisi", "reviu"]) == 0 and len(penuh) == 4
    # sisa render terputus: jalur penuh membereskannya
    (proyek.rendered / ".bangun-2025-x").mkdir()
    assert cli.main([*argv, "--edisi", "reviu"]) == 0 and len(penuh) == 5
    assert not (proyek.rendered / ".bangun-2025-x").exists()
    # --paksa selalu jalur penuh
    assert cli.main([*argv, "--edisi", "reviu", "--paksa"]) == 0 and len(penuh) == 6
    capsys.readouterr()


def test_bab_terlama_dieksekusi_dulu(proyek, monkeypatch):
    """Urutan kerja: bab yang eksekusi terakhirnya paling lama lebih dulu; dokumen tetap urut buku."""
    _render(proyek)
    for nama, detik in zip(BAB, (0.5, 2.0, 9.0)):
        m = _entri(proyek, nama) / "manifest.json"
        isi = json.loads(m.read_text(encoding="utf-8"))
        isi["durasi_eksekusi"] = detik
        m.write_text(json.dumps(isi), encoding="utf-8")
    urutan = []
    asli = render._kerjakan
    monkeypatch.setattr(render, "_kerjakan", lambda t, b, *a: urutan.append(b.nama) or asli(t, b, *a))
    hasil = _render(proyek, paksa=True)
    assert urutan == [BAB[2], BAB[1], BAB[0]]
    assert hasil.dieksekusi == BAB
    dok = _dok(hasil)
    assert dok.index("LKS 2025") < dok.index("PENUTUP 2025") < dok.index("PERIODE 2025")


def test_cli_jalur_cepat_hanya_untuk_hasil_yang_ada(proyek, capsys, monkeypatch):
    """Render yang dilaporkan berhasil tetapi berkasnya tidak di ``rendered/<tahun>/`` tidak dicatat untuk jalur cepat."""
    from analisis import cli
    from analisis.document import cepat

    def palsu(tahun, **kw):
        return render.HasilRender(tahun=tahun, periode="Tahunan", folder=Path("/x"), html=Path("/x/a.html"),
                                  edisi={"reviu": {"html": Path("/x/a.html"), "pdf": None}})

    monkeypatch.setattr(render, "render_tahun", palsu)
    assert cli.main(["render", "--tahun", "2025", "--format", "html"]) == 0
    assert capsys.readouterr().out == "Ditulis: /x/a.html\n"
    assert not cepat.jalur_catatan(proyek.rendered, 2025).exists()
