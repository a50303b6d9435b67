"""Grafik matplotlib dengan label dan format Indonesia, disisipkan sebagai SVG.

SVG disisipkan langsung di HTML (tanpa berkas luar), tajam di layar dan di
PDF. Sumbu memakai titik ribuan dan koma desimal.

Examples
--------
>>> fig, ax = subplots()
>>> _ = ax.bar(["2023", "2024"], [50001, 43746])
>>> g = Gambar(fig, judul="Jumlah PPKS", label="ppks")
>>> g.html().startswith('<figure class="grafik" id="gambar-ppks">') and "Gambar [ppks]" in g.html()
True
"""

from __future__ import annotations

import functools
import io
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..core import format as fmt
from .tabel import esc, id_label, nomor_html

__all__ = ["Gambar", "GAYA", "gaya", "bergaya", "subplots", "kanvas", "tata_letak_ketat", "ruang_kanvas", "sumbu_angka",
           "sumbu_persen", "WARNA"]

WARNA = {
    "utama": "#1f4e79",
    "kedua": "#e0a526",
    "ketiga": "#6a9f3b",
    "target": "#b22222",
    "abu": "#8c8c8c",
}


#: Gaya bersama semua grafik dokumen; dipakai lewat :func:`gaya`, tidak pernah
#: dipasang ke ``matplotlib.rcParams`` global (mengimpor paket tidak mengubah apa pun).
GAYA = {
    "font.family": "DejaVu Sans",
    # grafik selebar 7–7,5 inci dicetak selebar ± 6,5 inci: 10 pt di sini ≥ 8,5 pt di kertas
    "font.size": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.unicode_minus": True,
    "figure.dpi": 150,
    "svg.fonttype": "none",
    "svg.hashsalt": "iku",
    "axes.formatter.use_locale": False,
}


@contextmanager
def gaya():
    """Gaya grafik dokumen untuk blok ``with`` saja (``matplotlib.rc_context``).

    >>> import matplotlib
    >>> with gaya():
    ...     matplotlib.rcParams["svg.hashsalt"]
    'iku'
    >>> matplotlib.rcParams["svg.hashsalt"] is None
    True
    """
    with matplotlib.rc_context(GAYA):
        yield


def bergaya(fungsi):
    """Dekorator: fungsi pembuat grafik berjalan di dalam :func:`gaya`."""

    @functools.wraps(fungsi)
    def bungkus(*args, **kwargs):
        with gaya():
            return fungsi(*args, **kwargs)

    return bungkus


def subplots(nrows: int = 1, ncols: int = 1, *, figsize=None, squeeze: bool = True, **kwargs):
    """``(Figure, axes)`` tanpa pyplot: gambar tidak terdaftar di backend mana pun.

    Hasilnya tampil sebaris di JupyterLab bila ditampilkan (``display(fig)``)
    dan tidak pernah ikut tampil dua kali di akhir sel.

    >>> fig, ax = subplots(figsize=(3, 2))
    >>> type(fig).__name__, fig.get_size_inches().tolist()
    ('Figure', [3.0, 2.0])
    """
    fig = Figure(figsize=figsize)
    return fig, fig.subplots(nrows, ncols, squeeze=squeeze, **kwargs)


def kanvas(figsize) -> Figure:
    """``Figure`` tanpa pyplot dan tanpa sumbu, untuk grafik yang meletakkan panelnya sendiri (``fig.add_axes``).

    Sama dengan :func:`subplots` lalu ``fig.delaxes``, tanpa membuat sumbu yang langsung dibuang.

    >>> fig = kanvas((3, 2))
    >>> fig.axes, fig.get_size_inches().tolist()
    ([], [3.0, 2.0])
    """
    return Figure(figsize=figsize)


