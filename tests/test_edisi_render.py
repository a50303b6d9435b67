"""Dua edisi dari ``iku render`` (issue 12 §1): reviu dan final dari bab yang sama.

Tahun 2025 dirender sekali per modul (HTML saja); tanda di setiap halaman PDF
diperiksa pada PDF edisi reviu render bersama per sesi (tests/tata_letak_ukur.py). Edisi final 2025 memuat angka
tercetak dokumen yang ditandatangani September 2025 dan tidak memuat bahan
reviu; edisi reviu menandai angka bertemuan dengan hasil hitungnya dan memuat
lampiran temuan. Edisi final yang belum lengkap ditolak sebelum kernel apa pun
dijalankan dan tanpa menulis apa pun.
"""

from __future__ import annotations

import html as _html
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

from analisis import cli
from analisis.document import cache as _cache
from analisis.document import render

pytestmark = pytest.mark.lambat

AKAR = Path(__file__).resolve().parents[1]


def _teks(dokumen: str) -> str:
    """Teks yang terbaca di halaman: tanpa style/script dan tanpa tag, spasi dirapatkan."""
    t = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", dokumen, flags=re.S)
    t = _html.unescape(re.sub(r"<[^>]+>", " ", t))
    return re.sub(r"\s+", " ", t.replace("\u00a0", " "))


