"""Setiap edisi berbicara tentang tahunnya sendiri (issue 12 §3–4).

- Narasi milik satu tahun (``data/teks/<tahun>/``) tidak pernah tampil di edisi tahun lain: edisi 2024 dan 2026
  tidak memuat paragraf masukan 2025 (faktor penurunan PPKS, tindak lanjut LHE SAKIP).
- Data sesudah periode dokumen tidak dipakai: edisi 2024 tidak menyajikan rincian PAS Triwulan I 2025.
- IKK-24 dievaluasi sebagai rasio Σ PPKS N / Σ PPKS N−1 × 100, makin rendah makin baik (target 95 → 75).

Untuk 2024 dan 2026 diperiksa buku bab yang dieksekusi oleh render bersama per tahun
(``tata_letak_ukur.render_bersama``, dipakai juga tests/test_tata_letak.py dan tests/test_dokumen.py):
``rendered/<tahun>/dieksekusi/*.ipynb`` adalah keluaran papermill ``iku render`` itu sendiri.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tata_letak_ukur as ukur  # dimuat tests/conftest.py

from analisis.core import data, kinerja, rumus
from analisis.chapters import evaluasi_iku, evaluasi_iku_ikk_spm, gambaran_umum

AKAR = Path(__file__).resolve().parents[1]
BAB = ("02_gambaran_umum", "03_evaluasi_iku", "03_evaluasi_iku_ikk_spm")


def _paragraf_2025() -> list[str]:
    """Awal setiap paragraf masukan tahun 2025 (data/teks/2025/*.md), cukup panjang untuk khas."""
    hasil = []
    for jalur in sorted((AKAR / "data" / "teks" / "2025").glob("*.md")):
        for blok in jalur.read_text(encoding="utf-8").split("\n\n"):
            blok = " ".join(blok.split())
            if len(blok) > 60:
                hasil.append(blok[:60])
    return hasil


def _teks_keluaran(tahun: int, tmp_path_factory) -> str:
    """Teks yang tampil dari buku :data:`BAB` yang dieksekusi render bersama tahun ``tahun``."""
    import nbformat

    hasil = ukur.render_bersama(tahun, tmp_path_factory)
    bagian = []
    for nama in BAB:
        keluar = hasil.html.parent / "dieksekusi" / f"{nama}.ipynb"
        nb = nbformat.read(keluar, as_version=4)
        parameter = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
        assert f"tahun = {tahun}" in parameter.source, parameter.source  # buku tahun ini, bukan tahun lain
        for c in nb.cells:
            if "eksplorasi" in c.get("metadata", {}).get("tags", []):
                continue
            if c.cell_type == "markdown":
                bagian.append(c.source)
            for o in c.get("outputs", []):
                d = o.get("data", {})
                bagian.append(d.get("text/html", "") or d.get("text/markdown", ""))
    teks = re.sub(r"<svg.*?</svg>", " ", "\n".join(bagian), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", teks).split())


# --- cepat: fungsi bab -----------------------------------------------------------


def test_paragraf_2025_ada_sebagai_masukan():
    assert len(_paragraf_2025()) >= 3  # faktor penurunan (2 paragraf) dan tindak lanjut LHE


@pytest.mark.parametrize("tahun", [2024, 2026, 2027])
def test_narasi_tahun_lain_tidak_dipinjam(tahun):
    h = (evaluasi_iku.faktor_penurunan(tahun).data + evaluasi_iku.tindak_lanjut_sakip(tahun).data
         + evaluasi_iku.narasi_sakip(tahun).data)
    for p in _paragraf_2025():
        assert p not in " ".join(h.split())
    assert f"data/teks/{tahun}/evaluasi_faktor_penurunan.md" in h  # tempat kosong edisi reviu
    assert h.count('class="reviu-saja') >= 2


def test_tahun_2025_memakai_masukannya():
    assert evaluasi_iku.faktor_penurunan(2025).data.startswith("Penurunan jumlah PPKS yang signifikan")
    assert "Perencanaan Kinerja" in evaluasi_iku.tindak_lanjut_sakip(2025).data


def test_edisi_2024_tanpa_data_triwulan_i_2025():
    assert gambaran_umum.pilih_periode_pas(2024) is None
    assert gambaran_umum.rincian_pas(2024).empty
    assert "2025" not in gambaran_umum.kalimat_ppks(gambaran_umum.evaluasi_ppks(2024), gambaran_umum.rincian_pas(2024), 2024)
    assert "Triwulan I" not in gambaran_umum.tabel_ppks_pas(gambaran_umum.rincian_pas(2024), 2024).data
    assert gambaran_umum.psks(2024).empty and "2025" not in gambaran_umum.tabel_psks(gambaran_umum.psks(2024), 2024).data


def test_ikk24_rasio_makin_rendah_makin_baik():
    """IKK-24: rasio Σ PPKS 2024 / Σ PPKS 2023 = 43.746 / 50.001 = 87,49 %; 2025 TW I: 42.583 / 43.746 = 97,34 %
    terhadap target 95 (Tabel 4.2), polaritas negatif: (2 × 95 − 97,34) / 95 = 97,54 %."""
    ind = data.muat("indikator").set_index("kode")
    assert ind.loc["IKK-24", ["rumus", "polaritas", "realisasi_dari"]].tolist() == ["rasio", "negatif", "rasio_ppks"]
    assert ind.loc["IKK-24", "pembilang"] == "Σ PPKS terdata tahun N"
    e24 = kinerja.evaluasi_indikator(2024, jenis=("IKK",)).set_index("kode").loc["IKK-24"]
    assert round(e24["realisasi"], 2) == 87.49
    e = kinerja.evaluasi_indikator(2025, "Triwulan I", jenis=("IKK",)).set_index("kode").loc["IKK-24"]
    assert round(e["realisasi"], 2) == 97.34 and e["target"] == 95
    assert round(e["capaian"], 2) == 97.54 == round(rumus.capaian(42583 / 43746 * 100, 95, "negatif"), 2)
    assert e["tercapai"] is False or not e["tercapai"]
    # rasio di bawah target = lebih baik dari target
    assert rumus.capaian(90, 95, "negatif") > 100
    w = evaluasi_iku_ikk_spm.peringatan_dini(2025).set_index("kode")
    assert w.loc["IKK-24", "alasan"] == "realisasi s.d. Triwulan I 2025 sebesar 97,34 % masih di atas batas target tahunan 95 %"


def test_setiap_indikator_rasio_menyebut_pembilang_dan_penyebut_do():
    ind = data.muat("indikator").set_index("kode")
    do = data.muat("definisi_operasional").set_index("kode")
    for kode, r in ind.iterrows():
        assert kode in do.index
        if r["rumus"] in ("persentase", "rasio", "penurunan"):
            assert isinstance(r["pembilang"], str) and isinstance(r["penyebut"], str), kode
    assert ind.loc["IKK-13", ["pembilang", "penyebut"]].tolist() == [
        "Σ kecamatan yang melaksanakan pengelolaan dan pendataan data fakir miskin", "Σ kecamatan di kabupaten"]
    assert set(ind.loc[ind["rumus"] == "cacah"].index) == {f"IKK-{i}" for i in range(19, 24)}


# --- lambat: buku bab yang dieksekusi render bersama ------------------------------------------


@pytest.mark.lambat
@pytest.mark.parametrize("tahun", [2024, 2026])
def test_edisi_tidak_memuat_bahan_tahun_lain(tahun, tmp_path_factory):
    teks = _teks_keluaran(tahun, tmp_path_factory)
    for p in _paragraf_2025():
        assert p not in teks, f"paragraf masukan 2025 tampil di edisi {tahun}: {p!r}"
    assert "Penurunan jumlah PPKS yang signifikan" not in teks
    assert "LHE SAKIP Dinas Sosial tahun 2024" not in teks
    if tahun == 2024:
        assert not re.search(r"Triwulan I (?:Tahun )?2025|2025 \(TW I\)", teks)
        assert "12 PAS (Pemerlu Atensi Sosial)" not in teks  # tabel rincian PAS tidak disajikan
    assert f"data/teks/{tahun}/evaluasi_faktor_penurunan.md" in teks  # tempat kosong edisi reviu
