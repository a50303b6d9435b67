"""Penomoran tabel/gambar oleh mesin dokumen: urut baca per BAB, rujukan mengikuti."""

from __future__ import annotations

import re

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

from analisis.core.kesalahan import KesalahanRender
from analisis.document import render
from analisis.document.penomoran import nomori


def _gambar(label: str, judul: str = "Grafik") -> str:
    return (f'<figure class="grafik" id="gambar-{label}"><svg></svg><figcaption>'
            f'<span class="nomor" data-jenis="gambar" data-label="{label}">Gambar [{label}]</span> {judul}'
            "</figcaption></figure>")


def _tabel(label: str, judul: str = "Tabel") -> str:
    return (f'<table id="tabel-{label}"><caption><span class="nomor" data-jenis="tabel" data-label="{label}">'
            f"Tabel [{label}]</span> {judul}</caption><tbody><tr><td>1</td></tr></tbody></table>")


def _rujuk(jenis: str, label: str) -> str:
    return (f'<a class="rujukan" href="#{jenis}-{label}" data-jenis="{jenis}" data-label="{label}">'
            f"{jenis.title()} [{label}]</a>")


def _dokumen(sisipan: bool) -> list[tuple[str, str]]:
    bab2 = ("<h1>BAB II GAMBARAN UMUM</h1><h2>2.1 Tugas</h2>"
            + _tabel("pegawai") + "<h2>2.2 Kinerja</h2>"
            + ("<p>Grafik baru:</p>" + _gambar("baru") if sisipan else "")
            + _gambar("lks") + _gambar("pas")
            + f"<p>{_rujuk('gambar', 'pas')} dan @gambar:lks menunjukkan; lihat juga @tabel:iku.</p>")
    bab3 = ("<h1>BAB III EVALUASI</h1><p>Sebelum bagian: @gambar:pas.</p><h2>4.1 Capaian</h2>"
            + _tabel("iku") + _gambar("capaian") + "<h2>4.2 Analisis</h2>" + _tabel("ikk"))
    lampiran = "<h1>LAMPIRAN</h1><h2>Lampiran 2 Pohon Kinerja</h2>" + _gambar("pohon") + _tabel("kode")
    return [("02_gambaran_umum.ipynb", bab2), ("03_evaluasi.ipynb", bab3), ("06_lampiran.ipynb", lampiran)]


def _nomor(html: str) -> list[str]:
    return re.findall(r'<span class="nomor"[^>]*>([^<]*)</span>', html)


def _rujukan(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="rujukan" href="#([^"]+)"[^>]*>([^<]*)</a>', html)


def test_nomor_urut_per_bab_seperti_sumber():
    hasil, daftar = nomori(_dokumen(sisipan=False))
    assert _nomor(hasil[0]) == ["Tabel 2.1", "Gambar 2.1", "Gambar 2.2"]
    assert _nomor(hasil[1]) == ["Tabel 4.1", "Gambar 4.1", "Tabel 4.2"]
    assert _nomor(hasil[2]) == ["Gambar L2.1", "Tabel L2.1"]
    assert _rujukan(hasil[0]) == [("gambar-pas", "Gambar 2.2"), ("gambar-lks", "Gambar 2.1"), ("tabel-iku", "Tabel 4.1")]
    assert _rujukan(hasil[1]) == [("gambar-pas", "Gambar 2.2")]
    assert [(b.label, b.nomor, b.judul) for b in daftar][:2] == [("pegawai", "2.1", "Tabel"), ("lks", "2.1", "Grafik")]
    assert "[" not in "".join(_nomor("".join(hasil)))


