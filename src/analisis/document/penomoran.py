"""Penomoran tabel dan gambar saat dokumen dirakit.

Bab tidak mengetik nomor tabel atau gambar. Setiap tabel/gambar membawa
``label`` yang tetap (:func:`analisis.presentation.tabel.nomor_html`)::

    <span class="nomor" data-jenis="tabel" data-label="ppks-pas">Tabel [ppks-pas]</span>

dan kalimat merujuknya dengan tautan (:func:`analisis.presentation.tabel.rujuk`)::

    <a class="rujukan" href="#tabel-ppks-pas" data-jenis="tabel" data-label="ppks-pas">Tabel [ppks-pas]</a>

atau dengan token teks biasa ``@tabel:ppks-pas`` / ``@gambar:lks`` (mis. di
narasi Markdown). :func:`nomori` memberi nomor menurut urutan baca, per BAB,
seperti dokumen sumber menomorinya: awalannya diambil dari judul bagian
bernomor terdekat sebelumnya (``2.3 …`` → ``2``, ``4.1 …`` → ``4``,
``Lampiran 2 …`` → ``L2``); sebelum judul bagian bernomor pertama sebuah BAB,
awalannya angka BAB itu (``BAB II`` → ``2``). Pencacah berjalan per (jenis,
awalan). Keterangan dan setiap rujukan diisi "Tabel 2.5" (rujukan menjadi
tautan ke ``#tabel-<label>``).

Keterangan lama dengan nomor ketikan (tanpa ``data-label``) dibiarkan apa
adanya, tetapi ikut memajukan pencacah, sehingga dokumen campuran tetap urut.

Label yang dirujuk tetapi tidak ada, atau label yang dipakai dua kali,
menggagalkan render dengan satu pesan yang menyebut bab dan labelnya.

Render sebagian (hanya sebagian bab, mis. ``render_tahun(notebooks=folder)``
berisi satu buku): rujukan ke tabel/gambar di bab yang tidak ikut dirender
diisi dari penomoran dokumen utuh terakhir (``luar``, lihat :func:`ke_json` /
:func:`dari_json`) sebagai teks "Tabel 4.1" tanpa tautan (targetnya tidak ada
di dokumen ini); label yang tidak ada di keduanya tetap menggagalkan render.

>>> bab = [("02_a.ipynb", '<h2>2.1 A</h2><p>lihat @gambar:g2</p>'
...         '<figure><figcaption><span class="nomor" data-jenis="gambar" data-label="g1">Gambar [g1]</span> A</figcaption></figure>'
...         '<figure><figcaption><span class="nomor" data-jenis="gambar" data-label="g2">Gambar [g2]</span> B</figcaption></figure>'),
...        ("06_l.ipynb", '<h1>Lampiran 1 Data</h1><table><caption><span class="nomor" data-jenis="tabel" data-label="t">Tabel [t]</span> T</caption></table>')]
>>> hasil, daftar = nomori(bab)
>>> print(hasil[0])
<h2>2.1 A</h2><p>lihat <a class="rujukan" href="#gambar-g2" data-jenis="gambar" data-label="g2">Gambar 2.2</a></p><figure><figcaption><span class="nomor" data-jenis="gambar" data-label="g1" data-nomor="2.1">Gambar 2.1</span> A</figcaption></figure><figure><figcaption><span class="nomor" data-jenis="gambar" data-label="g2" data-nomor="2.2">Gambar 2.2</span> B</figcaption></figure>
>>> [(e.jenis, e.label, e.nomor, e.berkas) for e in daftar]
[('gambar', 'g1', '2.1', '02_a.ipynb'), ('gambar', 'g2', '2.2', '02_a.ipynb'), ('tabel', 't', 'L1.1', '06_l.ipynb')]
"""

from __future__ import annotations

import html as _html
import json
import re
from dataclasses import dataclass

from ..core.kesalahan import KesalahanRender

