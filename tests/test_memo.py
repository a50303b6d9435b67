"""Memo hasil hitung (``analisis.core.memo``): tidak pernah basi, dipakai bersama antarproses.

Kasus angka dari dokumen sumber: LKS 2025 berjumlah 9 (``data/lks.csv``),
PPKS terdata Triwulan I 2025 42.583 dan tertangani 35.005 (Tabel 2.5).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from analisis.core import data, memo, periksa, resmi
from analisis.core.kesalahan import KesalahanData
from analisis.core.paths import folder_data
from analisis.core.skema import SKEMA, baca_csv

AKAR = Path(__file__).resolve().parents[1]
SRC = AKAR / "src"


@pytest.fixture(autouse=True)
def _memo_bersih(monkeypatch):
    """Setiap tes mulai tanpa hasil yang diingat dan tanpa lapisan disk (kecuali tes menyetelnya)."""
    monkeypatch.delenv(memo.ENV, raising=False)
    monkeypatch.delenv("IKU_JEJAK", raising=False)
    memo.kosongkan()
    yield
    memo.kosongkan()


def _lks_2025(folder: Path) -> int:
    lks = data.muat("lks", folder)
    return int(lks.loc[lks["tahun"] == 2025, "jumlah"].iloc[0])


def _ganti_sama_ukuran_dan_waktu(berkas: Path, lama: str, baru: str) -> None:
    """Ganti isi tanpa mengubah ukuran dan waktu ubah (penyunting yang mengembalikan mtime)."""
    assert len(lama) == len(baru)
    st = berkas.stat()
    teks = berkas.read_text(encoding="utf-8")
    assert lama in teks
    berkas.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
    os.utime(berkas, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (berkas.stat().st_size, berkas.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)


# ----------------------------------------------------------------------------
# tidak pernah basi


def test_isi_berubah_dengan_ukuran_dan_waktu_sama_dihitung_ulang(salinan_data):
    assert _lks_2025(salinan_data) == 9
    _ganti_sama_ukuran_dan_waktu(salinan_data / "lks.csv", "2025,9", "2025,8")
    assert _lks_2025(salinan_data) == 8


def test_berkas_racy_selalu_dihash_ulang(tmp_path, monkeypatch):
    """Waktu berkas berbutir kasar: dua penulisan berukuran sama dalam satu tik memberi tanda stat yang sama."""
    import hashlib

    # tiru sistem berkas yang tidak membedakan kedua penulisan: tanda stat tanpa ctime dan mtime dikembalikan
    monkeypatch.setattr(memo, "_tanda_stat", lambda st: (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns))
    berkas = tmp_path / "lks.csv"
    berkas.write_text("tahun,jumlah\n2025,9\n", encoding="utf-8")
    assert memo.sidik_berkas(berkas) == hashlib.sha256(b"tahun,jumlah\n2025,9\n").hexdigest()
    _ganti_sama_ukuran_dan_waktu(berkas, "2025,9", "2025,8")
    assert memo.sidik_berkas(berkas) == hashlib.sha256(b"tahun,jumlah\n2025,8\n").hexdigest()


def test_hasil_salinan_dan_sama_dengan_tanpa_memo(salinan_data):
    pertama = data.muat("ppks_pas", salinan_data)
    pertama.loc[:, "terdata"] = -1  # mengubah salinan tidak merusak memo
    kedua = data.muat("ppks_pas", salinan_data)
    tw1 = kedua[(kedua["tahun"] == 2025) & (kedua["periode"] == "Triwulan I")]
    assert (int(tw1["terdata"].sum()), int(tw1["tertangani"].sum())) == (42583, 35005)
    pd.testing.assert_frame_equal(kedua, data._muat_csv.tanpa_memo("ppks_pas", salinan_data))


def test_folder_data_lain_kunci_lain(tmp_path, salinan_data):
    import shutil

    lain = tmp_path / "lain"
    shutil.copytree(salinan_data, lain)
    berkas = lain / "lks.csv"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("2025,9", "2025,7"), encoding="utf-8")
    assert (_lks_2025(salinan_data), _lks_2025(lain), _lks_2025(salinan_data)) == (9, 7, 9)


@pytest.fixture
def core_salinan(tmp_path, monkeypatch) -> Path:
    """Salinan ``analisis/core/*.py`` sebagai sumber tanda kode memo (modul aslinya tidak disentuh)."""
    folder = tmp_path / "core"
    folder.mkdir()
    for p in (SRC / "analisis" / "core").glob("*.py"):
        (folder / p.name).write_bytes(p.read_bytes())
    monkeypatch.setattr(memo, "_FOLDER_CORE", folder)
    monkeypatch.setattr(memo, "_MODUL_CORE", None)
    return folder


def test_sumber_modul_core_berubah_dihitung_ulang(core_salinan, tmp_path, monkeypatch):
    masukan = tmp_path / "masukan.txt"
    masukan.write_text("42583", encoding="utf-8")
    panggilan = []

    @memo.ingat(disk=True)
    def baca(jalur: str) -> int:
        memo.catat(jalur)
        panggilan.append(jalur)
        return int(Path(jalur).read_text(encoding="utf-8"))

    monkeypatch.setenv(memo.ENV, str(tmp_path / "memo"))
    assert baca(str(masukan)) == baca(str(masukan)) == 42583 and len(panggilan) == 1
    memo.kosongkan()
    assert baca(str(masukan)) == 42583 and len(panggilan) == 1  # dari disk
    # sumber rumus berubah (isi, ukuran dan waktu ubah sama): di memori dan di disk dihitung ulang
    rumus = core_salinan / "rumus.py"
    teks = rumus.read_text(encoding="utf-8")
    _ganti_sama_ukuran_dan_waktu(rumus, "return", "retUrn")
    assert baca(str(masukan)) == 42583 and len(panggilan) == 2
    memo.kosongkan()
    assert baca(str(masukan)) == 42583 and len(panggilan) == 2  # entri disk baru untuk kode baru
    rumus.write_text(teks, encoding="utf-8")
    memo.kosongkan()
    assert baca(str(masukan)) == 42583 and len(panggilan) == 2  # kode semula: entri semula


def test_pickle_rusak_dihitung_ulang(tmp_path, monkeypatch):
    masukan = tmp_path / "masukan.txt"
    masukan.write_text("35005", encoding="utf-8")
    panggilan = []

    @memo.ingat(disk=True)
    def baca(jalur: str) -> int:
        memo.catat(jalur)
        panggilan.append(jalur)
        return int(Path(jalur).read_text(encoding="utf-8"))

    folder = tmp_path / "memo"
    monkeypatch.setenv(memo.ENV, str(folder))
    assert baca(str(masukan)) == 35005
    [entri] = list(folder.glob("*.pkl"))
    utuh = entri.read_bytes()
    for rusak in (b"", utuh[: len(utuh) // 2], b"bukan pickle", b"\x80\x04K\x01."):  # kosong, terpotong, sampah, int
        entri.write_bytes(rusak)
        memo.kosongkan()
        n = len(panggilan)
        assert baca(str(masukan)) == 35005 and len(panggilan) == n + 1
    assert not list(folder.glob(".*.tmp"))  # tidak ada berkas sementara tertinggal
    # folder memo tidak dapat ditulis: hasil tetap benar
    monkeypatch.setenv(memo.ENV, str(masukan / "bukan-folder"))
    memo.kosongkan()
    assert baca(str(masukan)) == 35005


def test_tanpa_variabel_lingkungan_lapisan_disk_mati(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert memo.folder() is None and memo.ENV not in os.environ
    assert data.muat("lks") is not None
    memo.simpan("kunci", 1)
    assert memo.ambil("kunci") is memo.TIDAK_ADA
    assert not (tmp_path / "cache").exists()


def test_temuan_dicatat_untuk_cache_bab_juga_dari_memo(tmp_path, monkeypatch):
    """Bab yang memakai temuan yang diingat tetap tercatat membaca berkas yang dibaca pemeriksaan."""
    jejak = tmp_path / "jejak"
    monkeypatch.setenv("IKU_JEJAK", str(jejak))
    pertama = resmi.daftar_temuan(2025)
    dihitung = set(jejak.read_text(encoding="utf-8").splitlines())
    jejak.write_text("", encoding="utf-8")
    kedua = resmi.daftar_temuan(2025)
    dari_memo = set(jejak.read_text(encoding="utf-8").splitlines())
    assert [t.kode for t in pertama] == [t.kode for t in kedua]
    assert {str(folder_data() / "lks.csv"), str(folder_data() / "asn_jabatan.csv")} <= dari_memo
    assert any(b.endswith(os.path.join("parameters", "2025.yml")) for b in dari_memo)
    assert {os.path.abspath(b) for b in dihitung} <= {os.path.abspath(b) for b in dari_memo}
    assert "JUMLAH-ASN-PNS" in {t.kode for t in kedua}
    # sama dengan menjalankan setiap pemeriksaan langsung, tanpa memo
    langsung = sorted((t for f in periksa.PEMERIKSAAN for t in f(tahun=2025)), key=lambda t: periksa.KEPARAHAN.index(t.keparahan))
    assert kedua == langsung


# ----------------------------------------------------------------------------
# antarproses


_SKRIP = textwrap.dedent("""
    import json, os, sys
    from analisis.core import periksa, resmi
    if sys.argv[1] != "pertama":  # pemeriksaan yang dijalankan ulang tidak menemukan apa pun
        for i, f in enumerate(periksa.PEMERIKSAAN):
            kosong = lambda **k: []
            kosong.__name__ = f.__name__
            periksa.PEMERIKSAAN[i] = kosong
    if sys.argv[1] == "bab":  # seperti kernel bab: tahun dan periode lain, nama argumen lain
        daftar = periksa.temuan(tahun=2025, periode="Triwulan II")
    else:
        daftar = resmi.daftar_temuan(2025)
    print(json.dumps([t.kode for t in daftar]))
""")


def test_dua_proses_berbagi_satu_hasil(tmp_path):
    """Proses pertama menghitung temuan; proses kedua memakainya tanpa menjalankan satu pemeriksaan pun.

    Di salinan ``data/``, ``parameters/`` dan ``src/`` (ruang kerja bersama dapat berubah selama tes).
    """
    import shutil

    akar = tmp_path / "ruang"
    for nama in ("data", "parameters"):
        shutil.copytree(AKAR / nama, akar / nama)
    shutil.copytree(SRC / "analisis", akar / "src" / "analisis", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, memo.ENV: str(tmp_path / "memo"), "IKU_ROOT": str(akar), "PYTHONPATH": str(akar / "src")}
    env.pop("IKU_DATA", None)
    jalan = [sys.executable, "-c", _SKRIP]
    pertama = subprocess.run([*jalan, "pertama"], env=env, capture_output=True, text=True, timeout=300)
    assert pertama.returncode == 0, pertama.stderr
    jejak = tmp_path / "jejak"
    jejak.write_text("", encoding="utf-8")
    kedua = subprocess.run([*jalan, "kedua"], env={**env, "IKU_JEJAK": str(jejak)}, capture_output=True, text=True,
                           timeout=300)
    assert kedua.returncode == 0, kedua.stderr
    kode = pertama.stdout.strip().splitlines()[-1]
    assert "JUMLAH-ASN-PNS" in kode and kedua.stdout.strip().splitlines()[-1] == kode
    dibaca = set(jejak.read_text(encoding="utf-8").splitlines())
    assert str(akar / "data" / "lks.csv") in dibaca  # proses kedua tetap tercatat membaca berkasnya
    # kernel bab yang meminta tahun/periode dengan cara lain: pemeriksaan yang tidak bergantung padanya dari memo
    bab = subprocess.run([*jalan, "bab"], env=env, capture_output=True, text=True, timeout=300)
    assert bab.returncode == 0, bab.stderr
    import json

    per_tahun = {t.kode for t in periksa.cek_parameter(folder=akar / "data", tahun=2025,
                                                       folder_parameter=akar / "parameters")}
    assert per_tahun  # cek_parameter dijalankan ulang di proses itu (kosong), yang lain dari memo
    assert sorted(json.loads(bab.stdout.strip().splitlines()[-1])) == sorted(k for k in json.loads(kode)
                                                                              if k not in per_tahun)
    # folder data lain (isi sama): kunci lain, dihitung sendiri (tanpa pemeriksaan: hasil kosong)
    lain = tmp_path / "data-lain"
    shutil.copytree(akar / "data", lain)
    ketiga = subprocess.run([*jalan, "kedua"], env={**env, "IKU_DATA": str(lain)}, capture_output=True, text=True,
                            timeout=300)
    assert ketiga.returncode == 0, ketiga.stderr
    assert ketiga.stdout.strip().splitlines()[-1] == "[]"
    # isi lks.csv berubah: pemeriksaan yang membacanya dihitung ulang, bukan hasil lama
    (akar / "data" / "lks.csv").write_text((akar / "data" / "lks.csv").read_text(encoding="utf-8")
                                           .replace("2025,9", "2025,8"), encoding="utf-8")
    keempat = subprocess.run([*jalan, "kedua"], env=env, capture_output=True, text=True, timeout=300)
    assert keempat.returncode == 0, keempat.stderr
    keempat = json.loads(keempat.stdout.strip().splitlines()[-1])
    # cek_narasi membaca lks.csv: dijalankan ulang (kosong); cek_jumlah tidak: dari memo
    assert "NARASI-ASN-PNS" in kode and "NARASI-ASN-PNS" not in keempat and "JUMLAH-ASN-PNS" in keempat


# ----------------------------------------------------------------------------
# penanda validasi pandera (dahulu IKU_MEMO_VALIDASI)


def _pesan(jalur, skema) -> list[str]:
    with pytest.raises(KesalahanData) as e:
        baca_csv(jalur, skema)
    return [str(p) for p in e.value.pelanggaran]


def test_penanda_validasi_hanya_untuk_isi_yang_lolos(tmp_path, monkeypatch):
    skema = SKEMA["ppks_pas"]
    asli = (folder_data() / skema.berkas).read_text(encoding="utf-8-sig")
    jalur = tmp_path / skema.berkas
    jalur.write_text(asli, encoding="utf-8")
    tanpa = baca_csv(jalur, skema)

    folder = tmp_path / "memo"
    monkeypatch.setenv(memo.ENV, str(folder))
    pertama = baca_csv(jalur, skema)
    assert len(list(folder.iterdir())) == 1
    kedua = baca_csv(jalur, skema)  # dari penanda: pandera dilewati, frame sama
    pd.testing.assert_frame_equal(tanpa, pertama)
    pd.testing.assert_frame_equal(tanpa, kedua)
    tw1 = kedua[(kedua["tahun"] == 2025) & (kedua["periode"] == "Triwulan I")]
    assert int(tw1["terdata"].sum()) == 42583

    # tertangani > terdata pada baris 2: ditolak pandera, dengan atau tanpa penanda, pesan sama
    baris = asli.splitlines()
    sel = baris[1].split(",")
    kolom = baris[0].split(",")
    sel[kolom.index("terdata")], sel[kolom.index("tertangani")] = "1", "5"
    jalur.write_text("\n".join([baris[0], ",".join(sel), *baris[2:]]) + "\n", encoding="utf-8")
    dengan_memo = _pesan(jalur, skema)
    monkeypatch.delenv(memo.ENV)
    assert dengan_memo == _pesan(jalur, skema)
    assert any("baris 2" in p and "tertangani" in p for p in dengan_memo)
    assert len(list(folder.iterdir())) == 1  # isi yang gagal tidak pernah diberi penanda
    monkeypatch.setenv(memo.ENV, str(folder))
    assert _pesan(jalur, skema) == dengan_memo


def test_pesan_csv_rusak_sama_lewat_data_muat(salinan_data, tmp_path, monkeypatch):
    """Isi yang tidak sah tidak pernah diingat: setiap panggilan menolak dengan pesan yang sama."""
    berkas = salinan_data / "lks.csv"
    assert _lks_2025(salinan_data) == 9
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("2025,9", "2025,-9"), encoding="utf-8")
    pesan = []
    for env in (None, str(tmp_path / "memo"), str(tmp_path / "memo")):
        if env:
            monkeypatch.setenv(memo.ENV, env)
        with pytest.raises(KesalahanData) as e:
            data.muat("lks", salinan_data)
        pesan.append([str(p) for p in e.value.pelanggaran])
    assert pesan[0] == pesan[1] == pesan[2]
    assert any("lks.csv" in p and "-9" in p for p in pesan[0])
