"""Kunci render: satu ``iku render`` pada satu waktu untuk satu folder ``rendered/``.

Dua render yang berjalan bersamaan atas folder keluaran yang sama akan saling
menimpa folder bangun, cache dan ``index.html``. Render memegang kunci
``rendered/.kunci-render`` (``flock`` POSIX) selama bekerja; render kedua
menunggu paling lama ``tunggu`` detik lalu menolak dengan pesan yang menyebut
PID pemegang kunci. Kunci dilepas sistem operasi ketika prosesnya berakhir,
juga bila proses itu dibunuh, sehingga tidak ada kunci basi yang harus dihapus
dengan tangan.

Contoh
------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> with kunci_render(folder):
...     try:
...         with kunci_render(folder, tunggu=0):
...             pass
...     except KesalahanKunci as e:
...         print(str(e).splitlines()[0])
Render lain sedang berjalan untuk folder ini; render ini dibatalkan agar keluaran tidak rusak.
>>> with kunci_render(folder):  # kunci sudah dilepas
...     pass
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..core.kesalahan import KesalahanIKU

__all__ = ["NAMA_KUNCI", "KesalahanKunci", "kunci_render", "tunggu_bawaan"]

#: Nama berkas kunci di folder keluaran.
NAMA_KUNCI = ".kunci-render"

#: Variabel lingkungan: berapa detik render kedua menunggu (bawaan 0: langsung menolak).
VARIABEL_TUNGGU = "IKU_TUNGGU_KUNCI"


class KesalahanKunci(KesalahanIKU):
    """Render lain memegang kunci folder keluaran."""


def tunggu_bawaan() -> float:
    """Lama menunggu kunci dari ``IKU_TUNGGU_KUNCI`` (detik; bawaan 0).

    >>> import os
    >>> os.environ.pop("IKU_TUNGGU_KUNCI", None) and None
    >>> tunggu_bawaan()
    0.0
    """
    teks = os.environ.get(VARIABEL_TUNGGU, "").strip()
    if not teks:
        return 0.0
    try:
        nilai = float(teks)
    except ValueError:
        raise KesalahanKunci(f"{VARIABEL_TUNGGU}={teks!r}: harus berupa jumlah detik (angka ≥ 0)") from None
    if nilai < 0 or nilai != nilai:
        raise KesalahanKunci(f"{VARIABEL_TUNGGU}={teks!r}: harus berupa jumlah detik (angka ≥ 0)")
    return nilai


def _pemegang(jalur: Path) -> str:
    with contextlib.suppress(OSError, ValueError):
        teks = jalur.read_text(encoding="utf-8").strip()
        if teks:
            return f"PID {int(teks.split()[0])}"
    return "proses lain"


@contextlib.contextmanager
def kunci_render(folder: Path, tunggu: float | None = None) -> Iterator[Path]:
    """Pegang kunci eksklusif ``folder/.kunci-render`` selama blok ``with``.

    Parameters
    ----------
    folder : Path
        Folder keluaran (``rendered/``); dibuat bila belum ada.
    tunggu : float, optional
        Detik menunggu bila kunci dipegang render lain (bawaan
        :func:`tunggu_bawaan`). Lewat dari itu: :class:`KesalahanKunci`.
    """
    import fcntl

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    jalur = folder / NAMA_KUNCI
    batas = time.monotonic() + (tunggu_bawaan() if tunggu is None else max(0.0, float(tunggu)))
    fd = os.open(jalur, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= batas:
                    raise KesalahanKunci(
                        "Render lain sedang berjalan untuk folder ini; render ini dibatalkan agar keluaran "
                        f"tidak rusak.\n  kunci: {jalur} (dipegang {_pemegang(jalur)})\n"
                        f"  Tunggu render itu selesai lalu ulangi, atau setel {VARIABEL_TUNGGU}=<detik> "
                        "agar render menunggu giliran."
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield jalur
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
