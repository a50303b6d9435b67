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
    if sys.argv[1] != "pertama":  # pemeriksaan yang dijalankan ulang tidak menemukan apa pun (namanya ke stderr)
        for i, f in enumerate(periksa.PEMERIKSAAN):
            def kosong(nama=f.__name__, **k):
                print("DIJALANKAN", nama, file=sys.stderr)
                return []
            kosong.__name__ = f.__name__
            periksa.PEMERIKSAAN[i] = kosong
    if sys.argv[1] == "bab":  # seperti kernel bab: tahun dan periode lain, nama argumen lain
        daftar = periksa.temuan(tahun=2025, periode="Triwulan II")
    else:
        daftar = resmi.daftar_temuan(2025)
    print(json.dumps([t.kode for t in daftar]))
""")


def _dijalankan(proses: subprocess.CompletedProcess) -> set[str]:
    """Nama pemeriksaan yang benar-benar dijalankan proses :data:`_SKRIP` (bukan dari memo)."""
    return {b.split()[1] for b in proses.stderr.splitlines() if b.startswith("DIJALANKAN ")}


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
    assert _dijalankan(kedua) == set()
    dibaca = set(jejak.read_text(encoding="utf-8").splitlines())
    assert str(akar / "data" / "lks.csv") in dibaca  # proses kedua tetap tercatat membaca berkasnya
    # kernel bab yang meminta tahun/periode dengan cara lain: pemeriksaan yang tidak bergantung padanya dari memo
    bab = subprocess.run([*jalan, "bab"], env=env, capture_output=True, text=True, timeout=300)
    assert bab.returncode == 0, bab.stderr
    assert _dijalankan(bab) == {"cek_parameter"}
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
    # hanya bagian narasi yang membaca lks.csv dijalankan ulang (kosong); cek_jumlah dan bagian narasi lain
    # (cek_narasi_asn: NARASI-ASN-PNS) dari memo
    assert _dijalankan(keempat) == {"cek_narasi_lks"}
    keempat = json.loads(keempat.stdout.strip().splitlines()[-1])
    assert "NARASI-ASN-PNS" in kode and "NARASI-ASN-PNS" in keempat and "JUMLAH-ASN-PNS" in keempat
    assert sorted(keempat) == sorted(k for k in json.loads(kode) if k not in {"NARASI-LKS", "NARASI-LKS-DAFTAR"})


def test_ubah_lks_hanya_menjalankan_ulang_bagian_narasi_lks(tmp_path, monkeypatch):
    """``iku render`` sesudah mengubah ``data/lks.csv``: dari pemeriksaan narasi hanya :func:`cek_narasi_lks` dihitung ulang.

    Bagian narasi lain (PNS, PPKS, target, keputusan, kemiskinan, tanggal...) tidak membaca ``lks.csv``,
    jadi diambil dari memo; hasilnya tetap sama dengan menjalankan :func:`periksa.cek_narasi` langsung.
    """
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(folder_data(), folder)
    monkeypatch.setenv(memo.ENV, str(tmp_path / "memo"))
    dijalankan: list[str] = []

    def pencatat(f):
        def catat(**k):
            dijalankan.append(f.__name__)
            return f(**k)

        catat.__name__ = f.__name__
        return catat

    monkeypatch.setattr(periksa, "PEMERIKSAAN", [pencatat(f) for f in periksa.PEMERIKSAAN])
    pertama = periksa.temuan(folder=folder)
    assert "cek_narasi_lks" in dijalankan and "cek_narasi" not in dijalankan  # gabungannya tidak terdaftar
    assert periksa.temuan(folder=folder) == pertama
    dijalankan.clear()
    lks = folder / "lks.csv"
    teks = lks.read_text(encoding="utf-8")
    assert "2025,9" in teks
    lks.write_text(teks.replace("2025,9", "2025,8"), encoding="utf-8")  # narasi 2.3.2 tetap 9 LKS
    kedua = periksa.temuan(folder=folder)
    assert [n for n in dijalankan if n.startswith("cek_narasi")] == ["cek_narasi_lks"]
    baru = {t.kode: t for t in kedua if t not in pertama}
    assert (baru["NARASI-LKS"].tercetak, baru["NARASI-LKS"].dihitung) == ("9", "8")
    assert [t for t in kedua if t.kode != "NARASI-LKS"] == pertama
    assert "NARASI-ASN-PNS" in {t.kode for t in kedua}  # dari memo (cek_narasi_asn tidak dijalankan ulang)
    assert [t for t in periksa.cek_narasi(folder=folder) if t.kode.startswith("NARASI-LKS")] == [baru["NARASI-LKS"]]


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


# ----------------------------------------------------------------------------
# hit yang murah tetap tidak pernah basi (issue 15)


def _tunggu_tidak_racy() -> None:
    """Tunggu sampai folder yang baru ditulis tidak lagi "racy" (berubah > 1 detik lalu): daftarnya boleh diingat."""
    import time

    time.sleep(memo._RACY_NS / 1e9 + 0.1)


@pytest.fixture
def dua_folder(tmp_path) -> tuple[Path, Path]:
    """Folder data kecil (dengan subfolder ``teks/2025``) dan folder parameter, waktu ubahnya sudah lama."""
    d, p = tmp_path / "data", tmp_path / "parameters"
    (d / "teks" / "2025").mkdir(parents=True)
    p.mkdir()
    (d / "lks.csv").write_text("tahun,jumlah\n2025,9\n", encoding="utf-8")
    (d / "teks" / "2025" / "pengantar.md").write_text("42.583 PPKS", encoding="utf-8")
    (p / "2025.yml").write_text("tahun: 2025\n", encoding="utf-8")
    _tunggu_tidak_racy()
    return d, p


def test_daftar_nama_dari_stat_folder_sama_dengan_os_walk(dua_folder):
    """Daftar yang diingat = daftar yang ditelusuri ulang; setiap entri yang muncul/hilang, di mana pun, terlihat."""
    d, _ = dua_folder
    pertama = memo._daftar_nama(str(d))
    assert str(d) in memo._DAFTAR  # diingat: semua folder sudah lama tidak berubah
    assert memo._daftar_nama(str(d)) == pertama
    semula = memo._DAFTAR.pop(str(d))
    assert memo._daftar_nama(str(d)) == pertama == semula[1]  # penelusuran ulang memberi sidik yang sama
    baru = d / "teks" / "2025" / "penutup.md"
    baru.write_text("35.005", encoding="utf-8")  # di subfolder terdalam: hanya waktu ubah folder itu yang berubah
    kedua = memo._daftar_nama(str(d))
    assert kedua != pertama
    baru.unlink()
    assert memo._daftar_nama(str(d)) == pertama
    (d / ".~lock.lks.csv#").write_text("", encoding="utf-8")  # berkas sementara penyunting tidak dihitung
    (d / "lks.csv~").write_text("", encoding="utf-8")
    assert memo._daftar_nama(str(d)) == pertama
    (d / "lks.csv").rename(d / "lks_lama.csv")
    assert memo._daftar_nama(str(d)) not in (pertama, kedua)


def test_daftar_nama_waktu_folder_dikembalikan_tetap_terlihat(dua_folder):
    """Penyunting/alat yang mengembalikan waktu ubah folder: ctime tetap berubah, jadi daftar dibaca ulang."""
    d, _ = dua_folder
    pertama = memo._daftar_nama(str(d))
    st = d.stat()
    (d / "psks.csv").write_text("tahun,jumlah\n", encoding="utf-8")
    os.utime(d, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert d.stat().st_mtime_ns == st.st_mtime_ns
    assert memo._daftar_nama(str(d)) != pertama


def test_daftar_nama_folder_yang_baru_berubah_tidak_diingat(tmp_path):
    """Folder yang berubah kurang dari satu detik lalu (waktu berbutir kasar): ditelusuri ulang setiap kali."""
    (tmp_path / "a.csv").write_text("x\n", encoding="utf-8")
    a = memo._daftar_nama(str(tmp_path))
    assert str(tmp_path) not in memo._DAFTAR
    (tmp_path / "b.csv").write_text("x\n", encoding="utf-8")
    assert memo._daftar_nama(str(tmp_path)) != a
    assert memo._daftar_nama(str(tmp_path / "tidak-ada")) is None


def test_berkas_muncul_di_data_menghitung_ulang_fungsi_daftar(dua_folder, monkeypatch):
    """``ingat(daftar=True)``: berkas yang muncul atau hilang di data/ (juga di subfolder) membuat kunci baru."""
    d, p = dua_folder
    monkeypatch.setenv("IKU_DATA", str(d))
    monkeypatch.setenv("IKU_ROOT", str(d.parent))
    panggilan = []

    @memo.ingat(daftar=True)
    def ada_psks() -> bool:
        panggilan.append(1)
        return (d / "psks.csv").exists()  # hanya memeriksa keberadaan: tidak tercatat sebagai bacaan

    assert (ada_psks(), ada_psks(), len(panggilan)) == (False, False, 1)
    (d / "psks.csv").write_text("tahun,jumlah\n2025,12\n", encoding="utf-8")
    assert (ada_psks(), len(panggilan)) == (True, 2)
    _tunggu_tidak_racy()
    assert (ada_psks(), ada_psks(), len(panggilan)) == (True, True, 2)
    assert str(d) in memo._DAFTAR  # daftar kini diingat menurut stat folder
    (d / "psks.csv").rename(d / "psks_lama.csv")  # daftar yang belum pernah dilihat: dihitung
    assert (ada_psks(), len(panggilan)) == (False, 3)
    (d / "psks_lama.csv").unlink()  # kembali ke daftar semula: entri pertama masih sah
    assert (ada_psks(), len(panggilan)) == (False, 3)
    (p / "2026.yml").write_text("tahun: 2026\n", encoding="utf-8")  # parameters/ juga
    assert (ada_psks(), len(panggilan)) == (False, 4)


def test_hit_mencatat_bacaan_seperti_hitungan(salinan_data, tmp_path, monkeypatch):
    """Hit mencatat ke ``$IKU_JEJAK`` setiap berkas yang dibaca hitungannya: sekali per berkas, sekali buka."""
    jejak = tmp_path / "jejak"
    monkeypatch.setenv("IKU_JEJAK", str(jejak))
    assert _lks_2025(salinan_data) == 9
    dihitung = jejak.read_text(encoding="utf-8").splitlines()
    assert str(salinan_data / "lks.csv") in dihitung
    jejak.write_text("", encoding="utf-8")  # dikosongkan (seperti berkas jejak bab baru): ditulis lagi
    assert _lks_2025(salinan_data) == 9
    dari_memo = jejak.read_text(encoding="utf-8").splitlines()
    assert set(dari_memo) == set(dihitung) and len(dari_memo) == len(set(dari_memo))
    assert _lks_2025(salinan_data) == 9  # jalur yang sudah tercatat di berkas ini tidak diulang
    assert jejak.read_text(encoding="utf-8").splitlines() == dari_memo
    # berkas jejak diganti (inode lain, ukuran lebih besar): dianggap baru, semuanya ditulis lagi
    pengganti = tmp_path / "jejak.baru"
    pengganti.write_text("x" * 10_000 + "\n", encoding="utf-8")
    os.replace(pengganti, jejak)
    assert _lks_2025(salinan_data) == 9
    assert set(jejak.read_text(encoding="utf-8").splitlines()[1:]) == set(dihitung)
    # berkas jejak lain: ditulis di sana juga
    lain = tmp_path / "jejak-lain"
    monkeypatch.setenv("IKU_JEJAK", str(lain))
    assert _lks_2025(salinan_data) == 9
    assert set(lain.read_text(encoding="utf-8").splitlines()) == set(dihitung)


def test_berkas_disunting_di_antara_dua_panggilan_terlihat(tmp_path):
    """Dua penulisan dalam detik yang sama, ukuran sama: hit kedua tetap menghitung ulang (berkas racy)."""
    masukan = tmp_path / "ppks.csv"
    masukan.write_text("42583", encoding="utf-8")
    panggilan = []

    @memo.ingat
    def baca(jalur: str) -> int:
        memo.catat(jalur)
        panggilan.append(1)
        return int(Path(jalur).read_text(encoding="utf-8"))

    assert baca(str(masukan)) == baca(str(masukan)) == 42583
    masukan.write_text("35005", encoding="utf-8")
    assert baca(str(masukan)) == 35005 and len(panggilan) == 2


def test_hasil_beku_dibagi_dangkal_yang_lain_disalin_dalam():
    import dataclasses

    temuan = periksa.Temuan("peringatan", "JUMLAH-ASN-PNS", "Tabel 2.2", "JUMLAH", "jumlah PNS", "22", "21", "+1",
                            "Σ baris")
    with pytest.raises(dataclasses.FrozenInstanceError):
        temuan.tercetak = "21"  # type: ignore[misc]
    panggilan = []

    @memo.ingat
    def daftar_temuan() -> list:
        panggilan.append(1)
        return [temuan]

    @memo.ingat
    def daftar_kamus() -> list:
        panggilan.append(1)
        return [{"pns": 22}]

    a = daftar_temuan()
    a.append("lain")  # wadah milik pemanggil: memo tidak berubah
    b = daftar_temuan()
    assert b == [temuan] and b[0] is temuan and b is not a
    k = daftar_kamus()
    k[0]["pns"] = 21  # isi yang dapat diubah: salinan dalam
    assert daftar_kamus() == [{"pns": 22}] and len(panggilan) == 2


def test_indeks_temuan_kode_mengikuti_isi_data(salinan_data):
    """``temuan_kode`` (indeks yang diingat) melihat angka tercetak yang disunting, seperti ``temuan``."""
    t = periksa.temuan_kode("JUMLAH-ASN-PNS", folder=salinan_data)
    assert (t.tercetak, t.dihitung, t.selisih) == ("22", "21", "+1")
    berkas = salinan_data / "dicetak.csv"
    teks = berkas.read_text(encoding="utf-8")
    baris = "asn.jumlah_pns.tabel_2_2,Tabel 2.2,\"baris JUMLAH, kolom PNS\",,,jumlah PNS,,22"
    assert baris in teks
    berkas.write_text(teks.replace(baris, baris[:-2] + "23"), encoding="utf-8")
    t = periksa.temuan_kode("JUMLAH-ASN-PNS", folder=salinan_data)
    assert (t.tercetak, t.selisih) == ("23", "+2")
    assert t == {x.kode: x for x in periksa.temuan(folder=salinan_data)}["JUMLAH-ASN-PNS"]
    berkas.write_text(teks.replace(baris, baris[:-2] + "21"), encoding="utf-8")
    assert periksa.temuan_kode("JUMLAH-ASN-PNS", folder=salinan_data) is None  # tercetak = dihitung


_SKRIP_AUDIT = textwrap.dedent("""
    import os, sys, time
    from analisis.core import memo
    d = sys.argv[1]
    time.sleep(1.1)  # folder tidak lagi "racy": daftarnya diingat
    terlihat = []
    sys.addaudithook(lambda e, a: terlihat.append(os.path.abspath(a[0])) if e == "os.scandir" else None)
    hasil = []
    for i in range(2):
        terlihat.clear()
        memo._daftar_nama(d)
        hasil.append(sorted(set(terlihat)))
    print(d in memo._DAFTAR, hasil[0] == hasil[1], hasil[1] == sorted([d, os.path.join(d, "teks")]))