def tata_letak_ketat(fig, pad: float = 1.08) -> None:
    """Margin seperti ``fig.tight_layout(pad)``, dihitung sekali saat gambar dijadikan SVG (:func:`svg_ketat`).

    ``tight_layout()`` mengukur setiap teks dua kali (tata letak lalu
    penyesuaian ke ``rect`` 0–1, yang tidak mengubah apa pun tanpa ``rect``)
    dengan penggambar Agg tersendiri, lalu SVG mengukurnya lagi. Di sini mesin
    tata letak tanpa ``rect`` dipasang saja (satu kali ukur, hasil margin sama);
    :func:`svg_ketat` menjalankannya dengan penggambar SVG yang juga menggambar,
    sehingga ukuran teks dipakai lagi. Perubahan analis pada ``fig`` sesudahnya
    ikut ditata.

    >>> def contoh():
    ...     fig, ax = subplots(figsize=(4, 2))
    ...     _ = ax.bar(["2023", "2024"], [50001, 43746]), ax.set_ylabel("jiwa")
    ...     return fig
    >>> a, b = contoh(), contoh()
    >>> a.tight_layout()
    >>> tata_letak_ketat(b)
    >>> _ = svg_ketat(b)
    >>> # beda margin < 1 pt: ukuran teks penggambar SVG (yang menggambar) lawan Agg (yang dipakai tight_layout)
    >>> [bool(abs(getattr(b.subplotpars, k) - getattr(a.subplotpars, k)) * 4 * 72 < 1) for k in ("left", "bottom", "right", "top")]
    [True, True, True, True]
    >>> bool(b.subplotpars.left > 0.2)  # bawaan 0,125 diperlebar untuk label sumbu
    True
    """
    from matplotlib.layout_engine import TightLayoutEngine

    fig.set_layout_engine(TightLayoutEngine(pad=pad, rect=None))


def ruang_kanvas(fig, *, bawah: float = 0.0, atas: float = 0.0) -> None:
    """Kanvas ditinggikan ``bawah``/``atas`` inci tanpa mengubah ukuran dan jarak sumbu ke isinya.

    Untuk grafik yang isinya (legenda di bawah sumbu, label tahun dua baris)
    melewati tepi kanvas: :func:`svg_ketat` lalu cukup menggambar sekali.
    Setelah dipotong ke batas ketat hasilnya sama dengan sebelum ruang ditambah.

    >>> fig, ax = subplots(figsize=(4, 2))
    >>> ruang_kanvas(fig, bawah=0.5)
    >>> fig.get_size_inches().tolist(), [round(float(v), 3) for v in ax.get_position().bounds]
    ([4.0, 2.5], [0.125, 0.288, 0.775, 0.616])
    """
    lebar, tinggi = fig.get_size_inches()
    baru = tinggi + bawah + atas
    for ax in fig.axes:
        x0, y0, w, h = ax.get_position(original=True).bounds
        ax.set_position((x0, (y0 * tinggi + bawah) / baru, w, h * tinggi / baru))
    fig.set_size_inches(lebar, baru)


def sumbu_angka(ax, sumbu: str = "y", digit: int = 0) -> None:
    """Label sumbu dengan titik ribuan, koma desimal dan minus tipografis (−0,04), seperti teks dokumen.

    >>> fig, ax = subplots()
    >>> sumbu_angka(ax, digit=2)
    >>> ax.yaxis.get_major_formatter()(-0.04, 0), ax.yaxis.get_major_formatter()(42583, 0)
    ('−0,04', '42.583,00')
    """
    f = FuncFormatter(lambda v, _: fmt.desimal(v, digit))
    (ax.yaxis if sumbu == "y" else ax.xaxis).set_major_formatter(f)


def sumbu_persen(ax, sumbu: str = "y", digit: int = 0) -> None:
    """Label sumbu persen dengan spasi sebelum ``%`` (12,51 %), seperti teks dokumen.

    >>> fig, ax = subplots()
    >>> sumbu_persen(ax, digit=2)
    >>> ax.yaxis.get_major_formatter()(12.51, 0)
    '12,51 %'
    """
    f = FuncFormatter(lambda v, _: fmt.persen(v, digit))
    (ax.yaxis if sumbu == "y" else ax.xaxis).set_major_formatter(f)