__all__ = ["Bernomor", "NAMA_JENIS", "nomori", "awalan_judul", "nomor_tidak_urut", "ke_json", "dari_json"]

#: Nama yang dicetak untuk setiap jenis.
NAMA_JENIS = {"tabel": "Tabel", "gambar": "Gambar"}

_LABEL = r"[A-Za-z0-9][A-Za-z0-9_-]*"

#: Satu pemindaian untuk semua yang bermakna bagi penomoran, urut dokumen.
# ``(?=[<@])``: setiap cabang diawali "<" atau "@"; posisi lain dilewati tanpa mencoba
# keempat cabang (±4× lebih cepat pada dokumen 0,7 MB; kecocokannya sama).
_POLA = re.compile(
    r"(?=[<@])(?:(?P<judul><h(?P<tingkat>[1-6])\b[^>]*>(?P<isi_judul>.*?)</h(?P=tingkat)\s*>)"
    r"|(?P<nomor><span\b(?P<atr_nomor>[^>]*\bclass=\"nomor\"[^>]*)>(?P<isi_nomor>.*?)</span>)"
    r"|(?P<rujukan><a\b(?P<atr_rujukan>[^>]*\bclass=\"rujukan\"[^>]*)>(?P<isi_rujukan>.*?)</a>)"
    rf"|(?P<token>(?<![\w@/])@(?P<jenis_token>tabel|gambar):(?P<label_token>{_LABEL})))",
    re.S | re.I,
)
_ATR = re.compile(r'\b(data-jenis|data-label)="([^"]*)"')
_LEGASI = re.compile(r"^\s*(Tabel|Gambar)\s+((?:L\d+\.)?\d+(?:\.\d+)*)\s*$", re.I)

_ROMAWI = {"I": 1, "V": 5, "X": 10, "L": 50}


def _romawi(teks: str) -> int | None:
    """Angka dari bilangan Romawi sederhana.

    >>> _romawi("II"), _romawi("IV"), _romawi("IX"), _romawi("A")
    (2, 4, 9, None)
    """
    teks = teks.upper()
    if not teks or any(h not in _ROMAWI for h in teks):
        return None
    nilai = 0
    for i, h in enumerate(teks):
        v = _ROMAWI[h]
        nilai += -v if i + 1 < len(teks) and _ROMAWI[teks[i + 1]] > v else v
    return nilai


def _teks(potongan: str) -> str:
    return re.sub(r"\s+", " ", _html.unescape(re.sub(r"<[^>]+>", "", potongan))).strip()


def awalan_judul(teks: str) -> tuple[str, str] | None:
    """Awalan nomor dari teks judul: ``("bagian", "2")``, ``("bab", "3")`` atau ``None``.

    >>> awalan_judul("2.3 Sumber Daya"), awalan_judul("4.1. Evaluasi"), awalan_judul("Lampiran 2 Pohon Kinerja")
    (('bagian', '2'), ('bagian', '4'), ('bagian', 'L2'))
    >>> awalan_judul("BAB III EVALUASI"), awalan_judul("LAMPIRAN"), awalan_judul("Kata Pengantar")
    (('bab', '3'), None, None)
    """
    m = re.match(r"^(\d+)\.\d+(?:\.\d+)*\.?(?:\s|$)", teks)
    if m:
        return "bagian", m.group(1)
    m = re.match(r"^lampiran\s+(\d+|[IVXL]+)\b", teks, re.I)
    if m:
        n = m.group(1)
        return "bagian", f"L{n if n.isdigit() else _romawi(n)}"
    m = re.match(r"^bab\s+([IVXL]+|\d+)\b", teks, re.I)
    if m:
        n = m.group(1)
        angka = int(n) if n.isdigit() else _romawi(n)
        return ("bab", str(angka)) if angka else None
    return None


