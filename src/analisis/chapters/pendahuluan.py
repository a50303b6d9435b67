"""BAB I Pendahuluan: B. Dasar Hukum (buku catatan ``01_pendahuluan``).

Latar belakang, maksud dan tujuan, dan sistematika adalah prosa
``data/teks/*.md``; di sini kalimat pengantar dasar hukum (nama instansi dan
periode Renstra dari ``data/instansi.yaml``) dan daftar bernomornya dari
``data/dasar_hukum.csv``.

Examples
--------
>>> dh = dasar_hukum()
>>> len(dh), int(dh["no"].min()), int(dh["no"].max())
(20, 1, 20)
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ..core import data
from ..presentation.tabel import esc
from ..presentation.teks import Kalimat

__all__ = ["pengantar_dasar_hukum", "dasar_hukum", "daftar_dasar_hukum"]


def pengantar_dasar_hukum() -> Kalimat:
    """Kalimat pengantar B. Dasar Hukum, dari nama instansi dan periode Renstra.

    >>> pengantar_dasar_hukum()
    'Dasar Hukum Penyusunan Dokumen Indikator Kinerja Utama Dinas Sosial Kabupaten Seruyan Tahun 2025-2029 adalah sebagai berikut:'
    """
    i = data.instansi()
    r = i["periode_renstra"]
    return Kalimat(
        f"Dasar Hukum Penyusunan Dokumen Indikator Kinerja Utama {i['nama_lengkap']} Tahun {r['awal']}-{r['akhir']} "
        "adalah sebagai berikut:"
    )


def dasar_hukum() -> pd.DataFrame:
    """Frame dasar hukum (``no``, ``teks``) urut nomor, dari ``data/dasar_hukum.csv``."""
    return data.muat("dasar_hukum").sort_values("no").reset_index(drop=True)


def daftar_dasar_hukum(dh: pd.DataFrame) -> HTML:
    """Daftar bernomor dasar hukum dari frame :func:`dasar_hukum`, nomor sesuai kolom ``no``.

    >>> h = daftar_dasar_hukum(dasar_hukum()).data
    >>> h.count("<li"), h.startswith("<ol"), '<li value="20">' in h
    (20, True, True)
    """
    isi = "".join(f'<li value="{int(r.no)}">{esc(r.teks)}</li>' for r in dh.itertuples())
    return HTML(f'<ol style="list-style-type:decimal">{isi}</ol>')
