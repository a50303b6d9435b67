"""Dua edisi dari satu dokumen rakitan: *reviu* (untuk Inspektorat, Bappeda, perencana) dan *final* (untuk ditandatangani).

Bab menandai bahan reviu dengan markup yang dibuat proyek sendiri:

- angka bertemuan: ``<span class="temuan" data-kode="…" title="…">ANGKA<a class="ke-temuan" …>[KODE]</a></span>``
  (:func:`analisis.core.resmi.tanda_html`);
- blok khusus reviu (tempat kosong untuk masukan tahun yang belum diisi,
  catatan pemeriksa): elemen ``div``/``p``/``li``/``tr``/``span`` berkelas ``reviu-saja``
  yang tidak memuat elemen bertag sama di dalamnya (:func:`analisis.presentation.tabel.reviu_saja`).

Edisi reviu memakai dokumen apa adanya; edisi final membuang blok reviu dan
penanda temuan sehingga yang tersisa hanya angka yang ditampilkan.

Examples
--------
>>> h = '<p>PNS <span class="temuan" data-kode="A" title="x">22<a class="ke-temuan" href="#temuan-A">[A]</a></span> orang</p><div class="reviu-saja"><p>Masukan belum diisi</p></div>'
>>> untuk_edisi(h, "final")
'<p>PNS 22 orang</p>'
>>> untuk_edisi(h, "reviu") == h
True
>>> kode_temuan(h)
['A']
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.kesalahan import KesalahanParameter

__all__ = ["EDISI", "periksa_edisi", "untuk_edisi", "kode_temuan", "saring_temuan", "temuan_naskah", "nama_berkas"]

#: Edisi dokumen; yang pertama adalah bawaan.
EDISI = ("reviu", "final")

_TEMUAN = re.compile(r'<span class="temuan"[^>]*>(.*?)<a class="ke-temuan"[^>]*>[^<]*</a></span>', re.S)
_KODE = re.compile(r'<span class="temuan" data-kode="([^"]+)"')
_REVIU = re.compile(r'<(div|p|li|tr|span|section|aside)\b[^>]*\bclass="(?:[^"]*\s)?reviu-saja(?:\s[^"]*)?"[^>]*>.*?</\1>', re.S)


def periksa_edisi(edisi: str) -> str:
    """Nama edisi yang sah, atau :class:`KesalahanParameter` berbahasa Indonesia.

    >>> periksa_edisi("final")
    'final'
    >>> periksa_edisi("akhir")
    Traceback (most recent call last):
    ...
    analisis.core.kesalahan.KesalahanParameter: edisi 'akhir' tidak dikenal: pilih reviu atau final
    """
    if edisi not in EDISI:
        raise KesalahanParameter(f"edisi {edisi!r} tidak dikenal: pilih {' atau '.join(EDISI)}")
    return edisi


def untuk_edisi(html: str, edisi: str) -> str:
    """HTML dokumen untuk ``edisi``: final tanpa blok reviu dan tanpa penanda temuan."""
    if periksa_edisi(edisi) == "reviu":
        return html
    sebelumnya = None
    while sebelumnya != html:  # blok reviu bersarang dibuang dari dalam ke luar
        sebelumnya = html
        html = _REVIU.sub("", html)
    return _TEMUAN.sub(r"\1", html)


def kode_temuan(html: str) -> list[str]:
    """Kode temuan yang ditandai di ``html``, urut kemunculan pertama (lampiran temuan edisi reviu)."""
    return list(dict.fromkeys(_KODE.findall(html)))


_BARIS_LAIN = re.compile(r'<tr class="temuan-tahun-lain" id="temuan-([^"]+)">.*?</tr>', re.S)
_BLOK_LAIN = re.compile(r'<div class="blok-tabel[^"]*">\s*<table\b[^>]*\bid="tabel-catatan-pemeriksaan-tahun-lain"'
                        r'(?:(?!</table>).)*</table>\s*</div>', re.S)
_RINGKAS_LAIN = re.compile(r'<p class="temuan-tahun-lain-ringkas" data-tahun="(\d+)">.*?</p>', re.S)


_TABEL_NOMOR = re.compile(r'<table\b[^>]*\bid="tabel-nomor-sumber".*?</table>', re.S)
_TOKEN = re.compile(r"(?<![\w@/])@(tabel|gambar):([A-Za-z0-9][A-Za-z0-9_-]*)", re.I)
_KETERANGAN = re.compile(r'<span\b[^>]*\bclass="nomor"[^>]*>')
_ATR_JENIS = re.compile(r'\bdata-jenis="([^"]*)"')
_ATR_LABEL = re.compile(r'\bdata-label="([^"]*)"')


def kalimat_tahun_lain(tinggal: int, tahun: int) -> str:
    """Kalimat kepala lampiran temuan edisi reviu: berapa temuan tahun lain tidak dicantumkan.

    >>> kalimat_tahun_lain(6, 2024)
    '6 temuan tentang tahun selain 2024 tidak dicantumkan karena angkanya tidak ditampilkan naskah ini (daftar lengkap: iku periksa).'
    >>> kalimat_tahun_lain(0, 2025)
    'Tidak ada temuan tentang tahun selain 2025 yang ditinggalkan: setiap temuan tahun lain menyangkut angka yang ditampilkan naskah ini.'
    """
    from ..core import format as fmt

    if tinggal:
        return (f"{fmt.angka(tinggal)} temuan tentang tahun selain {tahun} tidak dicantumkan karena angkanya tidak "
                "ditampilkan naskah ini (daftar lengkap: iku periksa).")
    return (f"Tidak ada temuan tentang tahun selain {tahun} yang ditinggalkan: setiap temuan tahun lain menyangkut "
            "angka yang ditampilkan naskah ini.")


def saring_temuan(potongan: list[str]) -> list[str]:
    """Lampiran temuan edisi reviu hanya tentang yang ditampilkan naskahnya.

    ``potongan``: HTML bab-bab satu naskah (urut dokumen). Baris temuan yang
    terikat tahun lain (kelas ``temuan-tahun-lain``, lihat
    :func:`analisis.chapters.catatan_pemeriksaan.tabel_temuan_tahun_lain`)
    dipertahankan hanya bila kodenya ditandai di salah satu potongan; tabelnya
    dibuang bila kosong; paragraf ``temuan-tahun-lain-ringkas`` diganti
    :func:`kalimat_tahun_lain`. Setiap penanda temuan tetap punya baris
    tujuannya.

    >>> badan = '<p>Kategori <span class="temuan" data-kode="K-2024" title="x">A<a class="ke-temuan" href="#temuan-K-2024">[K-2024]</a></span></p>'
    >>> lampiran = ('<p class="temuan-tahun-lain-ringkas" data-tahun="2025">…</p><div class="blok-tabel lanskap">'
    ...     '<table class="tabel lebar" id="tabel-catatan-pemeriksaan-tahun-lain"><tbody>'
    ...     '<tr class="temuan-tahun-lain" id="temuan-K-2024"><td>K-2024</td></tr>'
    ...     '<tr class="temuan-tahun-lain" id="temuan-N-2026"><td>N-2026</td></tr></tbody></table></div>')
    >>> hasil = saring_temuan([badan, lampiran])
    >>> hasil[0] == badan, 'id="temuan-K-2024"' in hasil[1], 'id="temuan-N-2026"' in hasil[1]
    (True, True, False)
    >>> hasil[1].split("</p>")[0]
    '<p class="temuan-tahun-lain-ringkas" data-tahun="2025">1 temuan tentang tahun selain 2025 tidak dicantumkan karena angkanya tidak ditampilkan naskah ini (daftar lengkap: iku periksa).'
    >>> "<table" in saring_temuan(["<p>tanpa penanda</p>", lampiran])[1]
    False

    Di tabel padanan nomor sumber, rujukan ke tabel/gambar yang tidak ada di naskah ini diganti keterangan:

    >>> nomor = ('<table class="tabel" id="tabel-nomor-sumber"><tr><td>@tabel:asn</td></tr><tr><td>@tabel:ppks-pas</td></tr></table>')
    >>> ada = '<table><caption><span class="nomor" data-jenis="tabel" data-label="asn">Tabel [asn]</span></caption></table>'
    >>> saring_temuan([ada, nomor])[1]
    '<table class="tabel" id="tabel-nomor-sumber"><tr><td>@tabel:asn</td></tr><tr><td>tidak ditampilkan naskah ini</td></tr></table>'
    """
    bertanda = set(kode_temuan("".join(potongan)))
    tinggal = 0

    def baris(m: re.Match) -> str:
        nonlocal tinggal
        if m.group(1) in bertanda:
            return m.group(0)
        tinggal += 1
        return ""

    hasil = [_BARIS_LAIN.sub(baris, h) if "temuan-tahun-lain" in h else h for h in potongan]
    hasil = [_BLOK_LAIN.sub(lambda m: m.group(0) if _BARIS_LAIN.search(m.group(0)) else "", h) for h in hasil]
    # padanan nomor tercetak sumber: tabel/gambar yang tidak ada di naskah ini tidak dirujuk
    ada = set()
    for h in hasil:
        for atribut in _KETERANGAN.findall(h):
            jenis, label = _ATR_JENIS.search(atribut), _ATR_LABEL.search(atribut)
            if jenis and label:
                ada.add((jenis.group(1).lower(), label.group(1)))

    def token(m: re.Match) -> str:
        return m.group(0) if (m.group(1).lower(), m.group(2)) in ada else "tidak ditampilkan naskah ini"

    hasil = [_TABEL_NOMOR.sub(lambda m: _TOKEN.sub(token, m.group(0)), h) if "tabel-nomor-sumber" in h else h
             for h in hasil]
    return [_RINGKAS_LAIN.sub(lambda m: f'<p class="temuan-tahun-lain-ringkas" data-tahun="{m.group(1)}">'
                                        f"{kalimat_tahun_lain(tinggal, int(m.group(1)))}</p>", h) for h in hasil]


def temuan_naskah(tahun: int, periode: str | None = None, html: str | None = None,
                  akar: Path | None = None) -> tuple[list, str]:
    """Temuan yang dicantumkan lampiran edisi reviu ``tahun`` (``iku periksa --tahun``) dan satu baris cakupannya.

    Sama dengan :func:`saring_temuan`: temuan tentang masukan tahun itu dan
    data yang dipakai setiap tahun, ditambah temuan tahun lain yang kodenya
    ditandai di naskah. Penanda dibaca dari ``html`` atau dari naskah reviu
    terakhir di ``akar`` (bawaan ``rendered/``); tanpa naskah, temuan tahun lain
    ikut dicantumkan dan barisnya mengatakannya.

    >>> daftar, baris = temuan_naskah(2024, html='<span class="temuan" data-kode="KATEGORI-SPM-2024-1">')
    >>> "PENURUNAN-PPKS-2025-JIWA" in {t.kode for t in daftar}, "JUMLAH-ASN-PNS" in {t.kode for t in daftar}
    (False, True)
    >>> baris
    'Temuan naskah tahun 2024 (edisi reviu): 44 temuan; 6 temuan tentang tahun lain tidak dicantumkan karena angkanya tidak ditandai di naskah.'
    """
    from ..chapters.catatan_pemeriksaan import pisah_temuan
    from ..core import format as fmt
    from ..core import paths
    from ..core.periksa import temuan

    semua = temuan(tahun=tahun, periode=periode)
    sendiri, lain = pisah_temuan(semua, tahun)
    sumber = "naskah"
    if html is None:
        jalur = Path(akar if akar is not None else paths.folder_render()) / str(tahun) / nama_berkas(tahun, "reviu")
        try:
            html = jalur.read_text(encoding="utf-8")
            sumber = str(jalur)
        except OSError:
            daftar = semua
            return daftar, (f"Temuan naskah tahun {tahun}: {fmt.angka(len(daftar))} temuan; naskah reviu {tahun} belum "
                            f"dirender, jadi {fmt.angka(len(lain))} temuan tentang tahun lain ikut dicantumkan (iku render "
                            f"--tahun {tahun} menyaringnya menurut angka yang ditampilkan).")
    bertanda = set(kode_temuan(html))
    tampil = [t for t in lain if t.kode in bertanda]
    ditinggal = {id(t) for t in lain if t.kode not in bertanda}
    daftar = [t for t in semua if id(t) not in ditinggal]  # urutan keparahan tetap
    return daftar, (f"Temuan naskah tahun {tahun} (edisi reviu{'' if sumber == 'naskah' else ', penanda dari ' + sumber}): "
                    f"{fmt.angka(len(daftar))} temuan; {fmt.angka(len(lain) - len(tampil))} temuan tentang tahun lain "
                    "tidak dicantumkan karena angkanya tidak ditandai di naskah.")


def nama_berkas(tahun: int, edisi: str, ekstensi: str = "html") -> str:
    """Nama berkas dokumen menurut edisinya.

    >>> nama_berkas(2025, "final"), nama_berkas(2025, "reviu", "pdf")
    ('IKU-2025-final.html', 'IKU-2025-reviu.pdf')
    """
    return f"IKU-{tahun}-{periksa_edisi(edisi)}.{ekstensi}"
