"""Tabel HTML untuk dokumen: bernomor, berjudul, setiap teks di-escape.

Semua teks yang berasal dari ``data/`` atau parameter melewati
:func:`html.escape`, sehingga nilai seperti ``<b>`` tampil sebagai teks dan
tidak pernah menjadi markup.

Examples
--------
>>> import pandas as pd
>>> t = Tabel(pd.DataFrame({"pas": ["Fakir <Miskin>"], "terdata": [40241]}),
...           nomor="2.5", judul="12 PAS",
...           kolom=[Kol("pas", "PAS"), Kol("terdata", "Terdata", "angka")])
>>> "40.241" in t.html() and "&lt;Miskin&gt;" in t.html()
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from ..core import format as fmt
__all__ = ["Kol", "Tabel", "esc", "paragraf", "daftar", "tubuh_tabel", "pengantar_lanskap"]

_FORMAT: dict[str, Callable] = {
    "angka": fmt.angka,
    "persen": fmt.persen,
    "persen0": lambda v: fmt.persen(v, 0),
    "desimal": fmt.desimal,
    "desimal1": lambda v: fmt.desimal(v, 1),
    "rupiah": fmt.rupiah,
    "rupiah2": lambda v: fmt.rupiah(v, 2),
}


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
    mendatar kosong di PDF). Paragraf diubah ke HTML dengan filter Markdown
    nbconvert sendiri, jadi tampilannya sama dengan paragraf lain.

    >>> pengantar_lanskap("Rincian *IKK* sebagai berikut :")
    '<div class="lanskap"><p>Rincian <em>IKK</em> sebagai berikut :</p></div>'
    """
    from nbconvert.filters.markdown import markdown2html

    return f'<div class="lanskap">{markdown2html(teks_markdown).strip()}</div>'


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
    """Satu kolom tampilan: kunci DataFrame, judul, format, perataan."""

    kunci: str
    judul: str
    format: str | Callable | None = None
    rata: str | None = None  # "kiri" | "kanan" | "tengah"

    def sel(self, nilai) -> str:
        if self.format is None:
            return esc(nilai)
        f = _FORMAT[self.format] if isinstance(self.format, str) else self.format
        if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)):
            return fmt.TIDAK_TERDEFINISI
        return esc(f(nilai))

    @property
    def kelas(self) -> str:
        rata = self.rata or ("kanan" if self.format in _FORMAT or callable(self.format) else "kiri")
        return f"rata-{rata}"


@dataclass
class Tabel:
    """Tabel bernomor untuk dokumen; tampil langsung di Jupyter (``_repr_html_``).

    ``baris_kelas``: nama kolom DataFrame berisi kelas CSS baris (mis. ``"jumlah"``
    untuk baris total, ``"kelompok"`` untuk judul kelompok). ``lebar``: tabel
    lebar dicetak pada halaman lanskap. ``catatan``: teks di bawah tabel.
    """

    df: pd.DataFrame
    nomor: str
    judul: str
    kolom: list[Kol]
    catatan: list[str] = field(default_factory=list)
    sumber: str | None = None
    baris_kelas: str | None = None
    lebar: bool = False
    judul_kelompok: list[tuple[str, int]] | None = None  # judul di atas beberapa kolom
    penutup: str = ""  # HTML yang sudah aman (mis. blok tanda tangan) di baris bawah, sesudah catatan dan sumber

    def html(self) -> str:
        kepala = ""
        if self.judul_kelompok:
            kepala += "<tr>" + "".join(
                f'<th colspan="{n}">{esc(j)}</th>' if n > 1 else f"<th>{esc(j)}</th>" for j, n in self.judul_kelompok
            ) + "</tr>"
        kepala += "<tr>" + "".join(f'<th class="{k.kelas}">{esc(k.judul)}</th>' for k in self.kolom) + "</tr>"
        badan = []
        for _, r in self.df.iterrows():
            kelas = ""
            if self.baris_kelas and isinstance(r.get(self.baris_kelas), str) and r[self.baris_kelas]:
                kelas = f' class="{esc(r[self.baris_kelas])}"'
            badan.append(f"<tr{kelas}>" + "".join(f'<td class="{k.kelas}">{k.sel(r[k.kunci])}</td>' for k in self.kolom) + "</tr>")
        tubuh = tubuh_tabel(badan, self.catatan, self.sumber, len(self.kolom), self.penutup)
        kelas = "tabel lebar" if self.lebar else "tabel"
        isi = (
            f'<table class="{kelas}"><caption><span class="nomor">Tabel {esc(self.nomor)}</span> {esc(self.judul)}</caption>'
            f"<thead>{kepala}</thead>{tubuh}</table>"
        )
        bungkus = "blok-tabel lanskap" if self.lebar else "blok-tabel"
        return f'<div class="{bungkus}">{isi}</div>'

    def _repr_html_(self) -> str:
        return self.html()
