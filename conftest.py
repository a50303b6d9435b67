"""Konfigurasi pytest untuk seluruh repositori (doctest modul, tes, buku catatan)."""

import pytest


@pytest.fixture(autouse=True)
def _tutup_gambar():
    """Tutup gambar matplotlib yang dibuka sebuah tes atau doctest (contoh ``grafik_*``)."""
    yield
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
