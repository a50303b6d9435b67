"""Render dokumen IKU satu tahun: eksekusi buku per bab, rakit HTML, cetak PDF.

Alur :func:`render_tahun`:

1. parameter tahun dimuat dan divalidasi (:func:`analisis.parameter.muat`)
   sebelum satu kernel pun dijalankan, sehingga parameter yang salah gagal
   seketika;
2. semua pekerjaan dilakukan di folder sementara ``rendered/.bangun-<tahun>-*``;
3. setiap buku ``notebooks/NN_*.ipynb`` dieksekusi berurutan dengan papermill
   (parameter ``tahun`` dan ``periode``) ke ``dieksekusi/``;
4. setiap buku yang sudah dieksekusi diubah menjadi penggalan HTML dengan
   templat nbconvert ``templat/iku_bab`` (tanpa kode, tanpa prompt, tanpa
   MathJax/require.js/tema JupyterLab);
5. penggalan dirakit dengan ``templat/dokumen.html.j2`` dan ``dokumen.css``
   (disisipkan) menjadi satu ``IKU-<tahun>.html``: sampul, bagian awal
   (buku ``00_*``), DAFTAR ISI (setiap h1/h2, dengan tautan), lalu bab-bab;
6. penjaga memeriksa bahwa tidak ada teks ``nan``/``None``/``inf`` dan tidak
   ada sumber daya luar (skrip, stylesheet, gambar, font);
7. PDF dicetak dengan Chromium (:mod:`analisis.pdf`);
8. bila semuanya berhasil, folder sementara ditukar menjadi
   ``rendered/<tahun>/``. Bila gagal, ``rendered/<tahun>/`` yang lama tidak
   disentuh dan folder sementara dipindah ke ``rendered/<tahun>-gagal/``.

Hasil di ``rendered/<tahun>/``: ``IKU-<tahun>.html``, ``IKU-<tahun>.pdf`` dan
``dieksekusi/*.ipynb`` (buku yang sudah dieksekusi, untuk analis).
"""

from __future__ import annotations

import base64
import contextlib
import html as _html
import logging
import os
import re
import secrets
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import paths
from .kesalahan import KesalahanIKU

__all__ = [
    "KesalahanRender",
    "InfoBab",
    "HasilRender",
    "Penggalan",
    "Judul",
    "TEMPLAT",
    "render_tahun",
    "render_semua",
    "tulis_indeks",
    "daftar_buku",
    "bab_ke_html",
    "rakit_dokumen",
    "beri_id_judul",
    "periksa_teks_terlarang",
    "periksa_mandiri",
]

log = logging.getLogger(__name__)

try:  # pragma: no cover - bergantung pada versi analisis.kesalahan
    from .kesalahan import KesalahanRender  # type: ignore[attr-defined]
except ImportError:

    class KesalahanRender(KesalahanIKU):
        """Render dokumen gagal; pesannya menyebut bab, sel, dan buku yang harus dibuka."""

        def __init__(self, pesan: str, **rincian: Any):
            super().__init__(pesan)
            self.berkas: str | None = rincian.get("berkas")
            self.sel: int | None = rincian.get("sel")
            self.ename: str | None = rincian.get("ename")
            self.evalue: str | None = rincian.get("evalue")
            self.dieksekusi: Path | None = rincian.get("dieksekusi")
            self.folder_gagal: Path | None = rincian.get("folder_gagal")


#: Folder templat (nbconvert ``iku_bab``, ``dokumen.html.j2``, ``dokumen.css``).
TEMPLAT = Path(__file__).resolve().parent / "templat"

#: Tag sel yang tidak pernah masuk dokumen.
TAG_DIBUANG = ("parameters", "injected-parameters", "remove-cell", "papermill-error-cell-tag")

#: Buku bab: nama diawali angka urut, misalnya ``01_pendahuluan.ipynb``.
POLA_BUKU = re.compile(r"^\d+[_-][^/]*\.ipynb$")

#: Buku bagian awal (sebelum DAFTAR ISI), misalnya ``00_pengantar.ipynb``.
POLA_BAGIAN_AWAL = re.compile(r"^00[_-]")

FORMAT_DIKENAL = ("html", "pdf")

#: Batas waktu satu sel (detik) saat eksekusi.
BATAS_WAKTU_SEL = 600

#: Teks yang menandakan angka tak terdefinisi bocor ke dokumen.
TEKS_TERLARANG = re.compile(r"(?<![\w.])(?:nan|NaN|None|inf|NaT)(?!\w)|<NA>")


# ---------------------------------------------------------------------------
# Hasil


@dataclass
class InfoBab:
    """Satu buku bab dalam satu render."""

    berkas: str
    sumber: Path
    dieksekusi: Path
    judul: list[str] = field(default_factory=list)
    bagian_awal: bool = False
    durasi_eksekusi: float = 0.0
    durasi_html: float = 0.0


