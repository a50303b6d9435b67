"""Tata letak dokumen sungguhan (issue 14): halaman cetak terisi, tanpa keterangan/judul/kepala
tabel yatim di kaki halaman, nomor tabel dan gambar berurutan per BAB, dan tampilan layar
(laptop 1280 px, ponsel 390 px) tanpa tabel, gambar atau diagram yang mencuat dari halaman.

Tahun 2024, 2025 dan 2026 (edisi reviu, yang memuat semua bagian) dan edisi final 2025 (yang
ditandatangani; tahun lain belum memiliki tanggal dokumen) masing-masing dirender sekali per
sesi tes (HTML + PDF, render bersama dengan tests/test_dokumen.py, lihat
``tata_letak_ukur.render_bersama``): edisi final memakai bab yang sama lewat cache, hanya
perakitan dan cetak PDF-nya yang menambah waktu. Aturannya berbasis kaidah (tidak bergantung
nomor halaman): lihat tests/tata_letak_ukur.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

from analisis.document import pdf





pytestmark = [pytest.mark.lambat, pytest.mark.pdf]

perlu_alat = pytest.mark.skipif(not ukur.ada_alat(), reason="butuh Chromium dan pdftotext (poppler-utils)")

TAHUN = (2024, 2025, 2026)
#: Setiap edisi yang diperiksa: reviu setiap tahun, final tahun yang syaratnya lengkap.
EDISI = [(t, "reviu") for t in TAHUN] + [(t, "final") for t in ukur.TAHUN_FINAL]


@pytest.fixture(scope="module", params=EDISI, ids=lambda e: f"{e[0]}-{e[1]}")
def dok_tahun(request, tmp_path_factory):
    if not ukur.ada_alat():
        pytest.skip("butuh Chromium dan pdftotext")
    return ukur.edisi_bersama(*request.param, tmp_path_factory)


@pytest.fixture(scope="module", params=["reviu", "final"])
def html(request, tmp_path_factory) -> str:
    """HTML 2025 setiap edisi (nomor tabel dan gambar edisi final mengikuti isinya sendiri)."""
    return ukur.edisi_bersama(2025, request.param, tmp_path_factory).html.read_text(encoding="utf-8")


@perlu_alat
def test_setiap_halaman_terisi_dan_tanpa_yatim(dok_tahun):
    """Setiap halaman 2024, 2025 dan 2026 (dan edisi final 2025) terisi (kecuali akhir BAB/bagian), tanpa keterangan,
    judul atau kepala tabel yatim di kaki halaman."""
    halaman = ukur.ukur(dok_tahun.pdf)
    assert len(halaman) > 60
    salah = ukur.pelanggaran(halaman, dok_tahun.html.read_text(encoding="utf-8"))
    assert not salah, "\n".join(salah)


@perlu_alat
def test_pdf_tidak_dikecilkan(dok_tahun):
    """Chromium mengecilkan SELURUH PDF bila satu tabel lebih lebar dari halaman mendatar:
    naskah 12 pt lalu tercetak ±8,5 pt. Tinggi kotak kata naskah (modus) harus tetap setinggi
    huruf 12 pt, dan tidak ada kata yang melewati tepi kanan area isi halaman mana pun."""
    tinggi, lewat = ukur.ukuran_huruf(dok_tahun.pdf)
    assert 12.5 <= tinggi <= 15, f"tinggi baris naskah {tinggi:.1f} pt: PDF dikecilkan"
    assert not lewat, "kata melewati tepi kanan area isi: " + "; ".join(lewat[:5])


def test_ukuran_mendeteksi_pelanggaran():
    """Aturan pemeriksa sendiri: halaman tipis di tengah BAB, keterangan dan kepala tabel yatim."""
    H = ukur.Halaman
    hal = [H(1, 595, 842, 0.5, ["SAMPUL"]), H(2, 595, 842, 0.9, ["BAB I PENDAHULUAN", "isi"]),
           H(3, 595, 842, 0.1, ["sedikit"]), H(4, 842, 595, 0.9, ["isi", "Tabel 1.1 Uji panjang", "No Uraian"]),
           H(5, 842, 595, 0.9, ["No Uraian", "1 a"]), H(6, 595, 842, 0.2, ["akhir bab"]),
           H(7, 595, 842, 0.9, ["BAB II GAMBARAN", "x"])]
    html = "<table><caption>Tabel 1.1 Uji panjang</caption></table><h2>2.1 Tugas</h2>"
    salah = ukur.pelanggaran(hal, html)
    assert any(s.startswith("halaman 3 (tegak) hanya terisi 10%") for s in salah), salah
    assert any("halaman 4 berakhir dengan keterangan tabel" in s for s in salah), salah
    assert any("halaman 4 berakhir dengan baris kepala tabel" in s for s in salah), salah
    assert not any(s.startswith("halaman 6") for s in salah), "halaman terakhir BAB boleh tidak penuh"
    assert not any(s.startswith("halaman 1 ") for s in salah), "sampul dikecualikan"


def test_ukuran_kepala_bertingkat_dan_tanda_reviu():
    """Kepala tabel bertingkat (Tabel 2.10 2025: lima baris teks) di kaki halaman beserta
    keterangannya; baris "NASKAH REVIU" di kotak margin atas bukan isi halaman."""
    H = ukur.Halaman
    kepala = ["Target Kinerja Target Kinerja", "Tujuan/Sasaran pada Tujuan/Sasaran pada", "Tar Tar",
              "N Reali Capaian Realisas Capaian", "Tujuan Indikator ge ge", "o. sasi Kinerja i Kinerja"]
    hal = [H(1, 595, 842, 0.5, ["SAMPUL"]), H(2, 595, 842, 0.9, ["BAB II GAMBARAN", "isi"]),
           H(3, 842, 595, 0.9, ["isi", "Tabel 2.10 Realisasi IKU"] + kepala),
           H(4, 842, 595, 0.9, kepala + ["1 Menurunkan 100 %"]), H(5, 595, 842, 0.9, ["BAB III", "x"])]
    html = "<table><caption>Tabel 2.10 Realisasi IKU</caption></table>"
    salah = ukur.pelanggaran(hal, html)
    assert any("halaman 3 berakhir dengan baris kepala tabel" in s for s in salah), salah
    assert any("halaman 3 berakhir dengan keterangan tabel: 'Tabel 2.10" in s for s in salah), salah
    assert not any(s.startswith("halaman 4") for s in salah), salah


def test_nomor_tabel_dan_gambar_berurutan_per_bab(html):
    """Keterangan <caption>/<figcaption> bernomor 1, 2, 3, … tanpa lompatan di setiap awalan (2.x, 4.x, L1.x)."""
    bersih = re.sub(r"<(svg|style)\b.*?</\1>", " ", html, flags=re.S)
    keterangan = re.findall(r"<(caption|figcaption)[^>]*>\s*(?:<[^>]+>\s*)*(Tabel|Gambar)\s+((?:L\d+\.)?\d+)\.(\d+)\b",
                            bersih)
    assert len(keterangan) >= 20
    urut: dict[tuple[str, str], list[int]] = defaultdict(list)
    for tag, jenis, awalan, n in keterangan:
        assert (tag == "caption") == (jenis == "Tabel"), f"{jenis} {awalan}.{n} di <{tag}>"
        nomor = urut[(jenis, awalan)]
        if nomor and nomor[-1] == int(n):  # gambar bersambung ("bagian 2 dari 3") memakai nomor yang sama
            continue
        nomor.append(int(n))
    for (jenis, awalan), nomor in urut.items():
        assert nomor == list(range(nomor[0], nomor[0] + len(nomor))), f"{jenis} {awalan}.x tidak berurutan: {nomor}"
        assert nomor[0] == 1 or (jenis, awalan) == ("Tabel", "2"), f"{jenis} {awalan}.x mulai dari {nomor[0]}"


_JS_MENCUAT = r"""
() => {
  const lebar = document.documentElement.clientWidth;
  const digeser = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return p; } return null; };
  const salah = [];
  if (document.documentElement.scrollWidth > lebar + 1)
    salah.push(`halaman bergeser ke samping: lebar isi ${document.documentElement.scrollWidth} px > ${lebar} px`);
  for (const el of document.querySelectorAll('.halaman-dokumen table, .halaman-dokumen figure, .halaman-dokumen svg, .halaman-dokumen img')) {
    const r = el.getBoundingClientRect();
    if (!r.width) continue;
    const kotak = digeser(el);
    const batas = kotak ? kotak.getBoundingClientRect() : {left: 0, right: lebar};
    const nama = (el.querySelector('caption, figcaption') || el).textContent.trim().slice(0, 60) || el.tagName;
    if (!kotak && (r.right > lebar + 1 || r.left < -1)) salah.push(`${el.tagName} mencuat dari halaman: ${nama}`);
    if (kotak && (batas.left < -1 || batas.right > lebar + 1)) salah.push(`kotak geser ${el.tagName} mencuat: ${nama}`);
  }
  return salah;
}
"""

_JS_TABEL_LEBAR_TANPA_GESER = r"""
() => Array.from(document.querySelectorAll('table.lebar')).filter(t => {
    const k = t.closest('.lanskap') || t; return t.scrollWidth <= 1200 && k.scrollWidth > k.clientWidth + 1; })
  .map(t => (t.querySelector('caption') || t).textContent.trim().slice(0, 60))
