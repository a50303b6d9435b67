"""Tabel HTML untuk dokumen: bernomor, berjudul, setiap teks di-escape.

Semua teks yang berasal dari ``data/`` atau parameter melewati
:func:`html.escape`, sehingga nilai seperti ``<b>`` tampil sebagai teks dan
tidak pernah menjadi markup.

Frame di balik tabel tetap numerik; format setiap kolom dinyatakan dan baru
diterapkan saat tabel dirender (seperti ``fmt_number``/``fmt_percent``
great_tables, dengan lokal Indonesia dari :mod:`analisis.core.format`).

Tabel dan gambar tidak membawa nomor ketikan: mereka diberi ``label`` dan mesin
dokumen (:mod:`analisis.document`) menomorinya berurutan per BAB; kalimat
merujuknya dengan :func:`rujuk` (HTML) atau token ``@tabel:label`` /
``@gambar:label`` di teks Markdown.

Examples
--------
>>> import pandas as pd
>>> pas = pd.DataFrame({"pas": ["Fakir <Miskin>"], "terdata": [40241], "persen": [82.2041]})
>>> t = Tabel(pas, judul="12 PAS", label="ppks-pas").fmt_angka("terdata").fmt_persen("persen")
>>> "40.241" in t.html() and '<span class="utuh">82,20 %</span>' in t.html() and "&lt;Miskin&gt;" in t.html()
True
>>> int(t.df["terdata"].sum())  # frame di balik tabel tetap angka
40241
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from ..core import format as fmt
__all__ = ["Kol", "Tabel", "esc", "paragraf", "daftar", "tubuh_tabel", "pengantar_lanskap", "nomor_html", "rujuk",
           "slug_label", "reviu_saja"]

_FORMAT: dict[str, Callable] = {
    "angka": fmt.angka,
    "persen": fmt.persen,
    "persen0": lambda v: fmt.persen(v, 0),
    "desimal": fmt.desimal,
    "desimal1": lambda v: fmt.desimal(v, 1),
    "rupiah": fmt.rupiah,
    "rupiah2": lambda v: fmt.rupiah(v, 2),
}


_LABEL = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_JENIS = {"tabel": "Tabel", "gambar": "Gambar"}


def slug_label(label: str) -> str:
    """Label tabel/gambar yang sah: huruf kecil, angka, tanda hubung.

    >>> slug_label("ppks-pas")
    'ppks-pas'
    >>> slug_label("PPKS PAS")
    Traceback (most recent call last):
    ...
    ValueError: label 'PPKS PAS' tidak sah: pakai huruf kecil, angka dan tanda hubung (contoh: ppks-pas)
    """
    if not isinstance(label, str) or not _LABEL.match(label):
        raise ValueError(f"label {label!r} tidak sah: pakai huruf kecil, angka dan tanda hubung (contoh: ppks-pas)")
    return label


def nomor_html(jenis: str, label: str | None = None, nomor: str | None = None) -> str:
    """Penanda nomor di keterangan tabel/gambar; mesin dokumen mengisi nomornya dari ``label``.

    Di JupyterLab (tanpa mesin dokumen) penanda menampilkan labelnya.

    >>> nomor_html("tabel", "ppks-pas")
    '<span class="nomor" data-jenis="tabel" data-label="ppks-pas">Tabel [ppks-pas]</span>'
    >>> nomor_html("gambar", nomor="2.1")
    '<span class="nomor">Gambar 2.1</span>'
    """
    nama = _JENIS[jenis]
    if label is None:
        return f'<span class="nomor">{nama} {esc(nomor or "")}</span>'.replace(" </span>", "</span>")
    label = slug_label(label)
    return f'<span class="nomor" data-jenis="{jenis}" data-label="{label}">{nama} [{label}]</span>'


def id_label(jenis: str, label: str | None) -> str:
    """Atribut ``id`` elemen tabel/gambar berlabel (kosong bila tanpa label).

    >>> id_label("gambar", "lks")
    ' id="gambar-lks"'
    """
    return f' id="{jenis}-{slug_label(label)}"' if label else ""


def rujuk(jenis: str, label: str) -> str:
    """Rujukan ke tabel/gambar berlabel; mesin dokumen mengisi "Tabel 2.5" dan tautannya.

    >>> rujuk("tabel", "ppks-pas")
    '<a class="rujukan" href="#tabel-ppks-pas" data-jenis="tabel" data-label="ppks-pas">Tabel [ppks-pas]</a>'
    """
    nama = _JENIS[jenis]
    label = slug_label(label)
    return f'<a class="rujukan" href="#{jenis}-{label}" data-jenis="{jenis}" data-label="{label}">{nama} [{label}]</a>'


def reviu_saja(teks: str, html_aman: bool = False) -> str:
    """Blok yang hanya tampil di edisi reviu (tempat kosong, catatan untuk pemeriksa).

    Edisi final membuangnya (:func:`analisis.document.edisi.untuk_edisi`).

    >>> reviu_saja("Penjelasan tahun 2026 belum diisi (data/teks/2026/faktor_penurunan.md).")
    '<div class="reviu-saja tempat-kosong"><p>Penjelasan tahun 2026 belum diisi (data/teks/2026/faktor_penurunan.md).</p></div>'
    """
    isi = teks if html_aman else esc(teks)
    return f'<div class="reviu-saja tempat-kosong"><p>{isi}</p></div>'


def esc(teks) -> str:
    """Escape HTML untuk teks apa pun (``None``/NA menjadi tanda pisah)."""
    if teks is None or (not isinstance(teks, str) and pd.isna(teks)):
        return fmt.TIDAK_TERDEFINISI
    return html.escape(str(teks), quote=True)


def paragraf(teks: str, kelas: str | None = None) -> str:
    """Satu paragraf HTML dari teks biasa (di-escape)."""
    k = f' class="{esc(kelas)}"' if kelas else ""
    return f"<p{k}>{esc(teks)}</p>"


def pengantar_lanskap(teks_markdown: str) -> str:
    """Kalimat pengantar tabel lebar, dibungkus agar tercetak di halaman mendatar bersama tabelnya.

    Hasilnya satu blok HTML tanpa baris kosong: Markdown menutup blok
    ``<div>`` pada baris kosong pertama, sehingga paragraf yang ditulis di
    antara baris kosong jatuh di luar div (dan div kosong menjadi halaman
    mendatar kosong di PDF). Paragraf diubah ke HTML dengan mistune dan
    plugin yang sama dengan filter Markdown nbconvert, jadi tampilannya sama
    dengan paragraf lain (tests/test_pratinjau.py membandingkan keduanya).
    Filter nbconvert sendiri tidak dipakai: mengimpornya menarik nbformat dan
    jsonschema, ±3 s di setiap kernel.

    >>> pengantar_lanskap("Rincian *IKK* sebagai berikut :")
    '<div class="lanskap"><p>Rincian <em>IKK</em> sebagai berikut :</p></div>'
    """
    return f'<div class="lanskap">{_markdown_html(teks_markdown).strip()}</div>'


#: Plugin mistune yang dipakai filter Markdown nbconvert (``MarkdownWithMath.DEFAULT_PLUGINS``).
_PLUGIN_MARKDOWN = ("strikethrough", "table", "url", "task_lists", "def_list")


@functools.cache
def _pengurai_markdown():
    import mistune

    return mistune.create_markdown(escape=False, plugins=list(_PLUGIN_MARKDOWN))


def _markdown_html(teks_markdown: str) -> str:
    return _pengurai_markdown()(teks_markdown)


def tubuh_tabel(baris: list[str], catatan: list[str], sumber: str | None, kolom: int, penutup: str = "") -> str:
    """``<tbody>`` tabel; catatan dan sumber menjadi baris akhir tanpa garis, satu kelompok dengan baris data terakhir.

    Catatan ada di dalam tabel, bukan paragraf sesudahnya, dan kelompok
    ``<tbody class="bawah-tabel">`` (baris data terakhir + baris catatan)
    tidak dipatah halaman: Chromium tidak selalu menuruti ``break-before:
    avoid``, sehingga catatan tabel lebar bisa tertinggal sendirian (dengan
    kepala tabel yang diulang) di halaman berikut. ``penutup`` (HTML yang sudah
    di-escape pembuatnya, mis. blok tanda tangan keputusan) ikut di baris
    catatan dengan alasan yang sama.

    >>> tubuh_tabel(["<tr><td>1</td></tr>", "<tr><td>2</td></tr>"], ["Tanda – berarti tidak ada."], "Bidang <Umum>", 1)
    '<tbody><tr><td>1</td></tr></tbody><tbody class="bawah-tabel"><tr><td>2</td></tr><tr class="catatan-tabel"><td colspan="1"><p class="catatan">Tanda – berarti tidak ada.</p><p class="sumber">Sumber: Bidang &lt;Umum&gt;</p></td></tr></tbody>'
    >>> tubuh_tabel(["<tr><td>1</td></tr>"], [], None, 1)
    '<tbody><tr><td>1</td></tr></tbody>'
    """
    isi = "".join(f'<p class="catatan">{esc(c)}</p>' for c in catatan)
    if sumber:
        isi += f'<p class="sumber">Sumber: {esc(sumber)}</p>'
    isi += penutup
    if not isi:
        return f"<tbody>{''.join(baris)}</tbody>"
    awal = f"<tbody>{''.join(baris[:-1])}</tbody>" if len(baris) > 1 else ""
    return (f'{awal}<tbody class="bawah-tabel">{"".join(baris[-1:])}'
            f'<tr class="catatan-tabel"><td colspan="{kolom}">{isi}</td></tr></tbody>')


def daftar(butir: list[str], bernomor: bool = False, gaya: str | None = None) -> str:
    """Daftar HTML dari teks biasa. ``gaya`` misalnya ``"lower-alpha"``."""
    tag = "ol" if bernomor or gaya else "ul"
    s = f' style="list-style-type:{esc(gaya)}"' if gaya else ""
    return f"<{tag}{s}>" + "".join(f"<li>{esc(b)}</li>" for b in butir) + f"</{tag}>"


@dataclass
class Kol:
    """Satu kolom tampilan: kunci DataFrame, judul, format, perataan.

    ``baris=True``: ``format`` menerima seluruh baris frame (``pd.Series``), untuk
    sel yang tercetak dari beberapa kolom numerik ("58 (CC)" dari ``target`` dan
    ``predikat``); teksnya di-escape dan tidak dibungkus.

    >>> Kol("t", "Target", lambda r: f"{r['t']:g} ({r['p']})", baris=True).sel(pd.Series({"t": 58.0, "p": "CC"}))
    '58 (CC)'
    """

    kunci: str
    judul: str
    format: str | Callable | None = None
    rata: str | None = None  # "kiri" | "kanan" | "tengah"
    baris: bool = False

    def sel(self, nilai) -> str:
        if self.baris:
            return esc(self.format(nilai))
        if self.format is None:
            return esc(nilai)
        f = _FORMAT[self.format] if isinstance(self.format, str) else self.format
        if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)):
            return fmt.TIDAK_TERDEFINISI
        teks = esc(f(nilai))
        # "95,76 %" dan "Rp 1.906.887.580" tidak pernah dipatah di akhir baris
        return f'<span class="utuh">{teks}</span>' if " " in teks else teks

    @property
    def kelas(self) -> str:
        rata = self.rata or ("kanan" if self.format in _FORMAT or callable(self.format) else "kiri")
        return f"rata-{rata}"


@dataclass
class Tabel:
    """Tabel dokumen dari frame numerik; tampil langsung di Jupyter (``_repr_html_``).

    ``df`` tetap numerik: format setiap kolom dinyatakan lewat ``kolom``
    (:class:`Kol`) atau metode ``fmt_*`` dan baru diterapkan di :meth:`html`.
    ``kolom=None`` berarti semua kolom frame dengan namanya sebagai judul.
    ``label``: nama tetap tabel; nomornya diberi mesin dokumen. ``nomor``:
    nomor ketikan (hanya untuk tabel di luar urutan BAB, mis. lampiran kode).
    ``baris_kelas``: kolom frame berisi kelas CSS baris (``"jumlah"`` untuk baris
    total, ``"kelompok"`` untuk judul kelompok). ``lebar``: dicetak pada halaman
    lanskap. ``catatan``/``sumber``: teks di bawah tabel.

    >>> import pandas as pd
    >>> t = Tabel(pd.DataFrame({"tahun": [2024, 2025], "nilai": [60.6, 61.2]}), judul="Nilai SAKIP", label="sakip")
    >>> t.fmt_desimal("nilai", desimal=1).label_kolom(tahun="Tahun", nilai="Nilai").kolom[1]
    Kol(kunci='nilai', judul='Nilai', format=<function ...>, rata=None, baris=False)
    >>> "61,2" in t.html() and 'id="tabel-sakip"' in t.html()
    True
    """

    df: pd.DataFrame
    nomor: str | None = None
    judul: str = ""
    kolom: list[Kol] | None = None
    catatan: list[str] = field(default_factory=list)
    sumber: str | None = None
    baris_kelas: str | None = None
    lebar: bool = False
    judul_kelompok: list[tuple[str, int]] | None = None  # judul di atas beberapa kolom
    penutup: str = ""  # HTML yang sudah aman (mis. blok tanda tangan) di baris bawah, sesudah catatan dan sumber
    label: str | None = None
    #: sel bertemuan: ``{(posisi baris, kunci kolom): analisis.core.resmi.NilaiResmi}``; ditandai di edisi reviu
    temuan: dict = field(default_factory=dict)
    #: kolom frame yang menjadi ``id`` baris (jangkar tautan), mis. kode temuan
    id_baris: str | None = None
    #: catatan untuk pemeriksa saja (edisi reviu); edisi final membuangnya
    catatan_reviu: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.kolom is None:
            self.kolom = [Kol(str(k), str(k)) for k in self.df.columns if k != self.baris_kelas]
        if self.label is not None:
            slug_label(self.label)

    # -- format per kolom, diterapkan saat render (gaya great_tables) -------------

    def _kol(self, kunci: str) -> Kol:
        for k in self.kolom:
            if k.kunci == kunci:
                return k
        if kunci not in self.df.columns:
            raise KeyError(f"kolom {kunci!r} tidak ada di frame tabel {self.judul!r}")
        k = Kol(kunci, kunci)
        self.kolom.append(k)
        return k

    def fmt(self, kolom: str | list[str], fungsi: Callable | str) -> "Tabel":
        """Format kolom dengan fungsi ``nilai -> teks`` atau nama format (``"angka"``, ``"persen"``, ...)."""
        for kunci in [kolom] if isinstance(kolom, str) else kolom:
            self._kol(kunci).format = fungsi
        return self

    def fmt_angka(self, *kolom: str) -> "Tabel":
        """Cacah dengan titik ribuan (42.583)."""
        return self.fmt(list(kolom), "angka")

    def fmt_desimal(self, *kolom: str, desimal: int = 2) -> "Tabel":
        """Bilangan dengan ``desimal`` angka di belakang koma (7,08)."""
        return self.fmt(list(kolom), lambda v, d=desimal: fmt.desimal(v, d))

    def fmt_persen(self, *kolom: str, desimal: int = 2) -> "Tabel":
        """Persen dengan koma desimal dan spasi sebelum ``%`` (95,76 %)."""
        return self.fmt(list(kolom), lambda v, d=desimal: fmt.persen(v, d))

    def fmt_rupiah(self, *kolom: str, desimal: int = 0) -> "Tabel":
        """Rupiah (Rp 1.906.887.580)."""
        return self.fmt(list(kolom), lambda v, d=desimal: fmt.rupiah(v, d))

    def label_kolom(self, **judul: str) -> "Tabel":
        """Judul kolom: ``label_kolom(terdata="Terdata (jiwa)")``."""
        for kunci, teks in judul.items():
            self._kol(kunci).judul = teks
        return self

    # -- HTML -----------------------------------------------------------------------

    def html(self) -> str:
        badan = []
        for i, (_, r) in enumerate(self.df.iterrows()):
            badan.append(f"<tr{self._atribut_baris(r)}>"
                         + "".join(f'<td class="{k.kelas}">{self._sel(i, k, r if k.baris else r[k.kunci])}</td>' for k in self.kolom) + "</tr>")
        return self._rakit(badan)

    # bagian yang dipakai bersama subkelas (mis. tabel dengan sel induk merentang)

    def _kepala(self) -> str:
        """Isi ``<thead>``: judul kelompok kolom (bila ada) dan judul kolom."""
        kepala = ""
        if self.judul_kelompok:
            kepala += "<tr>" + "".join(
                f'<th colspan="{int(n)}">{esc(j)}</th>' if n > 1 else f"<th>{esc(j)}</th>" for j, n in self.judul_kelompok
            ) + "</tr>"
        return kepala + "<tr>" + "".join(f'<th class="{k.kelas}">{esc(k.judul)}</th>' for k in self.kolom) + "</tr>"

    def _atribut_baris(self, r) -> str:
        """``class``/``id`` satu baris dari kolom ``baris_kelas``/``id_baris``."""
        atribut = ""
        if self.baris_kelas and isinstance(r.get(self.baris_kelas), str) and r[self.baris_kelas]:
            atribut = f' class="{esc(r[self.baris_kelas])}"'
        if self.id_baris and isinstance(r.get(self.id_baris), str):
            atribut += f' id="{esc(r[self.id_baris])}"'
        return atribut

    def _rakit(self, badan: list[str], *, keterangan: str | None = None, ident: str | None = None, gaya: str = "",
               kolgrup: str = "", gaya_blok: str = "") -> str:
        """``<div>`` blok tabel dari baris badan: keterangan bernomor, kepala, badan, catatan dan sumber."""
        if keterangan is None:
            keterangan = f"<caption>{nomor_html('tabel', self.label, self.nomor)} {esc(self.judul)}</caption>"
        if ident is None:
            ident = id_label("tabel", self.label)
        penutup = "".join(f'<p class="catatan reviu-saja">{esc(c)}</p>' for c in self.catatan_reviu) + self.penutup
        tubuh = tubuh_tabel(badan, self.catatan, self.sumber, len(self.kolom), penutup)
        kelas = "tabel lebar" if self.lebar else "tabel"
        isi = f'<table class="{kelas}"{ident}{gaya}>{keterangan}{kolgrup}<thead>{self._kepala()}</thead>{tubuh}</table>'
        bungkus = "blok-tabel lanskap" if self.lebar else "blok-tabel"
        return f'<div class="{bungkus}"{gaya_blok}>{isi}</div>'

    def _sel(self, i: int, k: Kol, nilai) -> str:
        n = self.temuan.get((i, k.kunci))
        return n.tanda(k.sel(nilai)) if n is not None else k.sel(nilai)

    def _repr_html_(self) -> str:
        return self.html()
