"""Render dokumen dari buku bab palsu: templat, daftar isi, penjaga, keluaran atomik."""

from __future__ import annotations

import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from analisis.document import pdf, render
from analisis.core.kesalahan import KesalahanIKU, KesalahanParameter

KODE_RAHASIA = "KODE_RAHASIA_7f3a9"

INSTANSI = {
    "pemerintah": "Pemerintah Kabupaten Contoh",
    "nama_lengkap": "Dinas Sosial Kabupaten Contoh",
    "nama_perangkat_daerah": "Dinas Sosial",
    "nama_daerah": "Contoh",
    "jenis_daerah": "Kabupaten",
    "provinsi": "Kalimantan Tengah",
    "ibu_kota": "Kuala",
    "periode_renstra": {"awal": 2021, "akhir": 2026},
    "kepala": {"jabatan": "Kepala Dinas", "nama": "Fulan"},
}


# ---------------------------------------------------------------------------
# Buku palsu


def _buku(sel: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameter = nbformat.v4.new_code_cell("tahun = 2024\nperiode = None")
    parameter.metadata["tags"] = ["parameters"]
    nb.cells = [parameter, *sel]
    return nb


def _md(teks):
    return nbformat.v4.new_markdown_cell(teks)


def _kode(teks, tags=()):
    sel = nbformat.v4.new_code_cell(teks)
    if tags:
        sel.metadata["tags"] = list(tags)
    return sel


def _tulis_buku(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(
        _buku([
            _md("# BAB I PENDAHULUAN\n\nBab ini menjelaskan *latar belakang*.\n\n## 1.1 Latar Belakang\n\nIsi latar."),
            _kode(
                f"{KODE_RAHASIA} = 'tidak boleh tampil'\n"
                "print('KELUARAN_STDOUT')\n"
                "import sys; print('KELUARAN_STDERR', file=sys.stderr)\n"
                "from IPython.display import HTML, Markdown, display\n"
                "display(HTML('<table><caption>Tabel 1.1 Uji</caption><thead><tr><th>A</th></tr></thead>'\n"
                "             '<tbody><tr><td>1.234</td></tr></tbody></table>'))\n"
                "display(Markdown(f'Dokumen tahun **{tahun}** periode {periode}.'))\n"
                "'NILAI_TEKS_POLOS'"
            ),
            _kode("display(HTML('<p>SEL_DIBUANG</p>'))", tags=["remove-cell"]),
            _kode("import pandas as pd\npd.DataFrame({'INTIPAN_ANALIS': [1, 2]}).head()", tags=["eksplorasi"]),
            _md("## 1.2 Maksud dan Tujuan\n\n### 1.2.1 Maksud\n\nIsi maksud."),
        ]),
        folder / "01_pendahuluan.ipynb",
    )
    nbformat.write(
        _buku([
            _md("# BAB II GAMBARAN UMUM\n\n## 2.1 Tugas dan Fungsi\n\nIsi tugas."),
            _kode(
                "from IPython.display import HTML, display\n"
                "display(HTML('<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"100\">'\n"
                "             '<rect width=\"10\" height=\"5\"/><text x=\"1\" y=\"9\">2024</text></svg>'\n"
                "             '<figcaption>Gambar 2.1 Grafik uji</figcaption></figure>'))\n"
                "display(HTML('<section class=\"lanskap\"><table class=\"lebar\"><caption>Tabel 2.1 Lebar</caption>'\n"
                "             '<tr><td>x</td></tr></table></section>'))"
            ),
            _md("## 2.2 Struktur Organisasi\n\nIsi struktur."),
        ]),
        folder / "02_gambaran_umum.ipynb",
    )
    return folder


def _buku_gagal(folder: Path) -> None:
    nbformat.write(
        _buku([
            _md("# BAB III RUSAK"),
            _kode("x = 1"),
            _kode("y = x + 1\nraise ValueError('sengaja gagal')"),
            _kode("z = 3"),
        ]),
        folder / "03_rusak.ipynb",
    )


@pytest.fixture
def proyek(tmp_path, monkeypatch):
    """Folder buku palsu, folder rendered/, dan parameter/instansi palsu."""
    dipanggil = []

    def muat_parameter(tahun, periode):
        dipanggil.append((tahun, periode))
        if tahun not in (2024, 2025):
            raise KesalahanParameter(f"tidak ada parameter untuk tahun {tahun}")
        return SimpleNamespace(tahun=tahun, periode=periode or "Triwulan I")

    monkeypatch.setattr(render, "_muat_parameter", muat_parameter)
    monkeypatch.setattr(render, "_muat_instansi", lambda: dict(INSTANSI))
    monkeypatch.setattr(render, "_akar", lambda: tmp_path)
    monkeypatch.setattr(render, "_tahun_tersedia", lambda: (2024, 2025))
    # buku palsu tidak membaca data, tetapi render memeriksa bahwa berkas data ada
    monkeypatch.setenv("IKU_DATA", str(Path(__file__).resolve().parents[1] / "data"))
    return SimpleNamespace(
        notebooks=_tulis_buku(tmp_path / "notebooks"),
        rendered=tmp_path / "rendered",
        parameter=dipanggil,
    )


@pytest.fixture
def tanpa_kernel(monkeypatch):
    """Ganti eksekusi papermill dengan salinan buku (untuk tes yang bukan tentang eksekusi)."""

    def salin(sumber, tujuan, relatif, parameter, cwd):
        shutil.copyfile(sumber, tujuan)

    monkeypatch.setattr(render, "_eksekusi", salin)


def _render(proyek, **kw):
    kw.setdefault("format", ("html",))
    return render.render_tahun(2025, notebooks=proyek.notebooks, akar_keluaran=proyek.rendered, **kw)


def _isi_folder(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Judul(HTMLParser):
    def __init__(self):
        super().__init__()
        self.judul: list[tuple[str, str | None]] = []
        self.ids: list[str] = []
        self.tautan: list[str] = []
        self._nav = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "nav":
            self._nav += 1
        if re.fullmatch(r"h[1-6]", tag) and not self._nav:
            self.judul.append((tag, a.get("id")))
        if tag == "a" and self._nav and a.get("href", "").startswith("#"):
            self.tautan.append(a["href"][1:])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._nav -= 1


# ---------------------------------------------------------------------------
# Render yang berhasil


@pytest.mark.lambat
def test_render_dua_bab(proyek):
    hasil = _render(proyek, periode="Triwulan II")
    folder = proyek.rendered / "2025"
    assert hasil.folder == folder
    assert hasil.html == folder / "IKU-2025-reviu.html" and hasil.html.is_file()
    assert list(hasil.edisi) == ["reviu"] and not (folder / "IKU-2025-final.html").exists()
    assert hasil.pdf is None and hasil.peringatan == []
    assert [b.berkas for b in hasil.bab] == ["01_pendahuluan.ipynb", "02_gambaran_umum.ipynb"]
    assert [b.judul for b in hasil.bab] == [["BAB I PENDAHULUAN"], ["BAB II GAMBARAN UMUM"]]
    assert all(b.dieksekusi.is_file() for b in hasil.bab)
    # papermill menyuntikkan parameter dan mencatat eksekusinya di metadata buku
    nb = nbformat.read(hasil.bab[0].dieksekusi, as_version=4)
    suntik = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(suntik) == 1 and suntik[0].source == '# Parameters\ntahun = 2025\nperiode = "Triwulan II"\n'
    assert nb.metadata.papermill["parameters"] == {"tahun": 2025, "periode": "Triwulan II"}
    assert nb.metadata.papermill["exception"] is None and nb.metadata.papermill["duration"] is not None
    assert all(c.metadata.papermill["status"] == "completed" for c in nb.cells)
    assert sorted(p.name for p in (folder / "dieksekusi").iterdir()) == [b.berkas for b in hasil.bab]
    assert {"parameter", "eksekusi", "html", "total"} <= set(hasil.durasi)
    assert not list(proyek.rendered.glob(".bangun-*"))
    # parameter dimuat sekali dengan periode yang diminta
    assert proyek.parameter == [(2025, "Triwulan II")]

    dok = hasil.html.read_text(encoding="utf-8")
    # sampul
    assert 'class="sampul"' in dok
    assert "INDIKATOR KINERJA UTAMA<br>(IKU)" in dok and "TAHUN 2021–2026" in dok
    assert "DINAS SOSIAL KABUPATEN CONTOH" in dok and "PEMERINTAH KABUPATEN CONTOH" in dok
    assert "TAHUN 2025" in dok and "Periode Triwulan II" in dok
    # parameter sampai ke kernel
    assert "Dokumen tahun <strong>2025</strong> periode Triwulan II." in dok
    # isi untuk pembaca
    assert "<caption>Tabel 1.1 Uji</caption>" in dok
    assert "<figcaption>Gambar 2.1 Grafik uji</figcaption>" in dok and "<svg" in dok
    assert "<em>latar belakang</em>" in dok
    # tidak ada kode, keluaran stream, text/plain, sel parameter atau sel yang dibuang
    for terlarang in (KODE_RAHASIA, "KELUARAN_STDOUT", "KELUARAN_STDERR", "NILAI_TEKS_POLOS", "SEL_DIBUANG", "INTIPAN_ANALIS",
                      "injected-parameters", "# Parameters", "periode = ", "tahun = ", "In&nbsp;[", "Out["):
        assert terlarang not in dok, terlarang
    # tanpa perlengkapan Jupyter
    for terlarang in ("MathJax", "require.js", "jp-Cell", "jp-OutputArea", "--jp-", "anchor-link"):
        assert terlarang not in dok, terlarang


@pytest.mark.lambat
def test_dokumen_berdiri_sendiri(proyek, tanpa_kernel):
    dok = _render(proyek).html.read_text(encoding="utf-8")
    assert not re.search(r"<script\b", dok, re.I)
    assert not re.search(r"<link\b", dok, re.I)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", dok, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", dok, re.I)
    assert "@import" not in dok and "@font-face" not in dok
    assert "<style>" in dok and "@page" in dok  # CSS disisipkan
    assert len(dok.encode()) < 100_000


@pytest.mark.lambat
def test_daftar_isi_menautkan_setiap_h1_h2(proyek, tanpa_kernel):
    dok = _render(proyek).html.read_text(encoding="utf-8")
    p = _Judul()
    p.feed(dok)
    assert len(p.ids) == len(set(p.ids)), "id ganda"
    h12 = [i for tag, i in p.judul if tag in ("h1", "h2")]
    assert all(h12) and all(i for _, i in p.judul), "ada judul tanpa id"
    # DAFTAR ISI memuat dirinya sendiri, lalu setiap h1/h2 bab
    assert p.tautan == ["daftar-isi", *h12]
    assert h12 == [
        "bab-i-pendahuluan", "1-1-latar-belakang", "1-2-maksud-dan-tujuan",
        "bab-ii-gambaran-umum", "2-1-tugas-dan-fungsi", "2-2-struktur-organisasi",
    ]
    # h3 punya id tetapi tidak masuk daftar isi
    assert ("h3", "1-2-1-maksud") in p.judul and "1-2-1-maksud" not in p.tautan
    # urutan: sampul, DAFTAR ISI, BAB I, BAB II
    posisi = [dok.index(s) for s in ('class="sampul"', ">DAFTAR ISI<", ">BAB I PENDAHULUAN<", ">BAB II GAMBARAN UMUM<")]
    assert posisi == sorted(posisi)


@pytest.mark.lambat
def test_bagian_awal_sebelum_daftar_isi(proyek, tanpa_kernel):
    nbformat.write(_buku([_md("# KATA PENGANTAR\n\nPuji syukur.")]), proyek.notebooks / "00_pengantar.ipynb")
    dok = _render(proyek).html.read_text(encoding="utf-8")
    posisi = [dok.index(s) for s in ('class="sampul"', ">KATA PENGANTAR<", ">DAFTAR ISI<", ">BAB I PENDAHULUAN<")]
    assert posisi == sorted(posisi)
    assert 'href="#kata-pengantar"' in dok


@pytest.mark.lambat
def test_render_ulang_menimpa_dan_membersihkan(proyek, tanpa_kernel):
    _render(proyek)
    (proyek.rendered / "2025" / "sisa-lama.txt").write_text("lama")
    (proyek.rendered / "2025-gagal").mkdir()
    _render(proyek)
    assert not (proyek.rendered / "2025" / "sisa-lama.txt").exists()
    assert not (proyek.rendered / "2025-gagal").exists()
    assert sorted(p.name for p in proyek.rendered.iterdir()) == [".kunci-render", "2025"]


# ---------------------------------------------------------------------------
# Kegagalan


@pytest.mark.lambat
def test_bab_gagal_tidak_menyentuh_hasil_lama(proyek):
    _render(proyek)
    lama = _isi_folder(proyek.rendered / "2025")
    _buku_gagal(proyek.notebooks)

    with pytest.raises(render.KesalahanRender) as info:
        _render(proyek)

    pesan = str(info.value)
    gagal = proyek.rendered / "2025-gagal"
    assert "03_rusak.ipynb" in pesan
    assert "sel ke-4" in pesan  # parameter, markdown, x = 1, lalu sel yang gagal
    assert "ValueError" in pesan and "sengaja gagal" in pesan
    assert "baris 2" in pesan
    assert str(gagal / "dieksekusi" / "03_rusak.ipynb") in pesan
    assert info.value.berkas == "03_rusak.ipynb" and info.value.sel == 4
    assert isinstance(info.value, KesalahanIKU)
    # hasil lama utuh, byte demi byte
    assert _isi_folder(proyek.rendered / "2025") == lama
    # buku yang sudah dieksekusi tersimpan untuk diperiksa
    dieksekusi = nbformat.read(gagal / "dieksekusi" / "03_rusak.ipynb", as_version=4)
    galat = [o for c in dieksekusi.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert galat and galat[0].ename == "ValueError"
    # papermill menandai sel yang gagal (sel penanda di awal buku dan tepat sebelum sel itu)
    penanda = [i for i, c in enumerate(dieksekusi.cells) if "papermill-error-cell-tag" in c.metadata.get("tags", [])]
    assert penanda[0] == 0 and len(penanda) == 2
    assert dieksekusi.metadata.papermill["parameters"] == {"tahun": 2025, "periode": "Triwulan I"}
    assert dieksekusi.metadata.papermill["exception"] is True
    assert (gagal / "dieksekusi" / "01_pendahuluan.ipynb").is_file()
    assert not list(proyek.rendered.glob(".bangun-*"))


@pytest.mark.lambat
def test_folder_gagal_lama_diganti(proyek, tanpa_kernel, monkeypatch):
    gagal = proyek.rendered / "2025-gagal"
    gagal.mkdir(parents=True)
    (gagal / "usang.txt").write_text("dari kegagalan sebelumnya")

    def rusak(sumber, tujuan, relatif, parameter, cwd):
        shutil.copyfile(sumber, tujuan)
        if sumber.name.startswith("02"):
            raise render._GagalBab(sumber.name, relatif, "sel ke-2 (In [1]): RuntimeError: uji")

    monkeypatch.setattr(render, "_eksekusi", rusak)
    with pytest.raises(render.KesalahanRender, match="02_gambaran_umum.ipynb"):
        _render(proyek)
    assert not (gagal / "usang.txt").exists()
    assert (gagal / "dieksekusi" / "02_gambaran_umum.ipynb").is_file()
    assert not (proyek.rendered / "2025").exists()


def test_parameter_salah_gagal_sebelum_kernel(proyek, monkeypatch):
    def jangan(*a, **k):
        raise AssertionError("kernel dijalankan padahal parameter salah")

    monkeypatch.setattr(render, "_eksekusi", jangan)
    with pytest.raises(KesalahanParameter):
        render.render_tahun(2031, notebooks=proyek.notebooks, akar_keluaran=proyek.rendered)
    assert not proyek.rendered.exists() or not any(proyek.rendered.iterdir())


def test_format_tidak_dikenal(proyek):
    with pytest.raises(render.KesalahanRender, match="docx"):
        _render(proyek, format=("html", "docx"))


def test_folder_tanpa_buku(proyek, tmp_path):
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    (kosong / "catatan.ipynb").write_text("{}")  # tanpa nomor urut: bukan bab
    with pytest.raises(render.KesalahanRender, match="Tidak ada buku bab"):
        render.render_tahun(2025, notebooks=kosong, akar_keluaran=proyek.rendered)


@pytest.mark.lambat
def test_nan_di_bab_ditolak_dengan_nama_bab(proyek, tanpa_kernel):
    nb = nbformat.read(proyek.notebooks / "02_gambaran_umum.ipynb", as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": "<table><tr><td>Capaian</td><td>nan</td></tr></table>"}
    )]
    nbformat.write(nb, proyek.notebooks / "02_gambaran_umum.ipynb")
    with pytest.raises(render.KesalahanRender) as info:
        _render(proyek)
    assert "02_gambaran_umum.ipynb" in str(info.value) and "'nan'" in str(info.value)
    assert (proyek.rendered / "2025-gagal" / "dieksekusi" / "02_gambaran_umum.ipynb").is_file()


@pytest.mark.parametrize("teks", ["<p>nilai nan</p>", "<td>NaN</td>", "<p>None</p>", "<td>inf</td>",
                                  "<td>-inf %</td>", "<td>NaT</td>", "<td>&lt;NA&gt;</td>"])
def test_penjaga_teks_terlarang(teks):
    with pytest.raises(render.KesalahanRender, match="01_x.ipynb"):
        render.periksa_teks_terlarang(teks, "01_x.ipynb")


@pytest.mark.parametrize("teks", [
    "<p>Nanang, keuangan, informasi, Infak, nonaktif</p>",
    '<td class="nan" title="None">–</td>',
    "<style>.inf { color: red }</style><p>x</p>",
    "<!-- None --><p>x</p>",
])
def test_penjaga_tidak_salah_tangkap(teks):
    render.periksa_teks_terlarang(teks, "01_x.ipynb")


@pytest.mark.parametrize("teks", [
    '<script src="https://cdn.example/x.js"></script>',
    '<link rel="stylesheet" href="https://cdn.example/x.css">',
    '<img src="https://example.id/logo.png">',
    '<img src="gambar/lokal.png">',
    '<div style="background: url(https://example.id/a.png)"></div>',
    '<style>@import url("x.css");</style>',
    '<svg><image href="https://example.id/a.png"/></svg>',
])
def test_penjaga_sumber_daya_luar(teks):
    with pytest.raises(render.KesalahanRender, match="sumber daya luar"):
        render.periksa_mandiri(teks, "01_x.ipynb")


def test_tautan_biasa_dan_data_uri_boleh():
    assert render.periksa_mandiri(
        '<a href="https://seruyankab.go.id">situs</a><img src="data:image/png;base64,AAAA">'
        '<svg><use xlink:href="#m1"/><path clip-path="url(#p1)"/></svg>',
        "01_x.ipynb",
    ) == []


# ---------------------------------------------------------------------------
# PDF dilewati / diminta tanpa peramban


def _tanpa_peramban(monkeypatch):
    def tidak_ada(chromium=None):
        raise pdf.PerambanTidakDitemukan("Tidak ada Chromium. " + pdf.PETUNJUK_CHROMIUM)

    monkeypatch.setattr(pdf, "cari_chromium", tidak_ada)


@pytest.mark.lambat
def test_pdf_dilewati_bila_tanpa_peramban(proyek, tanpa_kernel, monkeypatch):
    _tanpa_peramban(monkeypatch)
    hasil = _render(proyek, format=("html", "pdf"))
    assert hasil.html.is_file() and hasil.pdf is None
    assert len(hasil.peringatan) == 1 and "apt-get install chromium" in hasil.peringatan[0]
    assert not (proyek.rendered / "2025" / "IKU-2025-reviu.pdf").exists()


@pytest.mark.lambat
def test_hanya_pdf_tanpa_peramban_gagal(proyek, tanpa_kernel, monkeypatch):
    _tanpa_peramban(monkeypatch)
    with pytest.raises(pdf.KesalahanPDF, match="IKU_CHROMIUM"):
        _render(proyek, format=("pdf",))
    assert not (proyek.rendered / "2025").exists()


# ---------------------------------------------------------------------------
# Semua tahun dan indeks


@pytest.mark.lambat
def test_render_semua_dan_indeks(proyek, tanpa_kernel):
    hasil = render.render_semua(("html",), notebooks=proyek.notebooks, akar_keluaran=proyek.rendered)
    assert [h.tahun for h in hasil] == [2024, 2025]
    indeks = (proyek.rendered / "index.html").read_text(encoding="utf-8")
    assert 'lang="id"' in indeks
    assert 'href="2024/IKU-2024-reviu.html"' in indeks and 'href="2025/IKU-2025-reviu.html"' in indeks
    assert "IKU-2025-reviu.pdf" not in indeks and "belum ada" in indeks
    assert 'href="2025/IKU-2025-final.html"' not in indeks  # edisi final tidak diminta
    assert "Dinas Sosial Kabupaten Contoh" in indeks
    assert "<script" not in indeks and "http" not in indeks
    # PDF yang ada ikut ditautkan
    (proyek.rendered / "2025" / "IKU-2025-reviu.pdf").write_bytes(b"%PDF-1.4\n")
    (proyek.rendered / "2025" / "IKU-2025-final.html").write_text("<html></html>", encoding="utf-8")
    render.tulis_indeks(proyek.rendered)
    indeks = (proyek.rendered / "index.html").read_text(encoding="utf-8")
    assert 'href="2025/IKU-2025-reviu.pdf"' in indeks and 'href="2025/IKU-2025-final.html"' in indeks


def test_render_semua_memeriksa_semua_parameter_dulu(proyek, monkeypatch):
    monkeypatch.setattr(render, "_tahun_tersedia", lambda: (2024, 2025, 2031))
    monkeypatch.setattr(render, "render_tahun", lambda *a, **k: pytest.fail("render dimulai sebelum parameter diperiksa"))
    with pytest.raises(KesalahanParameter, match="2031"):
        render.render_semua(("html",), notebooks=proyek.notebooks, akar_keluaran=proyek.rendered)


@pytest.mark.lambat
def test_eksekusi_paralel_sama_dengan_berurutan(proyek):
    berurutan = _render(proyek).html.read_bytes()
    hasil = _render(proyek, paralel=2)
    assert hasil.html.read_bytes() == berurutan
    _buku_gagal(proyek.notebooks)
    with pytest.raises(render.KesalahanRender, match=r"03_rusak\.ipynb, sel ke-4"):
        _render(proyek, paralel=2)
    assert hasil.html.read_bytes() == berurutan


# ---------------------------------------------------------------------------
# Render bersamaan, batas waktu sel, berkas data yang hilang


def test_render_kedua_ditolak_selama_render_pertama_berjalan(proyek, tanpa_kernel):
    from analisis.document.kunci import KesalahanKunci, kunci_render

    _render(proyek)
    lama = _isi_folder(proyek.rendered / "2025")
    with kunci_render(proyek.rendered):  # render lain sedang berjalan
        with pytest.raises(KesalahanKunci) as e:
            _render(proyek, paksa=True)
        with pytest.raises(KesalahanKunci):
            render.render_semua(("html",), notebooks=proyek.notebooks, akar_keluaran=proyek.rendered, paksa=True)
    pesan = str(e.value)
    assert "Render lain sedang berjalan" in pesan and f"PID {os.getpid()}" in pesan and "IKU_TUNGGU_KUNCI" in pesan
    assert _isi_folder(proyek.rendered / "2025") == lama
    assert not list(proyek.rendered.glob(".bangun-*")) and not (proyek.rendered / "2025-gagal").exists()
    # kunci dilepas: render berikutnya berjalan
    assert _render(proyek, paksa=True).html.is_file()


def test_render_kedua_menunggu_giliran(proyek, monkeypatch):
    """Dua render sungguhan bersamaan (dua utas): yang kedua menunggu, keduanya utuh."""
    import threading

    asli = render._eksekusi
    mulai = threading.Event()

    def lambat(sumber, tujuan, relatif, parameter, cwd):
        shutil.copyfile(sumber, tujuan)
        mulai.set()
        time.sleep(0.5)

    monkeypatch.setattr(render, "_eksekusi", lambat)
    hasil = {}
    utas = threading.Thread(target=lambda: hasil.setdefault("pertama", _render(proyek, paralel=1)))
    utas.start()
    assert mulai.wait(10)
    kedua = _render(proyek, paksa=True, tunggu=30)
    utas.join()
    assert hasil["pertama"].html.is_file() and kedua.html.is_file()
    assert kedua.dieksekusi == ["01_pendahuluan.ipynb", "02_gambaran_umum.ipynb"]
    assert not list(proyek.rendered.glob(".bangun-*"))
    assert asli is not render._eksekusi


@pytest.mark.parametrize("nilai", ["nol", "0", "-5", "inf"])
def test_batas_waktu_salah_ditolak_sebelum_kernel(proyek, monkeypatch, nilai):
    monkeypatch.setattr(render, "_eksekusi", lambda *a, **k: pytest.fail("kernel dijalankan"))
    monkeypatch.setenv("IKU_BATAS_WAKTU_SEL", nilai)
    with pytest.raises(KesalahanParameter, match="batas waktu sel"):
        _render(proyek)
    assert not proyek.rendered.exists()


def test_berkas_data_hilang_ditolak_sebelum_kernel(proyek, monkeypatch, salinan_data):
    from analisis.core.kesalahan import KesalahanData

    (salinan_data / "lks.csv").unlink()
    (salinan_data / "instansi.yaml").unlink()
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    monkeypatch.setattr(render, "_eksekusi", lambda *a, **k: pytest.fail("kernel dijalankan"))
    with pytest.raises(KesalahanData) as e:
        _render(proyek)
    pesan = str(e.value)
    assert "data/lks.csv: berkas tidak ditemukan" in pesan and "data/instansi.yaml: berkas tidak ditemukan" in pesan
    assert "2 pelanggaran" in pesan
    assert not (proyek.rendered / "2025").exists() and not list(proyek.rendered.glob(".bangun-*"))
    assert not (proyek.rendered / "2025-gagal").exists()


@pytest.mark.lambat
def test_sel_yang_menggantung_dihentikan_batas_waktu(proyek):
    _render(proyek)
    lama = _isi_folder(proyek.rendered / "2025")
    nbformat.write(
        _buku([_md("# BAB III MENGGANTUNG"), _kode("x = 1"), _kode("import time\nwhile True:\n    time.sleep(0.1)")]),
        proyek.notebooks / "03_menggantung.ipynb",
    )
    t0 = time.monotonic()
    with pytest.raises(render.KesalahanRender) as e:
        _render(proyek, batas_waktu=3)
    assert time.monotonic() - t0 < 60
    pesan = str(e.value)
    assert "03_menggantung.ipynb" in pesan
    assert "sel ke-4 tidak selesai dalam 3 detik" in pesan and "isi sel: import time" in pesan
    assert "--batas-waktu" in pesan
    assert e.value.berkas == "03_menggantung.ipynb" and e.value.sel == 4
    assert _isi_folder(proyek.rendered / "2025") == lama
    # bab lain tetap dapat dirender setelah kernel yang menggantung dibuang
    (proyek.notebooks / "03_menggantung.ipynb").unlink()
    assert _render(proyek, batas_waktu=60).html.is_file()


def test_sisa_render_terputus_dibereskan(proyek, tanpa_kernel):
    """Proses mati di antara dua os.replace: cadangan dikembalikan, folder bangun dibuang."""
    _render(proyek)
    lama = _isi_folder(proyek.rendered / "2025")
    os.replace(proyek.rendered / "2025", proyek.rendered / ".lama-2025-0123abcd")
    (proyek.rendered / ".bangun-2025-sisa" / "dieksekusi").mkdir(parents=True)
    (proyek.rendered / "2024").mkdir()
    (proyek.rendered / ".lama-2024-89abcdef").mkdir()
    hasil = _render(proyek)
    assert hasil.dilewati, "dokumen yang dikembalikan masih berlaku: tidak ada yang perlu dieksekusi"
    assert _isi_folder(proyek.rendered / "2025") == lama
    assert sorted(p.name for p in proyek.rendered.iterdir()) == [".kunci-render", "2024", "2025"]


# ---------------------------------------------------------------------------
# Dua edisi (issue 12 §1)


def _buku_reviu(folder: Path) -> None:
    """Lampiran khusus edisi reviu (metadata buku ``iku.edisi``), dengan blok reviu dan angka bertemuan di bab lain."""
    nb = _buku([_md("# LAMPIRAN 3 CATATAN PEMERIKSAAN\n\nTemuan JUMLAH-X.")])
    nb.metadata["iku"] = {"edisi": ["reviu"]}
    nbformat.write(nb, folder / "07_catatan.ipynb")
    nbformat.write(
        _buku([
            _md("# BAB III TEMUAN\n\n"
                '<p>Jumlah <span class="temuan" data-kode="JUMLAH-X" title="dihitung 21">22'
                '<a class="ke-temuan" href="#temuan-JUMLAH-X">[JUMLAH-X]</a></span> orang.</p>\n\n'
                '<p class="reviu-saja">Masukan tahun ini belum diisi.</p>'),
        ]),
        folder / "03_temuan.ipynb",
    )


@pytest.mark.lambat
def test_dua_edisi_dari_bab_yang_sama(proyek, tanpa_kernel):
    _buku_reviu(proyek.notebooks)
    hasil = _render(proyek, edisi=("final", "reviu"))
    folder = proyek.rendered / "2025"
    assert list(hasil.edisi) == ["reviu", "final"] and hasil.html == folder / "IKU-2025-reviu.html"
    assert sorted(hasil.dieksekusi) == ["01_pendahuluan.ipynb", "02_gambaran_umum.ipynb", "03_temuan.ipynb",
                                        "07_catatan.ipynb"]  # sekali per buku untuk kedua edisi
    reviu = (folder / "IKU-2025-reviu.html").read_text(encoding="utf-8")
    final = (folder / "IKU-2025-final.html").read_text(encoding="utf-8")
    assert "LAMPIRAN 3 CATATAN PEMERIKSAAN" in reviu and 'data-kode="JUMLAH-X"' in reviu and "belum diisi" in reviu
    assert "NASKAH REVIU" in reviu and '<meta name="iku:edisi" content="reviu">' in reviu
    # final: tanpa buku khusus reviu (juga di DAFTAR ISI), tanpa blok reviu, angka tanpa penanda
    assert "LAMPIRAN 3" not in final and "CATATAN PEMERIKSAAN" not in final
    assert "<p>Jumlah 22 orang.</p>" in final and "data-kode" not in final and "belum diisi" not in final
    assert "NASKAH REVIU" not in final and '<meta name="iku:edisi" content="final">' in final
    # tanpa perubahan: tidak disentuh; edisi reviu saja juga dilayani dari dokumen yang ada
    sebelum = _isi_folder(folder)
    assert _render(proyek, edisi=("reviu", "final")).dilewati
    lagi = _render(proyek, edisi="reviu")
    assert lagi.dilewati and list(lagi.edisi) == ["reviu"] and _isi_folder(folder) == sebelum


def test_edisi_tidak_dikenal_ditolak(proyek):
    with pytest.raises(KesalahanParameter, match="edisi 'akhir' tidak dikenal"):
        _render(proyek, edisi="akhir")
    assert not proyek.rendered.exists()


def test_teks_terlarang_sama_dengan_pola_sederhana():
    """TEKS_TERLARANG (diawali kelas huruf agar cepat) cocok persis di tempat yang sama dengan pola aslinya."""
    import random

    asli = re.compile(r"(?<![\w.])(?:nan|NaN|None|inf|NaT)(?!\w)|<NA>")
    acak = random.Random(15)
    potongan = ["nan", "NaN", "None", "inf", "NaT", "<NA>", "<", "N", "n", "i", "a", ".", " ", "x", "_", "1", "é",
                "\n", ">", "A", "f", "o", "e", "T"]
    for _ in range(20000):
        teks = "".join(acak.choice(potongan) for _ in range(acak.randint(0, 12)))
        assert [(m.span(), m.group(0)) for m in render.TEKS_TERLARANG.finditer(teks)] == \
            [(m.span(), m.group(0)) for m in asli.finditer(teks)], teks


def test_eksportir_dipakai_ulang_sampai_templatnya_berubah(tmp_path, monkeypatch):
    """Eksportir HTML dipinjam ulang antar-render (templat dikompilasi sekali), kecuali templat iku_bab berubah."""
    templat = tmp_path / "templat"
    shutil.copytree(render.TEMPLAT, templat)
    monkeypatch.setattr(render, "TEMPLAT", templat)
    with render._eksportir_pinjam() as a:
        with render._eksportir_pinjam() as b:
            assert a is not b  # dipinjam bersamaan: dua eksportir
    with render._eksportir_pinjam() as c:
        assert c is a or c is b
    berkas = sorted((templat / "iku_bab").rglob("*.j2"))[0]
    berkas.write_text(berkas.read_text(encoding="utf-8") + "\n{# diubah #}\n", encoding="utf-8")
    with render._eksportir_pinjam() as d:
        assert d is not a and d is not b


def _buku_berlabel(folder: Path, rujukan: str = "Lihat @tabel:uji-lebar.") -> None:
    """Bab 01 merujuk tabel berlabel di bab 02 (keluaran sudah terisi: dipakai dengan ``tanpa_kernel``)."""
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(_buku([_md(f"# BAB I PENDAHULUAN\n\n## 1.1 Latar Belakang\n\n{rujukan}")]),
                   folder / "01_pendahuluan.ipynb")
    sel = _kode("tabel_uji()")
    sel.outputs = [nbformat.v4.new_output("display_data", data={"text/html": (
        '<table><caption><span class="nomor" data-jenis="tabel" data-label="uji-lebar">Tabel [uji-lebar]</span>'
        ' Uji</caption><tr><td>x</td></tr></table>')})]
    nbformat.write(_buku([_md("# BAB II GAMBARAN UMUM\n\n## 2.1 Tugas dan Fungsi\n\nIsi tugas."), _md("Isi."), sel]),
                   folder / "02_gambaran_umum.ipynb")


@pytest.mark.lambat
def test_render_sebagian_mengisi_rujukan_dari_dokumen_utuh(proyek, tanpa_kernel, tmp_path):
    _buku_berlabel(proyek.notebooks)
    utuh = _render(proyek).html.read_text(encoding="utf-8")
    assert 'Lihat <a class="rujukan" href="#tabel-uji-lebar" data-jenis="tabel" data-label="uji-lebar">Tabel 2.1</a>' in utuh
    tersimpan = proyek.rendered / "2025" / ".cache" / render.NAMA_PENOMORAN
    assert '"uji-lebar", "2.1"' in tersimpan.read_text(encoding="utf-8")

    # hanya bab 01 dirender: rujukan ke bab 02 diisi dari penomoran dokumen utuh, tanpa tautan
    sebagian = tmp_path / "sebagian"
    sebagian.mkdir()
    shutil.copy(proyek.notebooks / "01_pendahuluan.ipynb", sebagian)
    kutip = '<span class="rujukan-luar" data-jenis="tabel" data-label="uji-lebar">Tabel 2.1</span>'
    hasil = render.render_tahun(2025, notebooks=sebagian, akar_keluaran=proyek.rendered, format=("html",))
    assert [b.berkas for b in hasil.bab] == ["01_pendahuluan.ipynb"]
    assert f"Lihat {kutip}." in hasil.html.read_text(encoding="utf-8")
    # render sebagian berikutnya (bab 01 disunting) masih memakai penomoran dokumen utuh
    _buku_berlabel(sebagian, "Lihat juga @tabel:uji-lebar.")
    (sebagian / "02_gambaran_umum.ipynb").unlink()
    hasil = render.render_tahun(2025, notebooks=sebagian, akar_keluaran=proyek.rendered, format=("html",))
    assert f"Lihat juga {kutip}." in hasil.html.read_text(encoding="utf-8")
    # label yang tidak ada di dokumen utuh tetap gagal
    _buku_berlabel(sebagian, "Lihat @tabel:salah-ketik.")
    (sebagian / "02_gambaran_umum.ipynb").unlink()
    with pytest.raises(render.KesalahanRender, match="salah-ketik"):
        render.render_tahun(2025, notebooks=sebagian, akar_keluaran=proyek.rendered, format=("html",))

    # render utuh lagi: semua buku, rujukan bertaut; di folder buku proyek tidak pernah ada render sebagian
    assert "Tabel 2.1</a>" in _render(proyek, paksa=True).html.read_text(encoding="utf-8")
