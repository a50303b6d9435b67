"""Ukuran tata letak PDF untuk tes: isi setiap halaman dan baris terakhirnya.

Dipakai oleh ``tests/test_tata_letak.py``; dapat juga dijalankan langsung:
``python tests/tata_letak_ukur.py IKU-2025.html IKU-2025.pdf`` mencetak setiap
pelanggaran.
"""

from __future__ import annotations

import html as _html
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

CM = 72 / 2.54
#: Margin atas dan bawah (pt) halaman tegak dan mendatar, seperti dokumen.css.
MARGIN = {"tegak": (2.5 * CM, 2.5 * CM), "mendatar": (2 * CM, 2 * CM)}

#: Tanda edisi reviu di kotak margin atas setiap halaman (bukan isi halaman).
TANDA_REVIU = "NASKAH REVIU"

#: Judul yang memulai BAB atau bagian (halaman sebelumnya boleh tidak penuh).
AWAL_BAGIAN = re.compile(r"^(BAB [IVX]+\b|LAMPIRAN\b|Lampiran \d+\b|KATA PENGANTAR|DAFTAR ISI)")


@dataclass
class Halaman:
    nomor: int  # urutan fisik, mulai 1
    lebar: float
    tinggi: float
    isi: float  # bagian tinggi area isi yang terpakai, 0..1
    baris: list[str] = field(default_factory=list)  # baris teks tanpa nomor halaman

    @property
    def mendatar(self) -> bool:
        return self.lebar > self.tinggi


def _rapat(teks: str) -> str:
    return re.sub(r"\s+", " ", teks.replace("\u00a0", " ")).strip()