@dataclass
class HasilRender:
    """Hasil :func:`render_tahun`.

    Attributes
    ----------
    tahun, periode
        Tahun dan periode dokumen.
    folder
        ``rendered/<tahun>/``.
    html, pdf
        Berkas yang ditulis; ``pdf`` ``None`` bila tidak diminta atau dilewati.
    bab
        Buku bab menurut urutan dokumen.
    durasi
        Detik per tahap: ``parameter``, ``eksekusi``, ``html``, ``pdf``, ``total``.
    ukuran
        Ukuran berkas dalam bita (``html``, ``pdf``).
    peringatan
        Pesan untuk pengguna, misalnya PDF dilewati karena tidak ada Chromium.
    """

    tahun: int
    periode: str
    folder: Path
    html: Path | None = None
    pdf: Path | None = None
    bab: list[InfoBab] = field(default_factory=list)
    durasi: dict[str, float] = field(default_factory=dict)
    ukuran: dict[str, int] = field(default_factory=dict)
    peringatan: list[str] = field(default_factory=list)


@dataclass
class Penggalan:
    """Penggalan HTML satu buku bab, siap dirakit."""

    berkas: str
    html: str
    bagian_awal: bool = False


@dataclass
class Judul:
    """Satu judul (h1–h6) di dokumen."""

    tingkat: int
    id: str
    teks: str
    berkas: str = ""


class _GagalBab(Exception):
    """Kegagalan satu bab; pesan akhirnya dibuat setelah folder gagal dipindah."""

    def __init__(self, berkas: str, relatif: str | None, alasan: str, **rincian: Any):
        super().__init__(alasan)
        self.berkas = berkas
        self.relatif = relatif
        self.alasan = alasan
        self.rincian = rincian


# ---------------------------------------------------------------------------
# Buku dan eksekusi


