"""Impor yang mahal tetap di luar kernel bab dan proses ``iku``.

Mengimpor ``nbconvert.filters.markdown`` di kernel menarik nbformat, jsonschema
dan ``rfc3987_syntax`` (±3 s per kernel); proses ``iku`` memuat papermill, yang
menarik jsonschema yang sama (``mesin.tanpa_rfc3987_syntax`` mencegah yang
terakhir). Tes ini menjaga bahwa bab tidak memerlukannya, bahwa HTML paragraf
lanskap tetap sama dengan filter Markdown nbconvert, dan bahwa nbformat tetap
memvalidasi buku catatan tanpa ``rfc3987_syntax``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from nbconvert.filters.markdown import markdown2html

from analisis.core import paths
from analisis.presentation import tabel

AKAR = paths.akar()


def _paragraf_teks() -> list[str]:
    hasil = []
    for berkas in sorted((AKAR / "data" / "teks").rglob("*.md")):
        hasil += [p for p in berkas.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return hasil


def test_paragraf_lanskap_sama_dengan_filter_nbconvert():
    paragraf = _paragraf_teks()
    assert len(paragraf) > 50  # seluruh narasi data/teks, bukan contoh buatan
    beda = [p for p in paragraf if tabel._markdown_html(p) != markdown2html(p)]
    assert beda == []
    assert tabel.pengantar_lanskap("Rincian **IKU** ~~lama~~ sebagai berikut :") == (
        '<div class="lanskap"><p>Rincian <strong>IKU</strong> <del>lama</del> sebagai berikut :</p></div>')


def _jalankan(kode: str) -> str:
    p = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=AKAR, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


@pytest.mark.lambat
def test_bab_tidak_memuat_nbformat_maupun_jsonschema():
    keluaran = _jalankan(
        "import sys\n"
        "from analisis.chapters import gambaran_umum, penetapan_iku, evaluasi_iku, evaluasi_iku_ikk_spm, cascading\n"
        "penetapan_iku.pengantar_do()\n"
        "gambaran_umum.pengantar('kemiskinan', lanskap=True)\n"
        "print(sorted(m for m in ('nbformat', 'jsonschema', 'nbconvert', 'rfc3987_syntax') if m in sys.modules))")
    assert keluaran == "[]"


@pytest.mark.lambat
def test_tanpa_rfc3987_nbformat_tetap_memvalidasi_buku():
    keluaran = _jalankan(
        "import sys\n"
        "from analisis.document.mesin import tanpa_rfc3987_syntax\n"
        "tanpa_rfc3987_syntax()\n"
        "import nbformat, papermill\n"
        "nb = nbformat.read('notebooks/02_gambaran_umum.ipynb', as_version=4)\n"
        "nbformat.validate(nb)\n"
        "nb.cells[0]['cell_type'] = 'bukan'\n"
        "try:\n"
        "    nbformat.validate(nb)\n"
        "except nbformat.ValidationError:\n"
        "    print('ditolak')\n"
        "print(sys.modules['rfc3987_syntax'])\n"
        "print(sorted(m for m in ('arrow', 'isoduration', 'rfc3986_validator', 'webcolors') if sys.modules.get(m)))")
    assert keluaran.splitlines()[-3:] == ["ditolak", "None", "[]"]


@pytest.mark.lambat
def test_praimpor_kernel_mendaftarkan_backend_pandera_tanpa_hypothesis():
    """PRAIMPOR kernel: validasi pandera pertama tidak lagi memuat hypothesis (±0,1 s), dan hypothesis tetap bisa diimpor."""
    keluaran = _jalankan(
        "import sys\n"
        "from analisis.document.pratinjau import PRAIMPOR\n"
        "ns = {}\n"
        "exec(PRAIMPOR, ns)\n"
        "print('hypothesis' in sys.modules, sorted(k for k in ns if not k.startswith('__')))\n"
        "from analisis.core import skema\n"
        "from pathlib import Path\n"
        "df = skema.baca_csv(Path('data/lks.csv'), skema.SKEMA['lks'])\n"
        "skema._validasi_pandera(df, skema.SKEMA['lks'], 'lks.csv')  # juga bila memo validasi sudah ada\n"
        "print(int(df.loc[df['tahun'] == 2025, 'jumlah'].iloc[0]), 'hypothesis' in sys.modules)\n"
        "import hypothesis\n"
        "print(type(hypothesis.given).__name__)")
    assert keluaran.splitlines() == [
        "False ['matplotlib', 'mistune', 'pandas', 'pandera', 'pydantic', 'yaml']",
        "9 False",  # Tabel 2.7: 9 LKS tahun 2025, divalidasi tanpa memuat hypothesis
        "function",
    ]


@pytest.mark.lambat
def test_pemeriksaan_berkas_sebelum_kernel_tanpa_pandas():
    """Berkas data diperiksa sebelum kernel dimulai tanpa menunggu impor pandas/pandera (±1,5 s)."""
    keluaran = _jalankan(
        "import sys\n"
        "from analisis.document import render\n"
        "render._periksa_berkas_data()\n"
        "print(sorted(m for m in ('pandas', 'pandera', 'matplotlib') if m in sys.modules))")
    assert keluaran == "[]"
