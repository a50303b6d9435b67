"""Rapikan HTML dokumen yang sudah dirakit: spasi tak terpatah, penanda daftar, pembatas LAMPIRAN.

Dipakai templat ``dokumen.html.j2`` sebagai filter Jinja ``rapikan`` untuk
setiap penggalan bab. Hanya teks di antara tag yang diubah; tag, SVG,
``<style>`` dan ``<script>`` dibiarkan byte demi byte.

- Angka dan satuannya tidak dipatah di akhir baris: ``100 %`` dan
  ``7,43 %`` (spasi sebelum ``%``), ``2025 ▸`` (kolom tahun dokumen), ``Rp 1.906.887.580``, NIP
  ``19680405 198703 1 010``: spasinya menjadi U+00A0 (spasi tak terpatah).
- Daftar yang butirnya sudah membawa penanda sendiri (``a. …``, ``1) …``)
  tidak diberi penanda kedua oleh peramban: ``<ul>``/``<ol>`` itu diberi
  kelas ``berpenanda`` (``list-style: none`` di ``dokumen.css``).
- Judul ``LAMPIRAN`` diberi kelas ``pembatas``: satu halaman pembatas di cetakan.

Examples
--------
>>> rapikan('<p>Capaian 100 % dan 7,43 %; Rp 1.906.887.580</p>')
'<p>Capaian 100\\xa0% dan 7,43\\xa0%; Rp\\xa01.906.887.580</p>'
>>> rapikan('<p>NIP. 19680405 198703 1 010</p>')
'<p>NIP.\\xa019680405\\xa0198703\\xa01\\xa0010</p>'
>>> rapikan('<ul><li>a. satu</li><li>b. dua</li></ul>')
'<ul class="berpenanda"><li>a. satu</li><li>b. dua</li></ul>'
>>> rapikan('<svg><text>50 %</text></svg>') == '<svg><text>50 %</text></svg>'
True
"""

from __future__ import annotations

import functools
import re

__all__ = ["rapikan", "tak_terpatah"]

_TAG_ATAU_BLOK = re.compile(r"(?=<)(<svg\b.*?</svg>|<style\b.*?</style>|<script\b.*?</script>|<!--.*?-->|<[^>]*>)",
                            re.S | re.I)

_NIP = re.compile(r"\b(NIP\.?) ?(\d{8}) (\d{6}) (\d) (\d{3})\b")
_NIP_TANPA_LABEL = re.compile(r"\b(\d{8}) (\d{6}) (\d) (\d{3})\b")
_PERSEN = re.compile(r"(\d) ([%▸])")
_RUPIAH = re.compile(r"\b(Rp\.?) (\d)")
_ADA_ANGKA = re.compile(r"\d").search  # setiap pola tak_terpatah memuat angka
_NBSP = "\u00a0"


def tak_terpatah(teks: str) -> str:
    """Spasi di dalam angka bersatuan dan NIP menjadi spasi tak terpatah (U+00A0).

    >>> tak_terpatah("naik 12,51 % dari Rp 5.000") == "naik 12,51\\u00a0% dari Rp\\u00a05.000"
    True
    >>> tak_terpatah("19680405 198703 1 010") == "19680405\\u00a0198703\\u00a01\\u00a0010"
    True
    >>> tak_terpatah("tahun 2025 % ") == "tahun 2025\\u00a0% "
    True
    >>> tak_terpatah("2025 ▸") == "2025\\u00a0▸"  # penanda kolom tahun dokumen (Tabel 4.2)
    True
    """
    teks = _NIP.sub(lambda m: _NBSP.join(m.groups()), teks)
    teks = _NIP_TANPA_LABEL.sub(lambda m: _NBSP.join(m.groups()), teks)
    teks = _PERSEN.sub(r"\1" + _NBSP + r"\2", teks)
    return _RUPIAH.sub(r"\1" + _NBSP + r"\2", teks)


#: ``<ul>``/``<ol>`` yang butir pertamanya diawali penanda tertulis (a. / 1. / a) / (1) / • / -).
_DAFTAR_BERPENANDA = re.compile(
    r"<(ul|ol)((?:\s[^>]*)?)>(\s*<li(?:\s[^>]*)?>\s*(?:<(?:p|strong|b|em)>\s*)?"
    r"(?:[a-zA-Z]{1,2}[.)]|\d{1,2}[.)]|\(\w{1,3}\)|[•◦▪‣–-])\s)",
)
_LAMPIRAN = re.compile(r"<h1((?:\s[^>]*)?)>(\s*LAMPIRAN\s*)</h1>")


def _tambah_kelas(atribut: str, kelas: str) -> str:
    m = re.search(r'\sclass="([^"]*)"', atribut)
    if m:
        if kelas in m.group(1).split():
            return atribut
        return atribut[: m.start(1)] + m.group(1) + " " + kelas + atribut[m.end(1):]
    return f' class="{kelas}"' + atribut


def rapikan(html: str) -> str:
    """HTML dengan spasi tak terpatah di teks, daftar berpenanda dan pembatas LAMPIRAN.

    Mengembalikan ``markupsafe.Markup`` bila masukannya ``Markup``.

    >>> rapikan('<h1 id="lampiran">LAMPIRAN</h1>')
    '<h1 class="pembatas" id="lampiran">LAMPIRAN</h1>'
    >>> rapikan('<ol style="x"><li><p>1) satu</p></li></ol>')
    '<ol class="berpenanda" style="x"><li><p>1) satu</p></li></ol>'
    >>> rapikan('<ul><li>Laki-laki: 12 orang</li></ul>')
    '<ul><li>Laki-laki: 12 orang</li></ul>'
    """
    hasil = _rapikan(str(html))
    try:
        from markupsafe import Markup
    except ImportError:  # pragma: no cover - markupsafe selalu ada bersama jinja2
        return hasil
    return Markup(hasil) if isinstance(html, Markup) else hasil


@functools.lru_cache(maxsize=64)  # edisi reviu dan final memuat penggalan bab yang sama
def _rapikan(html: str) -> str:
    bagian = _TAG_ATAU_BLOK.split(html)
    for i in range(0, len(bagian), 2):  # indeks genap: teks di antara tag
        if bagian[i] and _ADA_ANGKA(bagian[i]):
            bagian[i] = tak_terpatah(bagian[i])
    hasil = "".join(bagian)
    hasil = _DAFTAR_BERPENANDA.sub(
        lambda m: f"<{m.group(1)}{_tambah_kelas(m.group(2), 'berpenanda')}>{m.group(3)}", hasil
    )
    return _LAMPIRAN.sub(lambda m: f"<h1{_tambah_kelas(m.group(1), 'pembatas')}>{m.group(2)}</h1>", hasil)
