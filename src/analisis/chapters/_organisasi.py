"""BAB II 2.1: tugas, fungsi, susunan dan bagan struktur organisasi perangkat daerah.

Semua isi diambil dari ``data/organisasi.yaml`` (fungsi Dinas, ``susunan``
dengan ``id``/``induk``/``jenis``, ``kalimat_pengantar``) dan
``data/instansi.yaml`` (nama instansi). Bagan "Gambar 2.1 Struktur
Organisasi" yang hilang dari dokumen sumber digambar ulang dari ``susunan``
sebagai SVG sebaris (kotak dan garis), tanpa berkas luar.

Tata letak bagan ditentukan oleh ``jenis`` setiap unit:

============== =========================================================
``pimpinan``   akar bagan (unit tanpa ``induk``), di tengah atas
``kelompok``   kelompok jabatan (fungsional, pelaksana): kolom kiri,
               bercabang langsung dari garis komando
``sekretariat`` kanan atas; anak-anaknya (subbagian) berjajar di bawahnya
``uptd``       baris paling bawah, di ujung garis komando
(lainnya)      ``bidang`` dan jenis lain: satu baris di bawah garis
               komando; anak-anaknya (seksi) bersusun di bawah kotaknya
============== =========================================================

Examples
--------
>>> b = bagan_organisasi()
>>> h = b.html()
>>> h.startswith('<figure class="grafik bagan" id="gambar-struktur-organisasi">') and 'data-label="struktur-organisasi"' in h
True
>>> h.count("<rect"), ">Kepala Dinas</tspan>" in h
(11, True)
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from IPython.display import HTML, Markdown

from ..core import data
from ..presentation.grafik import WARNA, Gambar
from ..presentation.tabel import esc

#: Label bagan struktur organisasi; kalimat merujuknya dengan :data:`RUJUKAN`.
LABEL = "struktur-organisasi"
RUJUKAN = f"@gambar:{LABEL}"

__all__ = [
    "unit",
    "anak",
    "daftar_fungsi",
    "daftar_susunan",
    "rincian_tugas_fungsi",
    "kalimat_pengantar",
    "Bagan",
    "bagan_organisasi",
]

_HURUF = "abcdefghijklmnopqrstuvwxyz"


def _susunan() -> list[dict]:
    return list(data.organisasi()["susunan"])


def unit(id_: str) -> dict:
    """Satu unit ``susunan`` menurut ``id``.

    >>> unit("sekretariat")["nama"]
    'Sekretariat'
    """
    for u in _susunan():
        if u["id"] == id_:
            return u
    raise KeyError(f"unit {id_!r} tidak ada di data/organisasi.yaml (susunan)")


def anak(id_: str | None) -> list[dict]:
    """Unit-unit yang ``induk``-nya ``id_`` (``None`` = akar), dalam urutan berkas.

    >>> [u["id"] for u in anak("sekretariat")]
    ['subbag_program', 'subbag_umum']
    >>> [u["id"] for u in anak(None)]
    ['kepala_dinas']
    """
    return [u for u in _susunan() if u.get("induk") == id_]


def kalimat_pengantar(kunci: str) -> str:
    """Kalimat pengantar bagian 2.1 dari ``kalimat_pengantar`` organisasi.yaml.

    Bila kunci tidak diisi, kalimat umum dibangun dari nama instansi.

    >>> kalimat_pengantar("fungsi")
    'Dinas Sosial Kabupaten Seruyan melaksanakan Fungsi sebagai berikut :'
    """
    isi = (data.organisasi().get("kalimat_pengantar") or {}).get(kunci)
    if isi:
        return isi
    nama = data.instansi()["nama_lengkap"]
    bawaan = {
        "fungsi": f"{nama} melaksanakan fungsi sebagai berikut:",
        "susunan": f"Dalam menjalankan tugas dan fungsinya {nama} mempunyai susunan organisasi sebagai berikut:",
        "rincian": "Lebih lanjut mengenai tugas dan fungsi dijelaskan sebagai berikut:",
        "struktur": f"Struktur organisasi {nama} disajikan pada {RUJUKAN} berikut ini:",
    }
    return bawaan[kunci]


def _p(teks: str) -> str:
    return f"<p>{esc(teks)}</p>"


def daftar_fungsi() -> HTML:
    """Kalimat pengantar dan daftar fungsi Dinas (a–k), BAB II 2.1.

    >>> h = daftar_fungsi().data
    >>> h.count("<li>")
    11
    >>> 'list-style-type:lower-alpha' in h
    True
    """
    butir = data.organisasi()["fungsi"]
    isi = "".join(f"<li>{esc(b)}</li>" for b in butir)
    return HTML(_p(kalimat_pengantar("fungsi")) + f'<ol style="list-style-type:lower-alpha">{isi}</ol>')


def _butir_unit(u: dict) -> str:
    sub = anak(u["id"])
    if not sub:
        return f"<li>{esc(u['nama'])}</li>"
    isi = "".join(f"<li>{esc(s['nama'])}</li>" for s in sub)
    return f'<li>{esc(u["nama"])}, terdiri atas:<ol style="list-style-type:decimal;margin:0">{isi}</ol></li>'


def _susunan_html() -> str:
    """Pimpinan sebagai butir a, lalu anak-anaknya (dengan cucu bertingkat)."""
    butir = []
    for akar in anak(None):
        butir.append(f"<li>{esc(akar['nama'])}</li>")
        butir.extend(_butir_unit(u) for u in anak(akar["id"]))
    return '<ol style="list-style-type:lower-alpha">' + "".join(butir) + "</ol>"


def daftar_susunan() -> HTML:
    """Kalimat pengantar dan susunan organisasi (a. Kepala Dinas … i. UPTD), bertingkat.

    >>> h = daftar_susunan().data
    >>> h.count("<li>")
    11
    >>> "Sekretariat, terdiri atas:" in h
    True
    """
    return HTML(_p(kalimat_pengantar("susunan")) + _susunan_html())


def _nomor_kurung(i: int, isi: str) -> str:
    return (f'<li style="display:flex;gap:0.5em"><span style="flex:0 0 1.8em">({i})</span>'
            f'<div style="flex:1 1 auto">{isi}</div></li>')


def _blok_unit(u: dict, huruf: str | None, dengan_anak: bool = True) -> str:
    """Uraian tugas dan fungsi satu unit (gaya sumber: (1) tugas, (2) fungsi, (3) anak).

    ``dengan_anak=False`` untuk pimpinan: anak-anaknya diuraikan sebagai butir
    tersendiri (b, c, ...), bukan di dalam bloknya.
    """
    nama = u["nama"]
    judul = f"<p><strong>{esc(huruf)}) {esc(nama)}</strong></p>" if huruf else ""
    tugas = u.get("tugas")
    fungsi = u.get("fungsi") or []
    sub = anak(u["id"]) if dengan_anak else []
    if tugas and (fungsi or sub):
        bagian = [esc(tugas)]
        if fungsi:
            daftar = "".join(f"<li>{esc(f)}</li>" for f in fungsi)
            bagian.append(
                f"Untuk melaksanakan tugas sebagaimana dimaksud, {esc(nama)} menyelenggarakan fungsi sebagai berikut:"
                f'<ol style="list-style-type:lower-alpha;margin:0">{daftar}</ol>'
            )
        if sub:
            daftar = "".join(f"<li>{esc(s['nama'])}</li>" for s in sub)
            bagian.append(f'{esc(nama)} terdiri atas:<ol style="list-style-type:lower-alpha;margin:0">{daftar}</ol>')
        isi = '<ol style="list-style-type:none;padding-left:0">' + "".join(
            _nomor_kurung(i, b) for i, b in enumerate(bagian, start=1)
        ) + "</ol>"
    elif tugas:
        isi = _p(tugas)
    elif fungsi:
        # subbagian: sumber mencetak daftar tugasnya sebagai "mempunyai tugas sebagai berikut"
        daftar = "".join(f"<li>{esc(f)}</li>" for f in fungsi)
        isi = _p(f"{nama} mempunyai tugas sebagai berikut:") + f'<ol style="list-style-type:lower-alpha">{daftar}</ol>'
    else:
        # sumber tidak mencetak uraiannya: butir ini (judul dan tempat kosongnya) hanya di edisi reviu;
        # edisi final membuangnya utuh (document.edisi.untuk_edisi), seperti dokumen yang ditandatangani
        return (f'<div class="reviu-saja">{judul}<p class="catatan">Uraian tugas dan fungsi {esc(nama)} '
                f'belum tersedia dalam data.</p></div>' + "".join(_blok_unit(s, None) for s in sub))
    return judul + isi + "".join(_blok_unit(s, None) for s in sub)


def rincian_tugas_fungsi() -> HTML:
    """Uraian tugas dan fungsi setiap unit: a) Kepala Dinas, b) Sekretariat (dan subbagiannya), …

    Urutan mengikuti ``susunan``; anak sebuah unit (subbagian, seksi)
    diuraikan di dalam blok induknya. Unit tanpa uraian disebut terus terang.

    >>> h = rincian_tugas_fungsi().data
    >>> "<strong>a) Kepala Dinas</strong>" in h and "Subbagian Penyusunan Program dan Keuangan mempunyai tugas" in h
    True
    >>> "Uraian tugas dan fungsi Bidang Pemberdayaan Sosial belum tersedia dalam data." in h
    True
    """
    unitnya = []
    for a in anak(None):
        unitnya.append((a, False))
        unitnya.extend((u, True) for u in anak(a["id"]))
    blok = [_blok_unit(u, _HURUF[i], dengan_anak) for i, (u, dengan_anak) in enumerate(unitnya)]
    return HTML(_p(kalimat_pengantar("rincian")) + "".join(blok))


# ----------------------------------------------------------------------------
# bagan organisasi (SVG sebaris)

_FS = 15  # ukuran huruf (satuan viewBox)
_LH = 18  # jarak baris
_PAD = 8
_LEBAR_HURUF = 0.56  # perkiraan lebar rata-rata satu huruf (× ukuran huruf) untuk Arial/Liberation Sans
_M = 6  # margin tepi
_CELAH = 14
_FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif"

_GAYA_KOTAK = {
    "pimpinan": (WARNA["utama"], WARNA["utama"], "#ffffff", "bold"),
    "sekretariat": ("#dbe7f3", WARNA["utama"], "#111111", "bold"),
    "bidang": ("#dbe7f3", WARNA["utama"], "#111111", "bold"),
    "subbagian": ("#ffffff", WARNA["utama"], "#111111", "normal"),
    "kelompok": ("#f2f2f2", "#555555", "#111111", "normal"),
    "uptd": ("#fbf0d6", "#8a6a10", "#111111", "normal"),
}


def _baris_teks(teks: str, lebar: float, tebal: bool = False) -> list[str]:
    n = max(8, int((lebar - 2 * _PAD) / (_FS * _LEBAR_HURUF * (1.1 if tebal else 1.0))))
    return textwrap.wrap(teks, n) or [""]


@dataclass
class _Kotak:
    u: dict
    x: float
    y: float
    w: float
    h: float = 0.0
    baris: list[str] = field(default_factory=list)

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bawah(self) -> float:
        return self.y + self.h

    @property
    def tengah_y(self) -> float:
        return self.y + self.h / 2


def _tinggi(nbaris: int) -> float:
    return nbaris * _LH + 2 * _PAD


def _svg_kotak(k: _Kotak) -> str:
    isi, garis, warna_teks, tebal = _GAYA_KOTAK.get(k.u.get("jenis"), _GAYA_KOTAK["bidang"])
    n = len(k.baris)
    y0 = k.tengah_y - (n - 1) * _LH / 2 + _FS * 0.35
    tspan = "".join(
        f'<tspan x="{k.cx:.1f}" y="{y0 + i * _LH:.1f}">{esc(b)}</tspan>' for i, b in enumerate(k.baris)
    )
    return (
        f'<rect x="{k.x:.1f}" y="{k.y:.1f}" width="{k.w:.1f}" height="{k.h:.1f}" rx="3" '
        f'fill="{isi}" stroke="{garis}" stroke-width="1.4"/>'
        f'<text text-anchor="middle" font-size="{_FS}" font-weight="{tebal}" fill="{warna_teks}">{tspan}</text>'
    )


def _garis(x1, y1, x2, y2) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'


def _seragamkan(kotak: list[_Kotak]) -> None:
    for k in kotak:
        tebal = _GAYA_KOTAK.get(k.u.get("jenis"), _GAYA_KOTAK["bidang"])[3] == "bold"
        k.baris = _baris_teks(k.u["nama"], k.w, tebal)
    h = _tinggi(max((len(k.baris) for k in kotak), default=1))
    for k in kotak:
        k.h = h


def svg_bagan(lebar: float = 780) -> str:
    """SVG bagan struktur organisasi dari ``susunan`` (kotak dan garis komando).

    >>> s = svg_bagan()
    >>> s.startswith("<svg") and s.count("<rect") == 11
    True
    """
    W = float(lebar)
    cx = W / 2
    akar = anak(None)
    if len(akar) != 1:
        raise ValueError("susunan organisasi harus memiliki tepat satu unit tanpa induk (pimpinan)")
    pimpinan = akar[0]
    turunan = anak(pimpinan["id"])
    kiri = [u for u in turunan if u.get("jenis") == "kelompok"]
    kanan = [u for u in turunan if u.get("jenis") == "sekretariat"]
    bawah = [u for u in turunan if u.get("jenis") == "uptd"]
    baris_tengah = [u for u in turunan if u not in kiri and u not in kanan and u not in bawah]

    kotak: list[_Kotak] = []
    garis: list[str] = []

    # pimpinan
    kp = _Kotak(pimpinan, cx - 150, _M, 300)
    _seragamkan([kp])
    kotak.append(kp)
    y1 = kp.bawah + 34

    # kolom kiri: kelompok jabatan, bersusun
    bawah_kiri = y1
    lebar_kiri = min(250.0, cx - 40 - _M)
    for u in kiri:
        k = _Kotak(u, _M + 10, bawah_kiri, lebar_kiri)
        _seragamkan([k])
        kotak.append(k)
        garis.append(_garis(k.x + k.w, k.tengah_y, cx, k.tengah_y))
        bawah_kiri = k.bawah + 16

    # kanan: sekretariat dan subbagiannya
    bawah_kanan = y1
    x_kanan0, x_kanan1 = cx + 34, W - _M
    y_sek = y1
    for u in kanan:
        sub = anak(u["id"])
        ks = _Kotak(u, 0, y_sek, min(260.0, x_kanan1 - x_kanan0))
        ks.x = (x_kanan0 + x_kanan1) / 2 - ks.w / 2
        _seragamkan([ks])
        kotak.append(ks)
        garis.append(_garis(cx, ks.tengah_y, ks.x, ks.tengah_y))
        bawah_kanan = ks.bawah + 16
        if sub:
            n = len(sub)
            w = (x_kanan1 - x_kanan0 - (n - 1) * _CELAH) / n
            y_bus = ks.bawah + 18
            ksub = [_Kotak(s, x_kanan0 + i * (w + _CELAH), y_bus + 18, w) for i, s in enumerate(sub)]
            _seragamkan(ksub)
            kotak.extend(ksub)
            garis.append(_garis(ks.cx, ks.bawah, ks.cx, y_bus))
            garis.append(_garis(min(ksub[0].cx, ks.cx), y_bus, max(ksub[-1].cx, ks.cx), y_bus))
            for k in ksub:
                garis.append(_garis(k.cx, y_bus, k.cx, k.y))
            bawah_kanan = max(k.bawah for k in ksub) + 16
        y_sek = bawah_kanan

    # baris bidang: celah di tengah untuk garis komando ke UPTD
    y_bus = max(bawah_kiri, bawah_kanan, y1) + 14
    y_bidang = y_bus + 20
    bawah_bidang = y_bus
    if baris_tengah:
        n = len(baris_tengah)
        nk = n // 2 if bawah else 0
        if bawah and nk > 0:
            celah_tengah = 30.0
            wk = (cx - celah_tengah / 2 - _M - (nk - 1) * _CELAH) / nk
            wn = (W - _M - cx - celah_tengah / 2 - (n - nk - 1) * _CELAH) / (n - nk)
            w = min(wk, wn)
            kiri_x = [cx - celah_tengah / 2 - (nk - i) * w - (nk - 1 - i) * _CELAH for i in range(nk)]
            kanan_x = [cx + celah_tengah / 2 + i * (w + _CELAH) for i in range(n - nk)]
            xs = kiri_x + kanan_x
        else:
            w = (W - 2 * _M - (n - 1) * _CELAH) / n
            xs = [_M + i * (w + _CELAH) for i in range(n)]
        kb = [_Kotak(u, x, y_bidang, w) for u, x in zip(baris_tengah, xs)]
        _seragamkan(kb)
        kotak.extend(kb)
        garis.append(_garis(min(kb[0].cx, cx), y_bus, max(kb[-1].cx, cx), y_bus))
        for k in kb:
            garis.append(_garis(k.cx, y_bus, k.cx, k.y))
            bawah_bidang = max(bawah_bidang, k.bawah)
            # seksi (anak bidang): bersusun di bawah kotaknya
            y_anak = k.bawah + 12
            for s in anak(k.u["id"]):
                ka = _Kotak(s, k.x + 16, y_anak, k.w - 16)
                _seragamkan([ka])
                kotak.append(ka)
                garis.append(_garis(k.x + 8, k.bawah, k.x + 8, ka.tengah_y))
                garis.append(_garis(k.x + 8, ka.tengah_y, ka.x, ka.tengah_y))
                y_anak = ka.bawah + 10
                bawah_bidang = max(bawah_bidang, ka.bawah)

    # UPTD di ujung garis komando
    ujung = y_bus
    if bawah:
        y_u = bawah_bidang + 34
        n = len(bawah)
        w = min(300.0, (W - 2 * _M - (n - 1) * _CELAH) / n)
        total = n * w + (n - 1) * _CELAH
        ku = [_Kotak(u, cx - total / 2 + i * (w + _CELAH), y_u, w) for i, u in enumerate(bawah)]
        _seragamkan(ku)
        kotak.extend(ku)
        if n == 1:
            ujung = ku[0].y
        else:
            y_bu = y_u - 14
            garis.append(_garis(ku[0].cx, y_bu, ku[-1].cx, y_bu))
            for k in ku:
                garis.append(_garis(k.cx, y_bu, k.cx, k.y))
            ujung = y_bu
    garis.insert(0, _garis(cx, kp.bawah, cx, ujung))

    H = max(k.bawah for k in kotak) + _M
    nama = data.instansi()["nama_lengkap"]
    judul = f"Struktur Organisasi {nama}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W:.0f} {H:.0f}" width="100%" '
        f'style="max-width:{W:.0f}px;height:auto" role="img" aria-label="{esc(judul)}" '
        f'font-family="{esc(_FONT)}"><title>{esc(judul)}</title>'
        f'<g stroke="#333333" stroke-width="1.4" fill="none">{"".join(garis)}</g>'
        + "".join(_svg_kotak(k) for k in kotak)
        + "</svg>"
    )


@dataclass
class Bagan(Gambar):
    """Gambar berlabel berisi SVG buatan tangan (bukan grafik matplotlib): :class:`analisis.presentation.grafik.Gambar`
    dengan ``isi_svg`` sebagai SVG-nya dan kelas ``bagan`` (digeser ke samping di layar sempit).

    Nomornya diberi mesin dokumen dari ``label`` (lihat :func:`analisis.presentation.tabel.nomor_html`).
    """

    isi_svg: str = ""

    def svg(self) -> str:
        return self.isi_svg

    def html(self) -> str:
        return super().html().replace('<figure class="grafik"', '<figure class="grafik bagan"', 1)


def bagan_organisasi() -> Bagan:
    """Gambar Struktur Organisasi, digambar dari ``susunan`` (hilang di dokumen sumber).

    >>> bagan_organisasi().judul
    'Struktur Organisasi Dinas Sosial Kabupaten Seruyan'
    """
    return Bagan(None, judul=f"Struktur Organisasi {data.instansi()['nama_lengkap']}", label=LABEL, isi_svg=svg_bagan())


def pengantar_struktur() -> Markdown:
    """Kalimat yang mengantar bagan struktur organisasi (dari ``kalimat_pengantar.struktur``).

    Rujukan bernomor ketikan dari dokumen sumber ("Gambar 2.1.") diganti token
    ``@gambar:struktur-organisasi``; mesin dokumen mengisi nomornya.

    >>> pengantar_struktur().data
    'Berdasarkan Peraturan Bupati Seruyan Nomor 20 tahun 2022, Dinas Sosial memiliki Struktur Organisasi seperti pada @gambar:struktur-organisasi berikut ini :'
    """
    teks = re.sub(r"\bGambar \d+(?:\.\d+)+\.?", RUJUKAN, kalimat_pengantar("struktur"))
    return Markdown(esc(teks))


__all__ += ["svg_bagan", "pengantar_struktur"]