def daftar_buku(folder: Path) -> list[Path]:
    """Buku bab di ``folder`` menurut urutan baca (``NN_nama.ipynb``).

    Raises
    ------
    KesalahanRender
        Bila folder tidak ada atau tidak memuat satu buku bab pun.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KesalahanRender(f"Folder buku catatan tidak ditemukan: {folder}")
    buku = sorted(p for p in folder.iterdir() if p.is_file() and POLA_BUKU.match(p.name))
    if not buku:
        raise KesalahanRender(
            f"Tidak ada buku bab di {folder}: nama berkas harus diawali nomor urut, "
            "misalnya 01_pendahuluan.ipynb."
        )
    return buku


@contextlib.contextmanager
def _lingkungan_kernel(akar: Path | None) -> Iterator[None]:
    """Variabel lingkungan yang diwarisi kernel: ``IKU_ROOT`` dan ``PYTHONPATH``."""
    lama = {k: os.environ.get(k) for k in ("IKU_ROOT", "PYTHONPATH", "PYDEVD_DISABLE_FILE_VALIDATION")}
    try:
        if akar is not None:
            os.environ["IKU_ROOT"] = str(akar)
        src = str(Path(__file__).resolve().parent.parent)
        bagian = [p for p in (lama["PYTHONPATH"] or "").split(os.pathsep) if p]
        if src not in bagian:
            os.environ["PYTHONPATH"] = os.pathsep.join([src, *bagian])
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        yield
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _nomor_sel(dieksekusi: Path, indeks: int) -> int:
    """Nomor sel (mulai 1) di buku asli dari indeks sel menurut papermill.

    Indeks papermill menghitung sel ``injected-parameters`` yang disisipkan;
    sel penanda galat papermill tidak dihitung.
    """
    try:
        import nbformat

        nb = nbformat.read(dieksekusi, as_version=4)
    except Exception:  # noqa: BLE001 - hanya untuk pesan
        return indeks + 1
    sel = [c for c in nb.cells if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])]
    sisipan = sum(1 for c in sel[:indeks] if "injected-parameters" in c.get("metadata", {}).get("tags", []))
    return indeks - sisipan + 1


def _baris_pertama(kode: str, batas: int = 100) -> str:
    baris = next((b.strip() for b in (kode or "").splitlines() if b.strip()), "")
    return baris if len(baris) <= batas else baris[: batas - 1] + "…"


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _baris_galat(traceback: list[str] | None, kode: str) -> str:
    r"""Baris sel yang memicu galat, dari jejak IPython (``----> 2 ...``).

    >>> _baris_galat(["\x1b[31mKeyError\x1b[0m", "Cell In[4], line 2\n      1 x = 1\n----> 2 y['a']\n"], "x = 1")
    "baris 2: y['a']"
    >>> _baris_galat([], "x = 1\ny")
    'baris pertama sel: x = 1'
    """
    teks = _ANSI.sub("", "\n".join(traceback or []))
    letak = teks.find("Cell In[")
    if letak >= 0:
        m = re.search(r"^-+>\s*(\d+)\s(.*)$", teks[letak:], re.M)
        if m:
            return f"baris {m.group(1)}: {_baris_pertama(m.group(2))}"
    pertama = _baris_pertama(kode)
    return f"baris pertama sel: {pertama}" if pertama else ""


def _eksekusi(sumber: Path, tujuan: Path, relatif: str, parameter: dict, cwd: Path) -> None:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    try:
        pm.execute_notebook(
            str(sumber),
            str(tujuan),
            parameters=parameter,
            kernel_name="python3",
            cwd=str(cwd),
            progress_bar=False,
            log_output=False,
            execution_timeout=BATAS_WAKTU_SEL,
        )
    except PapermillExecutionError as e:
        sel = _nomor_sel(tujuan, e.cell_index)
        alasan = f"sel ke-{sel} (In [{e.exec_count}]): {e.ename}: {e.evalue}"
        letak = _baris_galat(e.traceback, e.source)
        if letak:
            alasan += f"\n  {letak}"
        raise _GagalBab(sumber.name, relatif, alasan, sel=sel, ename=e.ename, evalue=e.evalue) from e
    except Exception as e:  # noqa: BLE001 - kernel mati, JSON rusak, kernel tidak ada, ...
        ada = relatif if tujuan.exists() else None
        raise _GagalBab(sumber.name, ada, f"{type(e).__name__}: {e}") from e


def _periksa_keluaran_galat(nb, berkas: str, relatif: str) -> None:
    """Keluaran ``error`` (mis. sel bertag raises-exception) tidak boleh masuk dokumen."""
    nomor = 0
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags or "papermill-error-cell-tag" in tags:
            continue
        nomor += 1
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error":
                raise _GagalBab(
                    berkas,
                    relatif,
                    f"sel ke-{nomor} (In [{cell.get('execution_count')}]) berakhir dengan galat "
                    f"{out.get('ename')}: {out.get('evalue')} (sel bertag raises-exception?)",
                    sel=nomor,
                    ename=out.get("ename"),
                    evalue=out.get("evalue"),
                )


# ---------------------------------------------------------------------------
# Buku -> penggalan HTML


def svg_sebaris(svg: str) -> str:
    """SVG untuk disisipkan langsung di HTML: tanpa deklarasi XML, DOCTYPE dan metadata.

    >>> svg_sebaris('<?xml version="1.0"?>\\n<!DOCTYPE svg PUBLIC "-" "x.dtd">\\n<svg><metadata>m</metadata><g/></svg>')
    '<svg><g/></svg>'
    """
    teks = re.sub(r"<\?xml[^>]*\?>", "", svg)
    teks = re.sub(r"<!DOCTYPE[^>]*>", "", teks, flags=re.I)
    teks = re.sub(r"<metadata\b.*?</metadata>", "", teks, flags=re.S | re.I)
    return teks.strip()


def _eksportir():
    """HTMLExporter dengan templat ``iku_bab``."""
    from nbconvert.exporters import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = set(TAG_DIBUANG)
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    c.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.exclude_anchor_links = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.sanitize_html = False
    eksportir = HTMLExporter(config=c, template_name="iku_bab", extra_template_basedirs=[str(TEMPLAT)])
    eksportir.register_filter("svg_sebaris", svg_sebaris)
    return eksportir


def bab_ke_html(dieksekusi: Path | Any, *, folder_sumber: Path | None = None, eksportir=None) -> str:
    """Penggalan HTML satu buku yang sudah dieksekusi (hanya isi untuk pembaca).

    Parameters
    ----------
    dieksekusi : Path or NotebookNode
        Buku yang sudah dieksekusi.
    folder_sumber : Path, optional
        Folder asal buku, untuk menyisipkan gambar relatif di sel markdown.
    eksportir : HTMLExporter, optional
        Dipakai ulang antar-bab (memuat templat hanya sekali).
    """
    import nbformat

    nb = dieksekusi if not isinstance(dieksekusi, (str, os.PathLike)) else nbformat.read(dieksekusi, as_version=4)
    eksportir = eksportir or _eksportir()
    sumber_daya = {"metadata": {"path": str(folder_sumber)}} if folder_sumber else {}
    isi, _ = eksportir.from_notebook_node(nb, resources=sumber_daya)
    return isi.strip() + "\n"


# ---------------------------------------------------------------------------
# Judul, daftar isi, penjaga

_JUDUL = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1\s*>", re.I | re.S)
_ATRIBUT_ID = re.compile(r"""\sid\s*=\s*(["'])(.*?)\1""", re.I | re.S)


def _teks_polos(potongan: str) -> str:
    teks = re.sub(r"<[^>]+>", "", potongan)
    return re.sub(r"\s+", " ", _html.unescape(teks)).strip()


def _slug(teks: str) -> str:
    """Id judul yang stabil dari teksnya.

    >>> _slug("BAB II  Gambaran Umum"), _slug("2.1 Tugas, Fungsi & Struktur"), _slug("???")
    ('bab-ii-gambaran-umum', '2-1-tugas-fungsi-struktur', 'judul')
    """
    t = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t[:80].rstrip("-") or "judul"


def _unik(dasar: str, terpakai: set[str]) -> str:
    ident, n = dasar, 2
    while ident in terpakai:
        ident, n = f"{dasar}-{n}", n + 1
    terpakai.add(ident)
    return ident


def beri_id_judul(fragmen: str, terpakai: set[str], berkas: str = "") -> tuple[str, list[Judul]]:
    """Beri setiap ``<h1>``–``<h6>`` id yang stabil dan unik; kembalikan daftarnya.

    Id dibentuk dari teks judul (``"2.1 Tugas"`` → ``2-1-tugas``); id yang
    sudah ada dipertahankan bila belum terpakai. ``terpakai`` diperbarui.

    >>> f, j = beri_id_judul("<h1>BAB I</h1><h2 class='x'>1.1 A</h2><h2>1.1 A</h2>", set())
    >>> f
    '<h1 id="bab-i">BAB I</h1><h2 class=\\'x\\' id="1-1-a">1.1 A</h2><h2 id="1-1-a-2">1.1 A</h2>'
    >>> [(x.tingkat, x.id) for x in j]
    [(1, 'bab-i'), (2, '1-1-a'), (2, '1-1-a-2')]
    """
    judul: list[Judul] = []

    def ganti(m: re.Match) -> str:
        tingkat, atribut, isi = int(m.group(1)), m.group(2) or "", m.group(3)
        teks = _teks_polos(isi)
        ada = _ATRIBUT_ID.search(atribut)
        if ada and ada.group(2) and ada.group(2) not in terpakai:
            ident = ada.group(2)
            terpakai.add(ident)
        else:
            ident = _unik(_slug(teks), terpakai)
            atribut = _ATRIBUT_ID.sub("", atribut) + f' id="{_html.escape(ident)}"'
        judul.append(Judul(tingkat, ident, teks, berkas))
        return f"<h{tingkat}{atribut}>{isi}</h{tingkat}>"

    return _JUDUL.sub(ganti, fragmen), judul


class _PengumpulTeks(HTMLParser):
    """Simpul teks yang dibaca orang (tanpa isi ``<style>``, ``<script>``, ``<metadata>``)."""

    _LEWATI = {"style", "script", "metadata"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.teks: list[str] = []
        self._lewati = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._LEWATI:
            self._lewati += 1

    def handle_endtag(self, tag):
        if tag in self._LEWATI and self._lewati:
            self._lewati -= 1

    def handle_data(self, data):
        if not self._lewati and data.strip():
            self.teks.append(data)


def _simpul_teks(fragmen: str) -> list[str]:
    p = _PengumpulTeks()
    p.feed(fragmen)
    p.close()
    return p.teks


def periksa_teks_terlarang(fragmen: str, nama: str) -> None:
    """Tolak penggalan yang memuat ``nan``, ``NaN``, ``None``, ``inf``, ``NaT`` atau ``<NA>`` sebagai kata.

    Hanya simpul teks yang diperiksa (bukan atribut, CSS, atau komentar).

    Raises
    ------
    KesalahanRender
        Menyebut ``nama`` (bab) dan potongan teks di sekitarnya.

    Examples
    --------
    >>> periksa_teks_terlarang("<p>Capaian 95,00 %; nama: Nanang; info</p>", "01.ipynb")
    >>> periksa_teks_terlarang("<td>nan</td>", "02_x.ipynb")
    Traceback (most recent call last):
    ...
    analisis.render.KesalahanRender: Bab 02_x.ipynb memuat teks 'nan' (nilai tak terdefinisi yang tidak diformat): «nan». Format angka dengan analisis.format (nilai kosong tampil sebagai '–').
    """
    temuan = []
    for teks in _simpul_teks(fragmen):
        for m in TEKS_TERLARANG.finditer(teks):
            awal, akhir = max(0, m.start() - 40), min(len(teks), m.end() + 40)
            konteks = re.sub(r"\s+", " ", teks[awal:akhir]).strip()
            temuan.append((m.group(0), konteks))
    if temuan:
        kata = sorted({k for k, _ in temuan})
        contoh = "; ".join(f"«{k}»" for _, k in temuan[:5])
        lagi = f" (dan {len(temuan) - 5} lagi)" if len(temuan) > 5 else ""
        raise KesalahanRender(
            f"Bab {nama} memuat teks {', '.join(repr(k) for k in kata)} (nilai tak terdefinisi yang tidak "
            f"diformat): {contoh}{lagi}. Format angka dengan analisis.format (nilai kosong tampil sebagai '–').",
            berkas=nama,
        )


_SUMBER_LUAR = (
    (re.compile(r"<script\b[^>]*\bsrc\s*=", re.I), "skrip luar <script src>"),
    (re.compile(r"<link\b", re.I), "<link> (stylesheet/font luar)"),
    (re.compile(r"<(?:iframe|object|embed)\b", re.I), "<iframe>/<object>/<embed>"),
    (re.compile(r"@import\b", re.I), "@import CSS"),
    (re.compile(r"""url\(\s*['"]?(?!data:|#)[^)'"\s]""", re.I), "url(...) ke berkas atau situs luar"),
    (re.compile(r"""\s(?:src|srcset|poster)\s*=\s*["']?\s*(?!data:|#|["'\s>])""", re.I), "src= ke berkas atau situs luar"),
    (re.compile(r"""<image\b[^>]*\bhref\s*=\s*["']?\s*(?!data:|#)""", re.I), "<image href> di SVG"),
)


def periksa_mandiri(fragmen: str, nama: str) -> list[str]:
    """Pastikan penggalan tidak memuat sumber daya luar; kembalikan peringatan.

    Dilarang (galat): ``<script src>``, ``<link>``, ``<iframe>``/``<object>``/``<embed>``,
    ``@import``, ``url()`` dan ``src=`` yang bukan ``data:``, serta ``<image href>``
    SVG ke luar. Tautan biasa ``<a href="https://…">`` boleh (bukan sumber daya).
    Skrip sebaris hanya menghasilkan peringatan (dokumen cetak tidak menjalankannya).

    Raises
    ------
    KesalahanRender
        Bila ada sumber daya luar.

    Examples
    --------
    >>> periksa_mandiri('<img src="data:image/png;base64,AA"><a href="https://x.id">x</a>', "01.ipynb")
    []
    >>> periksa_mandiri('<img src="https://x.id/a.png">', "01.ipynb")
    Traceback (most recent call last):
    ...
    analisis.render.KesalahanRender: Bab 01.ipynb memuat sumber daya luar (src= ke berkas atau situs luar): <img src="https://x.id/a.png">. Dokumen harus berdiri sendiri: sisipkan gambar sebagai SVG/PNG dari kode, tanpa tautan ke berkas atau internet.
    """
    for pola, jenis in _SUMBER_LUAR:
        m = pola.search(fragmen)
        if m:
            awal = fragmen.rfind("<", 0, m.start() + 1)
            akhir = fragmen.find(">", m.end())
            potongan = fragmen[awal if awal >= 0 else m.start() : (akhir + 1 if akhir >= 0 else m.end() + 60)]
            potongan = re.sub(r"\s+", " ", potongan)[:160]
            raise KesalahanRender(
                f"Bab {nama} memuat sumber daya luar ({jenis}): {potongan}. Dokumen harus berdiri sendiri: "
                "sisipkan gambar sebagai SVG/PNG dari kode, tanpa tautan ke berkas atau internet.",
                berkas=nama,
            )
    peringatan = []
    if re.search(r"<script\b", fragmen, re.I):
        peringatan.append(f"Bab {nama} memuat <script> sebaris; skrip tidak dijalankan di PDF.")
    return peringatan


# ---------------------------------------------------------------------------
# Perakitan dokumen


def _lingkungan_jinja():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLAT)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _ambil(obj: Any, kunci: str, bawaan: Any = None) -> Any:
    if obj is None:
        return bawaan
    if isinstance(obj, dict):
        return obj.get(kunci, bawaan)
    return getattr(obj, kunci, bawaan)


def _logo(instansi: Any) -> str | None:
    """Lambang daerah sebagai data URI dari ``data/`` (``logo`` di instansi, atau logo.svg/logo.png)."""
    try:
        folder = paths.folder_data()
    except (FileNotFoundError, OSError):
        return None
    nama = _ambil(instansi, "logo")
    kandidat = [folder / nama] if nama else [folder / "logo.svg", folder / "logo.png"]
    for jalur in kandidat:
        if jalur.is_file():
            jenis = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(
                jalur.suffix.lower()
            )
            if jenis:
                return f"data:{jenis};base64," + base64.b64encode(jalur.read_bytes()).decode("ascii")
    return None


def _data_sampul(instansi: Any) -> dict:
    renstra = _ambil(instansi, "periode_renstra")
    awal, akhir = _ambil(renstra, "awal"), _ambil(renstra, "akhir")
    return {
        "pemerintah": _ambil(instansi, "pemerintah") or "",
        "nama_lengkap": _ambil(instansi, "nama_lengkap") or "",
        "nama_daerah": _ambil(instansi, "nama_daerah") or "",
        "renstra": f"{awal}–{akhir}" if awal and akhir else "",
        "logo": _logo(instansi),
    }


def rakit_dokumen(
    penggalan: list[Penggalan],
    *,
    tahun: int,
    periode: str,
    instansi: Any,
) -> tuple[str, list[Judul]]:
    """Satu dokumen HTML berdiri sendiri dari penggalan bab.

    Setiap judul diberi id unik; DAFTAR ISI memuat setiap h1 dan h2 (bagian
    awal dan bab), dengan tautan ke id-nya. Setiap penggalan diperiksa oleh
    :func:`periksa_teks_terlarang` dan :func:`periksa_mandiri`.

    Parameters
    ----------
    penggalan : list of Penggalan
        Menurut urutan buku; ``bagian_awal`` ditempatkan sebelum DAFTAR ISI.
    tahun, periode
        Untuk sampul dan metadata.
    instansi : dict
        Seperti :func:`analisis.data.instansi` (pemerintah, nama_lengkap, periode_renstra, ...).

    Returns
    -------
    html : str
        Dokumen lengkap.
    judul : list of Judul
        Semua judul bab menurut urutan dokumen.
    """
    from markupsafe import Markup

    terpakai = {"daftar-isi"}
    semua_judul: list[Judul] = []
    awal, bab = [], []
    for p in penggalan:
        periksa_teks_terlarang(p.html, p.berkas)
        periksa_mandiri(p.html, p.berkas)
        fragmen, judul = beri_id_judul(p.html, terpakai, p.berkas)
        semua_judul.extend(judul)
        ident = _unik("buku-" + _slug(Path(p.berkas).stem), terpakai)
        (awal if p.bagian_awal else bab).append({"id": ident, "berkas": p.berkas, "html": Markup(fragmen)})

    daftar_isi = [{"tingkat": j.tingkat, "id": j.id, "teks": j.teks} for j in semua_judul if j.tingkat <= 2 and j.teks]
    sampul = _data_sampul(instansi)
    nama = sampul["nama_lengkap"]
    judul_halaman = f"Indikator Kinerja Utama (IKU) {nama} Tahun {tahun}" if nama else f"Indikator Kinerja Utama (IKU) Tahun {tahun}"
    css = (TEMPLAT / "dokumen.css").read_text(encoding="utf-8")
    templat = _lingkungan_jinja().get_template("dokumen.html.j2")
    dokumen = templat.render(
        tahun=tahun,
        periode=periode or "",
        judul_halaman=judul_halaman,
        css=Markup(css),
        sampul=sampul,
        awal=awal,
        bab=bab,
        daftar_isi=daftar_isi,
    )
    periksa_teks_terlarang(dokumen, "sampul/daftar isi")
    periksa_mandiri(dokumen, "sampul/daftar isi")
    return dokumen, semua_judul


# ---------------------------------------------------------------------------
# Parameter dan instansi (dipisah agar mudah diganti di tes)


def _muat_parameter(tahun: int, periode: str | None):
    from . import parameter

    return parameter.muat(tahun, periode) if periode is not None else parameter.muat(tahun)


def _muat_instansi() -> Any:
    from . import data

    hasil = data.instansi()
    if hasattr(hasil, "model_dump"):
        hasil = hasil.model_dump()
    return hasil


def _tahun_tersedia() -> tuple[int, ...]:
    from . import parameter

    tetap = getattr(parameter, "TAHUN_TERSEDIA", None)
    return tuple(tetap) if tetap else tuple(parameter.tahun_tersedia())


def _akar() -> Path | None:
    try:
        return paths.akar()
    except (FileNotFoundError, OSError):
        return None


# ---------------------------------------------------------------------------
# Folder keluaran atomik


def _hapus(folder: Path) -> None:
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder)