def id_unik(svg: str) -> str:
    """SVG matplotlib dengan id yang unik di dokumen yang memuat banyak grafik.

    id kelompok (``figure_1``, ``axes_1``, ...) berulang di setiap grafik dan
    tidak dirujuk apa pun: dibuang. id definisi (penanda, ``clipPath``) diberi
    awalan dari sidik isi SVG, begitu pula setiap rujukannya (``url(#…)``,
    ``href="#…"``); hasilnya tetap sama byte demi byte untuk grafik yang sama.

    >>> s = '<svg><defs><path id="m1"/></defs><g id="axes_1"><use xlink:href="#m1" clip-path="url(#p2)"/></g></svg>'
    >>> id_unik(s)
    '<svg><defs><path id="g510e3c-m1"/></defs><g><use xlink:href="#g510e3c-m1" clip-path="url(#g510e3c-p2)"/></g></svg>'
    """
    import hashlib

    awalan = "g" + hashlib.sha1(svg.encode("utf-8")).hexdigest()[:6] + "-"
    svg = re.sub(r'<g id="[^"]*"', "<g", svg)
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{awalan}{m.group(1)}"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{awalan}{m.group(1)})", svg)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{awalan}{m.group(1)}"', svg)


def _angka_svg(x: float) -> str:
    """Angka SVG seperti matplotlib (6 desimal, tanpa nol di belakang).

    >>> _angka_svg(367.3634371), _angka_svg(165.6), _angka_svg(-0.0)
    ('367.363437', '165.6', '0')
    """
    teks = f"{x:f}".rstrip("0").rstrip(".")
    return "0" if teks in ("", "-0") else teks


_KEPALA_SVG = re.compile(r'<svg\b[^>]*?\swidth="[^"]*pt" height="[^"]*pt" viewBox="0 0 [^"]*"')


def svg_ketat(fig) -> str:
    """SVG ``fig`` berbatas ketat seperti ``savefig(bbox_inches="tight")``, dengan satu kali menggambar.

    ``bbox_inches="tight"`` menggambar dua kali (sekali tanpa keluaran untuk
    tata letak, sekali sungguhan) ditambah menghitung batas ketat, dan
    ``tight_layout()`` mengukur teks sekali lagi dengan penggambar Agg
    tersendiri. Di sini semuanya memakai satu penggambar SVG dalam satu
    ``savefig``: mesin tata letak gambar (``fig.set_layout_engine("tight")``
    atau ``"constrained"``) dijalankan dengan penggambar itu tepat sebelum
    menggambar (ukuran teks yang diukurnya tersimpan di cache penggambar dan
    dipakai lagi saat menggambar), gambar digambar sekali pada kanvas penuh,
    lalu batas ketat (``Figure.get_tightbbox`` ditambah ``savefig.pad_inches``)
    dihitung dengan penggambar yang sama dan ``viewBox`` SVG dipotong ke batas
    itu. Hasilnya tampak sama dengan ``tight_layout()`` +
    ``bbox_inches="tight"`` (dibandingkan sebagai gambar: tepi isi sama, beda
    hanya penghalusan tepi). Penggambar SVG membuang garis dan penanda di luar
    kanvas; karena itu gambar yang isinya melewati kanvas (mis. legenda di bawah
    sumbu yang keluar dari ukuran gambar) digambar sekali lagi dengan batas yang
    sudah diketahui (``bbox_inches=<Bbox>``, tanpa tata letak kering). Grafik
    dokumen memberi ruang cukup di kanvas (margin dalam inci) agar tidak
    pernah sampai ke jalur itu.

    >>> fig, ax = subplots(figsize=(4, 2))
    >>> _ = ax.bar(["2023", "2024"], [50001, 43746])
    >>> fig.subplots_adjust(left=0.2, bottom=0.2)  # label sumbu di dalam kanvas
    >>> kepala = re.search(r'<svg[^>]*>', svg_ketat(fig)).group(0)
    >>> lebar, tinggi = (float(v) for v in re.findall(r'(?:width|height)="([0-9.]+)pt"', kepala))
    >>> 0 < lebar < 4 * 72 and 0 < tinggi < 2 * 72  # dipotong ke isi, lebih kecil dari kanvas 288 × 144 pt
    True
    >>> re.search(r'viewBox="([^"]*)"', kepala).group(1).startswith("0 0 ")  # potongan viewBox, bukan geser
    False
    >>> fig.set_layout_engine("tight")  # tata letak dihitung saat menggambar, dengan penggambar SVG yang sama
    >>> _ = svg_ketat(fig)
    >>> bool(fig.subplotpars.left < 0.2), type(fig.get_layout_engine()).__name__  # margin kiri dipersempit
    (True, 'TightLayoutEngine')
    >>> _ = ax.plot([0, 1], [1, 2], label="PPKS")
    >>> _ = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.4))  # legenda garis di luar kanvas
    >>> fig.set_layout_engine("none")
    >>> re.search(r'viewBox="([^"]*)"', svg_ketat(fig)).group(1).startswith("0 0 ")  # bbox_inches=<Bbox>
    True
    """
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    kotak = {}
    asli = fig.draw
    mesin = fig.get_layout_engine()
    tata = None if mesin is None or isinstance(mesin, PlaceHolderLayoutEngine) else mesin

    def gambar(renderer):
        if tata is not None:  # tata letak dengan penggambar ini (bukan penggambar Agg tersendiri), sekali
            fig._get_renderer = lambda: renderer
            try:
                tata.execute(fig)
            finally:
                del fig._get_renderer
        asli(renderer)
        kotak["batas"] = fig.get_tightbbox(renderer)
        kotak["tinggi"] = fig.get_size_inches()[1]

    buf = io.StringIO()
    lama = fig.__dict__.get("draw")
    fig.draw = gambar  # penggambar SVG memanggil fig.draw(renderer) tepat sekali
    fig._layout_engine = None  # tanpa gambar kering savefig; tata letak dijalankan di gambar()
    try:
        fig.savefig(buf, format="svg", metadata={"Date": None})
    finally:
        if lama is None:
            del fig.draw
        else:
            fig.draw = lama
        fig._layout_engine = mesin
    teks = buf.getvalue()
    batas = kotak.get("batas")
    if batas is None:
        return teks
    lebar, tinggi = fig.get_size_inches()
    pad = matplotlib.rcParams["savefig.pad_inches"]
    luar = batas.x0 < -1e-6 or batas.y0 < -1e-6 or batas.x1 > lebar + 1e-6 or batas.y1 > tinggi + 1e-6
    batas = batas.padded(pad if isinstance(pad, (int, float)) else 0.1)
    if luar:
        # isi melewati kanvas (terpotong di atas): gambar sekali lagi dengan batas yang sudah diketahui,
        # seperti bbox_inches="tight" tanpa tata letak keringnya
        buf = io.StringIO()
        fig._layout_engine = None  # tata letak sudah dijalankan di atas
        try:
            fig.savefig(buf, format="svg", bbox_inches=batas, metadata={"Date": None})
        finally:
            fig._layout_engine = mesin
        return buf.getvalue()
    x, y = batas.x0 * 72, (kotak["tinggi"] - batas.y1) * 72
    w, h = _angka_svg(batas.width * 72), _angka_svg(batas.height * 72)
    kepala = _KEPALA_SVG.search(teks)
    if kepala is None:
        return teks
    baru = re.sub(r'\swidth="[^"]*pt" height="[^"]*pt" viewBox="[^"]*"',
                  f' width="{w}pt" height="{h}pt" viewBox="{_angka_svg(x)} {_angka_svg(y)} {w} {h}"', kepala.group(0))
    return teks[:kepala.start()] + baru + teks[kepala.end():]