def test_sisipan_grafik_menomori_ulang_yang_sesudahnya_dan_rujukan_mengikuti():
    sebelum, _ = nomori(_dokumen(sisipan=False))
    sesudah, _ = nomori(_dokumen(sisipan=True))
    assert _nomor(sesudah[0]) == ["Tabel 2.1", "Gambar 2.1", "Gambar 2.2", "Gambar 2.3"]
    assert _rujukan(sebelum[0])[:2] == [("gambar-pas", "Gambar 2.2"), ("gambar-lks", "Gambar 2.1")]
    assert _rujukan(sesudah[0])[:2] == [("gambar-pas", "Gambar 2.3"), ("gambar-lks", "Gambar 2.2")]
    assert _rujukan(sesudah[1]) == [("gambar-pas", "Gambar 2.3")]
    # nomor BAB lain tidak bergeser
    assert [_nomor(h) for h in sebelum[1:]] == [_nomor(h) for h in sesudah[1:]]
    assert sebelum[2] == sesudah[2]


def test_rujukan_ke_label_yang_tidak_ada_gagal_menyebut_bab_dan_label():
    bab = _dokumen(False)
    bab[1] = (bab[1][0], bab[1][1] + "<p>lihat @tabel:tidak-ada</p>")
    with pytest.raises(KesalahanRender, match=r"03_evaluasi\.ipynb merujuk tabel 'tidak-ada'") as e:
        nomori(bab)
    assert e.value.berkas == "03_evaluasi.ipynb"


def test_render_sebagian_merujuk_bab_lain_dari_penomoran_dokumen_utuh():
    """Hanya BAB II yang dirender: rujukan ke Tabel 4.1 (BAB III) diisi dari penomoran dokumen utuh terakhir."""
    from analisis.document.penomoran import dari_json, ke_json

    utuh, daftar = nomori(_dokumen(True))
    luar = dari_json(ke_json(daftar))
    assert luar[("tabel", "iku")] == "4.1" and luar[("gambar", "lks")] == "2.2"
    hasil, sebagian = nomori(_dokumen(True)[:1], luar)
    # label di bagian yang dirender tetap bernomor dan bertaut menurut bagian itu sendiri
    assert _rujukan(hasil[0]) == [("gambar-pas", "Gambar 2.3"), ("gambar-lks", "Gambar 2.2")]
    # label di bab lain: teks bernomor dari dokumen utuh, tanpa tautan ke id yang tidak ada di dokumen ini
    assert ('<span class="rujukan-luar" data-jenis="tabel" data-label="iku">Tabel 4.1</span>' in hasil[0]
            and 'href="#tabel-iku"' not in hasil[0])
    assert [b.label for b in sebagian] == ["pegawai", "baru", "lks", "pas"]
    # label yang tidak ada di mana pun tetap gagal, juga dengan penomoran luar
    with pytest.raises(KesalahanRender, match="merujuk tabel 'salah-ketik'"):
        nomori([("02_gambaran_umum.ipynb", "<h2>2.1 A</h2><p>@tabel:salah-ketik</p>")], luar)


def test_label_ganda_gagal():
    bab = _dokumen(False)
    bab[2] = (bab[2][0], bab[2][1] + _gambar("lks"))
    with pytest.raises(KesalahanRender, match=r"06_lampiran\.ipynb: label gambar 'lks' dipakai dua kali \(juga di 02_gambaran_umum"):
        nomori(bab)


def test_nomor_ketikan_lama_dibiarkan_dan_ikut_dihitung():
    html = ('<h2>2.1 A</h2><table><caption><span class="nomor">Tabel 2.1</span> Lama</caption></table>'
            + _tabel("baru"))
    [hasil], daftar = nomori([("x.ipynb", html)])
    assert _nomor(hasil) == ["Tabel 2.1", "Tabel 2.2"]
    assert [b.nomor for b in daftar] == ["2.2"]


def test_token_bukan_rujukan_tidak_disentuh():
    html = "<h2>2.1 A</h2>" + _tabel("t") + "<p>surel a@tabel:t, kata @tabelx, @tabel:t.</p>"
    [hasil], _ = nomori([("x.ipynb", html)])
    assert "a@tabel:t" in hasil and "@tabelx" in hasil
    assert hasil.endswith('<a class="rujukan" href="#tabel-t" data-jenis="tabel" data-label="t">Tabel 2.1</a>.</p>')