"""


@pytest.fixture(scope="module")
def peramban(dok_tahun):
    """Satu Chromium (Playwright) per edisi untuk kedua lebar layar.

    Bergantung pada ``dok_tahun`` agar ditutup sebelum edisi berikutnya disiapkan: render
    bersama yang belum ada mencetak PDF dengan Playwright sinkron juga, yang tidak boleh
    berjalan di dalam sesi Playwright lain.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=pdf.cari_chromium(), args=list(pdf.ARGUMEN_CHROMIUM))
        try:
            yield b
        finally:
            b.close()


@perlu_alat
@pytest.mark.parametrize("lebar", [1280, 390])
def test_layar_tanpa_yang_mencuat(dok_tahun, peramban, lebar):
    hal = peramban.new_page(viewport={"width": lebar, "height": 900})
    try:
        hal.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        hal.goto(dok_tahun.html.as_uri(), wait_until="load")
        salah = hal.evaluate(_JS_MENCUAT)
        if lebar >= 1280:
            salah += [f"tabel lebar yang muat 1280 px harus digeser: {t}"
                      for t in hal.evaluate(_JS_TABEL_LEBAR_TANPA_GESER)]
        else:
            rata = hal.evaluate("getComputedStyle(document.querySelector('.bab p')).textAlign")
            assert rata in ("left", "start"), f"naskah di ponsel rata {rata}"
    finally:
        hal.close()
    assert not salah, "\n".join(salah)


def test_nip_dan_persen_tidak_dipatah(html):
    assert "19680405\u00a0198703\u00a01\u00a0010" in html
    teks = re.sub(r"<(svg|style)\b.*?</\1>", " ", html, flags=re.S)
    assert not re.search(r">[^<]*\d %", teks), "angka dan % dipisah spasi biasa"
