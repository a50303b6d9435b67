"""Lampiran temuan edisi reviu berbicara tentang yang ditampilkan naskahnya (issue 12 §3).

- Temuan tentang masukan tahun dokumen dan data yang dipakai setiap tahun selalu dicantumkan;
  temuan yang terikat tahun lain hanya bila angkanya ditandai di naskah itu
  (:func:`analisis.document.edisi.saring_temuan`).
- Setiap penanda temuan di badan naskah punya baris tujuannya di lampiran (2024, 2025, 2026).
- ``iku periksa --tahun T`` mencantumkan himpunan yang sama dengan status keputusannya;
  tanpa ``--tahun`` semua temuan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

from analisis import cli
from analisis.chapters import catatan_pemeriksaan as bab
from analisis.core import periksa
from analisis.document import edisi, render


def _penanda(kode: str) -> str:
    return (f'<span class="temuan" data-kode="{kode}" title="x">1<a class="ke-temuan" href="#temuan-{kode}">'
            f'[{kode}]</a></span>')


# --- cepat ----------------------------------------------------------------------------


def test_pisah_temuan_2024_meninggalkan_narasi_2025():
    sendiri, lain = bab.pisah_temuan(periksa.temuan(tahun=2024), 2024)
    kode_lain = {t.kode for t in lain}
    assert {"PENURUNAN-PPKS-2025-JIWA", "PENURUNAN-PPKS-2025-PERSEN", "TARGET-IKU-02-NARASI-2025"} <= kode_lain
    kode = {t.kode for t in sendiri}
    # masukan 2024 sendiri dan data yang dipakai setiap tahun
    assert {"KATEGORI-SPM-2024-1", "PENURUNAN-PPKS-2024-JIWA", "REALISASI-2024-SEBAGIAN", "JUMLAH-ASN-PNS",
            "ARAH-TARGET-IKK-24"} <= kode
    assert not kode & kode_lain


def test_saring_mempertahankan_temuan_tahun_lain_yang_ditandai():
    lain = [periksa.Temuan("peringatan", k, "Tabel 2.10", "baris 1", "b", "A", "B", "beda", "aturan")
            for k in ("KATEGORI-SPM-2024-1", "PENURUNAN-PPKS-2026-JIWA")]
    lampiran = bab.tempat_ringkas_tahun_lain(2025, lain) + bab.tabel_temuan_tahun_lain(2025, lain).html()
    badan = f"<p>Kategori {_penanda('KATEGORI-SPM-2024-1')}</p>"
    _, hasil = edisi.saring_temuan([badan, lampiran])
    assert 'id="temuan-KATEGORI-SPM-2024-1"' in hasil
    assert "PENURUNAN-PPKS-2026-JIWA" not in hasil
    assert "1 temuan tentang tahun selain 2025 tidak dicantumkan" in hasil
    # tanpa penanda: tabel tahun lain hilang seluruhnya, kalimat menyebut keduanya
    _, kosong = edisi.saring_temuan(["<p>tanpa penanda</p>", lampiran])
    assert "tabel-catatan-pemeriksaan-tahun-lain" not in kosong and "<table" not in kosong
    assert "2 temuan tentang tahun selain 2025 tidak dicantumkan" in kosong


def test_penggalan_edisi_reviu_menyaring_lintas_bab():
    lain = [periksa.Temuan("peringatan", "PENURUNAN-PPKS-2025-JIWA", "BAB II 2.4", "", "", "1", "2", "+1", "a")]
    p = [render.Penggalan("03_a.ipynb", "<p>tanpa penanda</p>"),
         render.Penggalan("07_c.ipynb", bab.tempat_ringkas_tahun_lain(2024, lain) + bab.tabel_temuan_tahun_lain(2024, lain).html())]
    reviu = render.penggalan_edisi(p, "reviu", {"07_c.ipynb": ("reviu",)})
    assert "PENURUNAN-PPKS-2025-JIWA" not in reviu[1].html
    assert "1 temuan tentang tahun selain 2024 tidak dicantumkan" in reviu[1].html


def test_iku_periksa_tahun_sama_dengan_lampiran(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "2024"
    folder.mkdir()
    (folder / "IKU-2024-reviu.html").write_text(f"<p>{_penanda('KATEGORI-SPM-2024-1')}</p>", encoding="utf-8")
    monkeypatch.setenv("IKU_RENDERED", str(tmp_path))
    kode = cli.main(["periksa", "--tahun", "2024"])
    keluar = capsys.readouterr().out
    assert kode == 0
    assert "6 temuan tentang tahun lain tidak dicantumkan" in keluar
    assert "PENURUNAN-PPKS-2025-JIWA" not in keluar and "KATEGORI-SPM-2024-1" in keluar
    assert "keputusan" in keluar.splitlines()[[i for i, b in enumerate(keluar.splitlines()) if "keparahan" in b][0]]
    csv = (tmp_path / "pemeriksaan" / "2024" / "temuan.csv").read_text(encoding="utf-8")
    assert "PENURUNAN-PPKS-2025" not in csv
    assert "JUMLAH-ASN-PNS" in csv and "tercetak (Sub Bagian Perencanaan, 2025-09-22)" in csv  # status keputusan
    # tanpa --tahun: semua temuan, termasuk narasi 2025
    assert cli.main(["periksa"]) == 0
    assert "PENURUNAN-PPKS-2025-JIWA" in capsys.readouterr().out


def test_catatan_penomoran_dari_data(salinan_data):
    """Perbedaan nomor dihitung dari keterangan tercetak (data/dicetak.csv, baris nomor.*), bukan diketik."""
    d = bab.nomor_sumber()
    assert len(d) == 16 and d.loc[d["label"] == "asn", "tercetak"].item() == "Tabel 2.2"
    k = bab.kalimat_penomoran(d)
    assert "tercetak sebagai Tabel 2.1, padahal isinya gambar" in k and "nomor Tabel 2.9 tidak terdapat" in k
    assert "@tabel:nomor-sumber" in k  # nomor naskah diisi mesin dokumen
    # keterangan Tabel 2.9 ditambahkan ke data: kalimat tidak lagi menyebut nomor yang terlompati
    with (salinan_data / "dicetak.csv").open("a", encoding="utf-8") as f:
        f.write('nomor.tabel.rencana-aksi,Tabel 2.9,"keterangan ""Rencana Aksi""",,,nomor keterangan,,Tabel 2.9\n')
    k2 = bab.kalimat_penomoran(bab.nomor_sumber(salinan_data))
    assert "2.9" not in k2 and "Tabel 2.1, padahal isinya gambar" in k2


