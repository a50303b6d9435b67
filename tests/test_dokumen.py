"""Dokumen sungguhan: render tahun 2025 (HTML + PDF) dan tahun tanpa realisasi (2026).

Tes ini mengeksekusi semua buku bab (sekali per sesi, bersama tests/test_tata_letak.py);
hasilnya ditulis ke folder sementara.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

pytestmark = pytest.mark.lambat

TABEL = ["Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 2.5", "Tabel 2.6", "Tabel 2.7", "Tabel 2.8", "Tabel 2.10",
         "Tabel 2.11", "Tabel 4.1", "Tabel 4.2", "Tabel 4.3", "Tabel 4.4", "Tabel 4.5", "Tabel 4.6"]
BAB = ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "BAB II GAMBARAN", "BAB III INDIKATOR", "BAB IV PENUTUP", "LAMPIRAN"]




@pytest.fixture(scope="module")
def dok_2025(tmp_path_factory):
    """Render 2025 (edisi reviu di ``.html``/``.pdf``) bersama tests/test_tata_letak.py: sekali per sesi."""
    return ukur.render_bersama(2025, tmp_path_factory)


@pytest.fixture(scope="module", params=["reviu", "final"])
def edisi_2025(request, tmp_path_factory):
    """Setiap edisi 2025 (``.html``, ``.pdf``): pemeriksaan PDF berlaku juga untuk naskah yang ditandatangani."""
    return ukur.edisi_bersama(2025, request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def html_2025(dok_2025) -> str:
    return dok_2025.html.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def teks_2025(html_2025) -> str:
    teks = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html_2025, flags=re.S)
    teks = re.sub(r"<[^>]+>", " ", teks)
    return re.sub(r"\s+", " ", teks.replace("&nbsp;", " ").replace("\u00a0", " "))


@pytest.mark.parametrize("judul", TABEL)
def test_setiap_tabel_ada(teks_2025, judul):
    assert re.search(re.escape(judul) + r"\b", teks_2025), judul


def test_gambar_bernomor(teks_2025):
    nomor = set(re.findall(r"Gambar (\d+\.\d+)", teks_2025))
    assert len(nomor) >= 6, nomor


@pytest.mark.parametrize(
    "angka",
    [
        "42.583",  # Tabel 2.5 jumlah terdata (dihitung dari rincian)
        "35.005",  # Tabel 2.5 jumlah tertangani
        "40.241",  # fakir miskin terdata
        "95,76 %",  # capaian IKU 1 tahun 2024
        "82,20 %",  # realisasi IKU 1 Triwulan I 2025
        "58,30",  # nilai SAKIP 2024
        "60,70",  # nilai SAKIP 2025
        "1.906.887.580",  # Tabel 2.4 peralatan dan mesin
        "22 September 2025",  # tanggal dokumen
    ],
)
def test_angka_berformat_indonesia(teks_2025, angka):
    assert angka in teks_2025


@pytest.mark.parametrize("kata", ["nan", "NaN", "None", "inf", "Traceback", "import analisis", "display("])
def test_tanpa_sisa_kode_atau_nilai_kosong(teks_2025, kata):
    assert not re.search(rf"(?<![\w-]){re.escape(kata)}(?![\w-])", teks_2025)


def test_tanpa_sumber_daya_luar(html_2025):
    assert "<script" not in html_2025.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html_2025, flags=re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html_2025, flags=re.I)
    assert "@import" not in html_2025


def test_ukuran_wajar(dok_2025):
    assert dok_2025.html.stat().st_size < 1_500_000


def test_pdf_a4_dan_urutan_bab(edisi_2025):
    if edisi_2025.pdf is None:
        pytest.skip("Chromium/poppler tidak tersedia")
    info = subprocess.run(["pdfinfo", str(edisi_2025.pdf)], capture_output=True, text=True, check=True).stdout
    lebar, tinggi = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(lebar - 595.3) < 1.5 and abs(tinggi - 841.9) < 1.5
    assert "Tagged" in info or int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 20
    halaman = _halaman_pdf(edisi_2025)
    teks = "\f".join(halaman)
    # setiap BAB (h1) mulai di halaman baru: cari halaman yang baris pertamanya judul itu
    awal = [" ".join(h.split()[:6]) for h in halaman]
    nomor = []
    for judul in BAB:
        cocok = [i for i, a in enumerate(awal) if a.startswith(judul)]
        assert cocok, f"{judul} tidak membuka halaman mana pun"
        nomor.append(cocok[-1] if judul != "DAFTAR ISI" else cocok[0])
    assert nomor == sorted(nomor), dict(zip(BAB, nomor))
    for judul in TABEL:
        assert judul in teks, judul


def test_pdf_tabel_lebar_utuh(dok_2025):
    """Isi kolom paling kanan tabel terlebar ikut tercetak (tidak terpotong di tepi halaman)."""
    if dok_2025.pdf is None:
        pytest.skip("Chromium/poppler tidak tersedia")
    teks = subprocess.run(["pdftotext", str(dok_2025.pdf), "-"], capture_output=True, text=True, check=True).stdout
    teks = re.sub(r"\s+", " ", teks)
    # kolom terakhir Tabel 4.5 (penanggung jawab) dan Tabel 4.2 (target 2030)
    assert "Bidang Penanganan Bencana" in teks
    assert "Bidang Perlindungan dan Jaminan Sosial" in teks


def test_tahun_tanpa_realisasi(tmp_path_factory):
    hasil = ukur.render_bersama(2026, tmp_path_factory)  # bersama tests/test_tata_letak.py
    teks = re.sub(r"<[^>]+>", " ", hasil.html.read_text(encoding="utf-8"))
    teks = re.sub(r"\s+", " ", teks)
    assert "belum tersedia" in teks
    assert not re.search(r"(?<![\w-])(nan|NaN|None|inf)(?![\w-])", teks)
    assert "TAHUN 2026" in teks.upper()


_TANDA_REVIU = re.compile(r"^\s*NASKAH REVIU\s*\n", re.M)


def _halaman_pdf(dok) -> list[str]:
    """Teks setiap halaman PDF, tanpa tanda "NASKAH REVIU" di kepala halaman edisi reviu."""
    if dok.pdf is None:
        pytest.skip("Chromium/poppler tidak tersedia")
    teks = subprocess.run(["pdftotext", "-layout", str(dok.pdf), "-"], capture_output=True, text=True, check=True).stdout
    halaman = [_TANDA_REVIU.sub("", h, count=1) for h in teks.split("\f")]
    return halaman[:-1] if not halaman[-1].strip() else halaman


def test_pdf_tanpa_halaman_kosong_atau_sumber_yatim(edisi_2025):
    """Tidak ada halaman yang hanya berisi nomor halaman, atau hanya catatan/sumber tabel yang terpisah."""
    for i, h in enumerate(_halaman_pdf(edisi_2025)[1:], start=1):
        baris = [b.strip() for b in h.splitlines() if b.strip()]
        isi = baris[:-1] if baris and baris[-1].isdigit() else baris
        assert isi, f"halaman {i} kosong"
        assert not all(b.startswith(("Sumber:", "Catatan", "Tanda ")) for b in isi), f"halaman {i}: {isi}"
        # blok "Ditetapkan di …" keputusan tidak tercetak sendirian: di halamannya
        # selalu ada isi naskah atau tabel yang ditandatanganinya di atasnya
        ttd = [k for k, b in enumerate(isi) if b.startswith("Ditetapkan di")]
        assert not ttd or ttd[0] > 0, f"halaman {i}: blok tanda tangan tanpa naskah di atasnya {isi}"


def test_pdf_nomor_daftar_isi_menunjuk_judulnya(edisi_2025):
    """Setiap nomor di DAFTAR ISI menunjuk halaman cetak tempat judul itu berada (sampul tidak bernomor)."""
    halaman = _halaman_pdf(edisi_2025)
    daftar = next(h for h in halaman if "DAFTAR ISI" in h)
    entri = re.findall(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", daftar.split("DAFTAR ISI", 1)[1], re.M)
    assert len(entri) >= 15
    # bagian depan bernomor romawi; nomor arab dihitung dari halaman pertama BAB I
    awal_badan = next(i for i, h in enumerate(halaman) if h.lstrip().startswith("BAB I PENDAHULUAN"))
    halaman = {n: halaman[awal_badan + n - 1] for n in range(1, len(halaman) - awal_badan + 1)}
    for judul, nomor in entri:
        teks = re.sub(r"\s+", " ", halaman[int(nomor)])
        assert " ".join(judul.split()) in teks, f"{judul!r} tidak ada di halaman cetak {nomor}"
    bab = {j: int(n) for j, n in entri if j.startswith("BAB ")}
    assert bab["BAB II GAMBARAN UMUM DINAS SOSIAL KABUPATEN SERUYAN"] > bab["BAB I PENDAHULUAN"]
    for judul, nomor in bab.items():  # judul BAB yang panjang boleh terbungkus dua baris
        assert re.sub(r"\s+", " ", halaman[nomor]).strip().startswith(judul), judul