@dataclass
class Bernomor:
    """Satu tabel atau gambar bernomor."""

    jenis: str
    label: str
    nomor: str
    berkas: str
    judul: str = ""

    @property
    def teks(self) -> str:
        return f"{NAMA_JENIS[self.jenis]} {self.nomor}"

    @property
    def id(self) -> str:
        return f"{self.jenis}-{self.label}"


def _atribut(teks: str) -> dict[str, str]:
    return {k.lower(): _html.unescape(v) for k, v in _ATR.findall(teks)}


def nomori(bab: list[tuple[str, str]], luar: dict[tuple[str, str], str] | None = None
           ) -> tuple[list[str], list[Bernomor]]:
    """Beri nomor setiap tabel/gambar berlabel dan isi setiap rujukan.

    Parameters
    ----------
    bab : list of (berkas, html)
        Penggalan menurut urutan baca dokumen.
    luar : dict, optional
        ``{(jenis, label): nomor}`` dari penomoran dokumen utuh (:func:`dari_json`), untuk
        render sebagian: rujukan ke label yang tidak ada di ``bab`` tetapi ada di ``luar``
        menjadi teks bernomor tanpa tautan ``<span class="rujukan-luar" ...>Tabel 4.1</span>``.

    Returns
    -------
    html : list of str
        Penggalan dengan nomor terisi.
    daftar : list of Bernomor
        Setiap tabel/gambar berlabel menurut urutan baca (untuk Daftar Tabel/Gambar).

    Raises
    ------
    KesalahanRender
        Label ganda, atau rujukan ke label yang tidak ada (menyebut bab dan label).
    """
    # Lintasan 1: nomor setiap keterangan berlabel.
    daftar: dict[tuple[str, str], Bernomor] = {}
    urut: list[Bernomor] = []
    pencacah: dict[tuple[str, str], int] = {}
    awalan = ""
    for berkas, html in bab:
        for m in _POLA.finditer(html):
            if m.group("judul"):
                a = awalan_judul(_teks(m.group("isi_judul")))
                if a is not None:
                    awalan = a[1]
                continue
            if not m.group("nomor"):
                continue
            atr = _atribut(m.group("atr_nomor"))
            jenis, label = atr.get("data-jenis", "").lower(), atr.get("data-label")
            if not label or jenis not in NAMA_JENIS:
                lama = _LEGASI.match(_teks(m.group("isi_nomor")))
                if lama:
                    k = (lama.group(1).lower(), awalan)
                    pencacah[k] = pencacah.get(k, 0) + 1
                continue
            if (jenis, label) in daftar:
                lain = daftar[(jenis, label)]
                raise KesalahanRender(
                    f"Bab {berkas}: label {jenis} {label!r} dipakai dua kali (juga di {lain.berkas}); "
                    "setiap tabel dan gambar perlu label yang unik.",
                    berkas=berkas,
                )
            k = (jenis, awalan)
            pencacah[k] = pencacah.get(k, 0) + 1
            nomor = f"{awalan}.{pencacah[k]}" if awalan else str(pencacah[k])
            b = Bernomor(jenis, label, nomor, berkas)
            ekor = html[m.end():m.end() + 400]
            b.judul = _teks(re.split(r"</(?:caption|figcaption)\s*>", ekor, maxsplit=1, flags=re.I)[0])
            daftar[(jenis, label)] = b
            urut.append(b)

    # Lintasan 2: isi keterangan dan rujukan.
    hasil: list[str] = []
    for berkas, html in bab:
        def ganti(m: re.Match, berkas: str = berkas) -> str:
            if m.group("judul"):
                return m.group(0)
            if m.group("nomor"):
                atr = _atribut(m.group("atr_nomor"))
                b = daftar.get((atr.get("data-jenis", "").lower(), atr.get("data-label") or ""))
                if b is None:
                    return m.group(0)
                atribut = re.sub(r'\sdata-nomor="[^"]*"', "", m.group("atr_nomor")) + f' data-nomor="{b.nomor}"'
                return f"<span{atribut}>{b.teks}</span>"
            if m.group("rujukan"):
                atr = _atribut(m.group("atr_rujukan"))
                jenis, label = atr.get("data-jenis", "").lower(), atr.get("data-label")
                if not label:
                    return m.group(0)
            else:
                jenis, label = m.group("jenis_token").lower(), m.group("label_token")
            b = daftar.get((jenis, label))
            if b is None and (jenis, label) in (luar or {}):
                return (f'<span class="rujukan-luar" data-jenis="{jenis}" data-label="{_html.escape(label)}">'
                        f'{NAMA_JENIS[jenis]} {_html.escape(luar[(jenis, label)])}</span>')
            if b is None:
                raise KesalahanRender(
                    f"Bab {berkas} merujuk {jenis} {label!r}, tetapi tidak ada {jenis} berlabel itu di dokumen"
                    + (f" (label {jenis} yang ada: {', '.join(sorted(l for j, l in daftar if j == jenis))})"
                       if any(j == jenis for j, _ in daftar) else "")
                    + ".",
                    berkas=berkas,
                )
            return (f'<a class="rujukan" href="#{_html.escape(b.id)}" data-jenis="{b.jenis}" '
                    f'data-label="{_html.escape(b.label)}">{b.teks}</a>')

        hasil.append(_POLA.sub(ganti, html))
    return hasil, urut