def _pasang(bangun: Path, tujuan: Path) -> None:
    """Tukar ``bangun`` menjadi ``tujuan``: lama → cadangan, baru → tempatnya, hapus cadangan."""
    cadangan = None
    if tujuan.exists():
        cadangan = tujuan.with_name(f".lama-{tujuan.name}-{secrets.token_hex(4)}")
        os.replace(tujuan, cadangan)
    try:
        os.replace(bangun, tujuan)
    except BaseException:
        if cadangan is not None:
            os.replace(cadangan, tujuan)
        raise
    if cadangan is not None:
        shutil.rmtree(cadangan, ignore_errors=True)


def _simpan_gagal(bangun: Path, keluaran: Path, tahun: int) -> Path:
    gagal = keluaran / f"{tahun}-gagal"
    try:
        _hapus(gagal)
        os.replace(bangun, gagal)
    except OSError:  # pragma: no cover - mis. izin; biarkan folder sementara apa adanya
        log.warning("Folder sementara %s tidak dapat dipindah ke %s", bangun, gagal)
        return bangun
    return gagal


def _normalisasi_format(format: Iterable[str] | str) -> tuple[str, ...]:
    daftar = (format,) if isinstance(format, str) else tuple(format)
    daftar = tuple(dict.fromkeys(f.lower() for f in daftar))
    salah = [f for f in daftar if f not in FORMAT_DIKENAL]
    if not daftar or salah:
        raise KesalahanRender(
            f"Format keluaran tidak dikenal: {', '.join(salah) or '(kosong)'}; pilih dari: {', '.join(FORMAT_DIKENAL)}."
        )
    return daftar