""")


def test_daftar_dari_ingatan_tetap_terlihat_kait_audit(tmp_path):
    """Kait audit kernel bab mencatat folder yang didaftar; daftar yang diingat tetap membuka folder yang sama."""
    d = tmp_path / "data"
    (d / "teks").mkdir(parents=True)
    (d / "lks.csv").write_text("x\n", encoding="utf-8")
    env = {**os.environ, "IKU_JEJAK": str(tmp_path / "jejak"), "PYTHONPATH": str(SRC)}
    r = subprocess.run([sys.executable, "-c", _SKRIP_AUDIT, str(d)], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True", "True", "True"]


def test_akar_ikut_iku_root_dan_folder_kerja(tmp_path, monkeypatch):
    from analisis.core import paths

    a, b = tmp_path / "a", tmp_path / "b"
    for akar in (a, b):
        (akar / "data").mkdir(parents=True)
        (akar / "parameters").mkdir()
    tautan = tmp_path / "ruang"
    tautan.symlink_to(a)
    monkeypatch.setenv("IKU_ROOT", str(tautan))
    assert paths.akar() == a.resolve() and paths.folder_data() == a.resolve() / "data"
    tautan.unlink()
    tautan.symlink_to(b)  # tautan yang sama menunjuk ruang kerja lain
    assert paths.akar() == b.resolve() and paths.folder_parameter() == b.resolve() / "parameters"
    monkeypatch.delenv("IKU_ROOT")
    monkeypatch.delenv("IKU_DATA", raising=False)
    (a / "notebooks" / "x").mkdir(parents=True)
    monkeypatch.chdir(a / "notebooks" / "x")
    assert paths.akar() == a.resolve()
    (a / "notebooks" / "data").mkdir()
    assert paths.akar() == a.resolve()  # parameters/ belum ada di notebooks/
    (a / "notebooks" / "parameters").mkdir()
    assert paths.akar() == (a / "notebooks").resolve()