def test_padanan_nomor_untuk_tabel_yang_tidak_ditampilkan():
    h = bab.tabel_nomor_sumber(bab.nomor_sumber()).html()
    ada = '<table><caption><span class="nomor" data-jenis="tabel" data-label="asn">Tabel [asn]</span></caption></table>'
    _, hasil = edisi.saring_temuan([ada, h])
    assert "@tabel:asn" in hasil and "@tabel:ppks-pas" not in hasil
    assert hasil.count("tidak ditampilkan naskah ini") == 15  # 16 keterangan tercetak, hanya asn di naskah contoh


# --- lambat: naskah reviu tiga tahun ---------------------------------------------------------


@pytest.fixture(scope="module")
def naskah(tmp_path_factory):
    """Naskah reviu satu tahun ketika pertama diminta (satu tahun yang gagal tidak menggagalkan yang lain).

    Naskahnya dari render bersama per sesi (``tata_letak_ukur.render_bersama``, dipakai juga
    tests/test_dokumen.py dan tests/test_tata_letak.py), bukan render tersendiri.
    """
    simpan: dict[int, str] = {}

    def ambil(tahun: int) -> str:
        if tahun not in simpan:
            simpan[tahun] = ukur.edisi_bersama(tahun, "reviu", tmp_path_factory).html.read_text(encoding="utf-8")
        return simpan[tahun]

    return ambil


@pytest.mark.lambat
@pytest.mark.parametrize("tahun", [2024, 2025, 2026])
def test_setiap_penanda_punya_baris_lampiran(naskah, tahun):
    h = naskah(tahun)
    penanda = edisi.kode_temuan(h)
    assert penanda, f"naskah {tahun} tanpa penanda temuan"
    jangkar = set(re.findall(r'<tr[^>]* id="temuan-([^"]+)"', h))
    hilang = [k for k in penanda if k not in jangkar]
    assert not hilang, f"penanda tanpa baris lampiran di naskah {tahun}: {hilang}"
    # dan lampiran tidak memuat temuan tahun lain yang tidak ditandai
    tahun_lain = {k for k in jangkar if (th := bab.tahun_temuan(periksa.Temuan("info", k, "", "", "", "", "", "", ""))) is not None
                  and th != tahun}
    assert tahun_lain <= set(penanda)
    # iku periksa --tahun: himpunan yang sama
    daftar, _ = edisi.temuan_naskah(tahun, html=h)
    assert {t.kode for t in daftar} == jangkar


@pytest.mark.lambat
def test_naskah_2024_tanpa_temuan_narasi_2025(naskah):
    h = naskah(2024)
    assert "PENURUNAN-PPKS-2025" not in h and "TARGET-IKU-02-NARASI-2025" not in h
    assert re.search(r"\d+ temuan tentang tahun selain 2024 tidak dicantumkan", h)


@pytest.mark.lambat
def test_naskah_2025_mencantumkan_kategori_spm_2024_yang_ditampilkan(naskah):
    h = naskah(2025)
    assert 'data-kode="KATEGORI-SPM-2024-1"' in h
    assert '<tr class="temuan-tahun-lain" id="temuan-KATEGORI-SPM-2024-1">' in h