# ---------------------------------------------------------------------------
# Render


def _eksekusi_semua(buku: list[Path], bangun: Path, parameter: dict, cwd: Path, paralel: int) -> dict[str, float]:
    """Eksekusi setiap buku ke ``bangun/dieksekusi/``; kembalikan lama eksekusi per buku.

    Dengan ``paralel > 1`` beberapa kernel berjalan bersamaan (utas); galat
    yang dilaporkan tetap galat buku paling awal menurut urutan baca, dan buku
    yang belum dimulai dibatalkan.
    """
    from concurrent.futures import ThreadPoolExecutor

    def satu(sumber: Path) -> float:
        relatif = f"dieksekusi/{sumber.name}"
        log.info("Mengeksekusi %s (tahun %s, %s)", sumber.name, parameter["tahun"], parameter["periode"])
        t0 = time.perf_counter()
        _eksekusi(sumber, bangun / relatif, relatif, parameter, cwd)
        return time.perf_counter() - t0

    if paralel <= 1 or len(buku) == 1:
        return {sumber.name: satu(sumber) for sumber in buku}
    hasil: dict[str, float] = {}
    with ThreadPoolExecutor(max_workers=paralel, thread_name_prefix="iku-kernel") as pelaksana:
        tugas = [(sumber, pelaksana.submit(satu, sumber)) for sumber in buku]
        try:
            for sumber, t in tugas:
                hasil[sumber.name] = t.result()
        except BaseException:
            for _, t in tugas:
                t.cancel()
            raise
    return hasil