def ke_json(daftar: list[Bernomor]) -> str:
    """Penomoran dokumen utuh sebagai JSON (untuk disimpan bersama cache render).

    >>> ke_json([Bernomor("tabel", "penetapan-iku", "4.1", "04_penetapan_iku.ipynb")])
    '[["tabel", "penetapan-iku", "4.1"]]'
    """
    return json.dumps([[b.jenis, b.label, b.nomor] for b in daftar], ensure_ascii=False)


def dari_json(teks: str) -> dict[tuple[str, str], str]:
    """Kebalikan :func:`ke_json`: ``{(jenis, label): nomor}`` untuk argumen ``luar`` :func:`nomori`.

    >>> luar = dari_json('[["tabel", "penetapan-iku", "4.1"]]')
    >>> nomori([("03_e.ipynb", "<h2>2.4 E</h2><p>target: @tabel:penetapan-iku</p>")], luar)[0][0]
    '<h2>2.4 E</h2><p>target: <span class="rujukan-luar" data-jenis="tabel" data-label="penetapan-iku">Tabel 4.1</span></p>'
    """
    return {(str(j), str(l)): str(n) for j, l, n in json.loads(teks)}


_NOMOR_KETERANGAN = re.compile(r'<(caption|figcaption)\b[^>]*>\s*<span\b[^>]*class="nomor"[^>]*>\s*(Tabel|Gambar)\s+'
                               r'((?:L\d+|\d+)\.)?(\d+)\s*</span>', re.I)


def nomor_tidak_urut(html: str) -> list[str]:
    """Keterangan yang nomornya tidak urut (per jenis dan awalan, menurut urutan dokumen).

    >>> nomor_tidak_urut('<caption><span class="nomor">Tabel 2.1</span></caption>'
    ...                  '<figcaption><span class="nomor">Gambar 2.1</span></figcaption>'
    ...                  '<caption><span class="nomor">Tabel 2.3</span></caption>')
    ['Tabel 2.3 sesudah Tabel 2.1']
    """
    terakhir: dict[tuple[str, str], int] = {}
    masalah = []
    for m in _NOMOR_KETERANGAN.finditer(html):
        jenis, awalan, n = m.group(2).title(), (m.group(3) or ""), int(m.group(4))
        lalu = terakhir.get((jenis, awalan), 0)
        if n != lalu + 1:
            masalah.append(f"{jenis} {awalan}{n} sesudah " + (f"{jenis} {awalan}{lalu}" if lalu else "awal"))
        terakhir[(jenis, awalan)] = n
    return masalah
