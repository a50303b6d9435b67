"""Pohon kinerja: simpul, penelusuran induk/anak, diagram SVG dan tabel cascading.

Sumber: Lampiran 2 dokumen IKU, *Critical Success Factors (CSF) Pohon Kinerja*
(Tahap I – Tahap III Output dan *Form Indikator* level 0–5), disimpan di
``data/pohon_kinerja.csv`` (satu baris per simpul: ``id``, ``induk``,
``level``, ``jenis``, ``uraian``, ``indikator``), ``data/pohon_kinerja.yaml``
(judul, masalah ultimate, tahap) dan ``data/pohon_faktor_penyebab.csv``.
Tabel 4.6 (*Cascading (Penjenjangan) Kinerja*) disusun dari
``data/cascading.csv`` oleh :mod:`analisis.chapters.cascading` dengan
:class:`TabelGabung` dan :func:`diagram_cabang` dari modul ini.

Satu-satunya implementasi penelusuran pohon (induk, anak, leluhur, turunan,
jalur akar–daun) adalah kelas :class:`Pohon`; buku catatan 05 (cascading) dan
06 (Lampiran 2) sama-sama memakainya.

Diagram digambar sebagai SVG sebaris buatan sendiri (kotak berisi kondisi dan
indikatornya dalam huruf miring yang lebih kecil, dihubungkan garis siku).
Lebar teks diukur dengan metrik fon DejaVu Sans (fon terlebar di tumpukan fon
dokumen) sehingga pembungkusan baris tidak pernah melampaui kotak. Setiap teks
dari data di-escape. Ukuran dirancang untuk lebar isi halaman A4 tegak
(16,5 cm): huruf terkecil 7,5 pt pada cetakan.

Examples
--------
>>> p = muat_pohon()
>>> len(p), p.jumlah_per_level()
(87, {0: 1, 1: 1, 2: 4, 3: 9, 4: 20, 5: 52})
>>> [s.id for s in p.anak("L1")]
['L2-1', 'L2-2', 'L2-3', 'L2-4']
>>> p.induk("L3-2-2").uraian
'MENINGKATNYA PELAYANAN DASAR REHABILITASI SOSIAL'
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import pandas as pd
from IPython.display import HTML

from ..core import data
from ..core import format as fmt
from .tabel import Kol, Tabel, esc, id_label, nomor_html, paragraf, tubuh_tabel

__all__ = [
    "Simpul",
    "Pohon",
    "muat_pohon",
    "pohon_dari",
    "nama_level",
    "lebar_teks",
    "bungkus",
    "Diagram",
    "diagram_cabang",
    "TabelGabung",
    "UKURAN_HURUF_MIN_PT",
]

# ----------------------------------------------------------------------------
# pohon


@dataclass(frozen=True)
class Simpul:
    """Satu simpul pohon kinerja (satu baris ``data/pohon_kinerja.csv``)."""

    id: str
    induk: str | None
    level: int
    jenis: str
    uraian: str
    indikator: str


_NAMA_JENIS = {
    "ultimate_outcome": "Ultimate Outcome",
    "intermediate_outcome": "Intermediate Outcome",
    "immediate_outcome": "Immediate Outcome",
    "output": "Output",
}


def nama_level(jenis: str) -> str:
    """Nama jenis simpul sebagaimana judul kolom *Form Indikator* (Lampiran 2).

    >>> nama_level("ultimate_outcome"), nama_level("output")
    ('Ultimate Outcome', 'Output')
    """
    return _NAMA_JENIS.get(jenis, jenis.replace("_", " ").title())


class Pohon:
    """Pohon kinerja dengan penelusuran induk/anak dalam urutan berkas data.

    Urutan anak adalah urutan baris di ``data/pohon_kinerja.csv`` (sama dengan
    urutan *Form Indikator* dan tabel CSF di Lampiran 2 sumber).

    Parameters
    ----------
    simpul : iterable of Simpul
        Semua simpul; tepat satu tanpa induk (akar). Skema data sudah
        memastikan induk ada dan level = level induk + 1.

    Examples
    --------
    >>> p = muat_pohon()
    >>> p.akar.uraian, p.akar.indikator
    ('MENINGKATKAN KESEJAHTERAAN SOSIAL', 'Angka Kemiskinan')
    >>> [s.id for s in p.leluhur("L5-4-2-1-1")]
    ['L0', 'L1', 'L2-4', 'L3-4-2', 'L4-4-2-1']
    >>> len(p.turunan("L2-2")), len(p.daun("L2-2"))
    (30, 23)
    """

    def __init__(self, simpul):
        self._simpul: dict[str, Simpul] = {}
        self._anak: dict[str | None, list[str]] = {}
        for s in simpul:
            self._simpul[s.id] = s
            self._anak.setdefault(s.induk, []).append(s.id)
        akar = self._anak.get(None, [])
        if len(akar) != 1:
            raise ValueError(f"pohon kinerja harus memiliki tepat satu akar, ditemukan {len(akar)}")
        self._akar = akar[0]

    def __len__(self) -> int:
        return len(self._simpul)

    def __iter__(self) -> Iterator[Simpul]:
        """Semua simpul dalam urutan pra-urut (induk sebelum anak-anaknya)."""
        return iter(self.turunan(self._akar, termasuk_diri=True))

    def __getitem__(self, id_: str) -> Simpul:
        return self._simpul[id_]

    @property
    def akar(self) -> Simpul:
        """Simpul level 0 (ultimate outcome)."""
        return self._simpul[self._akar]

    def anak(self, id_: str) -> list[Simpul]:
        """Anak langsung simpul ``id_`` (kosong untuk daun)."""
        return [self._simpul[a] for a in self._anak.get(id_, [])]

    def induk(self, id_: str) -> Simpul | None:
        """Induk simpul ``id_`` (``None`` untuk akar)."""
        i = self._simpul[id_].induk
        return None if i is None else self._simpul[i]

    def leluhur(self, id_: str) -> list[Simpul]:
        """Leluhur dari akar sampai induk langsung."""
        hasil = []
        s = self.induk(id_)
        while s is not None:
            hasil.append(s)
            s = self.induk(s.id)
        return hasil[::-1]

    def turunan(self, id_: str, termasuk_diri: bool = False) -> list[Simpul]:
        """Semua turunan ``id_`` dalam urutan pra-urut."""
        hasil = [self._simpul[id_]] if termasuk_diri else []
        for a in self._anak.get(id_, []):
            hasil.extend(self.turunan(a, termasuk_diri=True))
        return hasil

    def daun(self, id_: str | None = None) -> list[Simpul]:
        """Daun (simpul tanpa anak) di bawah ``id_`` (bawaan: seluruh pohon)."""
        awal = self._akar if id_ is None else id_
        return [s for s in self.turunan(awal, termasuk_diri=True) if not self._anak.get(s.id)]

    def level(self, n: int) -> list[Simpul]:
        """Simpul pada level ``n``, dalam urutan pra-urut."""
        return [s for s in self if s.level == n]

    def jalur(self) -> list[list[Simpul]]:
        """Jalur akar → daun, satu per daun (baris *Form Indikator*)."""
        return [self.leluhur(d.id) + [d] for d in self.daun()]

    def jumlah_per_level(self) -> dict[int, int]:
        """Cacah simpul per level."""
        hitung: dict[int, int] = {}
        for s in self._simpul.values():
            hitung[s.level] = hitung.get(s.level, 0) + 1
        return dict(sorted(hitung.items()))

    @property
    def level_maks(self) -> int:
        return max(s.level for s in self._simpul.values())


def muat_pohon() -> Pohon:
    """Pohon kinerja dari ``data/pohon_kinerja.csv`` (Lampiran 2, *Form Indikator*).

    >>> muat_pohon()["L2-3"].indikator
    'Persentase Potensi Sumber Kesejahteraan Sosial yang meningkat setelah diintervensi'
    """
    df = data.muat("pohon_kinerja")
    return Pohon(
        Simpul(
            id=r["id"],
            induk=r["induk"] if isinstance(r["induk"], str) else None,
            level=int(r["level"]),
            jenis=r["jenis"],
            uraian=r["uraian"],
            indikator=r["indikator"],
        )
        for _, r in df.iterrows()
    )


def _info_pohon() -> dict:
    """Tempat, tanggal dan judul pohon kinerja (instansi.yaml, pohon_kinerja.yaml)."""
    ins = data.instansi()
    info = data.pohon_info()
    tanggal = ins.get("tanggal_pohon_kinerja") or info.get("tanggal")
    return {
        "tempat": info.get("tempat") or ins.get("tempat_dokumen") or ins["ibu_kota"],
        "tanggal": tanggal,
        "sektor": ins.get("sektor_pohon_kinerja") or info.get("sektor"),
        "instansi": ins["nama_lengkap"],
        "awal": ins["periode_renstra"]["awal"],
        "akhir": ins["periode_renstra"]["akhir"],
    }


# ----------------------------------------------------------------------------
# ukuran teks

#: Tumpukan fon SVG: DejaVu Sans lebih dulu (sama dengan grafik matplotlib dokumen).
FON = "DejaVu Sans, Arial, Liberation Sans, sans-serif"


@lru_cache(maxsize=None)
def _fon(tebal: bool, miring: bool):
    from matplotlib import font_manager, ft2font

    prop = font_manager.FontProperties(
        family="DejaVu Sans", weight="bold" if tebal else "normal", style="oblique" if miring else "normal"
    )
    f = ft2font.FT2Font(font_manager.findfont(prop, fallback_to_default=True))
    f.set_size(100, 72)
    return f


@lru_cache(maxsize=8192)
def _lebar_em(c: str, tebal: bool, miring: bool) -> float:
    try:
        g = _fon(tebal, miring).load_char(ord(c))
        return g.linearHoriAdvance / 65536 / 100
    except (RuntimeError, ValueError):  # pragma: no cover - huruf di luar fon
        return 0.7


def lebar_teks(teks: str, ukuran: float, tebal: bool = False, miring: bool = False) -> float:
    """Lebar ``teks`` dalam px pada ukuran huruf ``ukuran`` px (metrik DejaVu Sans).

    >>> round(lebar_teks("MMMM", 10), 1), round(lebar_teks("iiii", 10), 1)
    (34.5, 11.1)
    """
    return sum(_lebar_em(c, tebal, miring) for c in teks) * ukuran


def bungkus(teks: str, lebar: float, ukuran: float, tebal: bool = False, miring: bool = False) -> list[str]:
    """Pecah ``teks`` menjadi baris yang masing-masing muat dalam ``lebar`` px.

    Pemecahan serakah per kata dengan lebar terukur; kata yang lebih panjang
    dari satu baris dipotong dengan :func:`textwrap.wrap` per huruf.

    >>> bungkus("Persentase PPKS penerima pelayanan Rehabilitasi Sosial", 120, 10)
    ['Persentase PPKS', 'penerima pelayanan', 'Rehabilitasi Sosial']
    >>> all(lebar_teks(b, 10) <= 60 for b in bungkus("Kesejahteraan" * 3, 60, 10))
    True
    """
    kata: list[str] = []
    for k in " ".join(str(teks).split()).split(" "):
        if lebar_teks(k, ukuran, tebal, miring) <= lebar:
            kata.append(k)
            continue
        n = max(1, int(len(k) * lebar / max(lebar_teks(k, ukuran, tebal, miring), 1e-9)))
        while n > 1 and any(lebar_teks(p, ukuran, tebal, miring) > lebar for p in textwrap.wrap(k, n)):
            n -= 1
        kata.extend(textwrap.wrap(k, n))
    baris: list[str] = []
    kini = ""
    for k in kata:
        calon = f"{kini} {k}" if kini else k
        if kini and lebar_teks(calon, ukuran, tebal, miring) > lebar:
            baris.append(kini)
            kini = k
        else:
            kini = calon
    if kini:
        baris.append(kini)
    return baris or [""]


# ----------------------------------------------------------------------------
# diagram

#: Lebar isi halaman A4 tegak (21 cm − 2,5 cm − 2 cm = 16,5 cm) dalam px CSS (96 per inci).
LEBAR_HALAMAN_PX = 16.5 / 2.54 * 96
#: Tinggi maksimum satu panel diagram (px) agar muat satu halaman A4 tegak (24,7 cm = 933 px)
#: bersama keterangan gambar (± 3 baris).
TINGGI_PANEL_MAKS = 790.0
#: Huruf terkecil pada cetakan (pt); diuji di tests/test_pohon.py.
UKURAN_HURUF_MIN_PT = 7.0

_U = 10.5  # ukuran huruf uraian (px) = 7,9 pt
_I = 10.0  # ukuran huruf indikator (px, miring) = 7,5 pt
_LEGENDA = 10.0
_PAD_X, _PAD_Y = 5.0, 4.0
_SPASI = 1.18  # tinggi baris / ukuran huruf

_GAYA = {
    0: {"isi": "#1f4e79", "garis": "#1f4e79", "teks": "#ffffff", "ind": "#e3ecf5", "tebal": True},
    1: {"isi": "#2e6299", "garis": "#1f4e79", "teks": "#ffffff", "ind": "#e3ecf5", "tebal": True},
    2: {"isi": "#cfe0f1", "garis": "#1f4e79", "teks": "#111111", "ind": "#333333", "tebal": True},
    3: {"isi": "#e9f1f9", "garis": "#1f4e79", "teks": "#111111", "ind": "#333333", "tebal": False},
    4: {"isi": "#fbefd3", "garis": "#9c6b00", "teks": "#111111", "ind": "#333333", "tebal": False},
    5: {"isi": "#ffffff", "garis": "#9c6b00", "teks": "#111111", "ind": "#333333", "tebal": False},
}


def _gaya(level: int) -> dict:
    return _GAYA.get(level, _GAYA[5])


def _a(v) -> str:
    """Nilai atribut SVG yang aman (angka dibulatkan, teks di-escape)."""
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return html.escape(str(v), quote=True)


@dataclass
class _Kotak:
    simpul: Simpul
    lebar: float
    lanjutan: bool = False
    x: float = 0.0
    y: float = 0.0
    uraian: list[str] = field(default_factory=list)
    indikator: list[str] = field(default_factory=list)

    def __post_init__(self):
        g = _gaya(self.simpul.level)
        isi = self.lebar - 2 * _PAD_X
        self.uraian = bungkus(self.simpul.uraian, isi, _U, g["tebal"])
        if self.lanjutan:
            self.indikator = ["(lanjutan)"]
        else:
            self.indikator = bungkus(self.simpul.indikator, isi, _I, miring=True)

    @property
    def tinggi(self) -> float:
        return 2 * _PAD_Y + len(self.uraian) * _U * _SPASI + 5 + len(self.indikator) * _I * _SPASI

    def svg(self) -> str:
        g = _gaya(self.simpul.level)
        bagian = [
            f'<rect x="{_a(self.x)}" y="{_a(self.y)}" width="{_a(self.lebar)}" height="{_a(self.tinggi)}" rx="3" '
            f'fill="{g["isi"]}" stroke="{g["garis"]}" stroke-width="1"'
            + (' stroke-dasharray="4 2"' if self.lanjutan else "")
            + "/>"
        ]
        y = self.y + _PAD_Y + _U * 0.93
        for b in self.uraian:
            bagian.append(
                f'<text x="{_a(self.x + _PAD_X)}" y="{_a(y)}" font-size="{_a(_U)}" fill="{g["teks"]}"'
                + (' font-weight="bold"' if g["tebal"] else "")
                + f">{html.escape(b)}</text>"
            )
            y += _U * _SPASI
        garis_y = y - _U * 0.93 + 2.5
        bagian.append(
            f'<line x1="{_a(self.x + _PAD_X)}" y1="{_a(garis_y)}" x2="{_a(self.x + self.lebar - _PAD_X)}" '
            f'y2="{_a(garis_y)}" stroke="{g["ind"]}" stroke-width="0.5"/>'
        )
        y = garis_y + 2.5 + _I * 0.93
        for b in self.indikator:
            bagian.append(
                f'<text x="{_a(self.x + _PAD_X)}" y="{_a(y)}" font-size="{_a(_I)}" font-style="italic" '
                f'fill="{g["ind"]}">{html.escape(b)}</text>'
            )
            y += _I * _SPASI
        return "".join(bagian)

    @property
    def kanan(self) -> float:
        return self.x + self.lebar

    @property
    def tengah_y(self) -> float:
        return self.y + self.tinggi / 2


def _siku_kanan(induk: _Kotak, anak: _Kotak) -> str:
    """Garis siku dari sisi kanan induk ke sisi kiri anak."""
    xm = (induk.kanan + anak.x) / 2
    return (
        f'<path d="M{_a(induk.kanan)} {_a(induk.tengah_y)} H{_a(xm)} V{_a(anak.tengah_y)} H{_a(anak.x)}" '
        f'fill="none" stroke="#555" stroke-width="1"/>'
    )


def _legenda(level: list[int], pohon: Pohon, lebar: float, y: float, bernomor: bool = True) -> tuple[str, float]:
    """Legenda warna level + keterangan huruf miring; kembalikan (svg, tinggi).

    ``bernomor=False``: hanya nama tingkat ("Program"), tanpa "Level n" pohon kinerja.
    """
    butir = []
    for lv in level:
        contoh = pohon.level(lv)[0]
        butir.append((lv, f"Level {lv}: {nama_level(contoh.jenis)}" if bernomor else nama_level(contoh.jenis)))
    butir.append((None, "huruf miring: indikator"))
    bagian, x, baris_y = [], 0.0, y
    for lv, teks in butir:
        w = 14 + lebar_teks(teks, _LEGENDA, miring=lv is None) + 14
        if x > 0 and x + w > lebar:
            x, baris_y = 0.0, baris_y + _LEGENDA * 1.6
        if lv is not None:
            g = _gaya(lv)
            bagian.append(
                f'<rect x="{_a(x)}" y="{_a(baris_y)}" width="10" height="10" fill="{g["isi"]}" stroke="{g["garis"]}" stroke-width="0.8"/>'
            )
            tx = x + 14
        else:
            tx = x
        bagian.append(
            f'<text x="{_a(tx)}" y="{_a(baris_y + 9)}" font-size="{_a(_LEGENDA)}" fill="#222"'
            + (' font-style="italic"' if lv is None else "")
            + f">{html.escape(teks)}</text>"
        )
        x += w
    return "".join(bagian), baris_y + _LEGENDA * 1.6 - y


_TEPI = 1.0  # tepi agar garis kotak terluar tidak terpotong


def _svg(lebar: float, tinggi: float, isi: str, label: str) -> str:
    w, h = lebar + 2 * _TEPI, tinggi + 2 * _TEPI
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_a(label)}" width="{_a(w)}" '
        f'height="{_a(h)}" viewBox="0 0 {_a(w)} {_a(h)}" font-family="{_a(FON)}" '
        f'style="max-width:100%;height:auto"><g transform="translate({_a(_TEPI)} {_a(_TEPI)})">{isi}</g></svg>'
    )


@dataclass
class Diagram:
    """Gambar bernomor berisi satu atau beberapa panel SVG sebaris.

    Setiap panel muat satu halaman A4 tegak; diagram yang lebih tinggi dipecah
    menjadi beberapa panel bertanda "bagian i dari n" (simpul induk yang
    berlanjut digambar ulang dengan garis putus-putus dan tanda "(lanjutan)").

    Attributes
    ----------
    nomor, judul, sumber : str
        Keterangan gambar, mis. ``"4.1"``.
    panel : list of str
        SVG setiap panel.
    ukuran : list of tuple
        (lebar, tinggi) setiap panel dalam px.
    """

    nomor: str
    judul: str
    panel: list[str]
    ukuran: list[tuple[float, float]]
    sumber: str | None = None
    label: str | None = None

    def ukuran_huruf_cetak_pt(self) -> float:
        """Ukuran huruf terkecil (pt) bila dicetak pada lebar isi halaman A4 tegak."""
        skala = min(1.0, LEBAR_HALAMAN_PX / max(w for w, _ in self.ukuran))
        return min(_U, _I, _LEGENDA) * 0.75 * skala

    def html(self) -> str:
        sumber = (
            f'<span class="sumber" style="display:block;font-weight:normal;font-style:italic">Sumber: {esc(self.sumber)}</span>'
            if self.sumber
            else ""
        )
        keterangan = (
            f'<figcaption>{nomor_html("gambar", self.label, self.nomor)} {esc(self.judul)}{sumber}</figcaption>'
        )
        # panel terakhir dan keterangan gambar tidak boleh terpisah halaman
        akhir = f'<div style="break-inside:avoid;page-break-inside:avoid">{self.panel[-1]}{keterangan}</div>'
        return f'<figure class="grafik diagram-pohon"{id_label("gambar", self.label)}>{"".join(self.panel[:-1])}{akhir}</figure>'

    def _repr_html_(self) -> str:
        return self.html()


def _sumber_pohon() -> str:
    info = _info_pohon()
    tgl = fmt.tanggal(info["tanggal"]) if info["tanggal"] else fmt.TIDAK_TERDEFINISI
    return f"Pohon Kinerja {info['instansi']} (Lampiran 2), {info['tempat']}, {tgl}"


@dataclass
class _Potong:
    """Sepotong subpohon untuk satu panel: simpul, anak-anak yang ikut, tanda lanjutan."""

    simpul: Simpul
    anak: list["_Potong"]
    lanjutan: bool = False


_JARAK_ANAK = 7.0
_CELAH_KOLOM = 18.0


class _TataLetak:
    def __init__(self, pohon: Pohon, lebar_level: dict[int, float]):
        self.pohon = pohon
        self.lebar_level = lebar_level
        self._tinggi_kotak: dict[tuple[str, bool], float] = {}

    def tinggi_kotak(self, s: Simpul, lanjutan: bool) -> float:
        kunci = (s.id, lanjutan)
        if kunci not in self._tinggi_kotak:
            self._tinggi_kotak[kunci] = _Kotak(s, self.lebar_level[s.level], lanjutan).tinggi
        return self._tinggi_kotak[kunci]

    def tinggi(self, p: _Potong) -> float:
        sendiri = self.tinggi_kotak(p.simpul, p.lanjutan)
        if not p.anak:
            return sendiri
        return max(sendiri, sum(self.tinggi(a) for a in p.anak) + _JARAK_ANAK * (len(p.anak) - 1))

    def penuh(self, s: Simpul, level_maks: int) -> _Potong:
        anak = [self.penuh(a, level_maks) for a in self.pohon.anak(s.id)] if s.level < level_maks else []
        return _Potong(s, anak)

    def pecah(self, p: _Potong, maks: float) -> list[_Potong]:
        """Pecah potongan menjadi beberapa potongan yang masing-masing setinggi ≤ ``maks``."""
        if self.tinggi(p) <= maks or not p.anak:
            return [p]
        potongan_anak: list[_Potong] = []
        for a in p.anak:
            potongan_anak.extend(self.pecah(a, maks))
        kelompok: list[list[_Potong]] = [[]]
        for a in potongan_anak:
            calon = kelompok[-1] + [a]
            uji = _Potong(p.simpul, calon, p.lanjutan or len(kelompok) > 1)
            if kelompok[-1] and self.tinggi(uji) > maks:
                kelompok.append([a])
            else:
                kelompok[-1] = calon
        return [_Potong(p.simpul, g, p.lanjutan or i > 0) for i, g in enumerate(kelompok)]

    def tempatkan(self, p: _Potong, x: dict[int, float], y0: float, kotak: list, garis: list) -> _Kotak:
        k = _Kotak(p.simpul, self.lebar_level[p.simpul.level], p.lanjutan)
        k.x = x[p.simpul.level]
        h = self.tinggi(p)
        if not p.anak:
            k.y = y0 + (h - k.tinggi) / 2
            kotak.append(k)
            return k
        jumlah = sum(self.tinggi(a) for a in p.anak) + _JARAK_ANAK * (len(p.anak) - 1)
        yy = y0 + (h - jumlah) / 2
        anak_k = []
        for a in p.anak:
            anak_k.append(self.tempatkan(a, x, yy, kotak, garis))
            yy += self.tinggi(a) + _JARAK_ANAK
        tengah = (anak_k[0].tengah_y + anak_k[-1].tengah_y) / 2
        k.y = min(max(tengah - k.tinggi / 2, y0), y0 + h - k.tinggi)
        for c in anak_k:
            garis.append(_siku_kanan(k, c))
        kotak.append(k)
        return k


# ----------------------------------------------------------------------------
# tabel


@dataclass
class TabelGabung(Tabel):
    """:class:`~analisis.presentation.tabel.Tabel` dengan sel yang tampak digabung dan lebar kolom.

    ``gabung`` memetakan kunci kolom tampilan ke kolom kunci penggabung: pada
    baris berurutan dengan nilai kunci penggabung yang sama (dan tidak kosong)
    teks hanya ditulis di baris pertama; sel berikutnya kosong tanpa garis atas
    sehingga tampak menyatu. (Bukan ``rowspan``: Chromium membiarkan ruang
    kosong besar saat memecah halaman di dalam sel ``rowspan``; dengan cara ini
    setiap baris tetap dapat dipecah sendiri.) ``lebar_kolom``: persen lebar setiap kolom (opsional).
    ``utuh``: tabel dipindah utuh ke halaman berikutnya bila tidak muat.
    ``judul_baris``: kolom DataFrame berisi daftar potongan ``(tebal, teks)``;
    baris yang kolom itu tidak kosong menjadi satu sel selebar tabel (kelas
    ``kelompok``), dan sel gabungan tidak melintasinya. Markup sama dengan ``Tabel`` (keterangan, catatan, sumber, halaman lanskap);
    setiap teks melewati :func:`~analisis.presentation.tabel.esc` atau ``Kol.sel``.

    >>> t = TabelGabung(pd.DataFrame({"a": ["<x>", "<x>", "y"], "k": [1, 1, 2], "b": ["1", "2", "3"]}),
    ...                 nomor="9.9", judul="uji", kolom=[Kol("a", "A"), Kol("b", "B")], gabung={"a": "k"})
    >>> h = t.html()
    >>> h.count("border-top-style:hidden"), h.count("&lt;x&gt;"), h.count("<td")
    (1, 1, 6)
    """

    gabung: dict[str, str] = field(default_factory=dict)
    lebar_kolom: list[float] | None = None
    judul_baris: str | None = None
    utuh: bool = False  # usahakan tabel tidak terpecah halaman (bila muat satu halaman)
    rowspan: bool = False  # sel induk benar-benar merentang baris anaknya (atribut rowspan)
    lanjutan: str | None = None  # keterangan tabel lanjutan (tanpa nomor), mis. "Tabel 4.6 (lanjutan): Bagian 2"

    def _judul_baris(self, r) -> list | None:
        if not self.judul_baris:
            return None
        v = r.get(self.judul_baris)
        return v if isinstance(v, (list, tuple)) and v else None

    def _rentang(self) -> dict[tuple[int, str], int]:
        """(baris, kolom) → rowspan; 0 berarti sel tertutup sel di atasnya."""
        hasil: dict[tuple[int, str], int] = {}
        n = len(self.df)
        judul = [self._judul_baris(r) is not None for _, r in self.df.iterrows()]
        for kol, kunci in self.gabung.items():
            nilai = list(self.df[kunci])
            i = 0
            while i < n:
                j = i + 1
                if not judul[i] and nilai[i] is not None and not (isinstance(nilai[i], float) and pd.isna(nilai[i])):
                    while j < n and not judul[j] and nilai[j] == nilai[i]:
                        hasil[(j, kol)] = 0
                        j += 1
                hasil[(i, kol)] = j - i
                i = j
        return hasil

    def html(self) -> str:
        rentang = self._rentang()
        badan = []
        for i, (_, r) in enumerate(self.df.iterrows()):
            potongan = self._judul_baris(r)
            if potongan is not None:
                isi = "".join(f"<b>{esc(t)}</b>" if tebal else esc(t) for tebal, t in potongan)
                badan.append(f'<tr class="kelompok"><td colspan="{len(self.kolom)}">{isi}</td></tr>')
                continue
            sel = []
            for k in self.kolom:
                n = rentang.get((i, k.kunci), 1)
                if n == 0:
                    if self.rowspan:
                        continue  # tertutup sel induk yang merentang
                    # sel tertutup: kosong tanpa garis atas, tampak menyatu dengan sel di atasnya
                    sel.append(f'<td class="{k.kelas} sambungan" style="border-top-style:hidden"></td>')
                    continue
                rs = f' rowspan="{n}"' if self.rowspan and n > 1 else ""
                sel.append(f'<td class="{k.kelas}"{rs}>{self._sel(i, k, r if k.baris else r[k.kunci])}</td>')
            badan.append(f"<tr{self._atribut_baris(r)}>" + "".join(sel) + "</tr>")
        kolgrup = ""
        if self.lebar_kolom:
            kolgrup = "<colgroup>" + "".join(f'<col style="width:{float(w):.2f}%">' for w in self.lebar_kolom) + "</colgroup>"
        # lebar kolom hanya dipatuhi Chromium dengan tata letak tetap; kata yang terlalu panjang dipatahkan
        gaya = ' style="table-layout:fixed;overflow-wrap:break-word"' if self.lebar_kolom else ""
        lanjutan = {} if self.lanjutan is None else {
            "keterangan": f'<caption class="lanjutan">{esc(self.lanjutan)}</caption>', "ident": ""}
        utuh = ' style="break-inside:avoid;page-break-inside:avoid"' if self.utuh else ""
        return self._rakit(badan, gaya=gaya, kolgrup=kolgrup, gaya_blok=utuh, **lanjutan)




def pohon_dari(simpul) -> Pohon:
    """Pohon dari daftar :class:`Simpul` (mis. simpul cascading satu program)."""
    return Pohon(list(simpul))


def diagram_cabang(p: Pohon, akar: str, judul: str, label: str | None = None, nomor: str | None = None,
                   sumber: str | None = None, level_maks: int | None = None, level_bernomor: bool = True) -> Diagram:
    """Diagram kiri → kanan subpohon ``akar`` (level akar di kiri), dipecah per panel setinggi satu halaman A4.

    Dipakai untuk cabang pohon kinerja dan untuk cascading per program
    (``level_bernomor=False``: legenda menyebut tingkat tanpa "Level n").

    >>> p = pohon_dari([Simpul("a", None, 2, "program", "Program <A>", "ind"), Simpul("b", "a", 3, "kegiatan", "K", "i")])
    >>> d = diagram_cabang(p, "a", "uji", label="uji")
    >>> len(d.panel), "Program &lt;A&gt;" in d.html(), 'id="gambar-uji"' in d.html()
    (1, True, True)
    """
    s0 = p[akar]
    level_maks = p.level_maks if level_maks is None else level_maks
    level = list(range(s0.level, level_maks + 1))
    bobot = {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.08, 4: 1.2, 5: 1.42}
    tersedia = LEBAR_HALAMAN_PX - 2 * _TEPI - _CELAH_KOLOM * (len(level) - 1)
    total = sum(bobot.get(lv, 1.2) for lv in level)
    lebar_level = {lv: tersedia * bobot.get(lv, 1.2) / total for lv in level}
    x, kini = {}, 0.0
    for lv in level:
        x[lv] = kini
        kini += lebar_level[lv] + _CELAH_KOLOM
    W = kini - _CELAH_KOLOM
    tl = _TataLetak(p, lebar_level)
    ruang_kepala = 18.0
    _, leg_t = _legenda(level, p, W, 0, level_bernomor)
    maks = TINGGI_PANEL_MAKS - 2 * _TEPI - ruang_kepala - leg_t - 12
    potong = tl.pecah(tl.penuh(s0, level_maks), maks)
    panel, ukuran = [], []
    nama = f"Gambar {nomor}" if nomor else "Gambar"
    for j, pt in enumerate(potong):
        kotak: list[_Kotak] = []
        garis: list[str] = []
        atas = ruang_kepala if len(potong) > 1 else 0.0
        tl.tempatkan(pt, x, atas, kotak, garis)
        h = atas + tl.tinggi(pt)
        isi = "".join(garis) + "".join(k.svg() for k in kotak)
        if len(potong) > 1:
            isi += (
                f'<text x="{_a(W)}" y="11" font-size="{_a(_LEGENDA)}" text-anchor="end" fill="#444" font-style="italic">'
                f"{html.escape(f'{nama}, bagian {j + 1} dari {len(potong)}')}</text>"
            )
        leg_svg, leg_t = _legenda(level, p, W, h + 12, level_bernomor)
        isi += leg_svg
        H = h + 12 + leg_t
        panel.append(_svg(W, H, isi, f"{nama} {judul} bagian {j + 1}"))
        ukuran.append((W + 2 * _TEPI, H + 2 * _TEPI))
    return Diagram(nomor, judul, panel, ukuran, sumber, label)
