"""Konfigurasi pytest untuk seluruh repositori (doctest modul, tes, buku catatan)."""

import os

import pytest

# Kernel siaga (analisis.document.siaga) mati selama tes: ratusan render di folder sementara
# tidak boleh meninggalkan kernel hangat. tests/test_siaga.py menyalakannya untuk dirinya sendiri.
os.environ["IKU_KERNEL_SIAGA"] = "0"


@pytest.fixture(autouse=True)
def _tutup_gambar():
    """Tutup gambar matplotlib yang dibuka sebuah tes atau doctest (contoh ``grafik_*``)."""
    yield
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