@dataclass
class Gambar:
    """Grafik dokumen: membungkus ``matplotlib.figure.Figure``; ``html()`` memberi ``<figure>`` dengan SVG sebaris.

    ``label``: nama tetap gambar; nomornya diberi mesin dokumen (lihat
    :func:`analisis.presentation.tabel.rujuk`). ``fig`` tetap dapat diubah analis
    (``g.fig.axes[0].set_title(...)``) sebelum ditampilkan.
    """

    fig: object
    nomor: str | None = None
    judul: str = ""
    sumber: str | None = None
    label: str | None = None

    def svg(self) -> str:
        with gaya():
            teks = svg_ketat(self.fig)
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is not None:  # gambar pyplot buatan analis: lepaskan dari backend
            plt.close(self.fig)
        teks = teks[teks.index("<svg"):]  # buang deklarasi XML/DOCTYPE
        teks = re.sub(r"<metadata>.*?</metadata>", "", teks, flags=re.S)
        return id_unik(teks)

    def html(self) -> str:
        sumber = f'<span class="sumber">Sumber: {esc(self.sumber)}</span>' if self.sumber else ""
        return (
            f'<figure class="grafik"{id_label("gambar", self.label)}>{self.svg()}<figcaption>'
            f'{nomor_html("gambar", self.label, self.nomor)} {esc(self.judul)}{sumber}</figcaption></figure>'
        )

    def _repr_html_(self) -> str:
        return self.html()