def ukur(pdf: Path) -> list[Halaman]:
    """Isi setiap halaman (dari kotak kata ``pdftotext -bbox``) dan barisnya (``-layout``)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    tata = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout.split("\f")
    hasil = []
    for n, m in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S)):
        lebar, tinggi = float(m.group(1)), float(m.group(2))
        atas, bawah = MARGIN["mendatar" if lebar > tinggi else "tegak"]
        kaki = tinggi - bawah + 4  # kata di bawah ini: nomor halaman di kotak margin
        ymaks = [float(k.group(2)) for k in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', m.group(3))
                 if float(k.group(1)) < kaki]
        isi = (max(ymaks) - atas) / (tinggi - atas - bawah) if ymaks else 0.0
        baris = [_rapat(b) for b in (tata[n] if n < len(tata) else "").splitlines() if b.strip()]
        if baris and re.fullmatch(r"[0-9]+|[ivxl]+", baris[-1]):
            baris.pop()
        if baris and baris[0] == TANDA_REVIU:  # kotak margin atas edisi reviu
            baris.pop(0)
        hasil.append(Halaman(n + 1, lebar, tinggi, max(0.0, min(isi, 1.0)), baris))
    return hasil


#: Margin kanan (pt) halaman tegak dan mendatar, seperti dokumen.css.
MARGIN_KANAN = {"tegak": 2 * CM, "mendatar": 2.5 * CM}


def ukuran_huruf(pdf: Path) -> tuple[float, list[str]]:
    """Tinggi kotak kata yang paling sering di halaman tegak (pt; naskah 12 pt ≈ 13–14 pt) dan kata yang
    melewati tepi kanan area isi (halaman: kata), dari ``pdftotext -bbox``.

    PDF yang dikecilkan Chromium (tabel terlalu lebar) mencetak naskah 12 pt lebih kecil:
    modus tinggi kata turun di bawah 12 pt.
    """
    import collections

    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    hitung: collections.Counter = collections.Counter()
    lewat = []
    kata = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    for n, m in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S)):
        lebar, tinggi = float(m.group(1)), float(m.group(2))
        kanan = lebar - MARGIN_KANAN["mendatar" if lebar > tinggi else "tegak"] + 2
        for k in kata.finditer(m.group(3)):
            if lebar < tinggi:  # naskah ada di halaman tegak; halaman mendatar berisi tabel 8,5 pt
                hitung[round(float(k.group(4)) - float(k.group(2)), 1)] += 1
            if float(k.group(3)) > kanan and not k.group(5).startswith("QQ"):
                lewat.append(f"halaman {n + 1}: {_html.unescape(k.group(5))}")
    return hitung.most_common(1)[0][0], lewat


def teks_html(html: str) -> dict[str, list[str]]:
    """Keterangan tabel, judul (h1–h4 dan paragraf yang hanya huruf tebal) dari HTML dokumen."""
    def bersih(s: str) -> str:
        return _rapat(_html.unescape(re.sub(r"<[^>]+>", " ", s)))

    html = re.sub(r"<(svg|style|script)\b.*?</\1>", " ", html, flags=re.S)
    return {
        "keterangan": [bersih(c) for c in re.findall(r"<caption[^>]*>(.*?)</caption>", html, re.S)],
        "judul": [bersih(h) for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, re.S)]
        + [bersih(h) for h in re.findall(r"<p>\s*<strong>([^<]*)</strong>\s*</p>", html)],
    }


def mengakhiri_bagian(halaman: list[Halaman], i: int) -> bool:
    """Halaman ke-i (indeks) adalah halaman terakhir BAB/bagian (atau dokumen), atau sampul/pembatas."""
    if i == 0 or i + 1 >= len(halaman):
        return True
    h = halaman[i]
    if len(h.baris) <= 1 and h.baris and AWAL_BAGIAN.match(h.baris[0]):  # halaman pembatas LAMPIRAN
        return True
    berikut = halaman[i + 1].baris
    return bool(berikut) and bool(AWAL_BAGIAN.match(berikut[0]))


def pelanggaran(halaman: list[Halaman], html: str, sepertiga: float = 1 / 3) -> list[str]:
    """Setiap halaman yang kurang dari sepertiga median isi (bukan akhir bagian), atau yang
    berakhir dengan keterangan tabel, judul, atau baris kepala tabel."""
    teks = teks_html(html)
    median = statistics.median(h.isi for h in halaman)
    salah = []
    for i, h in enumerate(halaman):
        jenis = "mendatar" if h.mendatar else "tegak"
        if h.isi < sepertiga * median and not mengakhiri_bagian(halaman, i):
            salah.append(f"halaman {h.nomor} ({jenis}) hanya terisi {h.isi:.0%} (median {median:.0%}): "
                         f"{' / '.join(h.baris[:2])[:100]!r}")
        if len(h.baris) <= 1 or i + 1 >= len(halaman):  # halaman pembatas atau halaman terakhir
            continue
        akhir = h.baris[-1]
        for b in h.baris[-2:]:
            if b.startswith("Tabel") and any(k.startswith(b) for k in teks["keterangan"]):
                salah.append(f"halaman {h.nomor} berakhir dengan keterangan tabel: {b!r}")
                break
        if len(akhir) > 2 and any(j == akhir or (j.startswith(akhir) and len(akhir) > 12) for j in teks["judul"]):
            salah.append(f"halaman {h.nomor} berakhir dengan judul: {akhir!r}")
        berikut = halaman[i + 1].baris
        for k in range(12, 0, -1):  # kepala tabel (bisa bertingkat) yang diulang di halaman berikut
            if len(h.baris) > k and berikut[:k] == h.baris[-k:] and len(" ".join(berikut[:k])) > 8:
                salah.append(f"halaman {h.nomor} berakhir dengan baris kepala tabel: {' / '.join(h.baris[-k:])[:100]!r}")
                sebelum = h.baris[-k - 1]
                if sebelum.startswith("Tabel") and any(c.startswith(sebelum) for c in teks["keterangan"]):
                    salah.append(f"halaman {h.nomor} berakhir dengan keterangan tabel: {sebelum!r}")
                break
    return salah


@dataclass
class Edisi:
    """Satu edisi dokumen yang sudah dirender: ``html`` dan ``pdf`` (``None`` tanpa Chromium)."""

    tahun: int
    edisi: str
    html: Path
    pdf: Path | None


#: Render per tahun bersama untuk seluruh sesi tes (``tests/test_tata_letak.py`` dan
#: ``tests/test_dokumen.py``): satu eksekusi bab melayani kedua edisi, dan modul kedua
#: memakai render modul pertama alih-alih mengeksekusi semua buku lagi.
_RENDER: dict[int, object] = {}

#: Tahun yang edisi finalnya dapat dibuat dari data bawaan (tahun lain belum memiliki
#: tanggal dokumen, lihat ``analisis.core.resmi.syarat_final``).
TAHUN_FINAL = (2025,)


def ada_alat() -> bool:
    """Chromium (lihat ``analisis.document.pdf.cari_chromium``) dan ``pdftotext`` tersedia."""
    import shutil

    from analisis.document import pdf

    try:
        pdf.cari_chromium()
    except pdf.KesalahanPDF:
        return False
    return bool(shutil.which("pdftotext"))


def render_bersama(tahun: int, tmp_path_factory):
    """``HasilRender`` tahun ``tahun`` (HTML, dan PDF bila ada alat), sekali per sesi tes.

    Tahun di :data:`TAHUN_FINAL` dirender dengan edisi reviu dan final sekaligus.
    """
    from analisis.document import render

    if tahun not in _RENDER:
        akar = tmp_path_factory.mktemp(f"rendered-{tahun}")
        fmt = ("html", "pdf") if ada_alat() else ("html",)
        edisi = ("reviu", "final") if tahun in TAHUN_FINAL else ("reviu",)
        _RENDER[tahun] = render.render_tahun(tahun, format=fmt, akar_keluaran=akar, edisi=edisi)
    return _RENDER[tahun]


def edisi_bersama(tahun: int, edisi: str, tmp_path_factory) -> Edisi:
    """Berkas satu edisi dari :func:`render_bersama`."""
    hasil = render_bersama(tahun, tmp_path_factory)
    berkas = hasil.edisi[edisi]
    return Edisi(tahun, edisi, berkas["html"], berkas.get("pdf"))


if __name__ == "__main__":
    hal = ukur(Path(sys.argv[2]))
    for p in pelanggaran(hal, Path(sys.argv[1]).read_text(encoding="utf-8")):
        print(p)
    print(len(hal), "halaman; isi:", " ".join(f"{h.nomor}{'L' if h.mendatar else ''}:{h.isi:.2f}" for h in hal))
