"""Isu 16: berkas data dan parameter yang bermusuhan gagal tertutup dengan satu pesan Indonesia.

YAML (kunci ganda, bom alias, tanggal mustahil, berkas kosong), pita aturan
yang rusak, sel CSV raksasa, pesan pydantic/argparse berbahasa Inggris, tautan
skrip di berkas narasi, dan batas memori ``iku periksa``/``iku render``.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py
from nbconvert.filters.markdown import markdown2html

from analisis import cli
from analisis.core import data, parameter
from analisis.core.kesalahan import KesalahanData, KesalahanParameter, Pelanggaran

AKAR = Path(__file__).resolve().parents[1]

BOM = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))


@pytest.fixture
def akar(tmp_path, monkeypatch) -> Path:
    """Salinan ruang kerja (data/, parameters/, notebooks/) yang boleh dirusak; IKU_ROOT dan IKU_DATA menunjuk ke sana."""
    tujuan = tmp_path / "ruang"
    for nama in ("data", "parameters", "notebooks"):
        shutil.copytree(AKAR / nama, tujuan / nama)
    monkeypatch.setenv("IKU_ROOT", str(tujuan))
    monkeypatch.setenv("IKU_DATA", str(tujuan / "data"))
    return tujuan


def _pesan(akar: Path) -> str:
    return "\n".join(str(p) for p in data.periksa_semua(akar / "data"))


# ----------------------------------------------------------------------------
# 5/6. YAML


def test_kunci_ganda_instansi_ditolak(akar):
    """Isu 16.6: ``nama_daerah`` dua kali di instansi.yaml tidak lagi diam-diam mengubah dokumen."""
    j = akar / "data" / "instansi.yaml"
    j.write_text(j.read_text(encoding="utf-8") + "nama_daerah: Kotawaringin\n", encoding="utf-8")
    pesan = _pesan(akar)
    assert re.search(r"data/instansi\.yaml, baris \d+, kolom 'nama_daerah'.*kunci ganda \(sudah ada di baris \d+\)", pesan)


def test_kunci_ganda_dan_berkas_kosong_di_parameter_ditolak(akar):
    j = akar / "parameters" / "2025.yml"
    asli = j.read_text(encoding="utf-8")
    j.write_text(asli + "periode: Tahunan\n", encoding="utf-8")
    with pytest.raises(KesalahanParameter, match=r"parameters/2025\.yml, baris \d+, kunci 'periode': kunci ganda"):
        parameter.muat(2025)
    j.write_text("", encoding="utf-8")
    with pytest.raises(KesalahanParameter, match=r"parameters/2025\.yml: berkas kosong.*tidak lagi dianggap Tahunan"):
        parameter.muat(2025)


@pytest.mark.parametrize("berkas, sisipan", [
    ("parameters/2025.yml", "tanggal_dokumen: 2025-02-30\n"),
    ("data/instansi.yaml", "tanggal_pohon_kinerja: 2025-02-30\n"),
])
def test_tanggal_mustahil_satu_pesan(akar, capsys, berkas, sisipan):
    j = akar / berkas
    teks = j.read_text(encoding="utf-8")
    kunci = sisipan.split(":")[0]
    teks = re.sub(rf"^{kunci}:.*\n", "", teks, flags=re.M) + sisipan
    j.write_text(teks, encoding="utf-8")
    if berkas.startswith("parameters"):
        with pytest.raises(KesalahanParameter) as e:
            parameter.muat(2025)
        pesan = str(e.value)
    else:
        pesan = _pesan(akar)
    assert f"kunci '{kunci}'" in pesan or f"kolom '{kunci}'" in pesan
    assert "'2025-02-30'" in pesan and "tanggal tidak ada di kalender" in pesan
    assert "day is out of range" not in pesan


def test_bom_alias_ditolak_cepat_dengan_pesan_pendek(akar):
    """Isu 16.5: bom alias 1 KB di keputusan.yaml ditolak dalam sekejap, pesannya pendek."""
    (akar / "data" / "keputusan.yaml").write_text(BOM, encoding="utf-8")
    mulai = time.perf_counter()
    pesan = _pesan(akar)
    assert time.perf_counter() - mulai < 10
    assert "data/keputusan.yaml" in pesan and "alias" in pesan
    assert len(pesan) < 1000


def test_bom_alias_di_parameter(akar):
    (akar / "parameters" / "2025.yml").write_text("tahun: 2025\n" + BOM.replace("a:", "penandatangan:", 1), encoding="utf-8")
    with pytest.raises(KesalahanParameter) as e:
        parameter.muat(2025)
    assert "alias" in str(e.value) and len(str(e.value)) < 500


def test_pesan_memendekkan_nilai():
    p = Pelanggaran("data/x.csv", 2, "nama", "x" * 10_000_000, "terlalu panjang")
    assert len(str(p)) < 250 and "10.000.000 karakter" in str(p)
    galat = KesalahanData([Pelanggaran("data/x.csv", i, "k", "v", "aturan") for i in range(5000)])
    assert len(str(galat).splitlines()) == 102 and "dan 4900 pelanggaran lain" in str(galat)


def _batasi_memori(bita: int):
    def pasang():
        resource.setrlimit(resource.RLIMIT_AS, (bita, bita))
    return pasang


def _iku(argv: list[str], akar: Path, batas: int = 3 * 2**30, waktu: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, IKU_ROOT=str(akar), IKU_DATA=str(akar / "data"), IKU_RENDERED=str(akar / "rendered"),
               PYTHONPATH=str(AKAR / "src"), OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "analisis.cli", *argv], env=env, capture_output=True, text=True,
                          timeout=waktu, preexec_fn=_batasi_memori(batas))


def test_iku_periksa_bom_alias_di_bawah_batas_memori(akar):
    """``iku periksa`` dengan bom alias berjalan di bawah batas memori 3 GiB dan berakhir dengan satu pesan."""
    (akar / "data" / "keputusan.yaml").write_text(BOM, encoding="utf-8")
    mulai = time.monotonic()
    p = _iku(["periksa"], akar)
    assert time.monotonic() - mulai < 120
    assert p.returncode == 1, p.stderr[-2000:]
    assert "data/keputusan.yaml" in p.stderr and "alias" in p.stderr
    assert "Traceback" not in p.stderr and len(p.stderr) < 5000


@pytest.mark.lambat
def test_iku_render_bom_alias_di_bawah_batas_memori(akar):
    """``iku render`` dengan bom alias di parameter dan di data: berhenti dengan pesan, tanpa menghabiskan memori."""
    (akar / "parameters" / "2025.yml").write_text("tahun: 2025\n" + BOM.replace("a:", "penandatangan:", 1), encoding="utf-8")
    p = _iku(["render", "--tahun", "2025", "--format", "html"], akar)
    assert p.returncode == 2 and "alias" in p.stderr and "Traceback" not in p.stderr and len(p.stderr) < 2000
    shutil.copy(AKAR / "parameters" / "2025.yml", akar / "parameters" / "2025.yml")
    (akar / "data" / "keputusan.yaml").write_text(BOM, encoding="utf-8")
    p = _iku(["render", "--tahun", "2025", "--format", "html", "--jobs", "1"], akar, waktu=900)
    assert p.returncode == 2, p.stderr[-3000:]
    assert "keputusan.yaml" in p.stderr and "alias" in p.stderr
    assert len(p.stderr) < 5000


# ----------------------------------------------------------------------------
# 7. parameter divalidasi sebelum kernel; pesan Indonesia


def test_pita_aturan_rusak_ditolak_sebelum_kernel(akar, monkeypatch):
    """Isu 16.7: ``batas_bawah: abc`` ditolak saat parameter dimuat, sebelum satu kernel pun dijalankan."""
    from analisis.document import render

    j = akar / "parameters" / "base.yml"
    j.write_text(j.read_text(encoding="utf-8").replace(
        "aturan: {}", "aturan:\n  capaian:\n    - {batas_bawah: abc, label: Tinggi}\n"), encoding="utf-8")

    def kernel(*a, **k):
        raise AssertionError("kernel dijalankan sebelum parameter divalidasi")

    monkeypatch.setattr(render, "_render_banyak", kernel)
    with pytest.raises(KesalahanParameter) as e:
        render.render_tahun(2025, format=("html",), akar_keluaran=akar / "rendered")
    assert "kunci 'aturan.capaian.0.batas_bawah', nilai 'abc': harus angka" in str(e.value)


@pytest.mark.parametrize("sisipan, pesan", [
    ("aturan:\n  capaian:\n    - {batas_bawah: 50, label: A}\n    - {batas_bawah: 90, label: B}\n", "urut dari batas_bawah tertinggi"),
    ("aturan:\n  mutu:\n    - {batas_bawah: 50, label: A}\n", "aturan 'mutu' tidak dikenal"),
    ("aturan:\n  capaian:\n    - {batas_bawah: 50, label: A, warna: merah}\n", "kunci 'aturan.capaian.0.warna'"),
    ("tempat: [Kuala Pembuang]\n", "kunci 'tempat', nilai ['Kuala Pembuang']: harus teks"),
])
def test_parameter_rusak_pesan_indonesia(akar, sisipan, pesan):
    j = akar / "parameters" / "2025.yml"
    j.write_text(j.read_text(encoding="utf-8") + sisipan, encoding="utf-8")
    with pytest.raises(KesalahanParameter) as e:
        parameter.muat(2025)
    assert pesan in str(e.value)
    assert "Input should" not in str(e.value) and "Value error" not in str(e.value)


def test_pydantic_instansi_berbahasa_indonesia(akar):
    j = akar / "data" / "instansi.yaml"
    j.write_text(re.sub(r"awal: \d+", "awal: dua ribu", j.read_text(encoding="utf-8")), encoding="utf-8")
    pesan = _pesan(akar)
    assert "data/instansi.yaml, kolom 'periode_renstra.awal', nilai 'dua ribu': harus bilangan bulat" in pesan
    assert "Input should" not in pesan


def test_sel_csv_raksasa(akar):
    j = akar / "data" / "lks.csv"
    j.write_text(j.read_text(encoding="utf-8") + '2030,"' + "9" * 300_000 + '"\n', encoding="utf-8")
    pesan = _pesan(akar)
    assert "data/lks.csv" in pesan and "satu sel lebih panjang dari 131.072 karakter" in pesan
    assert "field larger" not in pesan


def test_argparse_berbahasa_indonesia(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "--tahun", "dua"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "argumen --tahun: 'dua' bukan bilangan bulat" in err and "invalid" not in err
    with pytest.raises(SystemExit):
        cli.main(["impor"])
    assert "argumen wajib belum diberikan: berkas" in capsys.readouterr().err
    assert cli.main(["templat"]) == 2
    assert "--tahun wajib diisi" in capsys.readouterr().err


def test_cli_galat_sistem_berkas_satu_baris(akar, capsys, monkeypatch):
    """Isu 16.7: rendered/ yang hanya-baca atau penuh → satu baris Indonesia, kode ≠ 0, tanpa traceback."""
    import errno

    from analisis.document import render

    def penuh(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(akar / "rendered" / "2025" / "IKU-2025.html"))

    monkeypatch.setattr(render, "render_tahun", penuh)
    assert cli.main(["render", "--tahun", "2025", "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"Gagal: tidak dapat menulis {akar}/rendered/2025/IKU-2025.html: ruang disk penuh"]

    def hanya_baca(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(akar / "rendered"))

    monkeypatch.setattr(render, "render_tahun", hanya_baca)
    assert cli.main(["render", "--tahun", "2025", "--format", "html"]) == 2
    assert "tidak ada izin menulis" in capsys.readouterr().err


def _iku_disk_penuh(akar: Path, syarat: str, argv: list[str], waktu: float) -> subprocess.CompletedProcess:
    """Jalankan ``iku argv`` di subproses yang ``os.replace``-nya gagal ENOSPC bila ``syarat`` (ungkapan atas ``b``) benar."""
    skrip = (
        "import errno, os, sys\n"
        "asli = os.replace\n"
        "def ganti(a, b, *k, **kw):\n"
        f"    if {syarat}:\n"
        "        raise OSError(errno.ENOSPC, 'No space left on device', str(b))\n"
        "    return asli(a, b, *k, **kw)\n"
        "os.replace = ganti\n"
        "from analisis import cli\n"
        f"sys.exit(cli.main({argv!r}))\n"
    )
    env = dict(os.environ, IKU_ROOT=str(akar), IKU_DATA=str(akar / "data"), IKU_RENDERED=str(akar / "rendered"),
               PYTHONPATH=str(AKAR / "src"))
    return subprocess.run([sys.executable, "-c", skrip], env=env, capture_output=True, text=True, timeout=waktu)


@pytest.mark.lambat
def test_render_disk_penuh_saat_menulis_html(akar, tmp_path_factory):
    """Disk penuh tepat saat HTML ditulis (simulasi di subproses): satu pesan, dokumen lama utuh."""
    # bab dari cache render bersama 2025 (tests/tata_letak_ukur.py; salinan data yang sama isinya): yang
    # diuji penulisan dokumen, bukan eksekusi bab. Bila kodenya berubah, bab dieksekusi lebih dulu.
    from analisis.document import cache as _cache

    cache_bersama = ukur.render_bersama(2025, tmp_path_factory).html.parent / _cache.NAMA_FOLDER
    for bab in cache_bersama.iterdir():
        if bab.is_dir():
            shutil.copytree(bab, akar / "rendered" / "2025" / _cache.NAMA_FOLDER / bab.name)
    p = _iku_disk_penuh(akar, "str(b).endswith('.html') and 'rendered' in str(b)",
                        ["render", "--tahun", "2025", "--format", "html", "--jobs", "1"], waktu=900)
    assert p.returncode == 2, p.stderr[-3000:]
    assert "ruang disk penuh" in p.stderr and "Traceback" not in p.stderr


# ----------------------------------------------------------------------------
# 4. tautan di berkas narasi

TAUTAN_JAHAT = (
    "[klik](javascript:alert(5)) [K2](JaVaScRiPt:alert(6)) [k3]( javascript:alert(7) \"judul\") "
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [v](vbscript:msgbox(1)) "
    "[e](java&#115;cript:alert(8)) [t](java\tscript:alert(9)) ![g](javascript:alert(10)) "
    "[r][jahat] <javascript:alert(11)> http://contoh.invalid/polos www.contoh.invalid "
    "[baik](https://kemensos.go.id/) [jangkar](#bab-ii)\n\n[jahat]: javascript:alert(12)\n"
)


def test_tautan_narasi_hanya_http_dan_jangkar(akar):
    j = akar / "data" / "teks" / "latar_belakang.md"
    j.write_text(TAUTAN_JAHAT, encoding="utf-8")
    html = markdown2html(data.teks("latar_belakang", akar / "data"))
    href = re.findall(r"""(?:href|src)\s*=\s*["']?([^"'\s>]*)""", html, flags=re.I)
    assert href == ["https://kemensos.go.id/", "#bab-ii"]
    assert not re.search(r"(?:javascript|vbscript|data)\s*:", " ".join(href), flags=re.I)
    assert "http://contoh.invalid/polos" in html  # tetap tampil sebagai teks, bukan tautan


def test_periksa_disk_penuh_saat_menulis_temuan(akar):
    """Isu 16.7: disk penuh saat ``iku periksa`` menulis rendered/pemeriksaan/temuan.* → satu pesan, tanpa sisa .tmp."""
    p = _iku_disk_penuh(akar, "'rendered' in str(b)", ["periksa"], waktu=600)
    assert p.returncode == 2, p.stderr[-3000:]
    gagal = [b for b in p.stderr.splitlines() if b.startswith("Gagal:")]
    assert len(gagal) == 1 and "ruang disk penuh" in gagal[0] and "temuan" in gagal[0]
    assert "Traceback" not in p.stderr
    assert not [x for x in (akar / "rendered").rglob("*.tmp")]


def test_yaml_data_rusak_ditolak_sebelum_kernel(akar, monkeypatch):
    """Isu 16.6: isi setiap YAML data/ (bukan hanya keberadaannya) diperiksa sebelum satu kernel pun dijalankan."""
    from analisis.document import pratinjau, render

    j = akar / "data" / "keputusan.yaml"
    j.write_text(j.read_text(encoding="utf-8") + "nomor: 800/999/DINSOS/2025\n", encoding="utf-8")

    def kernel(*a, **k):
        raise AssertionError("kernel dijalankan sebelum data/keputusan.yaml divalidasi")

    monkeypatch.setattr(render, "_Kolam", kernel)
    monkeypatch.setattr(pratinjau, "KolamHangat", kernel)  # kernel yang dipanaskan lebih awal juga kernel
    with pytest.raises(KesalahanData) as e:
        render.render_tahun(2025, format=("html",), akar_keluaran=akar / "rendered")
    assert re.search(r"data/keputusan\.yaml, baris \d+, kolom 'nomor'.*kunci ganda", str(e.value))
    assert not (akar / "rendered" / "2025").exists()