def test_rakit_dokumen_menomori_dan_caption_tetap_caption():
    penggalan = [render.Penggalan(b, h) for b, h in _dokumen(sisipan=True)]
    dokumen, _ = render.rakit_dokumen(penggalan, tahun=2025, periode="Tahunan", instansi={})
    assert "<caption><span class=\"nomor\" data-jenis=\"tabel\" data-label=\"iku\" data-nomor=\"4.1\">Tabel 4.1</span>" in dokumen
    assert "<figcaption><span class=\"nomor\" data-jenis=\"gambar\" data-label=\"pas\" data-nomor=\"2.3\">Gambar 2.3</span>" in dokumen
    assert "@gambar:" not in dokumen and "[pas]" not in dokumen


def test_rakit_dokumen_edisi_kedua_sama_dan_penggalan_salah_tetap_ditolak():
    """Pemeriksaan penggalan dan ``rapikan`` disimpan untuk edisi kedua; yang gagal tidak pernah disimpan."""
    from markupsafe import Markup

    from analisis.document.tata_letak import rapikan

    penggalan = [render.Penggalan(b, h) for b, h in _dokumen(sisipan=True)]
    pertama, _ = render.rakit_dokumen(penggalan, tahun=2025, periode="Tahunan", instansi={}, edisi="reviu")
    kedua, _ = render.rakit_dokumen(penggalan, tahun=2025, periode="Tahunan", instansi={}, edisi="reviu")
    assert kedua == pertama
    buruk = [render.Penggalan("02_x.ipynb", '<h2>2.1 A</h2><p><img src="https://contoh.id/a.png"></p>')]
    for _ in range(2):
        with pytest.raises(KesalahanRender, match="02_x.ipynb"):
            render.rakit_dokumen(buruk, tahun=2025, periode="Tahunan", instansi={})
    # hasil tersimpan rapikan tetap mengikuti jenis masukan (Markup di templat, str di luar)
    assert type(rapikan(Markup("<p>95,76 %</p>"))) is Markup
    assert type(rapikan("<p>95,76 %</p>")) is str and rapikan("<p>95,76 %</p>") == "<p>95,76\xa0%</p>"


def test_rakit_dokumen_rujukan_salah_gagal():
    penggalan = [render.Penggalan("02_x.ipynb", "<h2>2.1 A</h2><p>@gambar:hilang</p>")]
    with pytest.raises(KesalahanRender, match="02_x.ipynb merujuk gambar 'hilang'"):
        render.rakit_dokumen(penggalan, tahun=2025, periode="Tahunan", instansi={})


@pytest.mark.lambat
def test_dokumen_2025_bernomor_urut_dan_semua_rujukan_terisi(tmp_path_factory):
    from analisis.document.penomoran import nomor_tidak_urut

    # naskah reviu 2025 dari render bersama per sesi (tests/tata_letak_ukur.py), bukan render tersendiri
    hasil = ukur.render_bersama(2025, tmp_path_factory)
    dok = hasil.html.read_text(encoding="utf-8")
    nomor = re.findall(r'<(?:caption|figcaption)\b[^>]*>\s*<span class="nomor"[^>]*>([^<]*)</span>', dok)
    assert len(nomor) > 30 and "Tabel 2.1" in nomor and "Gambar 2.1" in nomor and "Tabel 4.1" in nomor
    assert nomor_tidak_urut(dok) == []
    # lampiran tanpa nomor ketikan: awalan dari judul "Lampiran 1"/"Lampiran 2" (L1.1; CSF empat tahap L2.1–L2.4)
    assert 'data-label="lampiran-iku" data-nomor="L1.1">Tabel L1.1</span>' in dok
    assert [n for n in nomor if n.startswith("Tabel L2.")] == [f"Tabel L2.{i}" for i in range(1, 5)]
    # tidak ada keterangan atau rujukan yang belum terisi
    assert not re.search(r"(?:Tabel|Gambar) \[[^\]]*\]", dok) and not re.search(r"@(?:tabel|gambar):", dok)
    # setiap rujukan menunjuk ke id yang ada
    ada = set(re.findall(r'\sid="([^"]+)"', dok))
    rujukan = re.findall(r'<a class="rujukan" href="#([^"]+)"', dok)
    assert rujukan and set(rujukan) <= ada
