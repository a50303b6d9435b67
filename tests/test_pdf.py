"""PDF lewat Chromium: A4, urutan judul, halaman mendatar, nomor halaman, tanpa jaringan."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analisis.document import pdf, render

INSTANSI = {
    "pemerintah": "Pemerintah Kabupaten Contoh",
    "nama_lengkap": "Dinas Sosial Kabupaten Contoh",
    "periode_renstra": {"awal": 2021, "akhir": 2026},
}


def _ada_peramban() -> bool:
    try:
        pdf.cari_chromium()
    except pdf.KesalahanPDF:
        return False
    return True


perlu_chromium = pytest.mark.skipif(
    not _ada_peramban() or not shutil.which("pdfinfo") or not shutil.which("pdftotext"),
    reason="butuh Chromium dan poppler-utils (pdfinfo, pdftotext)",
)


A4 = (595.28, 841.89)  # poin; Chromium menulis 594.96 x 841.92


def _a4(w: float, h: float) -> bool:
    return abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1


def _pdfinfo(jalur: Path) -> list[tuple[float, float]]:
    """Ukuran setiap halaman (lebar, tinggi) dalam poin."""
    keluaran = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(jalur)], check=True,
                              capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", keluaran)]


def _teks_halaman(jalur: Path) -> list[str]:
    teks = subprocess.run(["pdftotext", "-layout", str(jalur), "-"], check=True,
                          capture_output=True, text=True).stdout
    return teks.split("\f")[:-1]


def _paragraf(n: int = 1) -> str:
    return ("<p>" + "Kalimat uji untuk mengisi halaman dokumen. " * 12 + "</p>\n") * n


@pytest.fixture
def html_contoh(tmp_path) -> Path:
    bab1 = (
        "<h1>BAB I PENDAHULUAN</h1>" + _paragraf(3)
        + "<h2>1.1 Latar Belakang</h2>" + _paragraf(2)
        + "<table><caption>Tabel 1.1 Panjang</caption><thead><tr><th>No.</th><th>Uraian</th></tr></thead><tbody>"
        + "".join(f"<tr><td>{i}</td><td>Baris {i}</td></tr>" for i in range(1, 61))
        + "</tbody></table>"
    )
    bab2 = (
        "<h1>BAB II GAMBARAN UMUM</h1>" + _paragraf()
        + '<section class="lanskap"><table class="lebar"><caption>Tabel 2.1 TABEL_LEBAR_UJI</caption><tr>'
        + "".join(f"<td>K{i}</td>" for i in range(16)) + "</tr></table></section>"
        + "<h2>2.1 Tugas dan Fungsi</h2>" + _paragraf()
        + '<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="300">'
          '<rect width="60" height="40" fill="#1f4e79"/></svg><figcaption>Gambar 2.1 Uji</figcaption></figure>'
    )
    dokumen, _ = render.rakit_dokumen(
        [render.Penggalan("01_a.ipynb", bab1), render.Penggalan("02_b.ipynb", bab2)],
        tahun=2025, periode="Tahunan", instansi=INSTANSI,
    )
    jalur = tmp_path / "IKU-2025.html"
    jalur.write_text(dokumen, encoding="utf-8")
    return jalur


@pytest.mark.pdf
@perlu_chromium
def test_pdf_a4_dan_urutan_judul(html_contoh, tmp_path):
    hasil = pdf.cetak_pdf(html_contoh, tmp_path / "keluar" / "IKU-2025.pdf")
    assert hasil.pdf.is_file() and hasil.pdf.read_bytes().startswith(b"%PDF")
    ukuran = _pdfinfo(hasil.pdf)
    assert hasil.halaman == len(ukuran) >= 6
    lebar, tinggi = ukuran[0]
    assert _a4(lebar, tinggi)  # A4 tegak

    halaman = _teks_halaman(hasil.pdf)
    semua = "\f".join(halaman)
    # judul berurutan di badan dokumen (sesudah daftar isi)
    badan = semua[semua.index("BAB I PENDAHULUAN", semua.index("DAFTAR ISI") + 200):]
    posisi = [badan.index(j) for j in ("BAB I PENDAHULUAN", "1.1 Latar Belakang", "BAB II GAMBARAN UMUM", "2.1 Tugas dan Fungsi")]
    assert posisi == sorted(posisi)

    # sampul seperti sumber: pemerintah, judul, periode renstra, perangkat daerah, tahun; tanpa nomor halaman
    sampul = [b.strip() for b in halaman[0].splitlines() if b.strip()]
    assert sampul[:5] == ["PEMERINTAH KABUPATEN CONTOH", "INDIKATOR KINERJA UTAMA", "(IKU)", "TAHUN 2021–2026",
                          "DINAS SOSIAL KABUPATEN CONTOH"], sampul
    assert "TAHUN 2025" in sampul
    assert not re.search(r"^\s*([0-9]+|[ivx]+)\s*$", halaman[0], re.M)
    # bagian depan (DAFTAR ISI) bernomor romawi, badan mulai dari 1 di halaman BAB I
    awal_badan = next(i for i, t in enumerate(halaman) if t.lstrip().startswith("BAB I PENDAHULUAN"))
    for i, teks in enumerate(halaman[1:], start=1):
        baris = [b.strip() for b in teks.strip().splitlines() if b.strip()]
        harapan = pdf.label_halaman(i, awal_badan)
        assert baris[-1] == harapan, f"halaman {i + 1}: nomor halaman {baris[-1]!r}, seharusnya {harapan!r}"
    assert pdf.label_halaman(1, awal_badan) == "i" and pdf.label_halaman(awal_badan, awal_badan) == "1"

    # setiap BAB mulai di halaman baru
    for judul in ("BAB I PENDAHULUAN", "BAB II GAMBARAN UMUM"):
        awal = [i for i, t in enumerate(halaman) if t.lstrip().startswith(judul)]
        assert awal, f"{judul} tidak berada di awal halaman"

    # kepala tabel diulang pada halaman lanjutan
    dengan_tabel = [t for t in halaman if re.search(r"Baris \d+", t)]
    assert len(dengan_tabel) >= 2 and all("Uraian" in t for t in dengan_tabel)

    # daftar isi berisi nomor halaman yang benar
    # cetakan: percobaan tabel (1 atau 2: Tabel 1.1 dipenggal), percobaan daftar isi, cetakan akhir
    assert hasil.nomor_daftar_isi and hasil.cetakan in (3, 4)
    daftar = halaman[1]
    assert "DAFTAR ISI" in daftar
    assert re.search(r"^\s*DAFTAR ISI[ .]+i\s*$", daftar, re.M), "DAFTAR ISI memuat entri untuk dirinya (hlm. i)"
    for judul in ("BAB I PENDAHULUAN", "BAB II GAMBARAN UMUM"):
        nomor = int(re.search(re.escape(judul) + r"[ .]*(\d+)", daftar).group(1))
        assert halaman[awal_badan + nomor - 1].lstrip().startswith(judul)


@pytest.mark.pdf
@perlu_chromium
def test_tabel_lebar_di_halaman_lanskap(html_contoh, tmp_path):
    keluar = pdf.tulis_pdf(html_contoh, tmp_path / "IKU.pdf")
    ukuran = _pdfinfo(keluar)
    halaman = _teks_halaman(keluar)
    lebar = [i for i, t in enumerate(halaman) if "TABEL_LEBAR_UJI" in t]
    assert len(lebar) == 1
    w, h = ukuran[lebar[0]]
    assert _a4(h, w), "tabel lebar tidak di halaman A4 mendatar"
    lain = [u for i, u in enumerate(ukuran) if i != lebar[0]]
    assert all(_a4(w, h) for w, h in lain), "halaman lain harus A4 tegak"


@pytest.mark.pdf
@perlu_chromium
def test_permintaan_jaringan_diblokir(tmp_path):
    html = tmp_path / "luar.html"
    html.write_text(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="http://192.0.2.1/gaya.css"></head>'
        '<body><h1>Uji</h1><img src="https://192.0.2.1/a.png" alt=""></body></html>',
        encoding="utf-8",
    )
    hasil = pdf.cetak_pdf(html, tmp_path / "luar.pdf", batas_waktu=60)
    assert hasil.pdf.is_file()
    assert any("192.0.2.1/gaya.css" in u for u in hasil.diblokir)
    assert any("192.0.2.1/a.png" in u for u in hasil.diblokir)


# ---------------------------------------------------------------------------
# Tanpa peramban


@pytest.fixture
def tanpa_peramban(monkeypatch, tmp_path):
    monkeypatch.delenv("IKU_CHROMIUM", raising=False)
    monkeypatch.setattr(pdf, "KANDIDAT_CHROMIUM", (str(tmp_path / "tidak-ada" / "chromium"),))
    monkeypatch.setattr(pdf.shutil, "which", lambda nama, *a, **k: None)
    monkeypatch.setattr(pdf, "_chromium_playwright", lambda: None)


def test_tanpa_peramban_memberi_petunjuk(tanpa_peramban, tmp_path):
    html = tmp_path / "a.html"
    html.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(pdf.KesalahanPDF) as info:
        pdf.tulis_pdf(html, tmp_path / "a.pdf")
    pesan = str(info.value)
    assert isinstance(info.value, pdf.PerambanTidakDitemukan)
    assert "apt-get install chromium" in pesan
    assert "IKU_CHROMIUM=" in pesan
    assert "playwright install chromium" in pesan
    assert not (tmp_path / "a.pdf").exists()


def test_urutan_pencarian(tanpa_peramban, monkeypatch, tmp_path):
    palsu = tmp_path / "chrome"
    palsu.write_text("#!/bin/sh\n")
    palsu.chmod(0o755)
    kedua = tmp_path / "chromium-sistem"
    kedua.write_text("#!/bin/sh\n")
    kedua.chmod(0o755)
    monkeypatch.setattr(pdf, "KANDIDAT_CHROMIUM", (str(kedua),))
    assert pdf.cari_chromium() == str(kedua)
    monkeypatch.setenv("IKU_CHROMIUM", str(palsu))
    assert pdf.cari_chromium() == str(palsu)
    assert pdf.cari_chromium(str(kedua)) == str(kedua)  # argumen mengalahkan IKU_CHROMIUM


def test_jalur_eksplisit_yang_salah_tidak_dicari_di_tempat_lain(tmp_path):
    with pytest.raises(pdf.PerambanTidakDitemukan, match="tidak-ada"):
        pdf.cari_chromium(tmp_path / "tidak-ada")


def test_iku_chromium_yang_salah(monkeypatch, tmp_path):
    monkeypatch.setenv("IKU_CHROMIUM", str(tmp_path / "salah"))
    with pytest.raises(pdf.PerambanTidakDitemukan, match="IKU_CHROMIUM="):
        pdf.cari_chromium()


@pytest.mark.pdf
@perlu_chromium
def test_nomor_daftar_isi_tidak_tertipu_teks_judul_yang_muncul_lebih_dulu(tmp_path):
    """Seperti Sistematika Penulisan BAB I, yang menyebut judul BAB II sebelum BAB II dimulai."""
    bab1 = (
        "<h1>BAB I PENDAHULUAN</h1>" + _paragraf(2)
        + "<h2>D. Sistematika Penulisan</h2><h4>BAB II GAMBARAN UMUM</h4><p>Pada bagian ini dikemukakan tugas.</p>"
        + "<h4>2.1 Tugas dan Fungsi</h4>"
    )
    bab2 = "<h1>BAB II GAMBARAN UMUM</h1>" + _paragraf(8) + "<h2>2.1 Tugas dan Fungsi</h2>" + _paragraf()
    dokumen, _ = render.rakit_dokumen(
        [render.Penggalan("01_a.ipynb", bab1), render.Penggalan("02_b.ipynb", bab2)],
        tahun=2025, periode="Tahunan", instansi=INSTANSI,
    )
    jalur = tmp_path / "IKU.html"
    jalur.write_text(dokumen, encoding="utf-8")
    hasil = pdf.cetak_pdf(jalur, tmp_path / "IKU.pdf")
    halaman = _teks_halaman(hasil.pdf)
    daftar = halaman[1]
    awal_badan = next(i for i, t in enumerate(halaman) if t.lstrip().startswith("BAB I PENDAHULUAN"))
    for judul, baris_pertama in (("BAB II GAMBARAN UMUM", True), ("2.1 Tugas dan Fungsi", False)):
        nomor = int(re.search(re.escape(judul) + r"[ .]*(\d+)", daftar).group(1))
        teks = halaman[awal_badan + nomor - 1]
        assert (teks.lstrip().startswith(judul) if baris_pertama else judul in teks), (judul, nomor)
    assert "QQIKU" not in "".join(halaman)


def _dokumen(tmp_path, isi: str) -> Path:
    dokumen, _ = render.rakit_dokumen([render.Penggalan("01_a.ipynb", isi)], tahun=2025, periode="Tahunan",
                                      instansi=INSTANSI)
    jalur = tmp_path / "IKU.html"
    jalur.write_text(dokumen, encoding="utf-8")
    return jalur


@pytest.mark.pdf
@perlu_chromium
def test_keterangan_tabel_tidak_tertinggal_di_kaki_halaman(tmp_path):
    """Isi setinggi 21 cm, lalu tabel panjang yang baris pertamanya (3 cm) tidak muat lagi:
    tanpa cetakan percobaan Chromium menaruh keterangan dan kepala tabel sendirian di kaki
    halaman; dengan ``jaga_tabel`` tabel mulai di halaman berikutnya."""
    baris = "".join(f'<tr><td>{i}</td><td><div style="height:3cm">BARIS_{i}</div></td></tr>' for i in range(1, 11))
    isi = ("<h1>BAB I PENDAHULUAN</h1>" + '<div style="height:20.5cm">ISI_ATAS</div>'
           + "<table><caption>Tabel 1.1 KETERANGAN_UJI</caption><thead><tr><th>No.</th><th>Uraian</th></tr></thead>"
           + f"<tbody>{baris}</tbody></table>")
    hasil = pdf.cetak_pdf(_dokumen(tmp_path, isi), tmp_path / "IKU.pdf", nomor_daftar_isi=False)
    halaman = _teks_halaman(hasil.pdf)
    hlm = {kunci: next(i for i, t in enumerate(halaman) if kunci in t)
           for kunci in ("ISI_ATAS", "KETERANGAN_UJI", "BARIS_1")}
    assert hlm["KETERANGAN_UJI"] == hlm["BARIS_1"] == hlm["ISI_ATAS"] + 1, hlm
    assert hasil.cetakan == 3  # dua percobaan: yang menemukan, dan yang memastikan
    assert "QQTBL" not in "".join(halaman)


@pytest.mark.pdf
@perlu_chromium
def test_tabel_mendatar_terlalu_lebar_tidak_mengecilkan_pdf(tmp_path):
    """Tabel 18 kolom berkata panjang tidak muat di halaman mendatar dengan kata utuh: kata
    dipatah bertahap (kelas patah-*), sehingga Chromium tidak mengecilkan seluruh PDF; tabel
    yang muat ("Satuan", "2025") tetap berkata utuh."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tata_letak_ukur", Path(__file__).with_name("tata_letak_ukur.py"))
    ukur = importlib.util.module_from_spec(spec)
    ukur = sys.modules.setdefault("tata_letak_ukur", ukur)
    if not hasattr(ukur, "ukuran_huruf"):
        spec.loader.exec_module(ukur)
    kata = "Penyelenggaraan Kesejahteraan Pemberdayaan Rehabilitasi Perlindungan Jaminan"
    lebar = ('<section class="lanskap"><table class="lebar"><caption>Tabel 1.1 Lebar</caption><thead><tr>'
             + "".join(f"<th>Kolom{i}Pertanggungjawaban</th>" for i in range(18)) + "</tr></thead><tbody>"
             + ("<tr>" + "".join(f"<td>{kata}</td>" for _ in range(18)) + "</tr>") * 3 + "</tbody></table></section>")
    muat = ('<section class="lanskap"><table class="lebar"><caption>Tabel 1.2 Muat</caption><thead><tr>'
            "<th>Uraian</th><th>Satuan</th><th>2025</th></tr></thead><tbody>"
            "<tr><td>" + kata * 3 + "</td><td>Persen</td><td class=\"angka\">100\u00a0%</td></tr></tbody></table></section>")
    isi = "<h1>BAB I PENDAHULUAN</h1>" + _paragraf(4) + lebar + muat + "<h2>1.1 Akhir</h2>" + _paragraf(2)
    hasil = pdf.cetak_pdf(_dokumen(tmp_path, isi), tmp_path / "IKU.pdf", nomor_daftar_isi=False)
    tinggi, lewat = ukur.ukuran_huruf(hasil.pdf)
    assert 12.5 <= tinggi <= 15, f"naskah 12 pt tercetak setinggi {tinggi} pt: PDF dikecilkan"
    assert not lewat, lewat
    teks = "\f".join(_teks_halaman(hasil.pdf))
    assert re.search(r"Satuan\s+2025", teks) and "100 %" in teks.replace("\u00a0", " ")