def render_tahun(
    tahun: int,
    *,
    periode: str | None = None,
    format: tuple[str, ...] = ("html", "pdf"),
    akar_keluaran: Path | None = None,
    notebooks: Path | None = None,
    chromium: str | None = None,
    paralel: int = 1,
) -> HasilRender:
    """Eksekusi semua buku bab untuk ``tahun`` dan tulis ``rendered/<tahun>/``.

    Parameters
    ----------
    tahun : int
        Tahun dokumen; harus memiliki ``parameters/<tahun>.yml``.
    periode : str, optional
        Menimpa periode dari parameter (mis. ``"Triwulan I"``).
    format : tuple of {"html", "pdf"}
        Keluaran yang diminta. HTML selalu ditulis (sumber PDF). Bila PDF
        diminta bersama HTML tetapi tidak ada Chromium, PDF dilewati dengan
        peringatan; bila hanya PDF yang diminta, :class:`analisis.pdf.KesalahanPDF`.
    akar_keluaran : Path, optional
        Folder ``rendered/`` (bawaan :func:`analisis.paths.folder_render`).
    notebooks : Path, optional
        Folder buku bab (bawaan :func:`analisis.paths.folder_notebook`).
    chromium : str, optional
        Jalur Chromium untuk PDF (lihat :func:`analisis.pdf.cari_chromium`).
    paralel : int, default 1
        Jumlah buku yang dieksekusi bersamaan (kernel terpisah). Dengan 2 inti,
        ``paralel=2`` kira-kira 1,6 kali lebih cepat; urutan dokumen dan
        pelaporan galat (bab pertama yang gagal menurut urutan) tidak berubah.

    Returns
    -------
    HasilRender

    Raises
    ------
    analisis.kesalahan.KesalahanParameter
        Parameter tidak sah (sebelum kernel apa pun dijalankan).
    KesalahanRender
        Sebuah bab gagal; pesan menyebut buku, nomor sel, galat, dan buku
        dieksekusi di ``rendered/<tahun>-gagal/`` yang harus dibuka.
        ``rendered/<tahun>/`` yang lama tidak diubah.
    """
    from . import pdf as _pdf

    mulai = time.perf_counter()
    fmt = _normalisasi_format(format)
    param = _muat_parameter(tahun, periode)
    tahun = int(_ambil(param, "tahun", tahun))
    periode_efektif = periode or _ambil(param, "periode") or ""
    instansi = _muat_instansi()
    folder_nb = Path(notebooks) if notebooks is not None else paths.folder_notebook()
    buku = daftar_buku(folder_nb)
    durasi = {"parameter": time.perf_counter() - mulai}

    keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
    keluaran.mkdir(parents=True, exist_ok=True)
    tujuan = keluaran / str(tahun)
    bangun = Path(tempfile.mkdtemp(prefix=f".bangun-{tahun}-", dir=keluaran))
    os.chmod(bangun, 0o755)
    (bangun / "dieksekusi").mkdir()

    hasil = HasilRender(tahun=tahun, periode=periode_efektif, folder=tujuan, durasi=durasi)
    try:
        import nbformat

        parameter_buku = {"tahun": tahun, "periode": periode_efektif}
        t0 = time.perf_counter()
        with _lingkungan_kernel(_akar()):
            lama_eksekusi = _eksekusi_semua(buku, bangun, parameter_buku, folder_nb, paralel)
        durasi["eksekusi"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        penggalan: list[Penggalan] = []
        eksportir = _eksportir()
        for sumber in buku:
            relatif = f"dieksekusi/{sumber.name}"
            t1 = time.perf_counter()
            nb = nbformat.read(bangun / relatif, as_version=4)
            _periksa_keluaran_galat(nb, sumber.name, relatif)
            fragmen = bab_ke_html(nb, folder_sumber=folder_nb, eksportir=eksportir)
            awal = bool(POLA_BAGIAN_AWAL.match(sumber.name))
            penggalan.append(Penggalan(sumber.name, fragmen, awal))
            hasil.bab.append(
                InfoBab(sumber.name, sumber, tujuan / relatif, bagian_awal=awal,
                        durasi_eksekusi=lama_eksekusi[sumber.name], durasi_html=time.perf_counter() - t1)
            )
            if not _simpul_teks(fragmen) and "<svg" not in fragmen and "<img" not in fragmen:
                hasil.peringatan.append(f"Bab {sumber.name} tidak menghasilkan isi apa pun untuk dokumen.")

        try:
            dokumen, judul = rakit_dokumen(penggalan, tahun=tahun, periode=periode_efektif, instansi=instansi)
        except KesalahanRender as e:
            berkas = getattr(e, "berkas", None) or "?"
            raise _GagalBab(berkas, f"dieksekusi/{berkas}" if berkas.endswith(".ipynb") else None, str(e)) from e
        for j in judul:
            for info in hasil.bab:
                if info.berkas == j.berkas and j.tingkat == 1:
                    info.judul.append(j.teks)
        for p in penggalan:
            hasil.peringatan.extend(periksa_mandiri(p.html, p.berkas))
        nama_html = f"IKU-{tahun}.html"
        (bangun / nama_html).write_text(dokumen, encoding="utf-8", newline="\n")
        durasi["html"] = time.perf_counter() - t0
        hasil.html = tujuan / nama_html
        hasil.ukuran["html"] = (bangun / nama_html).stat().st_size

        if "pdf" in fmt:
            t0 = time.perf_counter()
            nama_pdf = f"IKU-{tahun}.pdf"
            try:
                _pdf.tulis_pdf(bangun / nama_html, bangun / nama_pdf, chromium)
            except _pdf.PerambanTidakDitemukan as e:
                if "html" not in fmt:
                    raise
                hasil.peringatan.append(f"PDF dilewati: {e}")
            else:
                hasil.pdf = tujuan / nama_pdf
                hasil.ukuran["pdf"] = (bangun / nama_pdf).stat().st_size
            durasi["pdf"] = time.perf_counter() - t0
    except BaseException as e:
        gagal = _simpan_gagal(bangun, keluaran, tahun)
        if isinstance(e, _GagalBab):
            dibuka = gagal / e.relatif if e.relatif else gagal
            raise KesalahanRender(
                f"Render IKU {tahun} gagal di bab {e.berkas}, {e.alasan}\n"
                f"Buka buku yang sudah dieksekusi untuk melihat galatnya: {dibuka}\n"
                f"Dokumen sebelumnya di {tujuan} tidak diubah.",
                berkas=e.berkas,
                dieksekusi=dibuka,
                folder_gagal=gagal,
                **e.rincian,
            ) from e.__cause__
        if isinstance(e, KesalahanIKU):
            e.add_note(f"Hasil sementara disimpan di {gagal}; dokumen sebelumnya di {tujuan} tidak diubah.")
        raise

    _pasang(bangun, tujuan)
    gagal_lama = keluaran / f"{tahun}-gagal"
    if gagal_lama.exists():
        shutil.rmtree(gagal_lama, ignore_errors=True)
    durasi["total"] = time.perf_counter() - mulai
    return hasil


def render_semua(
    format: tuple[str, ...] = ("html", "pdf"),
    *,
    tahun: Iterable[int] | None = None,
    akar_keluaran: Path | None = None,
    notebooks: Path | None = None,
    chromium: str | None = None,
    lanjut_bila_gagal: bool = True,
    paralel: int = 1,
) -> list[HasilRender]:
    """Render setiap tahun yang memiliki parameter, lalu tulis ``rendered/index.html``.

    Parameter semua tahun divalidasi lebih dulu, sebelum kernel apa pun jalan.
    Tahun yang gagal tidak menghentikan tahun lain (kecuali
    ``lanjut_bila_gagal=False``); setelah indeks ditulis, kegagalan dilaporkan
    sekaligus dalam satu :class:`KesalahanRender`.

    Returns
    -------
    list of HasilRender
        Satu per tahun yang berhasil.
    """
    daftar_tahun = tuple(tahun) if tahun is not None else _tahun_tersedia()
    for t in daftar_tahun:
        _muat_parameter(t, None)
    keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
    hasil: list[HasilRender] = []
    gagal: list[tuple[int, KesalahanIKU]] = []
    for t in daftar_tahun:
        try:
            hasil.append(
                render_tahun(t, format=format, akar_keluaran=keluaran, notebooks=notebooks, chromium=chromium,
                             paralel=paralel)
            )
        except KesalahanIKU as e:
            gagal.append((t, e))
            if not lanjut_bila_gagal:
                break
    tulis_indeks(keluaran, daftar_tahun)
    if gagal:
        berhasil = ", ".join(str(h.tahun) for h in hasil) or "tidak ada"
        rincian = "\n\n".join(f"[{t}] {e}" for t, e in gagal)
        raise KesalahanRender(
            f"Render gagal untuk tahun {', '.join(str(t) for t, _ in gagal)} (berhasil: {berhasil}).\n\n{rincian}"
        )
    return hasil


# ---------------------------------------------------------------------------
# Indeks


def _ukuran_teks(bita: int) -> str:
    """Ukuran berkas yang mudah dibaca.

    >>> _ukuran_teks(532), _ukuran_teks(48_300), _ukuran_teks(2_400_000)
    ('532 B', '47 KB', '2,3 MB')
    """
    if bita < 1024:
        return f"{bita} B"
    if bita < 1024 * 1024:
        return f"{round(bita / 1024)} KB"
    return f"{bita / 1024 / 1024:.1f} MB".replace(".", ",")


def _meta(html_path: Path, nama: str) -> str | None:
    try:
        kepala = html_path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None
    m = re.search(rf'<meta name="{re.escape(nama)}" content="([^"]*)"', kepala)
    return _html.unescape(m.group(1)) if m else None


def tulis_indeks(akar_keluaran: Path | None = None, tahun: Iterable[int] | None = None) -> Path:
    """Tulis ``rendered/index.html``: tautan ke HTML dan PDF setiap tahun yang ada.

    Tahun diambil dari ``tahun`` ditambah setiap folder ``rendered/<tahun>/``
    yang ada. Halaman berdiri sendiri (CSS sebaris, tanpa skrip); templatnya
    ``templat/indeks.html.j2``.
    """
    keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
    keluaran.mkdir(parents=True, exist_ok=True)
    semua = set(tahun or ())
    semua |= {int(p.name) for p in keluaran.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)}
    baris = []
    for t in sorted(semua):
        folder = keluaran / str(t)
        html_p, pdf_p = folder / f"IKU-{t}.html", folder / f"IKU-{t}.pdf"
        gagal = keluaran / f"{t}-gagal"
        baris.append({
            "tahun": t,
            "periode": _meta(html_p, "iku:periode") if html_p.is_file() else None,
            "html": f"{t}/{html_p.name}" if html_p.is_file() else None,
            "html_ukuran": _ukuran_teks(html_p.stat().st_size) if html_p.is_file() else None,
            "pdf": f"{t}/{pdf_p.name}" if pdf_p.is_file() else None,
            "pdf_ukuran": _ukuran_teks(pdf_p.stat().st_size) if pdf_p.is_file() else None,
            "gagal": f"{gagal.name}/dieksekusi/" if gagal.is_dir() else None,
        })
    try:
        nama = _ambil(_muat_instansi(), "nama_lengkap")
    except Exception:  # noqa: BLE001 - indeks tetap ditulis tanpa nama instansi
        nama = None
    templat = _lingkungan_jinja().get_template("indeks.html.j2")
    jalur = keluaran / "index.html"
    jalur.write_text(templat.render(baris=baris, nama=nama), encoding="utf-8", newline="\n")
    return jalur