def _potret(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("rendered")


@pytest.fixture(scope="module")
def hasil_2025(keluaran):
    # tanpa edisi yang disebut: reviu, dan final karena masukan 2025 lengkap
    sidik = _cache.sidik_kode()  # sebelum render: kode yang disunting selama render ikut terdeteksi
    hasil = render.render_tahun(2025, format=("html",), akar_keluaran=keluaran, edisi=None)
    hasil.sidik_kode = sidik
    return hasil


@pytest.fixture(scope="module")
def final(hasil_2025) -> str:
    return hasil_2025.edisi["final"]["html"].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reviu(hasil_2025) -> str:
    return hasil_2025.edisi["reviu"]["html"].read_text(encoding="utf-8")


def _daftar_isi(dokumen: str) -> str:
    return _teks(dokumen.split('<nav class="daftar-isi"', 1)[1].split("</nav>", 1)[0])


# ---------------------------------------------------------------------------
# kedua edisi dari satu eksekusi


def test_kedua_edisi_ditulis_dengan_nama_edisinya(hasil_2025, keluaran):
    folder = keluaran / "2025"
    assert sorted(p.name for p in folder.glob("IKU-*")) == ["IKU-2025-final.html", "IKU-2025-reviu.html"]
    assert hasil_2025.html == folder / "IKU-2025-reviu.html"
    assert hasil_2025.edisi["final"]["html"] == folder / "IKU-2025-final.html"
    assert hasil_2025.final_belum == []


def test_setiap_bab_dieksekusi_sekali_untuk_kedua_edisi(hasil_2025, keluaran):
    buku = [p.name for p in render.daftar_buku(AKAR / "notebooks")]
    assert sorted(hasil_2025.dieksekusi) == sorted(buku)  # sekali per buku, bukan sekali per edisi
    assert sorted(p.name for p in (keluaran / "2025" / "dieksekusi").iterdir()) == sorted(buku)
    # render berikutnya tanpa perubahan: kedua edisi dari cache, folder tidak disentuh
    if _cache.sidik_kode() != hasil_2025.sidik_kode:
        pytest.skip("kode src/analisis berubah selama tes (penyuntingan bersamaan): dokumen wajar dirakit ulang")
    sebelum = _potret(keluaran / "2025")
    lagi = render.render_tahun(2025, format=("html",), akar_keluaran=keluaran, edisi=None)
    assert lagi.dilewati and lagi.dieksekusi == [] and list(lagi.edisi) == ["reviu", "final"]
    assert _potret(keluaran / "2025") == sebelum


def test_indeks_memuat_kedua_edisi(hasil_2025, keluaran):
    indeks = render.tulis_indeks(keluaran, [2025]).read_text(encoding="utf-8")
    assert 'href="2025/IKU-2025-reviu.html"' in indeks and 'href="2025/IKU-2025-final.html"' in indeks


# ---------------------------------------------------------------------------
# edisi final: angka tercetak, tanpa bahan reviu


@pytest.mark.parametrize("angka", ["22 (dua puluh dua)", "Rp 11.266.644.930", "Rp 484.557.500", "Tuntas Pratama"])
def test_final_memuat_angka_tercetak(final, angka):
    assert angka in _teks(final)


@pytest.mark.parametrize("bahan", ["Catatan Pemeriksaan", "NASKAH REVIU", "data/", ".csv", ".yml", "analisis.",
                                   "keputusan_temuan", "[JUMLAH-ASN-PNS]"])
def test_final_tanpa_bahan_reviu_dalam_teks(final, bahan):
    teks = _teks(final)
    assert bahan not in teks, teks[max(0, teks.find(bahan) - 120): teks.find(bahan) + 120]


def test_final_tanpa_penanda_reviu_di_html(final):
    assert "data-kode" not in final and "reviu-saja" not in final and "ke-temuan" not in final
    assert 'class="temuan"' not in final and "tanda-reviu" not in final and "@top-center" not in final
    assert not re.search(r"\btemuan\b", _teks(final), re.I)  # "Pertemuan" boleh
    assert '<meta name="iku:edisi" content="final">' in final


def test_final_tanpa_tempat_kosong_data(final):
    teks = _teks(final)
    assert "belum tersedia dalam data" not in teks, teks[max(0, teks.find("belum tersedia") - 160):][:260]


def test_daftar_isi_final_tanpa_lampiran_catatan(final, reviu):
    assert "Lampiran 2" in _daftar_isi(final) and "Lampiran 3" not in _daftar_isi(final)
    assert "Lampiran 3" in _daftar_isi(reviu) and "Catatan Pemeriksaan" in _daftar_isi(reviu)


# ---------------------------------------------------------------------------
# edisi reviu: tanda, angka bertemuan dan lampiran temuan


def test_reviu_menandai_angka_bertemuan_dengan_hasil_hitung(reviu):
    tanda = re.findall(r'<span class="temuan" data-kode="JUMLAH-ASN-PNS" title="([^"]*)">([^<]*)<a class="ke-temuan" '
                       r'href="#temuan-JUMLAH-ASN-PNS">', reviu)
    assert tanda, "JUMLAH-ASN-PNS tidak ditandai"
    uraian, tampil = tanda[0]
    assert tampil == "22" and "tercetak 22; dihitung 21" in _html.unescape(uraian)
    assert 'id="temuan-JUMLAH-ASN-PNS"' in reviu  # tautan sampai ke lampiran temuan


def test_reviu_bertanda_naskah_reviu_di_layar_dan_cetak(reviu):
    assert '<meta name="iku:edisi" content="reviu">' in reviu
    assert re.search(r'<p class="tanda-reviu"[^>]*><strong>NASKAH REVIU</strong>', reviu)
    assert re.search(r'@page \{\s*@top-center \{\s*content: "NASKAH REVIU"', reviu)


@pytest.mark.pdf
def test_reviu_naskah_reviu_di_setiap_halaman_pdf(tmp_path_factory):
    if not ukur.ada_alat():
        pytest.skip("Chromium atau pdftotext tidak terpasang")
    # PDF edisi reviu 2025 yang dicetak render bersama per sesi (tests/tata_letak_ukur.py), bukan cetakan kedua
    keluar = ukur.edisi_bersama(2025, "reviu", tmp_path_factory).pdf
    assert keluar is not None and keluar.name == "IKU-2025-reviu.pdf"
    halaman = subprocess.run(["pdftotext", "-layout", str(keluar), "-"], capture_output=True, text=True,
                             check=True).stdout.split("\f")
    halaman = [h for h in halaman if h.strip()]
    assert len(halaman) > 20
    tanpa = [i + 1 for i, h in enumerate(halaman) if "NASKAH REVIU" not in h]
    assert tanpa == [], f"halaman tanpa NASKAH REVIU: {tanpa}"


# ---------------------------------------------------------------------------
# edisi final yang belum lengkap: ditolak sebelum kernel, tanpa menulis


def _jangan_eksekusi(monkeypatch):
    def jangan(*a, **k):
        raise AssertionError("render dimulai walaupun edisi final belum lengkap")

    monkeypatch.setattr(render, "_render_banyak", jangan)


def test_keputusan_hilang_menghentikan_final(tmp_path, monkeypatch, capsys, keluaran, hasil_2025):
    data = tmp_path / "data"
    shutil.copytree(AKAR / "data", data)
    reg = pd.read_csv(data / "keputusan_temuan.csv", dtype=str, keep_default_na=False)
    assert "JUMLAH-ASET-TOTAL" in set(reg["kode"])
    reg[reg["kode"] != "JUMLAH-ASET-TOTAL"].to_csv(data / "keputusan_temuan.csv", index=False)
    monkeypatch.setenv("IKU_DATA", str(data))
    monkeypatch.setenv("IKU_RENDERED", str(keluaran))
    _jangan_eksekusi(monkeypatch)
    sebelum = _potret(keluaran)

    kode = cli.main(["render", "--tahun", "2025", "--edisi", "final", "--format", "html"])

    keluar, galat = capsys.readouterr()
    assert kode == 2 and keluar == ""
    assert galat.startswith("Gagal: Edisi final IKU 2025 belum dapat dibuat; yang masih dibutuhkan:")
    assert "keputusan atas 1 temuan" in galat and "JUMLAH-ASET-TOTAL" in galat
    assert "data/keputusan_temuan.csv" in galat and "Tidak ada berkas yang ditulis" in galat
    assert "Traceback" not in galat
    assert _potret(keluaran) == sebelum  # rendered/ sama byte demi byte


def test_final_2026_tanpa_tanggal_ditolak_tanpa_menulis(tmp_path, monkeypatch, capsys):
    kosong = tmp_path / "rendered"
    monkeypatch.setenv("IKU_RENDERED", str(kosong))
    _jangan_eksekusi(monkeypatch)
    assert cli.main(["render", "--tahun", "2026", "--edisi", "final"]) == 2
    galat = capsys.readouterr().err
    assert "Edisi final IKU 2026 belum dapat dibuat" in galat
    assert "tanggal dokumen tahun 2026 (parameters/2026.yml: tanggal_dokumen)" in galat
    assert not kosong.exists()  # bahkan folder dan kunci render tidak dibuat


def test_render_bawaan_2026_menulis_reviu_dan_menyebut_kekurangan_final(tmp_path, monkeypatch, capsys,
                                                                       tmp_path_factory):
    keluaran_2026 = tmp_path / "rendered"
    # Yang diuji keluaran CLI dan berkas yang ditulis, bukan eksekusi bab: cache bab 2026 diambil dari
    # render bersama per sesi (tests/tata_letak_ukur.py), sehingga hanya perakitan yang berjalan. Tanpa
    # dokumen.json (jalur cepat) dan tanpa dokumen lama; bila kodenya berubah, bab dieksekusi ulang.
    cache_bersama = ukur.render_bersama(2026, tmp_path_factory).html.parent / _cache.NAMA_FOLDER
    for bab in cache_bersama.iterdir():
        if bab.is_dir():
            shutil.copytree(bab, keluaran_2026 / "2026" / _cache.NAMA_FOLDER / bab.name)
    monkeypatch.setenv("IKU_RENDERED", str(keluaran_2026))
    assert cli.main(["render", "--tahun", "2026", "--format", "html"]) == 0
    keluar = capsys.readouterr().out.splitlines()
    assert keluar[0] == f"Ditulis: {keluaran_2026 / '2026' / 'IKU-2026-reviu.html'}"
    final = [b for b in keluar if b.startswith("Edisi final 2026")]
    assert final == ["Edisi final 2026 belum ditulis; masih dibutuhkan: tanggal dokumen tahun 2026 "
                     "(parameters/2026.yml: tanggal_dokumen)."]
    assert sorted(p.name for p in (keluaran_2026 / "2026").glob("IKU-*")) == ["IKU-2026-reviu.html"]


@pytest.mark.parametrize("argumen, edisi", [([], None), (["--edisi", "reviu"], "reviu"), (["--edisi", "final"], "final")])
def test_cli_meneruskan_edisi(monkeypatch, capsys, argumen, edisi):
    diminta = []

    def palsu(tahun, **kw):
        diminta.append(kw["edisi"])
        return render.HasilRender(tahun=tahun, periode="Tahunan", folder=Path("/x"), html=Path("/x/a.html"),
                                  edisi={"reviu": {"html": Path("/x/a.html"), "pdf": None}})

    monkeypatch.setattr(render, "render_tahun", palsu)
    assert cli.main(["render", "--tahun", "2025", "--format", "html", *argumen]) == 0
    assert diminta == [edisi] and capsys.readouterr().out == "Ditulis: /x/a.html\n"


def test_syarat_otomatis_dihitung_di_kernel_pertama_yang_bebas(tmp_path):
    """Edisi otomatis: syarat final diantrekan sesudah bab dan dihitung sekali, di utas pekerja, bukan saat perakitan."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    panggilan: list[str] = []

    class Kernel:
        cwd = tmp_path

        def nilai(self, kode, ekspresi, json_=False):
            assert "syarat_final(2025, None)" in kode
            panggilan.append(threading.current_thread().name)
            return ["tanggal_dokumen belum diisi"]

    class Kolam:
        def ambil_menganggur(self):
            return Kernel()

        def kembalikan(self, k):
            pass

    rencana = render._EdisiTertunda([(2025, None)], None, tmp_path)
    rencana.kolam = Kolam()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="iku-kernel") as pelaksana:
        rencana.hitung_di_latar(pelaksana)
    edisi, syarat = rencana.hasil()[2025]
    assert edisi == ("reviu",) and syarat["kurang"] == ["tanggal_dokumen belum diisi"]
    assert len(panggilan) == 1 and panggilan[0].startswith("iku-kernel")  # tidak dihitung lagi oleh hasil()