def _kata_pdf(jalur: Path) -> list[str]:
    """Kata setiap kotak ``pdftotext -bbox`` menurut urutan cetaknya, tanpa tanda hubung lunak."""
    xml = subprocess.run(["pdftotext", "-bbox", str(jalur), "-"], check=True, capture_output=True, text=True).stdout
    import html as _html

    return [_html.unescape(k).replace("\u00ad", "") for k in re.findall(r"<word [^>]*>([^<]*)</word>", xml)]


@pytest.mark.pdf
@perlu_chromium
def test_tabel_sempit_kata_utuh_atau_dipenggal_per_suku_kata(tmp_path):
    """Tabel 2.8 (Rencana Aksi, 13 kolom berkata panjang) tidak muat selebar halaman mendatar dengan
    kata utuh: kolom diberi lebar dari isinya dan hanya kata yang tidak muat dipenggal pada batas suku
    kata dengan tanda hubung ("Kese-jahteraan"), tidak pernah "Meningk / atnya". Tabel 4.6 yang
    lebar kolomnya ditetapkan bab (tata letak tetap) terlalu sempit untuk "Dokumen" dan "2025" di
    kepala: dicetak dengan tata letak otomatis sehingga keduanya utuh."""
    kalimat = ("Meningkatnya kompetensi Penyelenggaraan Kesejahteraan Pemberdayaan pengembangan "
               "Terselenggaranya permohonan/pergantian Kab/Kota penyebarluasan informasi")
    kepala = ["No", "Permasalahan", "Sasaran", "Indikator dan Target", "Rencana Aksi", "Uraian Kegiatan",
              "Target Output", "Target per Triwulan", "Anggaran", "Realisasi Kegiatan", "Realisasi Anggaran",
              "% Realisasi Anggaran", "Pelaksana"]
    KELAS_ANGKA = ' class="angka"'
    isi = [str(1), kalimat, kalimat, kalimat, kalimat, kalimat + " " + kalimat, kalimat, "TW I: 2 TW II: 2",
           "Rp\u00a019.639.000", kalimat, "Rp\u00a02.831.400", "14,42\u00a0%", "Bidang Pemberdayaan Sosial"]
    lebar = ('<section class="lanskap"><table class="lebar"><caption>Tabel 1.1 Rencana Aksi</caption><thead><tr>'
             + "".join(f"<th>{k}</th>" for k in kepala) + "</tr></thead><tbody>"
             + ("<tr>" + "".join(f"<td{KELAS_ANGKA if k.startswith(('Rp', '14')) else ''}>{k}</td>" for k in isi)
                + "</tr>") * 3 + "</tbody></table></section>")
    kolom = "".join(f'<col style="width:{w}%"/>' for w in [40, 30] + [3] * 10)
    tetap = ('<section class="lanskap"><table class="lebar" style="table-layout:fixed;overflow-wrap:break-word">'
             f"<caption>Tabel 1.2 Cascading</caption><colgroup>{kolom}</colgroup><thead><tr><th>Uraian</th>"
             "<th>Rumusan</th><th>Satuan</th>" + "".join(f"<th>{t}</th>" for t in range(2025, 2034))
             + "</tr></thead><tbody><tr><td>Pengumpulan Dana</td><td>Y Dokumen</td><td>Dokumen</td>"
             + "<td>2</td>" * 9 + "</tr></tbody></table></section>")
    dokumen = "<h1>BAB I PENDAHULUAN</h1>" + _paragraf(2) + lebar + tetap + "<h2>1.1 Akhir</h2>" + _paragraf(1)
    hasil = pdf.cetak_pdf(_dokumen(tmp_path, dokumen), tmp_path / "IKU.pdf", nomor_daftar_isi=False)
    kosakata = {w.strip(",.:()%/") for teks in kepala + isi + [kalimat, "Uraian Rumusan Satuan Dokumen Pengumpulan Dana",
                                                                 "Tabel Rencana Aksi Cascading BAB PENDAHULUAN Akhir",
                                                                 "Kalimat uji untuk mengisi halaman dokumen"]
                for w in re.split(r"[\s/]+", teks.replace("\u00a0", " "))} | {str(t) for t in range(2025, 2034)}
    kata = [w.replace("\u200b", "").strip(",.:()%") for w in _kata_pdf(hasil.pdf)]
    kata = kata[kata.index("Tabel"):len(kata) - kata[::-1].index("Akhir")]  # kedua tabel saja
    utuh = lambda w: all(b in kosakata for b in w.split("/") if b)  # noqa: E731
    kepala_kata = {w[:-1] for w in kata if w.endswith(("\u2010", "-")) and len(w) > 1}
    dipenggal = []
    for w in kata:
        if not re.search(r"[A-Za-z]{2}", w) or utuh(w) or w.endswith(("\u2010", "-")):
            continue
        # sisa kata yang dipenggal: ada kepalanya (berakhir tanda hubung) yang bersama sisa ini satu kata
        # (juga "Pe-nyeleng-garaan": sisa kata didahului kepala yang tercetak dengan tanda hubung)
        akar = w.split("/")[0]
        cocok = [h for h in kepala_kata for v in kosakata
                 if len(v) > len(akar) and v.endswith(akar) and v[: len(v) - len(akar)].endswith(h)]
        assert cocok, f"kata terpotong tanpa tanda hubung: {w!r}"
        assert len(w.split("/")[0]) >= 3 and all(len(h) >= 2 for h in cocok), (cocok, w)
        dipenggal.append(f"{cocok[0]}-{w}")
    assert "Dokumen" in kata and "2025" in kata and "2033" in kata, "kepala sempit Tabel 1.2 terpotong"
    assert "19.639.000" in kata and "2.831.400" in kata, "angka rupiah dipatah"
    assert dipenggal and "Sasaran" in kata and "Anggaran" in kata, "kepala pendek tetap utuh; kata panjang dipenggal"
