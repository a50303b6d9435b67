"""``iku pratinjau``: server, suntingan data, CSV rusak dan pemulihan, berhenti dengan SIGINT.

Satu proses pratinjau (tahun 2025, port bebas) berjalan di salinan sementara
proyek (``data/``, ``parameters/``, ``notebooks/`` dan ``src/`` disalin; ``IKU_ROOT``
dan ``PYTHONPATH`` menunjuk salinan itu), sehingga tes tidak menyentuh
``data/`` dan ``rendered/`` yang asli. Tes-tes di berkas ini berurutan: masing-masing
melanjutkan keadaan pratinjau dari tes sebelumnya.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from urllib.parse import quote
from pathlib import Path

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

from analisis.core import paths

AKAR = paths.akar()
BERKAS = "data/psks.csv"
BARIS_ASLI = "2025,1,Pekerja Sosial (Profesional),5,1,"


def _sidik_folder(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class _Proses:
    def __init__(self, akar: Path):
        self.akar = akar
        env = dict(os.environ, IKU_ROOT=str(akar), PYTHONPATH=str(akar / "src"), PYTHONUNBUFFERED="1")
        env.pop("IKU_RENDERED", None)
        env.pop("IKU_DATA", None)
        self.p = subprocess.Popen(
            [sys.executable, "-m", "analisis.cli", "pratinjau", "--tahun", "2025", "--port", "0"],
            cwd=akar, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.keluaran: list[str] = []
        self.port: int | None = None
        siap = threading.Event()

        def baca():
            for baris in self.p.stdout:
                self.keluaran.append(baris)
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", baris)
                if m and self.port is None:
                    self.port = int(m.group(1))
                    siap.set()
            siap.set()

        threading.Thread(target=baca, daemon=True).start()
        if not siap.wait(120) or self.port is None:
            self.p.kill()
            pytest.fail("pratinjau tidak mulai:\n" + "".join(self.keluaran))

    def get(self, jalur: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{jalur}", timeout=30) as r:
            return r.read().decode("utf-8")

    def versi(self) -> dict:
        return json.loads(self.get("/versi"))

    def tunggu(self, bukan_versi: str | None, batas: float = 300) -> dict:
        """Tunggu render selesai dengan versi selain ``bukan_versi``."""
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if self.p.poll() is not None:
                pytest.fail("pratinjau berhenti:\n" + "".join(self.keluaran))
            d = self.versi()
            if d["versi"] != bukan_versi and d["jumlah_render"] >= 1 and not d["sedang"]:
                return d
            time.sleep(0.1)
        pytest.fail("pratinjau tidak diperbarui dalam waktu:\n" + "".join(self.keluaran[-20:]))

    def sunting(self, lama: str, baru: str) -> dict:
        jalur = self.akar / BERKAS
        teks = jalur.read_text(encoding="utf-8")
        assert teks.count(lama) == 1
        v = self.versi()["versi"]
        jalur.write_text(teks.replace(lama, baru), encoding="utf-8")
        return self.tunggu(v, batas=180)


@pytest.fixture(scope="module")
def pratinjau(tmp_path_factory):
    akar = tmp_path_factory.mktemp("proyek")
    for nama in ("data", "parameters", "notebooks"):
        shutil.copytree(AKAR / nama, akar / nama, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(AKAR / "src" / "analisis", akar / "src" / "analisis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    assert BARIS_ASLI in (akar / BERKAS).read_text(encoding="utf-8")
    # Render pertama pratinjau mengambil bab dari cache render bersama 2025 (tests/tata_letak_ukur.py;
    # salinan data/, parameters/, notebooks/ dan src/ yang sama isinya): yang diuji sesudahnya adalah
    # eksekusi ulang bab terdampak di kernel hangat. Bila kodenya berubah, semua bab dieksekusi.
    from analisis.document import cache as _cache

    cache_bersama = ukur.render_bersama(2025, tmp_path_factory).html.parent / _cache.NAMA_FOLDER
    for bab in cache_bersama.iterdir():
        if bab.is_dir():
            shutil.copytree(bab, akar / "rendered" / "2025" / _cache.NAMA_FOLDER / bab.name)
    proses = _Proses(akar)
    try:
        proses.data_awal = _sidik_folder(akar / "data")
        proses.tunggu(None)
        yield proses
    finally:
        if proses.p.poll() is None:
            proses.p.kill()
            proses.p.wait(30)


@pytest.mark.lambat
def test_menyajikan_dokumen(pratinjau):
    d = pratinjau.versi()
    assert d["galat"] is None, d["galat"]
    halaman = pratinjau.get("/")
    assert "Dinas Sosial" in halaman and "DAFTAR ISI" in halaman
    assert halaman.count('<script id="iku-pratinjau">') == 1
    assert f'var versi = "{d["versi"]}"' in halaman
    # skrip pemuat ulang hanya di halaman yang disajikan, tidak di rendered/
    berkas = (pratinjau.akar / "rendered" / "2025" / "IKU-2025-reviu.html").read_text(encoding="utf-8")
    assert "iku-pratinjau" not in berkas
    assert halaman.replace(halaman[halaman.index('<script id="iku-pratinjau">'):halaman.index("</script>",
                           halaman.index('<script id="iku-pratinjau">')) + len("</script>\n")], "") == berkas
    # hanya 127.0.0.1: server yang mendengar 0.0.0.0 juga menerima 127.0.0.2
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", pratinjau.port), timeout=2).close()


@pytest.mark.lambat
def test_suntingan_data_tampil(pratinjau):
    assert "9.876" not in pratinjau.get("/")
    assert "/versi?sejak=" in pratinjau.get("/")  # halaman menunggu perubahan, tanpa selang tanya
    v0 = pratinjau.versi()["versi"]
    t = time.monotonic()  # tanpa perubahan: /versi?sejak= menunggu sampai batasnya
    assert json.loads(pratinjau.get(f"/versi?sejak={quote(v0)}&sedang=0&tunggu=1"))["versi"] == v0
    assert 0.9 <= time.monotonic() - t < 10
    mulai = time.monotonic()
    d = pratinjau.sunting(BARIS_ASLI, BARIS_ASLI.replace(",5,1,", ",9876,1,"))
    assert d["galat"] is None, d["galat"]
    t = time.monotonic()  # versi sudah berubah: dijawab segera
    assert json.loads(pratinjau.get(f"/versi?sejak={quote(v0)}&sedang=0&tunggu=20"))["versi"] == d["versi"]
    assert time.monotonic() - t < 5
    halaman = pratinjau.get("/")
    assert "9.876" in halaman  # jumlah Pekerja Sosial (Profesional), Tabel PSKS BAB II
    assert "9.876" in (pratinjau.akar / "rendered" / "2025" / "IKU-2025-reviu.html").read_text(encoding="utf-8")
    keluaran = "".join(pratinjau.keluaran)
    assert re.search(r"Diperbarui dalam [\d.]+ s \(data/psks\.csv", keluaran), keluaran
    # hanya bab pembaca psks.csv yang dieksekusi ulang
    baris = [b for b in pratinjau.keluaran if "(data/psks.csv" in b][-1]
    assert "02_gambaran_umum.ipynb" in baris and "04_penetapan_iku.ipynb" not in baris
    assert time.monotonic() - mulai < 120


@pytest.mark.lambat
def test_csv_rusak_tampil_lalu_pulih(pratinjau):
    baris_kini = BARIS_ASLI.replace(",5,1,", ",9876,1,")
    d = pratinjau.sunting(baris_kini, BARIS_ASLI.replace(",5,1,", ",-7,1,"))
    assert d["galat"] and "data/psks.csv, baris 2, kolom 'jumlah', nilai '-7': tidak boleh negatif" in d["galat"]
    halaman = pratinjau.get("/")
    assert 'id="iku-pratinjau-galat"' in halaman
    assert "data/psks.csv, baris 2, kolom &#x27;jumlah&#x27;, nilai &#x27;-7&#x27;: tidak boleh negatif" in halaman
    assert "9.876" in halaman  # versi terakhir yang berhasil tetap di bawah pesan
    terakhir = pratinjau.get("/terakhir")
    assert 'id="iku-pratinjau-galat"' not in terakhir and "9.876" in terakhir
    assert '<a href="/terakhir">' in halaman
    # rendered/ tetap versi terakhir yang berhasil
    assert "9.876" in (pratinjau.akar / "rendered" / "2025" / "IKU-2025-reviu.html").read_text(encoding="utf-8")

    d = pratinjau.sunting(BARIS_ASLI.replace(",5,1,", ",-7,1,"), BARIS_ASLI.replace(",5,1,", ",4321,1,"))
    assert d["galat"] is None, d["galat"]
    halaman = pratinjau.get("/")
    assert 'id="iku-pratinjau-galat"' not in halaman
    assert "4.321" in halaman and "9.876" not in halaman


@pytest.mark.lambat
def test_berhenti_dengan_sigint(pratinjau):
    akar = pratinjau.akar
    data_sebelum = _sidik_folder(akar / "data")
    # pratinjau tidak menulis data/: yang berubah hanya baris yang disunting tes
    berubah = {k for k in data_sebelum if data_sebelum[k] != pratinjau.data_awal.get(k)}
    assert berubah == {"psks.csv"} and set(data_sebelum) == set(pratinjau.data_awal)
    dokumen = (akar / "rendered" / "2025" / "IKU-2025-reviu.html").read_bytes()
    anak = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pratinjau.p.pid)], capture_output=True, text=True)
    kernel = [int(x) for x in anak.stdout.split()]
    assert kernel, "kernel hangat seharusnya sudah berjalan"

    pratinjau.p.send_signal(signal.SIGINT)
    assert pratinjau.p.wait(60) == 0
    assert "Pratinjau dihentikan." in "".join(pratinjau.keluaran)
    assert _sidik_folder(akar / "data") == data_sebelum
    assert (akar / "rendered" / "2025" / "IKU-2025-reviu.html").read_bytes() == dokumen
    assert sorted(p.name for p in (akar / "rendered").iterdir() if not p.name.startswith(".kunci")) == ["2025"]
    time.sleep(0.5)
    hidup = [pid for pid in kernel if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert hidup == [], "kernel masih berjalan setelah pratinjau berhenti"


def test_halaman_galat_tanpa_server_berjalan(tmp_path):
    """Panel galat: pesan di-escape, versi terakhir di bawahnya, /terakhir tanpa panel; berkas tidak disentuh."""
    from analisis.document.pratinjau import Pratinjau

    p = Pratinjau(2025, port=0, akar_keluaran=tmp_path)
    try:
        assert p.server.server_address[0] == "127.0.0.1" and p.port > 0
        p.keadaan.dokumen = "<html><body><p>Rp 1.906.887.580</p></body></html>"
        p.keadaan.waktu_dokumen = "10.00.00"
        p.keadaan.galat = "data/psks.csv, baris 3, kolom 'jumlah', nilai '<script>x</script>': harus bilangan bulat"
        halaman = p.halaman()
        assert "&lt;script&gt;x&lt;/script&gt;" in halaman and "<script>x</script>" not in halaman
        assert halaman.index('id="iku-pratinjau-galat"') < halaman.index("Rp 1.906.887.580")
        assert "versi terakhir yang berhasil (10.00.00)" in halaman
        assert 'id="iku-pratinjau-galat"' not in p.halaman(terakhir=True)
        assert p.status()["galat"].startswith("data/psks.csv, baris 3")
        assert list(tmp_path.iterdir()) == []
    finally:
        p.server.server_close()
