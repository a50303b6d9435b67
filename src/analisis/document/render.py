"""Render dokumen IKU: eksekusi buku per bab (hanya yang berubah), rakit HTML, cetak PDF.

Alur :func:`render_tahun` dan :func:`render_semua`:

1. parameter setiap tahun dimuat dan divalidasi (:func:`analisis.core.parameter.muat`)
   sebelum satu kernel pun dijalankan, sehingga parameter yang salah gagal
   seketika;
2. untuk setiap bab (buku ``notebooks/NN_*.ipynb`` × tahun) dihitung kunci
   cache dari semua yang memengaruhi hasilnya (:mod:`analisis.document.cache`): isi
   buku, parameter tahun, mesin dokumen, isi setiap modul ``analisis.*`` yang
   diimpor bab itu dan isi setiap berkas ``data/`` yang dibacanya pada
   eksekusi terakhir. Bab yang kuncinya
   sama dipakai dari cache; bila semua bab dan dokumen tahun itu tidak
   berubah, tahun itu tidak disentuh sama sekali;
3. bab yang berubah (atau semuanya dengan ``paksa=True``) dieksekusi oleh
   papermill (:func:`papermill.execute_notebook` dengan mesin ``iku``,
   :mod:`analisis.document.mesin`: parameter disuntikkan dan sel yang gagal
   ditandai papermill) di kumpulan kernel (``paralel`` kernel, bawaan sebanyak inti
   prosesor, tidak lebih dari jumlah bab yang perlu dieksekusi). Bab dari
   semua tahun berbagi kumpulan yang sama; bab yang eksekusi terakhirnya
   paling lama (manifest cache) mulai lebih dulu. Kernel dipakai ulang antarbab:
   sebelum setiap bab, ruang nama pengguna dikosongkan, modul ``analisis``
   dibuang dari ``sys.modules`` (diimpor ulang segar), dan keadaan
   matplotlib, ``warnings``, ``sys.path``, variabel lingkungan dan folder
   kerja dikembalikan, ekstensi IPython dan kait peristiwa bab sebelumnya
   (mis. ``%load_ext autoreload``) dilepas; paket berat (pandas, matplotlib, pandera) hanya
   diimpor sekali per kernel. Pemeriksaan ``%autoreload`` sebelum setiap sel
   dilewati (modulnya sudah segar; ±20 ms per sel). ``IKU_KERNEL_SEGAR=1`` memakai kernel baru
   untuk setiap bab (lebih lambat; untuk memeriksa kebocoran keadaan);
4. selama eksekusi, setiap berkas di ``data/`` dan ``parameters/`` yang dibuka
   bab itu dicatat (kait audit Python di kernel, ditambah
   :func:`analisis.core.data._jejak`); catatan itu menjadi bagian kunci cache;
5. setiap buku yang sudah dieksekusi diubah menjadi penggalan HTML di proses
   ini (nbconvert, templat ``templat/iku_bab``: tanpa kode, tanpa prompt,
   tanpa MathJax/require.js/tema JupyterLab; sel bertag ``eksplorasi``,
   ``remove-cell`` dan parameter dibuang), lalu disimpan di cache;
6. penggalan dirakit dengan ``templat/dokumen.html.j2`` dan ``dokumen.css``
   (disisipkan) menjadi satu dokumen per edisi (:mod:`analisis.document.edisi`),
   ``IKU-<tahun>-reviu.html`` dan ``IKU-<tahun>-final.html``, dari bab yang
   sama (satu eksekusi melayani kedua edisi). Sebelum perakitan, penggalan
   disaring per edisi: buku yang metadata ``iku.edisi``-nya tidak memuat
   edisi itu dilewati (Lampiran 3 hanya di edisi reviu) dan
   :func:`analisis.document.edisi.untuk_edisi` membuang blok reviu dan
   penanda temuan dari edisi final, sehingga DAFTAR ISI dan nomor tabel
   mengikuti isi edisinya. Dokumen: sampul, bagian awal
   (buku ``00_*``), DAFTAR ISI (setiap h1/h2, dengan tautan), lalu bab-bab;
   tabel dan gambar berlabel diberi nomor urut per BAB dan setiap rujukan
   diisi (:mod:`analisis.document.penomoran`);
7. penjaga memeriksa bahwa tidak ada teks ``nan``/``None``/``inf`` dan tidak
   ada sumber daya luar (skrip, stylesheet, gambar, font);
8. PDF dicetak dengan Chromium (:mod:`analisis.document.pdf`);
9. semua pekerjaan satu tahun dilakukan di folder sementara
   ``rendered/.bangun-<tahun>-*``; bila berhasil, folder itu ditukar menjadi
   ``rendered/<tahun>/``. Bila gagal, ``rendered/<tahun>/`` yang lama tidak
   disentuh dan folder sementara dipindah ke ``rendered/<tahun>-gagal/``.
   Ctrl-C menghentikan kernel setelah tenggang singkat dan berakhir dengan
   :class:`RenderDihentikan` (satu kalimat); dokumen lama tetap utuh.

Edisi final diminta (``edisi="final"``): :func:`analisis.core.resmi.syarat_final`
diperiksa sebelum kunci diambil dan sebelum kernel apa pun dijalankan; bila
ada yang kurang, :class:`EdisiFinalBelumLengkap` menyebut semuanya dan tidak
ada yang ditulis. ``edisi=None``: edisi reviu, ditambah edisi final bila
syaratnya lengkap (``HasilRender.final_belum`` menyebut yang kurang).

Hasil di ``rendered/<tahun>/``: ``IKU-<tahun>-<edisi>.html`` dan ``.pdf``,
``dieksekusi/*.ipynb`` (buku yang sudah dieksekusi, untuk analis) dan
``.cache/`` (entri cache per bab dan cap dokumen).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import html as _html
import logging
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import json
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import cache as _cache
from . import edisi as _edisi
from . import penomoran as _penomoran
from ..core import paths
from ..core.kesalahan import KesalahanIKU
from .kunci import kunci_render

__all__ = [
    "KesalahanRender",
    "InfoBab",
    "HasilRender",
    "Penggalan",
    "Judul",
    "TEMPLAT",
    "render_tahun",
    "render_semua",
    "tulis_indeks",
    "daftar_buku",
    "bab_ke_html",
    "rakit_dokumen",
    "edisi_buku",
    "penggalan_edisi",
    "bahan_reviu_tersisa",
    "beri_id_judul",
    "periksa_teks_terlarang",
    "periksa_mandiri",
    "batas_waktu_sel",
    "RenderDihentikan",
    "EdisiFinalBelumLengkap",
]

log = logging.getLogger(__name__)

from ..core.kesalahan import KesalahanRender


#: Folder templat (nbconvert ``iku_bab``, ``dokumen.html.j2``, ``dokumen.css``).
TEMPLAT = Path(__file__).resolve().parent / "templat"

#: Tag sel yang tidak pernah masuk dokumen.
#: ``eksplorasi``: intipan analis (mis. ``pas.head()``) yang tidak pernah masuk dokumen.
TAG_DIBUANG = ("parameters", "injected-parameters", "remove-cell", "eksplorasi", "papermill-error-cell-tag")

#: Buku bab: nama diawali angka urut, misalnya ``01_pendahuluan.ipynb``.
POLA_BUKU = re.compile(r"^\d+[_-][^/]*\.ipynb$")

#: Buku bagian awal (sebelum DAFTAR ISI), misalnya ``00_pengantar.ipynb``.
POLA_BAGIAN_AWAL = re.compile(r"^00[_-]")

FORMAT_DIKENAL = ("html", "pdf")

#: Batas waktu bawaan satu sel (detik) saat eksekusi; ditimpa oleh
#: ``IKU_BATAS_WAKTU_SEL`` atau ``iku render --batas-waktu``.
BATAS_WAKTU_SEL = 600

#: Batas waktu kernel siap (detik).
BATAS_WAKTU_KERNEL = 120

#: Folder kernel siaga di folder keluaran (:mod:`analisis.document.siaga`).
FOLDER_SIAGA = ".kernel"

#: Teks yang menandakan angka tak terdefinisi bocor ke dokumen: kata ``nan``, ``NaN``, ``None``,
#: ``inf``, ``NaT`` (tidak didahului huruf/angka/titik, tidak diikuti huruf/angka) dan ``<NA>``.
#: Sama dengan ``(?<![\w.])(?:nan|NaN|None|inf|NaT)(?!\w)|<NA>``, tetapi diawali kelas huruf
#: sehingga mesin regex melompati teks dengan cepat (± 2× lebih cepat pada dokumen 0,65 MB).
#:
#: >>> [m.group(0) for m in TEKS_TERLARANG.finditer("nan x.nan Nanang inf2 informasi None, <NA> 1inf NaT")]
#: ['nan', 'None', '<NA>', 'NaT']
TEKS_TERLARANG = re.compile(r"[nNi<](?:(?<![\w.].)(?:(?<=n)an|(?<=N)(?:aN|one|aT)|(?<=i)nf)(?!\w)|(?<=<)NA>)")


# ---------------------------------------------------------------------------
# Hasil


@dataclass
class InfoBab:
    """Satu buku bab dalam satu render."""

    berkas: str
    sumber: Path
    dieksekusi: Path
    judul: list[str] = field(default_factory=list)
    bagian_awal: bool = False
    durasi_eksekusi: float = 0.0
    durasi_html: float = 0.0
    #: Diambil dari cache (tidak dieksekusi pada render ini).
    dari_cache: bool = False


@dataclass
class HasilRender:
    """Hasil :func:`render_tahun`.

    Attributes
    ----------
    tahun, periode
        Tahun dan periode dokumen.
    folder
        ``rendered/<tahun>/``.
    html, pdf
        Berkas yang ditulis; ``pdf`` ``None`` bila tidak diminta atau dilewati.
    bab
        Buku bab menurut urutan dokumen.
    durasi
        Detik per tahap: ``parameter``, ``eksekusi``, ``html``, ``pdf``, ``total``.
    ukuran
        Ukuran berkas dalam bita (``html``, ``pdf``).
    peringatan
        Pesan untuk pengguna, misalnya PDF dilewati karena tidak ada Chromium.
    dieksekusi, dari_cache
        Nama buku yang dieksekusi pada render ini dan yang diambil dari cache.
    alasan
        Untuk setiap buku yang dieksekusi: mengapa (mis. ``data/lks.csv berubah``).
    dilewati
        ``True`` bila dokumen tahun ini tidak berubah sama sekali dan
        ``rendered/<tahun>/`` tidak disentuh.
    edisi
        Berkas per edisi yang ditulis, urut :data:`analisis.document.edisi.EDISI`:
        ``{"reviu": {"html": Path, "pdf": Path | None}, "final": {...}}``.
        ``html``/``pdf`` di atas adalah berkas edisi pertama (reviu bila diminta).
    final_belum
        Tanpa ``edisi`` yang disebut: yang masih dibutuhkan edisi final (kosong
        bila edisi final ikut ditulis), lihat :func:`analisis.core.resmi.syarat_final`.
    """

    tahun: int
    periode: str
    folder: Path
    html: Path | None = None
    pdf: Path | None = None
    bab: list[InfoBab] = field(default_factory=list)
    durasi: dict[str, float] = field(default_factory=dict)
    ukuran: dict[str, int] = field(default_factory=dict)
    peringatan: list[str] = field(default_factory=list)
    dieksekusi: list[str] = field(default_factory=list)
    dari_cache: list[str] = field(default_factory=list)
    alasan: dict[str, str] = field(default_factory=dict)
    dilewati: bool = False
    edisi: dict[str, dict[str, Path | None]] = field(default_factory=dict)
    final_belum: list[str] = field(default_factory=list)


@dataclass
class Penggalan:
    """Penggalan HTML satu buku bab, siap dirakit."""

    berkas: str
    html: str
    bagian_awal: bool = False


@dataclass
class Judul:
    """Satu judul (h1–h6) di dokumen."""

    tingkat: int
    id: str
    teks: str
    berkas: str = ""


def _uraian_galat(e: BaseException) -> str:
    """Sebab kegagalan untuk pesan: galat sistem berkas (disk penuh, hanya-baca) dalam bahasa Indonesia."""
    if isinstance(e, OSError) and e.errno is not None:
        from ..core.kesalahan import pesan_os
        return pesan_os(e)
    return f"{type(e).__name__}: {e}"


class _GagalBab(Exception):
    """Kegagalan satu bab; pesan akhirnya dibuat setelah folder gagal dipindah."""

    def __init__(self, berkas: str, relatif: str | None, alasan: str, **rincian: Any):
        super().__init__(alasan)
        self.berkas = berkas
        self.relatif = relatif
        self.alasan = alasan
        self.rincian = rincian


# ---------------------------------------------------------------------------
# Buku


def daftar_buku(folder: Path) -> list[Path]:
    """Buku bab di ``folder`` menurut urutan baca (``NN_nama.ipynb``).

    Raises
    ------
    KesalahanRender
        Bila folder tidak ada atau tidak memuat satu buku bab pun.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KesalahanRender(f"Folder buku catatan tidak ditemukan: {folder}")
    buku = sorted(p for p in folder.iterdir() if p.is_file() and POLA_BUKU.match(p.name))
    if not buku:
        raise KesalahanRender(
            f"Tidak ada buku bab di {folder}: nama berkas harus diawali nomor urut, "
            "misalnya 01_pendahuluan.ipynb."
        )
    return buku


@contextlib.contextmanager
def _lingkungan_kernel(akar: Path | None) -> Iterator[None]:
    """Variabel lingkungan yang diwarisi kernel: ``IKU_ROOT`` dan ``PYTHONPATH``."""
    lama = {k: os.environ.get(k) for k in ("IKU_ROOT", "PYTHONPATH", "PYDEVD_DISABLE_FILE_VALIDATION",
                                           "IKU_MEMO")}
    try:
        if akar is not None:
            os.environ["IKU_ROOT"] = str(akar)
        src = str(Path(_cache.FOLDER_KODE).resolve().parent)
        bagian = [p for p in (lama["PYTHONPATH"] or "").split(os.pathsep) if p]
        if src not in bagian:
            os.environ["PYTHONPATH"] = os.pathsep.join([src, *bagian])
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        if not lama["IKU_MEMO"]:  # memo lintas proses (analisis.core.memo): temuan, penanda validasi pandera
            # di folder cache pengguna, bukan /tmp bersama (entri di sana dapat dibuat pengguna lain)
            from ..core import memo

            os.environ["IKU_MEMO"] = str(memo.folder_bawaan())
        yield
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v




def _baris_pertama(kode: str, batas: int = 100) -> str:
    baris = next((b.strip() for b in (kode or "").splitlines() if b.strip()), "")
    return baris if len(baris) <= batas else baris[: batas - 1] + "…"


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _baris_galat(traceback: list[str] | None, kode: str) -> str:
    r"""Baris sel yang memicu galat, dari jejak IPython (``----> 2 ...``).

    >>> _baris_galat(["\x1b[31mKeyError\x1b[0m", "Cell In[4], line 2\n      1 x = 1\n----> 2 y['a']\n"], "x = 1")
    "baris 2: y['a']"
    >>> _baris_galat([], "x = 1\ny")
    'baris pertama sel: x = 1'
    """
    teks = _ANSI.sub("", "\n".join(traceback or []))
    letak = teks.find("Cell In[")
    if letak >= 0:
        m = re.search(r"^-+>\s*(\d+)\s(.*)$", teks[letak:], re.M)
        if m:
            return f"baris {m.group(1)}: {_baris_pertama(m.group(2))}"
    pertama = _baris_pertama(kode)
    return f"baris pertama sel: {pertama}" if pertama else ""



# ---------------------------------------------------------------------------
# Kernel: kumpulan kernel yang dipakai ulang antarbab

#: Dijalankan sekali di setiap kernel baru (lihat :class:`_Kernel`). Memasang
#: kait audit yang mencatat setiap berkas di bawah ``akar_jejak`` yang dibuka
#: untuk dibaca (dan setiap folder yang didaftar) ke berkas jejak bab yang
#: sedang berjalan; menyimpan hasil kompilasi modul ``analisis`` menurut
#: isinya; lalu menyediakan ``mulai()`` yang mengembalikan kernel ke keadaan
#: segar sebelum setiap bab (paket pihak ketiga yang sudah diimpor tetap dimuat).
_KODE_PERSIAPAN = r'''
def __iku_persiapan(akar_jejak, folder_paket, akar_proyek=None, pemilik=None, folder_ipc=None):
    import gc
    import importlib
    import importlib.machinery
    import os
    import sys
    import types
    import warnings
    from IPython import get_ipython

    st = types.ModuleType("_iku_kernel")
    st.berkas = None
    st.terlihat = set()
    st.sibuk = False
    awalan = tuple(a.rstrip(os.sep) + os.sep for a in akar_jejak)
    persis = frozenset(a.rstrip(os.sep) for a in akar_jejak)
    bendera_tulis = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC

    def catat(baris):
        if baris in st.terlihat:
            return
        st.terlihat.add(baris)
        st.sibuk = True
        try:
            with open(st.berkas, "a", encoding="utf-8") as f:
                f.write(baris + "\n")
        finally:
            st.sibuk = False

    def audit(peristiwa, argumen):
        if st.berkas is None or st.sibuk:
            return
        if peristiwa == "open":
            jalur, mode, bendera = argumen
            if isinstance(mode, str):
                if "w" in mode or "a" in mode or "x" in mode or "+" in mode:
                    return
            elif isinstance(bendera, int) and bendera & bendera_tulis:
                return
            awal = ""
        elif peristiwa == "os.listdir" or peristiwa == "os.scandir":
            jalur = argumen[0] if argumen and argumen[0] is not None else "."
            awal = "D\t"
        else:
            return
        if isinstance(jalur, int):
            return
        try:
            p = os.path.abspath(os.fsdecode(jalur))
        except Exception:
            return
        if p.startswith(awalan) or p in persis:
            catat(awal + p)

    sys.addaudithook(audit)

    # Modul analisis diimpor ulang sebelum setiap bab; hasil kompilasinya
    # disimpan menurut (jalur, isi) sehingga tidak dikompilasi berulang.
    asli = importlib.machinery.SourceFileLoader.source_to_code
    simpanan = {}
    awalan_paket = os.path.abspath(folder_paket) + os.sep

    def source_to_code(self, data, path, *, _optimize=-1):
        if not isinstance(path, str) or not path.startswith(awalan_paket):
            return asli(self, data, path, _optimize=_optimize)
        k = (path, bytes(data), _optimize)
        kode = simpanan.get(k)
        if kode is None:
            kode = simpanan[k] = asli(self, data, path, _optimize=_optimize)
        return kode

    importlib.machinery.SourceFileLoader.source_to_code = source_to_code

    awalan_proyek = os.path.abspath(akar_proyek) + os.sep if akar_proyek else None
    opsi_pandas = []

    def pulihkan_opsi_pandas():
        """pd.set_option sebuah bab tidak berlaku di bab berikutnya (pd.reset_option("all") ±0,4 s)."""
        cfg = getattr(sys.modules.get("pandas._config.config"), "_global_config", None)
        if not isinstance(cfg, dict):
            return
        if not opsi_pandas:
            import copy

            opsi_pandas.append(copy.deepcopy(cfg))
            return

        def salin(tujuan, asal):
            for k, v in asal.items():
                if isinstance(v, dict) and isinstance(tujuan.get(k), dict):
                    salin(tujuan[k], v)
                else:
                    tujuan[k] = v

        if cfg != opsi_pandas[0]:
            salin(cfg, opsi_pandas[0])

    def buang_analisis():
        for nama in [n for n in sys.modules if n == "analisis" or n.startswith("analisis.")]:
            del sys.modules[nama]
        if awalan_proyek is None:
            return
        # Modul lain milik proyek (mis. modul bantu di notebooks/) juga diimpor ulang segar:
        # kernel siaga dipakai beberapa render, dan berkasnya bisa disunting di antaranya.
        for nama, modul in list(sys.modules.items()):
            berkas = getattr(modul, "__file__", None)
            if (isinstance(berkas, str) and os.path.abspath(berkas).startswith(awalan_proyek)
                    and "site-packages" not in berkas and "dist-packages" not in berkas):
                sys.modules.pop(nama, None)

    path_awal = list(sys.path)
    env_awal = dict(os.environ)
    ip = get_ipython()
    # Ekstensi (mis. %load_ext autoreload di awal bab) dan kait peristiwa yang
    # dipasang sebuah bab dilepas sebelum bab berikutnya, seperti kernel baru.
    ekstensi_awal = set(ip.extension_manager.loaded)
    kait_awal = {nama: list(daftar) for nama, daftar in ip.events.callbacks.items()}

    def mulai(jejak, cwd):
        st.berkas = None
        buang_analisis()
        # Kosongkan ruang nama pengguna; gc.collect() di dalam reset ditunda
        # agar sampah bab sebelumnya dan modul analisis lama dikumpulkan sekali.
        kumpulkan = gc.collect
        gc.collect = lambda *a, **k: 0
        try:
            ip.reset(new_session=True)
        finally:
            gc.collect = kumpulkan
        mpl = sys.modules.get("matplotlib")
        if mpl is not None:
            plt = sys.modules.get("matplotlib.pyplot")
            if plt is not None:
                plt.close("all")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mpl.rc_file_defaults()
        pulihkan_opsi_pandas()
        # Peringatan "sekali per lokasi" tampil lagi di bab berikutnya, seperti di kernel baru.
        warnings._filters_mutated()
        sys.path[:] = path_awal
        if dict(os.environ) != env_awal:
            os.environ.clear()
            os.environ.update(env_awal)
        os.chdir(cwd)
        ip.extension_manager.loaded.intersection_update(ekstensi_awal)
        for nama, daftar in ip.events.callbacks.items():
            daftar[:] = kait_awal.get(nama, [])
        # Paket yang sudah diimpor bab sebelumnya (pandas, matplotlib, ...) tetap
        # dimuat; objeknya dibekukan agar pengumpulan sampah berikutnya murah.
        gc.collect()
        gc.freeze()
        if jejak:
            os.environ["IKU_JEJAK"] = jejak
        st.terlihat = set()
        st.berkas = jejak or None

    def selesai():
        """Catat berkas setiap modul analisis yang dimuat bab ini (baris ``M\\t/jalur``)."""
        if st.berkas is None:
            return
        baris = []
        for nama, modul in list(sys.modules.items()):
            if nama == "analisis" or nama.startswith("analisis."):
                berkas = getattr(modul, "__file__", None)
                if berkas:
                    baris.append("M\t" + os.path.abspath(berkas))
        st.sibuk = True
        try:
            with open(st.berkas, "a", encoding="utf-8") as f:
                f.write("".join(b + "\n" for b in sorted(baris)))
        finally:
            st.sibuk = False

    # %autoreload di awal setiap bab berguna bagi analis di JupyterLab; di kernel
    # render modul analisis sudah diimpor segar oleh mulai(), dan pemeriksaannya
    # (stat setiap modul di sys.modules sebelum setiap sel, ±20 ms per sel) tidak
    # pernah menemukan apa pun untuk dimuat ulang. Ekstensinya tetap dimuat (magic
    # %autoreload ada), hanya pemeriksaan sebelum sel yang dilewati.
    muat_ekstensi = ip.extension_manager.load_extension

    def load_extension(nama):
        if nama not in ("autoreload", "IPython.extensions.autoreload"):
            return muat_ekstensi(nama)
        # Pembuatan ekstensinya sendiri mencatat waktu ubah berkas setiap modul yang
        # dimuat (±1200 stat, ±30 ms per bab): dilewati juga.
        from IPython.extensions import autoreload as modul_autoreload

        periksa_asli = modul_autoreload.ModuleReloader.check
        modul_autoreload.ModuleReloader.check = lambda *a, **k: None
        try:
            hasil = muat_ekstensi(nama)
        finally:
            modul_autoreload.ModuleReloader.check = periksa_asli
        magic = ip.magics_manager.registry.get("AutoreloadMagics")
        if magic is not None:
            magic._reloader.check = lambda *a, **k: None
        return hasil

    ip.extension_manager.load_extension = load_extension

    # Kernel siaga (analisis.document.siaga): kernel yang dimulai tanpa penjaga induk ipykernel
    # menjaga dirinya sendiri. Selama dipakai: berhenti bila proses iku pemakainya mati.
    # Selama diparkir: berhenti setelah batas waktunya atau bila folder .kernel-nya hilang.
    st.pemilik = pemilik
    st.parkir_sampai = None
    st.folder_siaga = None

    def keluar():
        if folder_ipc:
            import shutil

            shutil.rmtree(folder_ipc, ignore_errors=True)
        os._exit(0)

    def pakai(pid):
        st.pemilik = pid
        st.parkir_sampai = None
        st.folder_siaga = None

    def parkir(detik, folder_siaga):
        import time

        st.folder_siaga = folder_siaga
        st.parkir_sampai = time.monotonic() + detik
        st.pemilik = None

    def jaga():
        import time

        while True:
            time.sleep(1.0)
            pid = st.pemilik
            if pid is not None:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    keluar()
                except OSError:
                    pass
            elif st.parkir_sampai is not None:
                if time.monotonic() > st.parkir_sampai or not os.path.isdir(st.folder_siaga):
                    keluar()

    if pemilik is not None:
        import threading

        threading.Thread(target=jaga, name="iku-jaga", daemon=True).start()

    st.pakai = pakai
    st.parkir = parkir
    st.mulai = mulai
    st.selesai = selesai
    sys.modules["_iku_kernel"] = st
'''


#: Pengganti ``-m ipykernel_launcher`` untuk kernel siaga (dimulai tanpa penjaga induk ipykernel):
#: sampai kode persiapan berjalan (``_iku_kernel`` ada; penjaganya sendiri mengambil alih), kernel
#: berhenti bila proses yang memulainya mati — tanpa ini kernel yang ditinggal di tengah
#: mulainya (SIGKILL pada iku) hidup terus.
_PELUNCUR = (
    "import os, sys, threading, time\n"
    "if sys.path and sys.path[0] == '':\n    del sys.path[0]\n"
    "def _jaga(pid=int(os.environ.get('IKU_PEMILIK_AWAL') or 0)):\n"
    "    while pid and '_iku_kernel' not in sys.modules:\n"
    "        try:\n            os.kill(pid, 0)\n"
    "        except ProcessLookupError:\n            os._exit(0)\n"
    "        except OSError:\n            pass\n"
    "        time.sleep(0.5)\n"
    "threading.Thread(target=_jaga, daemon=True).start()\n"
    "from ipykernel import kernelapp\n"
    "kernelapp.launch_new_instance()\n"
)


def _peluncur_berpenjaga(km) -> None:
    """Ganti ``-m ipykernel_launcher`` di kernelspec ``km`` dengan :data:`_PELUNCUR` (bila ada)."""
    from jupyter_client.kernelspec import KernelSpec

    spec = km.kernel_spec
    argv = list(spec.argv)
    for i in range(len(argv) - 1):
        if argv[i] == "-m" and argv[i + 1] == "ipykernel_launcher":
            argv[i:i + 2] = ["-c", _PELUNCUR]
            data = spec.to_dict() | {"argv": argv}
            km._kernel_spec = KernelSpec(resource_dir=spec.resource_dir, **data)
            return


class _KernelRusak(Exception):
    """Kernel tidak dapat dipakai lagi (mati, persiapan gagal)."""


class _Kernel:
    """Satu kernel IPython (transport IPC) dengan loop asyncio miliknya sendiri.

    Hanya dipakai oleh satu utas pada satu waktu. Transport IPC (soket Unix di
    folder sementara) dipakai agar kernel tidak mencetak peringatan "Kernel is
    running over TCP without encryption"; keluaran galat kernel yang lain
    tetap tampil.
    """

    def __init__(self, folder_ipc: Path, nomor: int, env: dict[str, str], cwd: Path, akar_jejak: list[str],
                 batas_waktu: float = BATAS_WAKTU_SEL, siaga: bool = False):
        self.batas_waktu = batas_waktu
        self.sel_berjalan: int | None = None
        # Kernel yang boleh diparkir (analisis.document.siaga) punya folder soket sendiri yang
        # tetap ada setelah kumpulannya ditutup, dan dimulai tanpa penjaga induk ipykernel.
        self.siaga = siaga and os.name == "posix"
        self.folder_ipc = Path(tempfile.mkdtemp(prefix="iku-k-")) if self.siaga else folder_ipc
        self.nomor = nomor
        self.env = env
        self.cwd = cwd
        self.akar_jejak = akar_jejak
        self.loop = asyncio.new_event_loop()
        self.km = None
        self.kc = None
        self.jumlah_bab = 0
        self.nb_aktif = None
        self.dihentikan = False  # bunuh() sudah dipanggil: tidak pernah diparkir

    @property
    def pid(self) -> int | None:
        proses = getattr(getattr(self.km, "provisioner", None), "process", None)
        return getattr(proses, "pid", None)

    def _jalankan(self, coro):
        return self.loop.run_until_complete(coro)

    def mulai(self) -> None:
        self._jalankan(self._mulai())

    async def _mulai(self) -> None:
        from jupyter_client import AsyncKernelManager

        from .mesin import KODE_TANPA_RFC3987

        if os.name == "posix":
            km = AsyncKernelManager(kernel_name="python3", transport="ipc")
            km.ip = str(self.folder_ipc / f"k{self.nomor}")
        else:  # pragma: no cover - soket IPC hanya ada di POSIX
            km = AsyncKernelManager(kernel_name="python3")
        self.km = km
        opsi: dict[str, Any] = {}
        if self.siaga:
            # Kernel yang mungkin hidup lebih lama dari proses ini: berkas koneksinya di folder
            # soketnya sendiri (baris perintahnya menyebut folder itu: siaga._proses_kernel), dan
            # tanpa stdout/stderr proses ini — pipa pemanggil (mis. subprocess.run) tidak boleh
            # tertahan terbuka oleh kernel yang diparkir.
            km.connection_file = str(self.folder_ipc / "koneksi.json")
            opsi = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
            _peluncur_berpenjaga(km)
        env = dict(self.env, IKU_PEMILIK_AWAL=str(os.getpid())) if self.siaga else self.env
        await km.start_kernel(cwd=os.path.abspath(self.cwd), env=env, independent=self.siaga,
                              extra_arguments=["--HistoryManager.hist_file=:memory:"], **opsi)
        kc = km.client()
        kc.start_channels()
        self.kc = kc
        await kc.wait_for_ready(timeout=BATAS_WAKTU_KERNEL)
        kc.allow_stdin = False
        folder_paket = str(Path(_cache.FOLDER_KODE).resolve())
        akar = _akar()
        argumen = (f"{self.akar_jejak!r}, {folder_paket!r}, {str(akar) if akar else None!r}, "
                   f"{os.getpid() if self.siaga else None!r}, {str(self.folder_ipc) if self.siaga else None!r}")
        await self._diam(_KODE_PERSIAPAN + f"\n{KODE_TANPA_RFC3987}\n__iku_persiapan({argumen})\ndel __iku_persiapan\n")

    @classmethod
    def adopsi(cls, info: dict, env: dict[str, str], cwd: Path, akar_jejak: list[str],
               batas_waktu: float = BATAS_WAKTU_SEL) -> "_Kernel":
        """Kernel siaga ``info`` (:func:`analisis.document.siaga.klaim`) sebagai kernel kumpulan ini.

        Tersambung dan siap (balasan ``kernel_info`` di kanal shell dan status
        ``idle``-nya di iopub, jadi keluaran sel pertama tidak hilang), lalu
        ditandai dipakai proses ini; gagal = :class:`_KernelRusak` dan kernelnya dimatikan.
        """
        from .siaga import PengelolaAdopsi

        k = cls(Path(info["folder_ipc"]), 0, env, cwd, akar_jejak, batas_waktu)
        k.siaga = True
        k.km = PengelolaAdopsi(info)
        try:
            k._jalankan(k._sambung())
        except BaseException:
            k.tutup()
            raise
        return k

    async def _sambung(self) -> None:
        kc = self.km.client()
        kc.start_channels()
        self.kc = kc
        kc.allow_stdin = False
        for _ in range(20):
            minta = kc.kernel_info()
            try:
                await asyncio.wait_for(self._tunggu_balasan(kc, minta), timeout=0.5)
                break
            except asyncio.TimeoutError:
                continue
        else:
            raise _KernelRusak("kernel siaga tidak menjawab")
        await self._diam(f"__import__('sys').modules['_iku_kernel'].pakai({os.getpid()})")

    @staticmethod
    async def _tunggu_balasan(kc, minta: str) -> None:
        """Balasan shell untuk ``minta`` dan status ``idle``-nya di iopub (langganan iopub sudah tersambung)."""
        balasan = False
        idle = False
        while not (balasan and idle):
            if not balasan:
                with contextlib.suppress(Exception):
                    pesan = await kc.get_shell_msg(timeout=0.05)
                    balasan = pesan.get("parent_header", {}).get("msg_id") == minta
            if not idle:
                with contextlib.suppress(Exception):
                    pesan = await kc.get_iopub_msg(timeout=0.05)
                    idle = (pesan.get("parent_header", {}).get("msg_id") == minta
                            and pesan.get("msg_type") == "status"
                            and pesan.get("content", {}).get("execution_state") == "idle")

    def parkir(self, folder: Path, sidik: str, detik: int) -> bool:
        """Tinggalkan kernel ini hidup sebagai kernel siaga di ``folder``; ``False`` bila tidak bisa (tutup saja)."""
        from .siaga import parkir

        if not self.siaga or self.kc is None or self.pid is None or self.loop.is_running() or self.dihentikan:
            return False
        try:
            self._jalankan(asyncio.wait_for(
                self._diam(f"__import__('sys').modules['_iku_kernel'].parkir({detik!r}, {str(folder)!r})"), 5.0))
            koneksi = dict(self.km.get_connection_info())
        except Exception:  # noqa: BLE001 - kernel tidak menjawab: ditutup pemanggil
            return False
        if isinstance(koneksi.get("key"), bytes):
            koneksi["key"] = koneksi["key"].decode("ascii")
        info = {"pid": self.pid, "folder_ipc": str(self.folder_ipc), "koneksi": koneksi, "sidik": sidik,
                "diparkir": time.time()}
        if not parkir(folder, info):
            return False
        with contextlib.suppress(Exception):
            self.kc.stop_channels()
        with contextlib.suppress(Exception):
            self.loop.close()
        return True

    async def _diam(self, kode: str) -> None:
        """Jalankan ``kode`` tanpa keluaran dan tanpa menambah nomor eksekusi."""
        balasan = await self.kc.execute_interactive(
            kode, silent=True, store_history=False, allow_stdin=False, timeout=BATAS_WAKTU_KERNEL,
            output_hook=lambda pesan: None,
        )
        isi = balasan["content"]
        if isi.get("status") != "ok":
            jejak = _ANSI.sub("", "\n".join(isi.get("traceback") or []))
            raise _KernelRusak(f"persiapan kernel gagal: {isi.get('ename')}: {isi.get('evalue')}\n{jejak}")

    def nilai(self, kode: str, ekspresi: str, json_: bool = False) -> Any:
        """Jalankan ``kode`` tanpa keluaran lalu kembalikan nilai ``ekspresi`` (``repr`` teks; ``json_``: diurai).

        Galat ``Kesalahan*`` analisis di kernel menjadi :class:`KesalahanIKU` dengan pesannya.
        """
        return self._jalankan(self._nilai(kode, ekspresi, json_))

    async def _nilai(self, kode: str, ekspresi: str, json_: bool) -> Any:
        import ast

        balasan = await self.kc.execute_interactive(
            kode, silent=True, store_history=False, allow_stdin=False, timeout=BATAS_WAKTU_KERNEL,
            user_expressions={"hasil": ekspresi}, output_hook=lambda pesan: None,
        )
        isi = balasan["content"]
        if isi.get("status") != "ok":
            if str(isi.get("ename", "")).startswith("Kesalahan"):
                raise KesalahanIKU(str(isi.get("evalue")))
            raise _KernelRusak(f"{isi.get('ename')}: {isi.get('evalue')}")
        hasil = isi["user_expressions"]["hasil"]
        if hasil.get("status") != "ok":
            raise _KernelRusak(f"{hasil.get('ename')}: {hasil.get('evalue')}")
        teks = ast.literal_eval(hasil["data"]["text/plain"])
        return json.loads(teks) if json_ else teks

    def eksekusi_papermill(self, nb_man, *, cwd_iku: str | None = None, jejak: str | None = None, **_: Any):
        """Dipanggil :class:`analisis.document.mesin.MesinIKU`: eksekusi ``nb_man.nb`` di kernel ini.

        Seperti ``PapermillNotebookClient.execute`` (status sel lewat
        ``nb_man``, sel gagal ditandai dan eksekusi berhenti), tetapi di kernel
        yang sudah hangat dan dari keadaan segar (``_iku_kernel.mulai``).
        """
        self.nb_aktif = nb_man.nb
        return self._jalankan(self._eksekusi_papermill(nb_man, Path(cwd_iku or self.cwd), jejak))

    async def _eksekusi_papermill(self, nb_man, cwd: Path, jejak: str | None):
        from nbclient.exceptions import CellExecutionError
        from nbclient.util import ensure_async
        from papermill.clientwrap import PapermillNotebookClient

        await self._diam(f"__import__('sys').modules['_iku_kernel'].mulai({jejak!r}, {os.path.abspath(cwd)!r})")
        self.jumlah_bab += 1
        self.sel_berjalan = None
        klien = PapermillNotebookClient(
            nb_man, km=self.km, timeout=self.batas_waktu, startup_timeout=BATAS_WAKTU_KERNEL,
            kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(cwd)}},
        )
        klien.on_cell_execute = lambda cell, cell_index: setattr(self, "sel_berjalan", cell_index)
        klien.kc = self.kc
        klien.reset_execution_trackers()
        info = await klien.async_wait_for_reply(await ensure_async(self.kc.kernel_info()))
        if info is not None and "language_info" in info["content"]:
            klien.nb.metadata["language_info"] = info["content"]["language_info"]
        for indeks, sel in enumerate(klien.nb.cells):
            try:
                nb_man.cell_start(sel, indeks)
                await klien.async_execute_cell(sel, indeks, execution_count=klien.code_cells_executed + 1)
            except CellExecutionError as e:
                nb_man.cell_exception(klien.nb.cells[indeks], cell_index=indeks, exception=e)
                break
            finally:
                nb_man.cell_complete(klien.nb.cells[indeks], cell_index=indeks)
        else:
            await self._diam("__import__('sys').modules['_iku_kernel'].selesai()")
        klien.set_widgets_metadata()
        return klien.nb

    def bunuh(self, sinyal: int = signal.SIGKILL) -> None:
        """Kirim ``sinyal`` (bawaan SIGKILL: hentikan seketika) ke proses kernel, dari utas mana pun."""
        self.dihentikan = True
        pid = self.pid
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, sinyal)

    def hidup(self) -> bool:
        """Proses kernel masih berjalan (proses yang sudah berakhir sekaligus dipungut)."""
        proses = getattr(getattr(self.km, "provisioner", None), "process", None)
        if proses is None:
            return False
        try:
            return proses.poll() is None
        except Exception:  # noqa: BLE001
            return False

    def tutup(self) -> None:
        coro = None
        try:
            if self.km is not None:
                coro = self._tutup()
                self._jalankan(coro)
        except Exception:  # noqa: BLE001 - kernel sudah mati; bersihkan sebisanya
            if coro is not None:
                coro.close()  # tidak pernah dijalankan (loop sibuk/ditutup): tanpa RuntimeWarning
            self.bunuh()
            with contextlib.suppress(Exception):
                hasil = self.km.cleanup_resources()
                if asyncio.iscoroutine(hasil):  # KernelManager async: tidak ada loop untuk menjalankannya
                    hasil.close()
        finally:
            with contextlib.suppress(Exception):
                self.loop.close()
            if self.siaga:
                shutil.rmtree(self.folder_ipc, ignore_errors=True)

    async def _tutup(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        await self.km.shutdown_kernel(now=True)


class _Kolam:
    """Kumpulan kernel: satu kernel per utas pekerja, dimulai saat pertama dibutuhkan.

    Dengan ``segar=True`` setiap bab mendapat kernel baru yang langsung ditutup
    sesudahnya (semantik papermill; lebih lambat).
    """

    def __init__(self, env: dict[str, str], cwd: Path, akar_jejak: list[str], segar: bool = False,
                 batas_waktu: float = BATAS_WAKTU_SEL, folder_siaga: Path | None = None):
        self.batas_waktu = batas_waktu
        self.env = env
        self.cwd = cwd
        self.akar_jejak = akar_jejak
        self.segar = segar
        self.folder_ipc = Path(tempfile.mkdtemp(prefix="iku-kernel-"))
        self._lokal = threading.local()
        self._kunci = threading.Lock()
        self._hidup: list[_Kernel] = []
        self._nomor = 0
        self.dimulai = 0
        self.diadopsi = 0
        self._dihentikan = False
        # Kernel siaga (analisis.document.siaga): dipakai bila ada, diparkir saat ditutup.
        from .siaga import detik_siaga, sidik

        self._detik_siaga = 0 if (segar or folder_siaga is None) else detik_siaga()
        self.folder_siaga = Path(folder_siaga) if self._detik_siaga else None
        if self.folder_siaga is not None:
            from .mesin import KODE_TANPA_RFC3987

            self._sidik_siaga = sidik(env, cwd, akar_jejak, _KODE_PERSIAPAN + KODE_TANPA_RFC3987)
        else:
            self._sidik_siaga = ""

    def _adopsi(self) -> _Kernel | None:
        """Kernel siaga yang cocok (sudah hangat), atau ``None``."""
        if self.folder_siaga is None:
            return None
        from .siaga import klaim

        while True:
            with self._kunci:
                daftar = klaim(self.folder_siaga, self._sidik_siaga, 1)
            if not daftar:
                return None
            try:
                k = _Kernel.adopsi(daftar[0], self.env, self.cwd, self.akar_jejak, self.batas_waktu)
            except Exception as e:  # noqa: BLE001 - kernel siaga rusak: coba yang lain, lalu kernel baru
                log.debug("Kernel siaga tidak dapat dipakai: %s", e)
                continue
            with self._kunci:
                self._hidup.append(k)
                self.diadopsi += 1
            return k

    def _baru(self) -> _Kernel:
        k = self._adopsi()
        if k is not None:
            return k
        with self._kunci:
            self._nomor += 1
            k = _Kernel(self.folder_ipc, self._nomor, self.env, self.cwd, self.akar_jejak, self.batas_waktu,
                        siaga=self.folder_siaga is not None)
            self._hidup.append(k)
            self.dimulai += 1
        try:
            k.mulai()
        except BaseException:
            self.buang(k)
            raise
        return k

    def ambil(self) -> _Kernel:
        k = None if self.segar else getattr(self._lokal, "kernel", None)
        if k is None:
            k = self._baru()
            if not self.segar:
                self._lokal.kernel = k
        return k

    def kembalikan(self, k: _Kernel) -> None:
        if self.segar:
            self.buang(k)

    def buang(self, k: _Kernel) -> None:
        """Tutup ``k`` (mis. setelah kernel mati atau sel melewati batas waktu)."""
        if getattr(self._lokal, "kernel", None) is k:
            self._lokal.kernel = None
        with self._kunci:
            if k in self._hidup:
                self._hidup.remove(k)
        k.tutup()

    def bunuh(self, tenggang: float = 0.0) -> None:
        """Hentikan semua kernel: SIGTERM, lalu SIGKILL bagi yang masih hidup setelah ``tenggang`` detik."""
        with self._kunci:
            self._dihentikan = True  # tidak ada yang diparkir setelah ini
            semua = list(self._hidup)
        if tenggang > 0:
            for k in semua:
                k.bunuh(signal.SIGTERM)
            batas = time.monotonic() + tenggang
            while time.monotonic() < batas and any(k.hidup() for k in semua):
                time.sleep(0.05)
        for k in semua:
            k.bunuh()

    def _boleh_parkir(self, k: _Kernel) -> bool:
        """``k`` tidak sedang dipakai utas lain (mis. dipanaskan) dan boleh diparkir."""
        return True

    def tutup(self) -> None:
        """Tutup setiap kernel; yang sehat diparkir sebagai kernel siaga (:mod:`analisis.document.siaga`)."""
        with self._kunci:
            semua, self._hidup = self._hidup, []
            parkir = self.folder_siaga is not None and not self._dihentikan
        if parkir:
            try:
                ada = len([n for n in os.listdir(self.folder_siaga) if n.endswith(".json")])
            except OSError:
                ada = 0
            ruang = max(0, _jumlah_inti() - ada)
            for k in list(semua):
                if (ruang and self._boleh_parkir(k) and k.hidup()
                        and k.parkir(self.folder_siaga, self._sidik_siaga, self._detik_siaga)):
                    semua.remove(k)
                    ruang -= 1
        for k in semua:
            k.tutup()
        shutil.rmtree(self.folder_ipc, ignore_errors=True)


#: Konteks utas pekerja: kumpulan kernel dan berkas jejak bab yang sedang dieksekusi.
_konteks = threading.local()


def _sel_bernomor(nb, lewati: tuple[str, ...] = ("injected-parameters", "papermill-error-cell-tag"),
                  ) -> Iterator[tuple[int, int, Any, list]]:
    """(nomor, indeks, sel, tag) setiap sel; nomor menurut buku asli (mulai 1).

    Sel bertag ``lewati`` (parameter suntikan dan penanda galat papermill) tidak dihitung.
    """
    nomor = 0
    for indeks, cell in enumerate(nb.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if any(t in tags for t in lewati):
            continue
        nomor += 1
        yield nomor, indeks, cell, tags


def _gagal_sel(nb, berkas: str, relatif: str, galat: BaseException) -> _GagalBab:
    """_GagalBab untuk sel pertama yang berakhir dengan galat (nomor sel menurut buku asli)."""
    for nomor, _, cell, tags in _sel_bernomor(nb):
        if cell.cell_type != "code" or "raises-exception" in tags:
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                ename, evalue = out.get("ename"), out.get("evalue")
                alasan = f"sel ke-{nomor} (In [{cell.get('execution_count')}]): {ename}: {evalue}"
                letak = _baris_galat(out.get("traceback"), cell.source)
                if letak:
                    alasan += f"\n  {letak}"
                return _GagalBab(berkas, relatif, alasan, sel=nomor, ename=ename, evalue=evalue)
    ename = getattr(galat, "ename", type(galat).__name__)
    evalue = getattr(galat, "evalue", str(galat))
    return _GagalBab(berkas, relatif, f"{ename}: {evalue}", ename=ename, evalue=evalue)


def _nomor_sel(nb, indeks: int | None) -> int | None:
    """Nomor sel menurut buku asli (sel ``injected-parameters`` tidak dihitung), mulai 1."""
    return next((nomor for nomor, i, _, _ in _sel_bernomor(nb) if i == indeks), None)


def _gagal_waktu(nb, berkas: str, relatif: str, indeks: int | None, batas: float) -> _GagalBab:
    """_GagalBab untuk sel yang melewati batas waktu eksekusi."""
    nomor = _nomor_sel(nb, indeks)
    detik = f"{batas:g}"
    if nomor is None:
        letak = "sel parameter suntikan" if indeks is not None else "sebuah sel"
    else:
        letak = f"sel ke-{nomor}"
    alasan = (f"{letak} tidak selesai dalam {detik} detik dan dihentikan (batas waktu sel: "
              "iku render --batas-waktu DETIK atau IKU_BATAS_WAKTU_SEL)")
    if indeks is not None and 0 <= indeks < len(nb.cells):
        alasan += f"\n  isi sel: {_baris_pertama(nb.cells[indeks].source)}"
    return _GagalBab(berkas, relatif, alasan, sel=nomor, ename="CellTimeoutError", evalue=f"{detik} detik")


def batas_waktu_sel(nilai: float | str | None = None) -> float:
    """Batas waktu satu sel dalam detik: ``nilai``, atau ``IKU_BATAS_WAKTU_SEL``, atau 600.

    Nilai yang bukan angka positif ditolak sebelum kernel apa pun dijalankan.

    >>> batas_waktu_sel(30)
    30.0
    >>> batas_waktu_sel("nol")
    Traceback (most recent call last):
    ...
    analisis.core.kesalahan.KesalahanParameter: batas waktu sel 'nol': harus berupa jumlah detik lebih dari 0
    """
    from ..core.kesalahan import KesalahanParameter

    if nilai is None:
        nilai = os.environ.get("IKU_BATAS_WAKTU_SEL", "").strip() or BATAS_WAKTU_SEL
    try:
        detik = float(nilai)
    except (TypeError, ValueError):
        detik = float("nan")
    if not (detik > 0) or detik == float("inf"):
        raise KesalahanParameter(f"batas waktu sel {nilai!r}: harus berupa jumlah detik lebih dari 0")
    return detik


def _periksa_berkas_data() -> None:
    """Setiap berkas data yang dikenal ada (:func:`analisis.core.data.berkas_hilang`) dan setiap YAML ``data/``
    sah (kunci ganda, bom alias, tanggal mustahil, skema; kecil, tanpa pandas); bila tidak, satu KesalahanData."""
    from ..core._berkas_data import BERKAS_YAML, _muat_yaml, berkas_hilang
    from ..core.kesalahan import KesalahanData

    hilang = berkas_hilang()
    for nama in BERKAS_YAML if not hilang else ():
        try:
            _muat_yaml(nama)
        except KesalahanData as e:
            hilang += e.pelanggaran
    if hilang:
        raise KesalahanData(hilang)


def _eksekusi(sumber: Path, tujuan: Path, relatif: str, parameter: dict, cwd: Path) -> None:
    """Eksekusi buku ``sumber`` dengan ``parameter`` lewat papermill dan tulis hasilnya ke ``tujuan``.

    :func:`papermill.execute_notebook` dengan mesin ``iku``
    (:mod:`analisis.document.mesin`): parameter disuntikkan papermill, sel yang
    gagal ditandai papermill. Kernel diambil dari kumpulan utas ini
    (``_konteks.kolam``); di luar :func:`render_tahun` dipakai kernel baru yang
    ditutup sesudahnya. Berkas ``data/`` yang dibaca dicatat di ``_konteks.jejak``.
    """
    kolam: _Kolam | None = getattr(_konteks, "kolam", None)
    jejak: Path | None = getattr(_konteks, "jejak", None)
    sementara = kolam is None
    if sementara:
        kolam = _Kolam(dict(os.environ), Path(cwd), [], segar=True)
    try:
        try:
            kernel = kolam.ambil()
        except Exception as e:  # noqa: BLE001 - kernel tidak dapat dimulai
            raise _GagalBab(sumber.name, None, f"kernel tidak dapat dimulai: {type(e).__name__}: {e}") from e
        # Diimpor setelah kernel siap, di utas ini: impor paket yang sama dari dua utas
        # sekaligus (mis. jupyter_client lewat papermill) dapat berakhir dengan modul
        # yang setengah dimuat.
        import nbformat
        import papermill
        from nbclient.exceptions import CellTimeoutError
        from papermill.exceptions import PapermillExecutionError

        from . import mesin

        mesin.daftarkan()
        kernel.nb_aktif = None
        try:
            papermill.execute_notebook(
                str(sumber), str(tujuan), parameters=parameter, engine_name=mesin.NAMA, kernel_name="python3",
                progress_bar=False, request_save_on_cell_execute=False, start_timeout=BATAS_WAKTU_KERNEL,
                execution_timeout=kernel.batas_waktu, kernel_iku=kernel,
                cwd_iku=str(cwd), jejak=os.path.abspath(jejak) if jejak else None,
            )
        except PapermillExecutionError as e:
            # papermill sudah menulis buku dengan sel penanda galat ke ``tujuan``
            kolam.kembalikan(kernel)
            nb = nbformat.read(tujuan, as_version=4)
            raise _gagal_sel(nb, sumber.name, relatif, e) from e
        except CellTimeoutError as e:
            kolam.buang(kernel)
            nb = kernel.nb_aktif
            if nb is not None:
                with contextlib.suppress(Exception):
                    nbformat.write(nb, tujuan)
            else:
                nb = nbformat.read(sumber, as_version=4)
            raise _gagal_waktu(nb, sumber.name, relatif, kernel.sel_berjalan, kernel.batas_waktu) from e
        except BaseException as e:
            # kernel mati, dihentikan: kernel ini tidak dipakai lagi
            kolam.buang(kernel)
            ada = None
            if kernel.nb_aktif is not None:
                with contextlib.suppress(Exception):
                    nbformat.write(kernel.nb_aktif, tujuan)
                    ada = relatif
            if isinstance(e, Exception):
                raise _GagalBab(sumber.name, ada, _uraian_galat(e)) from e
            raise
        kolam.kembalikan(kernel)
    finally:
        if sementara:
            kolam.tutup()


def _periksa_keluaran_galat(nb, berkas: str, relatif: str) -> None:
    """Keluaran ``error`` (mis. sel bertag raises-exception) tidak boleh masuk dokumen."""
    for nomor, _, cell, _ in _sel_bernomor(nb):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error":
                raise _GagalBab(
                    berkas,
                    relatif,
                    f"sel ke-{nomor} (In [{cell.get('execution_count')}]) berakhir dengan galat "
                    f"{out.get('ename')}: {out.get('evalue')} (sel bertag raises-exception?)",
                    sel=nomor,
                    ename=out.get("ename"),
                    evalue=out.get("evalue"),
                )


# ---------------------------------------------------------------------------
# Buku -> penggalan HTML


def svg_sebaris(svg: str) -> str:
    """SVG untuk disisipkan langsung di HTML: tanpa deklarasi XML, DOCTYPE dan metadata.

    >>> svg_sebaris('<?xml version="1.0"?>\\n<!DOCTYPE svg PUBLIC "-" "x.dtd">\\n<svg><metadata>m</metadata><g/></svg>')
    '<svg><g/></svg>'
    """
    teks = re.sub(r"<\?xml[^>]*\?>", "", svg)
    teks = re.sub(r"<!DOCTYPE[^>]*>", "", teks, flags=re.I)
    teks = re.sub(r"<metadata\b.*?</metadata>", "", teks, flags=re.S | re.I)
    return teks.strip()


def _kelas_eksportir():
    """``HTMLExporter`` tanpa pascaolah BeautifulSoup-nya.

    ``HTMLExporter.from_notebook_node`` mengurai ulang seluruh HTML dengan
    BeautifulSoup (±0,3 s per bab besar, sepertiga ekspor) hanya untuk memberi
    ``alt`` bahasa Inggris pada ``<img>`` tanpa ``alt`` dan ``tabindex`` pada sel
    JupyterLab. Templat ``iku_bab`` tidak menghasilkan keduanya (tanpa ``<img>``,
    tanpa kelas ``jp-Cell``/``jp-OutputArea``), jadi langkah itu dilewati; filter
    yang didaftarkannya tetap didaftarkan. Validasi nbformat dijalankan sekali
    setelah semua praproses (``optimistic_validation``), bukan setelah setiap praproses.
    """
    from nbconvert.exporters import HTMLExporter, TemplateExporter
    from nbconvert.exporters.html import Highlight2HTML, WidgetsDataTypeFilter

    class EksportirBab(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code",
                                 self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type",
                                 WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                       resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return EksportirBab


def _eksportir():
    """Eksportir HTML (:func:`_kelas_eksportir`) dengan templat ``iku_bab``."""
    from traitlets.config import Config

    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = set(TAG_DIBUANG)
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    c.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.exclude_anchor_links = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.sanitize_html = False
    c.HTMLExporter.optimistic_validation = True
    eksportir = _kelas_eksportir()(config=c, template_name="iku_bab", extra_template_basedirs=[str(TEMPLAT)])
    eksportir.register_filter("svg_sebaris", svg_sebaris)
    return eksportir


def bab_ke_html(dieksekusi: Path | Any, *, folder_sumber: Path | None = None, eksportir=None) -> str:
    """Penggalan HTML satu buku yang sudah dieksekusi (hanya isi untuk pembaca).

    Parameters
    ----------
    dieksekusi : Path or NotebookNode
        Buku yang sudah dieksekusi.
    folder_sumber : Path, optional
        Folder asal buku, untuk menyisipkan gambar relatif di sel markdown.
    eksportir : HTMLExporter, optional
        Dipakai ulang antar-bab (memuat templat hanya sekali).
    """
    import nbformat

    nb = dieksekusi if not isinstance(dieksekusi, (str, os.PathLike)) else nbformat.read(dieksekusi, as_version=4)
    eksportir = eksportir or _eksportir()
    sumber_daya = {"metadata": {"path": str(folder_sumber)}} if folder_sumber else {}
    isi, _ = eksportir.from_notebook_node(nb, resources=sumber_daya)
    return isi.strip() + "\n"


# ---------------------------------------------------------------------------
# Judul, daftar isi, penjaga

_JUDUL = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1\s*>", re.I | re.S)
_ATRIBUT_ID = re.compile(r"""\sid\s*=\s*(["'])(.*?)\1""", re.I | re.S)


def _teks_polos(potongan: str) -> str:
    teks = re.sub(r"<[^>]+>", "", potongan)
    return re.sub(r"\s+", " ", _html.unescape(teks)).strip()


def _slug(teks: str) -> str:
    """Id judul yang stabil dari teksnya.

    >>> _slug("BAB II  Gambaran Umum"), _slug("2.1 Tugas, Fungsi & Struktur"), _slug("???")
    ('bab-ii-gambaran-umum', '2-1-tugas-fungsi-struktur', 'judul')
    """
    t = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t[:80].rstrip("-") or "judul"


def _unik(dasar: str, terpakai: set[str]) -> str:
    ident, n = dasar, 2
    while ident in terpakai:
        ident, n = f"{dasar}-{n}", n + 1
    terpakai.add(ident)
    return ident


def beri_id_judul(fragmen: str, terpakai: set[str], berkas: str = "") -> tuple[str, list[Judul]]:
    """Beri setiap ``<h1>``–``<h6>`` id yang stabil dan unik; kembalikan daftarnya.

    Id dibentuk dari teks judul (``"2.1 Tugas"`` → ``2-1-tugas``); id yang
    sudah ada dipertahankan bila belum terpakai. ``terpakai`` diperbarui.

    >>> f, j = beri_id_judul("<h1>BAB I</h1><h2 class='x'>1.1 A</h2><h2>1.1 A</h2>", set())
    >>> f
    '<h1 id="bab-i">BAB I</h1><h2 class=\\'x\\' id="1-1-a">1.1 A</h2><h2 id="1-1-a-2">1.1 A</h2>'
    >>> [(x.tingkat, x.id) for x in j]
    [(1, 'bab-i'), (2, '1-1-a'), (2, '1-1-a-2')]
    """
    judul: list[Judul] = []

    def ganti(m: re.Match) -> str:
        tingkat, atribut, isi = int(m.group(1)), m.group(2) or "", m.group(3)
        teks = _teks_polos(isi)
        ada = _ATRIBUT_ID.search(atribut)
        if ada and ada.group(2) and ada.group(2) not in terpakai:
            ident = ada.group(2)
            terpakai.add(ident)
        else:
            ident = _unik(_slug(teks), terpakai)
            atribut = _ATRIBUT_ID.sub("", atribut) + f' id="{_html.escape(ident)}"'
        judul.append(Judul(tingkat, ident, teks, berkas))
        return f"<h{tingkat}{atribut}>{isi}</h{tingkat}>"

    return _JUDUL.sub(ganti, fragmen), judul


class _PengumpulTeks(HTMLParser):
    """Simpul teks yang dibaca orang (tanpa isi ``<style>``, ``<script>``, ``<metadata>``)."""

    _LEWATI = {"style", "script", "metadata"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.teks: list[str] = []
        self._lewati = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._LEWATI:
            self._lewati += 1

    def handle_endtag(self, tag):
        if tag in self._LEWATI and self._lewati:
            self._lewati -= 1

    def handle_data(self, data):
        if not self._lewati and data.strip():
            self.teks.append(data)


def _simpul_teks(fragmen: str) -> list[str]:
    p = _PengumpulTeks()
    p.feed(fragmen)
    p.close()
    return p.teks


_TAG = re.compile(r"<!--.*?-->|<(style|script|metadata)\b[^>]*>.*?</\1\s*>|<[^>]*>", re.S | re.I)


def _teks_kasar(fragmen: str) -> str:
    """Teks ``fragmen`` tanpa tag, komentar dan isi ``<style>``/``<script>``/``<metadata>`` (diganti spasi), di-unescape.

    Memuat setiap simpul teks :func:`_simpul_teks` utuh, dipisah spasi; jadi pola
    yang tidak cocok di sini tidak cocok di simpul mana pun (jalur cepat tanpa
    HTMLParser, ±0,3 s untuk satu dokumen).

    >>> _teks_kasar('<style>.temuan {}</style><p class="x">A &amp; B</p><!-- c --><td>nan</td>')
    '  A & B   nan '
    """
    return _html.unescape(_TAG.sub(" ", fragmen))


def _ada_teks(fragmen: str) -> bool:
    """Penggalan memuat teks yang dibaca orang (simpul teks yang bukan spasi), tanpa HTMLParser.

    >>> _ada_teks('<div><style>p {}</style> </div>'), _ada_teks('<p>&nbsp;</p>'), _ada_teks('<p>A</p>')
    (False, False, True)
    """
    return bool(_teks_kasar(fragmen).strip())


def periksa_teks_terlarang(fragmen: str, nama: str) -> None:
    """Tolak penggalan yang memuat ``nan``, ``NaN``, ``None``, ``inf``, ``NaT`` atau ``<NA>`` sebagai kata.

    Hanya simpul teks yang diperiksa (bukan atribut, CSS, atau komentar).

    Raises
    ------
    KesalahanRender
        Menyebut ``nama`` (bab) dan potongan teks di sekitarnya.

    Examples
    --------
    >>> periksa_teks_terlarang("<p>Capaian 95,00 %; nama: Nanang; info</p>", "01.ipynb")
    >>> periksa_teks_terlarang("<td>nan</td>", "02_x.ipynb")
    Traceback (most recent call last):
    ...
    analisis.core.kesalahan.KesalahanRender: Bab 02_x.ipynb memuat teks 'nan' (nilai tak terdefinisi yang tidak diformat): «nan». Format angka dengan analisis.core.format (nilai kosong tampil sebagai '–').
    """
    if not TEKS_TERLARANG.search(_html.unescape(fragmen)):
        # Jalur cepat (tanpa HTMLParser): setiap simpul teks adalah potongan
        # fragmen yang sudah di-unescape, diapit '>' dan '<' (bukan huruf/titik),
        # sehingga bila seluruh fragmen tidak cocok, tidak ada simpul yang cocok.
        return
    temuan = []
    for teks in _simpul_teks(fragmen):
        for m in TEKS_TERLARANG.finditer(teks):
            awal, akhir = max(0, m.start() - 40), min(len(teks), m.end() + 40)
            konteks = re.sub(r"\s+", " ", teks[awal:akhir]).strip()
            temuan.append((m.group(0), konteks))
    if temuan:
        kata = sorted({k for k, _ in temuan})
        contoh = "; ".join(f"«{k}»" for _, k in temuan[:5])
        lagi = f" (dan {len(temuan) - 5} lagi)" if len(temuan) > 5 else ""
        raise KesalahanRender(
            f"Bab {nama} memuat teks {', '.join(repr(k) for k in kata)} (nilai tak terdefinisi yang tidak "
            f"diformat): {contoh}{lagi}. Format angka dengan analisis.core.format (nilai kosong tampil sebagai '–').",
            berkas=nama,
        )


_SUMBER_LUAR = (
    (re.compile(r"<script\b[^>]*\bsrc\s*=", re.I), "skrip luar <script src>"),
    (re.compile(r"<link\b", re.I), "<link> (stylesheet/font luar)"),
    (re.compile(r"<(?:iframe|object|embed)\b", re.I), "<iframe>/<object>/<embed>"),
    (re.compile(r"@import\b", re.I), "@import CSS"),
    (re.compile(r"""url\(\s*['"]?(?!data:|#)[^)'"\s]""", re.I), "url(...) ke berkas atau situs luar"),
    (re.compile(r"""\s(?:src|srcset|poster)\s*=\s*["']?\s*(?!data:|#|["'\s>])""", re.I), "src= ke berkas atau situs luar"),
    (re.compile(r"""<image\b[^>]*\bhref\s*=\s*["']?\s*(?!data:|#)""", re.I), "<image href> di SVG"),
)


def periksa_mandiri(fragmen: str, nama: str) -> list[str]:
    """Pastikan penggalan tidak memuat sumber daya luar; kembalikan peringatan.

    Dilarang (galat): ``<script src>``, ``<link>``, ``<iframe>``/``<object>``/``<embed>``,
    ``@import``, ``url()`` dan ``src=`` yang bukan ``data:``, serta ``<image href>``
    SVG ke luar. Tautan biasa ``<a href="https://…">`` boleh (bukan sumber daya).
    Skrip sebaris hanya menghasilkan peringatan (dokumen cetak tidak menjalankannya).

    Raises
    ------
    KesalahanRender
        Bila ada sumber daya luar.

    Examples
    --------
    >>> periksa_mandiri('<img src="data:image/png;base64,AA"><a href="https://x.id">x</a>', "01.ipynb")
    []
    >>> periksa_mandiri('<img src="https://x.id/a.png">', "01.ipynb")
    Traceback (most recent call last):
    ...
    analisis.core.kesalahan.KesalahanRender: Bab 01.ipynb memuat sumber daya luar (src= ke berkas atau situs luar): <img src="https://x.id/a.png">. Dokumen harus berdiri sendiri: sisipkan gambar sebagai SVG/PNG dari kode, tanpa tautan ke berkas atau internet.
    """
    # Hanya tag, atribut dan isi <style> yang diperiksa: teks biasa (termasuk
    # markup dari data yang sudah di-escape, mis. "&lt;img src=x&gt;") bukan sumber daya.
    gaya = " ".join(re.findall(r"<style\b[^>]*>(.*?)</style>", fragmen, flags=re.S | re.I))
    fragmen = re.sub(r">[^<]*", ">", fragmen) + " " + gaya
    for pola, jenis in _SUMBER_LUAR:
        m = pola.search(fragmen)
        if m:
            awal = fragmen.rfind("<", 0, m.start() + 1)
            akhir = fragmen.find(">", m.end())
            potongan = fragmen[awal if awal >= 0 else m.start() : (akhir + 1 if akhir >= 0 else m.end() + 60)]
            potongan = re.sub(r"\s+", " ", potongan)[:160]
            raise KesalahanRender(
                f"Bab {nama} memuat sumber daya luar ({jenis}): {potongan}. Dokumen harus berdiri sendiri: "
                "sisipkan gambar sebagai SVG/PNG dari kode, tanpa tautan ke berkas atau internet.",
                berkas=nama,
            )
    peringatan = []
    if re.search(r"<script\b", fragmen, re.I):
        peringatan.append(f"Bab {nama} memuat <script> sebaris; skrip tidak dijalankan di PDF.")
    return peringatan


# ---------------------------------------------------------------------------
# Perakitan dokumen


def _lingkungan_jinja():
    """Lingkungan Jinja templat dokumen, satu per folder templat (templat yang berubah dimuat ulang: ``auto_reload``)."""
    return _lingkungan_jinja_untuk(str(TEMPLAT))


@functools.lru_cache(maxsize=4)
def _lingkungan_jinja_untuk(folder: str):
    import jinja2

    from .tata_letak import rapikan

    lingkungan = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    lingkungan.filters["rapikan"] = rapikan  # spasi tak terpatah, daftar berpenanda (tata_letak)
    return lingkungan


def _ambil(obj: Any, kunci: str, bawaan: Any = None) -> Any:
    if obj is None:
        return bawaan
    if isinstance(obj, dict):
        return obj.get(kunci, bawaan)
    return getattr(obj, kunci, bawaan)


def _logo(instansi: Any) -> str | None:
    """Lambang daerah sebagai data URI dari ``data/`` (``logo`` di instansi, atau logo.svg/logo.png)."""
    try:
        folder = paths.folder_data()
    except (FileNotFoundError, OSError):
        return None
    nama = _ambil(instansi, "logo")
    kandidat = [folder / nama] if nama else [folder / "logo.svg", folder / "logo.png"]
    for jalur in kandidat:
        if jalur.is_file():
            jenis = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(
                jalur.suffix.lower()
            )
            if jenis:
                return f"data:{jenis};base64," + base64.b64encode(jalur.read_bytes()).decode("ascii")
    return None


def _data_sampul(instansi: Any) -> dict:
    renstra = _ambil(instansi, "periode_renstra")
    awal, akhir = _ambil(renstra, "awal"), _ambil(renstra, "akhir")
    return {
        "pemerintah": _ambil(instansi, "pemerintah") or "",
        "nama_lengkap": _ambil(instansi, "nama_lengkap") or "",
        "nama_daerah": _ambil(instansi, "nama_daerah") or "",
        "renstra": f"{awal}–{akhir}" if awal and akhir else "",
        "logo": _logo(instansi),
    }


#: Teks yang tidak boleh terbaca di edisi final (nama berkas, modul, bahan pemeriksaan, tempat kosong).
BAHAN_REVIU = re.compile(
    r"(?<![\w/])data/[\w./-]+|\b[\w.-]+\.(?:csv|ya?ml|ipynb)\b|\banalisis\.[a-z_]+|\btemuan\b|belum tersedia dalam data"
    r"|NASKAH REVIU", re.I)


def bahan_reviu_tersisa(dokumen: str, batas: int = 5) -> list[str]:
    """Potongan teks edisi final yang masih berbicara tentang berkas, modul, temuan atau data yang belum ada.

    >>> bahan_reviu_tersisa('<p>Jumlah PNS 22 orang.</p><p>Pertemuan P2K2</p>')
    []
    >>> bahan_reviu_tersisa('<p>Sumber: data/lks.csv, dihitung analisis.rumus</p>')
    ['«data/lks.csv» dalam «Sumber: data/lks.csv, dihitung analisis.rumus»', '«analisis.rumus» dalam «Sumber: data/lks.csv, dihitung analisis.rumus»']
    """
    hasil: list[str] = []
    if not BAHAN_REVIU.search(_teks_kasar(dokumen)):
        return hasil
    for teks in _simpul_teks(dokumen):
        for m in BAHAN_REVIU.finditer(teks):
            konteks = " ".join(teks[max(0, m.start() - 50): m.end() + 50].split())
            hasil.append(f"«{m.group(0)}» dalam «{konteks}»")
            if len(hasil) >= batas:
                return hasil
    return hasil


def edisi_buku(sumber: Path) -> tuple[str, ...]:
    """Edisi yang memuat buku ``sumber`` menurut metadata buku ``{"iku": {"edisi": [...]}}`` (bawaan: semua).

    >>> import json, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "07_catatan.ipynb"
    ...     _ = p.write_text(json.dumps({"metadata": {"iku": {"edisi": ["reviu"]}}, "cells": []}))
    ...     edisi_buku(p)
    ('reviu',)
    """
    import json

    try:
        meta = json.loads(Path(sumber).read_bytes()).get("metadata") or {}
    except (OSError, ValueError, AttributeError):
        return _edisi.EDISI
    daftar = (meta.get("iku") or {}).get("edisi") if isinstance(meta.get("iku"), dict) else None
    if not daftar:
        return _edisi.EDISI
    daftar = [daftar] if isinstance(daftar, str) else list(daftar)
    salah = [e for e in daftar if e not in _edisi.EDISI]
    if salah:
        raise KesalahanRender(f"Buku {Path(sumber).name}: metadata iku.edisi memuat {', '.join(map(str, salah))}; "
                              f"pilih dari: {', '.join(_edisi.EDISI)}.", berkas=Path(sumber).name)
    return tuple(e for e in _edisi.EDISI if e in daftar)


def penggalan_edisi(penggalan: list[Penggalan], edisi: str, edisi_per_buku: dict[str, tuple[str, ...]]) -> list[Penggalan]:
    """Penggalan untuk ``edisi``: buku yang tidak termasuk edisi itu dilewati, isi disaring :func:`~analisis.document.edisi.untuk_edisi`.

    >>> p = [Penggalan("02_a.ipynb", '<p>PNS <span class="temuan" data-kode="A" title="x">22<a class="ke-temuan" '
    ...      'href="#temuan-A">[A]</a></span></p>'), Penggalan("07_c.ipynb", "<h1>Catatan</h1>")]
    >>> [(x.berkas, x.html) for x in penggalan_edisi(p, "final", {"07_c.ipynb": ("reviu",)})]
    [('02_a.ipynb', '<p>PNS 22</p>')]
    >>> len(penggalan_edisi(p, "reviu", {"07_c.ipynb": ("reviu",)}))
    2
    """
    hasil = [Penggalan(p.berkas, _edisi.untuk_edisi(p.html, edisi), p.bagian_awal) for p in penggalan
             if edisi in edisi_per_buku.get(p.berkas, _edisi.EDISI)]
    if edisi == "reviu":  # lampiran temuan: hanya temuan tentang yang ditampilkan naskah ini
        hasil = [Penggalan(p.berkas, h, p.bagian_awal) for p, h in zip(hasil, _edisi.saring_temuan([p.html for p in hasil]))]
    return hasil


@functools.lru_cache(maxsize=256)
def _periksa_penggalan(html: str, berkas: str) -> None:
    """:func:`periksa_teks_terlarang` dan :func:`periksa_mandiri` sekali per penggalan: edisi kedua
    dari bab yang sama tidak memeriksanya lagi (penggalan yang ditolak tidak disimpan: galatnya diulang)."""
    periksa_teks_terlarang(html, berkas)
    periksa_mandiri(html, berkas)


def rakit_dokumen(
    penggalan: list[Penggalan],
    *,
    tahun: int,
    periode: str,
    instansi: Any,
    edisi: str | None = None,
    luar: dict[tuple[str, str], str] | None = None,
    nomor: list | None = None,
) -> tuple[str, list[Judul]]:
    """Satu dokumen HTML berdiri sendiri dari penggalan bab.

    Setiap judul diberi id unik; DAFTAR ISI memuat setiap h1 dan h2 (bagian
    awal dan bab), dengan tautan ke id-nya. Setiap penggalan diperiksa oleh
    :func:`periksa_teks_terlarang` dan :func:`periksa_mandiri`. Tabel dan
    gambar berlabel diberi nomor dan setiap rujukan diisi
    (:func:`analisis.document.penomoran.nomori`); templat menerima
    ``daftar_tabel`` dan ``daftar_gambar`` untuk Daftar Tabel/Gambar.

    Parameters
    ----------
    penggalan : list of Penggalan
        Menurut urutan buku; ``bagian_awal`` ditempatkan sebelum DAFTAR ISI.
    tahun, periode
        Untuk sampul dan metadata.
    instansi : dict
        Seperti :func:`analisis.core.data.instansi` (pemerintah, nama_lengkap, periode_renstra, ...).
    edisi : {"reviu", "final"}, optional
        Edisi dokumen (``<meta name="iku:edisi">``); edisi reviu bertanda
        "NASKAH REVIU" di setiap halaman cetak dan di layar. Penggalan sudah
        disaring untuk edisinya oleh pemanggil (lihat :func:`penggalan_edisi`).
    luar : dict, optional
        Penomoran dokumen utuh terakhir (:func:`analisis.document.penomoran.dari_json`)
        untuk render sebagian: rujukan ke tabel/gambar di buku yang tidak ikut dirender.
    nomor : list, optional
        Bila diberikan, diisi setiap :class:`analisis.document.penomoran.Bernomor` dokumen ini.

    Returns
    -------
    html : str
        Dokumen lengkap.
    judul : list of Judul
        Semua judul bab menurut urutan dokumen.
    """
    from markupsafe import Markup

    terpakai = {"daftar-isi"}
    semua_judul: list[Judul] = []
    awal, bab = [], []
    # urutan baca: bagian awal (sebelum DAFTAR ISI), lalu bab
    penggalan = [p for p in penggalan if p.bagian_awal] + [p for p in penggalan if not p.bagian_awal]
    for p in penggalan:
        _periksa_penggalan(p.html, p.berkas)
    bernomor_html, bernomor = _penomoran.nomori([(p.berkas, p.html) for p in penggalan], luar)
    if nomor is not None:
        nomor.extend(bernomor)
    for p, isi in zip(penggalan, bernomor_html):
        fragmen, judul = beri_id_judul(isi, terpakai, p.berkas)
        semua_judul.extend(judul)
        ident = _unik("buku-" + _slug(Path(p.berkas).stem), terpakai)
        (awal if p.bagian_awal else bab).append({"id": ident, "berkas": p.berkas, "html": Markup(fragmen)})

    daftar_isi = [{"tingkat": j.tingkat, "id": j.id, "teks": j.teks} for j in semua_judul if j.tingkat <= 2 and j.teks]
    sampul = _data_sampul(instansi)
    nama = sampul["nama_lengkap"]
    judul_halaman = f"Indikator Kinerja Utama (IKU) {nama} Tahun {tahun}" if nama else f"Indikator Kinerja Utama (IKU) Tahun {tahun}"
    if edisi is not None and _edisi.periksa_edisi(edisi) == "reviu":
        judul_halaman = f"NASKAH REVIU – {judul_halaman}"
    css = (TEMPLAT / "dokumen.css").read_text(encoding="utf-8")
    templat = _lingkungan_jinja().get_template("dokumen.html.j2")
    dokumen = templat.render(
        tahun=tahun,
        periode=periode or "",
        edisi=edisi or "",
        judul_halaman=judul_halaman,
        css=Markup(css),
        sampul=sampul,
        awal=awal,
        bab=bab,
        daftar_isi=daftar_isi,
        daftar_tabel=[b for b in bernomor if b.jenis == "tabel"],
        daftar_gambar=[b for b in bernomor if b.jenis == "gambar"],
    )
    periksa_teks_terlarang(dokumen, "sampul/daftar isi")
    periksa_mandiri(dokumen, "sampul/daftar isi")
    return dokumen, semua_judul


# ---------------------------------------------------------------------------
# Parameter dan instansi (dipisah agar mudah diganti di tes)


def _muat_parameter(tahun: int, periode: str | None):
    from ..core import parameter
    return parameter.muat(tahun, periode) if periode is not None else parameter.muat(tahun)


def _muat_instansi() -> Any:
    from ..core._berkas_data import _muat_yaml  # tanpa pandas: dimuat sebelum bab diserahkan ke kernel

    hasil = _muat_yaml("instansi")
    if hasattr(hasil, "model_dump"):
        hasil = hasil.model_dump()
    return hasil


def _tahun_tersedia() -> tuple[int, ...]:
    from ..core import parameter
    tetap = getattr(parameter, "TAHUN_TERSEDIA", None)
    return tuple(tetap) if tetap else tuple(parameter.tahun_tersedia())


def _akar() -> Path | None:
    try:
        return paths.akar()
    except (FileNotFoundError, OSError):
        return None


# ---------------------------------------------------------------------------
# Folder keluaran atomik


def _hapus(folder: Path) -> None:
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder)


def _pasang(bangun: Path, tujuan: Path) -> None:
    """Tukar ``bangun`` menjadi ``tujuan``: lama → cadangan, baru → tempatnya, hapus cadangan."""
    cadangan = None
    if tujuan.exists():
        cadangan = tujuan.with_name(f".lama-{tujuan.name}-{secrets.token_hex(4)}")
        os.replace(tujuan, cadangan)
    try:
        os.replace(bangun, tujuan)
    except BaseException:
        if cadangan is not None:
            os.replace(cadangan, tujuan)
        raise
    if cadangan is not None:
        shutil.rmtree(cadangan, ignore_errors=True)


_POLA_CADANGAN = re.compile(r"^\.lama-(?P<nama>.+)-[0-9a-f]{8}$")


def _pulihkan_sisa(keluaran: Path) -> None:
    """Bereskan sisa render yang mati di tengah jalan (dipanggil sambil memegang kunci render).

    Folder bangun ``.bangun-*`` dibuang. Cadangan ``.lama-<tahun>-*`` dari
    penukaran yang terputus dikembalikan ke ``<tahun>`` bila folder itu tidak
    ada (proses mati di antara dua ``os.replace`` di :func:`_pasang`), dan
    dibuang bila ``<tahun>`` sudah ada.
    """
    if not keluaran.is_dir():
        return
    for sisa in sorted(keluaran.iterdir()):
        if not sisa.is_dir() or sisa.is_symlink():
            continue
        if sisa.name.startswith(".bangun-"):
            log.info("Membuang sisa render yang terputus: %s", sisa)
            shutil.rmtree(sisa, ignore_errors=True)
            continue
        m = _POLA_CADANGAN.match(sisa.name)
        if m:
            tujuan = keluaran / m.group("nama")
            if tujuan.exists():
                shutil.rmtree(sisa, ignore_errors=True)
            else:
                log.warning("Mengembalikan %s dari render yang terputus", tujuan)
                os.replace(sisa, tujuan)


def _simpan_gagal(bangun: Path, keluaran: Path, tahun: int) -> Path:
    gagal = keluaran / f"{tahun}-gagal"
    try:
        _hapus(gagal)
        os.replace(bangun, gagal)
    except OSError:  # pragma: no cover - mis. izin; biarkan folder sementara apa adanya
        log.warning("Folder sementara %s tidak dapat dipindah ke %s", bangun, gagal)
        return bangun
    return gagal


def _normalisasi_format(format: Iterable[str] | str) -> tuple[str, ...]:
    daftar = (format,) if isinstance(format, str) else tuple(format)
    daftar = tuple(dict.fromkeys(f.lower() for f in daftar))
    salah = [f for f in daftar if f not in FORMAT_DIKENAL]
    if not daftar or salah:
        raise KesalahanRender(
            f"Format keluaran tidak dikenal: {', '.join(salah) or '(kosong)'}; pilih dari: {', '.join(FORMAT_DIKENAL)}."
        )
    return daftar




# ---------------------------------------------------------------------------
# Render


def _jumlah_inti() -> int:
    """Jumlah inti prosesor yang boleh dipakai proses ini."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - bukan Linux
        return os.cpu_count() or 1


def _kernel_segar() -> bool:
    return os.environ.get("IKU_KERNEL_SEGAR", "").strip().lower() in ("1", "ya", "true", "yes")


def _parameter_efektif(param: Any) -> Any:
    if hasattr(param, "model_dump"):
        return param.model_dump(mode="json")
    if hasattr(param, "__dict__"):
        return {k: v for k, v in vars(param).items() if not k.startswith("_")}
    return repr(param)


def _akar_jejak() -> dict[str, Path]:
    """Folder yang dilacak saat eksekusi: ``data/`` dan ``parameters/`` seperti dilihat kernel."""
    akar: dict[str, Path] = {}
    with contextlib.suppress(FileNotFoundError, OSError):
        akar["data"] = Path(paths.folder_data()).absolute()
    with contextlib.suppress(FileNotFoundError, OSError):
        akar["parameters"] = Path(paths.folder_parameter()).absolute()
    # modul analisis yang diimpor bab (dan berkas lain di paket yang dibacanya)
    akar["analisis"] = Path(_cache.FOLDER_KODE).absolute()
    return akar


_eksportir_bebas: dict[tuple, list] = {}
_kunci_eksportir = threading.Lock()
#: Eksportir yang sedang dibuat di latar (:func:`_siapkan_pekerja`), per sidik templat.
_eksportir_disiapkan: dict[tuple, threading.Event] = {}


def _sidik_templat_bab() -> tuple:
    """Jalur dan ``stat`` berkas templat ``iku_bab``: eksportir lama tidak dipakai bila templatnya berubah."""
    hasil = [str(TEMPLAT)]
    with contextlib.suppress(OSError):
        for p in sorted((Path(TEMPLAT) / "iku_bab").rglob("*")):
            st = p.stat()
            hasil.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(hasil)


@contextlib.contextmanager
def _eksportir_pinjam() -> Iterator[Any]:
    """Pinjam satu :class:`HTMLExporter` untuk satu ekspor.

    Eksportir dipakai ulang antarbab, antar-utas pekerja dan antar-render di
    proses yang sama (``iku pratinjau`` membuat utas pekerja baru di setiap
    render): templat nbconvert dikompilasi sekali, bukan sekali per utas. Satu
    eksportir hanya dipakai satu utas pada satu waktu; bila semuanya sedang
    dipinjam, dibuat yang baru.
    """
    kunci = _sidik_templat_bab()
    with _kunci_eksportir:
        bebas = _eksportir_bebas.get(kunci)
        e = bebas.pop() if bebas else None
    siap = _eksportir_disiapkan.get(kunci)
    if e is None and siap is not None and not siap.is_set():
        siap.wait()
        with _kunci_eksportir:
            bebas = _eksportir_bebas.get(kunci)
            e = bebas.pop() if bebas else None
    if e is None:
        e = _eksportir()
    try:
        yield e
    finally:
        with _kunci_eksportir:
            _eksportir_bebas.setdefault(kunci, []).append(e)


#: Utas :func:`_siapkan_pekerja_latar` yang belum ditunggu (paling banyak satu).
_persiapan_latar: list[threading.Thread] = []


def _siapkan_pekerja_latar(buku: Iterable[Path]) -> None:
    """:func:`_siapkan_pekerja` di utas latar, selagi kernel dimulai atau diklaim.

    Mengimpor papermill dan mengompilasi validator nbformat (±0,3 s) tidak
    lagi mendahului bab pertama; :func:`_siapkan_pekerja` menunggu utas ini
    sebelum pekerja mulai, jadi tetap tidak ada dua utas yang mengimpornya
    bersamaan.
    """
    if _persiapan_latar:
        return
    from .mesin import tanpa_rfc3987_syntax

    tanpa_rfc3987_syntax()  # sebelum nbformat/papermill diimpor (lihat docstringnya)
    buku = list(buku)

    def kerja() -> None:
        with contextlib.suppress(Exception):  # gagal: _siapkan_pekerja mengulanginya dan melihat galatnya
            _siapkan_pekerja_inti(buku)

    t = threading.Thread(target=kerja, name="iku-persiapan", daemon=True)
    _persiapan_latar.append(t)
    t.start()


def _siapkan_pekerja(buku: Iterable[Path]) -> None:
    """Yang dibutuhkan setiap utas pekerja, disiapkan sekali di utas utama sebelum mereka mulai.

    Validator nbformat (skema dikompilasi fastjsonschema, ±0,3 s per versi)
    dibuat saat pertama dipakai; bila pekerja memintanya bersamaan, setiap utas
    mengompilasi sendiri. Di sini: sekali per versi buku (yang sudah disiapkan
    :func:`_siapkan_pekerja_latar` ditunggu dulu). Eksportir HTML (templat
    Jinja dikompilasi) menyusul di latar: :func:`_siapkan_eksportir`.
    """
    while _persiapan_latar:
        _persiapan_latar.pop().join()
    _siapkan_pekerja_inti(buku)


def _siapkan_pekerja_inti(buku: Iterable[Path]) -> None:
    import nbformat
    from nbformat.validator import get_validator

    import papermill  # noqa: F401 - sekali di sini, bukan di utas pekerja

    minor = {nbformat.current_nbformat_minor}
    for b in buku:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            isi = json.loads(Path(b).read_text(encoding="utf-8"))
            if isi.get("nbformat") == 4 and isinstance(isi.get("nbformat_minor"), int):
                minor.add(isi["nbformat_minor"])
    for m in sorted(minor):
        with contextlib.suppress(Exception):
            get_validator(version=4, version_minor=m)


def _siapkan_eksportir(jumlah: int) -> None:
    """``jumlah`` eksportir HTML siap dipinjam (:func:`_eksportir_pinjam`), dibuat di utas latar."""
    kunci = _sidik_templat_bab()
    with _kunci_eksportir:
        kurang = jumlah - len(_eksportir_bebas.get(kunci, []))
    if kurang <= 0:
        return
    # Eksportir baru dipinjam setelah bab pertama selesai dieksekusi: dibuat di latar,
    # bersamaan dengan eksekusi di kernel (peminjam menunggunya, tidak membuat sendiri).
    siap = threading.Event()
    _eksportir_disiapkan[kunci] = siap

    def buat() -> None:
        try:
            for _ in range(kurang):
                e = _eksportir()
                with _kunci_eksportir:
                    _eksportir_bebas.setdefault(kunci, []).append(e)
        except Exception as e:  # noqa: BLE001 - peminjam membuat eksportirnya sendiri (dan melihat galatnya)
            log.debug("Eksportir tidak dapat disiapkan: %s", e)
        finally:
            siap.set()

    threading.Thread(target=buat, name="iku-eksportir", daemon=True).start()


@dataclass
class _Bab:
    """Satu buku untuk satu tahun dalam satu render."""

    sumber: Path
    statis: dict  # komponen kunci cache tanpa "baca"
    entri: _cache.Entri | None = None  # entri cache yang kuncinya cocok
    lama: dict | None = None  # komponen entri lama (untuk alasan)
    durasi_lama: float | None = None  # detik eksekusi terakhir (entri cache lama), untuk urutan kerja
    alasan: str | None = None  # None = dari cache
    kunci: str | None = None
    fragmen: str | None = None
    futur: Future | None = None
    durasi_eksekusi: float = 0.0
    durasi_html: float = 0.0
    edisi: tuple[str, ...] = _edisi.EDISI  # edisi yang memuat buku ini (metadata iku.edisi)

    @property
    def nama(self) -> str:
        return self.sumber.name

    @property
    def relatif(self) -> str:
        return f"dieksekusi/{self.sumber.name}"

    @property
    def bagian_awal(self) -> bool:
        return bool(POLA_BAGIAN_AWAL.match(self.sumber.name))


@dataclass
class _Tahun:
    """Satu tahun dalam satu render."""

    tahun: int
    periode: str
    parameter_buku: dict
    tujuan: Path
    bab: list[_Bab]
    mulai: float
    durasi: dict[str, float]
    bangun: Path | None = None
    batal: threading.Event = field(default_factory=threading.Event)
    hasil: HasilRender | BaseException | None = None
    #: Edisi yang ditulis, urut ``edisi.EDISI``.
    edisi: tuple[str, ...] = ("reviu",)
    #: Syarat edisi final yang sudah diperiksa: ``{"sidik": ..., "kurang": [...]}`` (disimpan di cap dokumen).
    syarat: dict | None = None
    #: Rencana edisi yang belum dihitung (:class:`_EdisiTertunda`); lihat :meth:`pastikan_edisi`.
    edisi_tertunda: "_EdisiTertunda | None" = None

    @property
    def gagal(self) -> Path:
        return self.tujuan.with_name(f"{self.tahun}-gagal")

    def pastikan_edisi(self) -> None:
        """Isi :attr:`edisi`/:attr:`syarat` dari rencana yang tertunda (dihitung sekarang bila belum)."""
        if self.edisi_tertunda is not None:
            self.edisi, self.syarat = self.edisi_tertunda.hasil()[self.tahun]
            self.edisi_tertunda = None


class _EdisiTertunda:
    """Rencana edisi otomatis (:func:`_rencana_edisi`) yang dihitung saat dokumen dirakit.

    Untuk edisi otomatis (reviu, ditambah final bila lengkap) syarat edisi final
    (semua pemeriksaan angka) baru dibutuhkan saat dokumen dirakit. Bab yang
    memakai temuan (``02``, ``03``, lampiran catatan pemeriksaan) menghitungnya
    di kernel dan meninggalkannya di memo disk (``$IKU_MEMO``), jadi setelah bab
    selesai syarat hampir seluruhnya dimuat, bukan dihitung; sebelumnya proses
    ``iku`` menghitung semuanya sebelum bab pertama dimulai, berebut inti dengan
    kernel yang sedang dipanaskan. Edisi final yang diminta tetap diperiksa
    sebelum kernel apa pun berjalan.
    """

    def __init__(self, *argumen):
        self._argumen = argumen
        self._hasil = None
        # Dihitung dengan IKU_ROOT saat dibuat, seperti bila dihitung saat itu juga (render
        # menyetel IKU_ROOT untuk kernel; utas pekerja tidak membaca lingkungan).
        self._akar = os.environ.get("IKU_ROOT")
        #: ``{(tahun, periode): Future}`` syarat yang sudah mulai dihitung (:meth:`hitung_di_latar`).
        self._latar: dict = {}

    #: Kumpulan kernel render ini (:class:`analisis.document.pratinjau.KolamHangat`): syaratnya
    #: dihitung di kernel yang sudah menganggur, yang sudah memuat pandas, bukan di proses ``iku``.
    kolam: Any = None

    def hitung_di_latar(self, pelaksana: ThreadPoolExecutor) -> None:
        """Antrekan perhitungan syarat di ``pelaksana``, sesudah semua bab yang sudah diantrekan.

        Pekerja pertama yang bebas setelah bab terakhir diambil menghitungnya di
        kernelnya yang kini menganggur, selagi kernel lain menyelesaikan bab
        terakhir; :meth:`hasil` memakai hasilnya (atau menghitung sendiri bila
        tidak ada kernel yang menganggur).
        """
        daftar, _, keluaran = self._argumen
        with self._dengan_akar():
            perlu = [(th, per) for th, per in daftar if not _syarat_tersimpan(th, per, keluaran)]
        self._latar = {(th, per): pelaksana.submit(self._di_kernel, th, per) for th, per in perlu}

    @contextlib.contextmanager
    def _dengan_akar(self) -> Iterator[None]:
        lama = os.environ.get("IKU_ROOT")
        _setel_lingkungan("IKU_ROOT", self._akar)
        try:
            yield
        finally:
            _setel_lingkungan("IKU_ROOT", lama)

    def _hitung(self, tahun: int, periode: str | None) -> list[str] | None:
        futur = self._latar.get((tahun, periode))
        kurang = futur.result() if futur is not None else None
        return kurang if kurang is not None else self._di_kernel(tahun, periode)

    def hasil(self) -> dict:
        if self._hasil is None:
            with self._dengan_akar():
                self._hasil = _rencana_edisi(*self._argumen, hitung=self._hitung)
        return self._hasil

    def _di_kernel(self, tahun: int, periode: str | None) -> list[str] | None:
        """``resmi.syarat_final`` di kernel yang menganggur (``None``: hitung di proses ini)."""
        ambil = getattr(self.kolam, "ambil_menganggur", None)
        k = ambil() if ambil is not None else None
        if k is None:
            return None
        akar = "None" if self._akar is None else repr(self._akar)
        kode = (f"__import__('sys').modules['_iku_kernel'].mulai(None, {os.path.abspath(k.cwd)!r})\n"
                "import os as __os\n"
                f"__akar = {akar}\n"
                "__os.environ.pop('IKU_ROOT', None) if __akar is None else __os.environ.__setitem__('IKU_ROOT', __akar)\n"
                "from analisis.core import resmi as __resmi\n"
                f"__kurang = list(__resmi.syarat_final({int(tahun)!r}, {periode!r}))\n")
        try:
            return k.nilai(kode, "__import__('json').dumps(__kurang)", json_=True)
        except KesalahanIKU:
            raise
        except Exception as e:  # noqa: BLE001 - kernel tidak menjawab: dihitung di proses ini
            log.debug("Syarat edisi final tidak dapat dihitung di kernel: %s", e)
            return None
        finally:
            self.kolam.kembalikan(k)


def _setel_lingkungan(nama: str, nilai: str | None) -> None:
    if nilai is None:
        os.environ.pop(nama, None)
    else:
        os.environ[nama] = nilai


def _kunci_dokumen(t: _Tahun, kode: str, cuplikan: _cache.Cuplikan, fmt: tuple[str, ...]) -> str:
    return _cache.kunci({
        "kode": kode,
        "format": sorted(fmt),
        "tahun": t.tahun,
        "periode": t.periode,
        "bab": [[b.nama, b.kunci] for b in t.bab],
        "sampul": {n: cuplikan.nilai(n) for n in ("data/instansi.yaml", "data/logo.svg", "data/logo.png")},
    })


def _rencanakan(
    permintaan: list[tuple[int, str | None, Any, float]],
    fmt: tuple[str, ...],
    keluaran: Path,
    folder_nb: Path,
    paksa: bool,
    kode: str,
    cuplikan: _cache.Cuplikan,
    mesin: str | None = None,
    edisi: dict[int, tuple[tuple[str, ...], dict | None]] | None = None,
) -> list[_Tahun]:
    """Kunci setiap bab, entri cache yang cocok, dan tahun yang tidak berubah sama sekali.

    ``kode`` (sidik seluruh paket) masuk kunci dokumen; ``mesin``
    (:func:`analisis.document.cache.sidik_mesin`) masuk kunci bab.
    """
    mesin = kode if mesin is None else mesin
    buku = daftar_buku(folder_nb)
    statis_buku = {}
    edisi_per_buku = {}
    for s in buku:
        isi = s.read_bytes()
        statis_buku[s.name] = (_cache.sidik_buku(isi), _cache.aset_buku(isi, folder_nb))
        edisi_per_buku[s.name] = edisi_buku(s)
    rencana = []
    for tahun, periode, param, mulai in permintaan:
        tahun = int(_ambil(param, "tahun", tahun))
        periode_efektif = periode or _ambil(param, "periode") or ""
        parameter_buku = {"tahun": tahun, "periode": periode_efektif}
        komponen_parameter = {
            "suntikan": parameter_buku,
            "efektif": _parameter_efektif(param),
            "berkas": {n: cuplikan.nilai(n) for n in ("parameters/base.yml", f"parameters/{tahun}.yml")},
        }
        t = _Tahun(tahun, periode_efektif, parameter_buku, keluaran / str(tahun), [], mulai,
                   {"parameter": time.perf_counter() - mulai})
        if isinstance(edisi, _EdisiTertunda):
            t.edisi_tertunda = edisi
        else:
            t.edisi, t.syarat = (edisi or {}).get(tahun, (("reviu",), None))
        for s in buku:
            sidik, aset = statis_buku[s.name]
            b = _Bab(s, _cache.komponen_bab(kode=mesin, buku=sidik, aset=aset, parameter=komponen_parameter,
                                            baca={}, daftar_data=cuplikan.daftar("data")),
                     edisi=edisi_per_buku[s.name])
            t.bab.append(b)
            if paksa:
                b.alasan = "--paksa"
                b.durasi_lama = _durasi_entri(_cache.baca_entri(t.tujuan / _cache.NAMA_FOLDER / s.stem))
                continue
            for folder in (t.tujuan / _cache.NAMA_FOLDER / s.stem, t.gagal / _cache.NAMA_FOLDER / s.stem):
                e = _cache.baca_entri(folder)
                if e is None:
                    continue
                if b.durasi_lama is None:
                    b.durasi_lama = _durasi_entri(e)
                if _cache.kunci({**b.statis, "baca": cuplikan.baca(e.baca)}) == e.kunci:
                    b.entri, b.kunci = e, e.kunci
                    break
                b.lama = b.lama or e.komponen
            if b.entri is None:
                sekarang = {**b.statis, "baca": cuplikan.baca((b.lama or {}).get("baca", {}))}
                b.alasan = _cache.alasan_berbeda(b.lama, sekarang)
        if all(b.entri for b in t.bab):
            _coba_lewati(t, fmt, kode, cuplikan)
        rencana.append(t)
    return rencana


def _durasi_entri(e: _cache.Entri | None) -> float | None:
    """Detik eksekusi yang dicatat entri cache (urutan kerja: terlama dulu), ``None`` bila tidak ada."""
    d = e.manifest.get("durasi_eksekusi") if e is not None else None
    return float(d) if isinstance(d, (int, float)) and not isinstance(d, bool) else None


def _coba_lewati(t: _Tahun, fmt: tuple[str, ...], kode: str, cuplikan: _cache.Cuplikan) -> None:
    """Bila dokumen tahun ``t`` persis seperti yang akan dihasilkan, isi ``t.hasil`` tanpa menyentuh apa pun."""
    cap = _cache.baca_cap(t.tujuan)
    if not cap or cap.get("kunci") != _kunci_dokumen(t, kode, cuplikan, fmt):
        return
    t.pastikan_edisi()
    try:
        if cap.get("berkas") != _cache.daftar_keluaran(t.tujuan):
            return
        # edisi yang diminta harus sudah ada (edisi lain yang masih berlaku dibiarkan)
        ada = cap["edisi"]
        edisi: dict[str, dict[str, Path | None]] = {}
        for ed in t.edisi:
            html, pdf = ada[ed]["html"], ada[ed].get("pdf")
            if html not in cap["berkas"] or ("pdf" in fmt and (not pdf or pdf not in cap["berkas"])):
                return
            edisi[ed] = {"html": t.tujuan / html, "pdf": t.tujuan / pdf if pdf else None}
        utama = edisi[t.edisi[0]]
        ukuran = dict(cap.get("ukuran") or {})
        for jenis in ("html", "pdf"):
            ukuran.pop(jenis, None)
            if f"{t.edisi[0]}.{jenis}" in ukuran:
                ukuran[jenis] = ukuran[f"{t.edisi[0]}.{jenis}"]
        hasil = HasilRender(
            tahun=t.tahun, periode=t.periode, folder=t.tujuan, html=utama["html"],
            pdf=utama["pdf"], durasi=t.durasi, ukuran=ukuran,
            peringatan=list(cap.get("peringatan") or []), dari_cache=[b.nama for b in t.bab], dilewati=True,
            edisi=edisi, final_belum=list((t.syarat or {}).get("kurang") or []) if "final" not in t.edisi else [],
        )
        judul = cap.get("judul") or {}
        for b in t.bab:
            hasil.bab.append(InfoBab(b.nama, b.sumber, t.tujuan / b.relatif, judul=list(judul.get(b.nama, [])),
                                     bagian_awal=b.bagian_awal, dari_cache=True))
    except (KeyError, TypeError, OSError):
        return
    if t.gagal.exists():
        shutil.rmtree(t.gagal, ignore_errors=True)
    t.durasi.update(eksekusi=0.0, html=0.0, total=time.perf_counter() - t.mulai)
    t.hasil = hasil


def _siapkan_bangun(t: _Tahun, keluaran: Path) -> None:
    """Folder sementara tahun ``t`` dengan bab dari cache sudah di tempatnya."""
    t.bangun = Path(tempfile.mkdtemp(prefix=f".bangun-{t.tahun}-", dir=keluaran))
    os.chmod(t.bangun, 0o755)
    (t.bangun / "dieksekusi").mkdir()
    for b in t.bab:
        if b.entri is None:
            continue
        fragmen = _cache.verifikasi(b.entri)
        if fragmen is None:
            b.entri, b.kunci, b.alasan = None, None, "entri cache rusak atau tidak lengkap"
            continue
        entri = _cache.salin_entri(b.entri, t.bangun / _cache.NAMA_FOLDER / b.sumber.stem)
        _cache.tautkan(entri.buku, t.bangun / b.relatif)
        b.fragmen = fragmen


def _baca_jejak(jejak: Path, cuplikan: _cache.Cuplikan, cwd: Path) -> set[str]:
    """Dependensi dari berkas jejak: baris ``/jalur`` (berkas) atau ``D\\t/jalur`` (folder)."""
    hasil: set[str] = set()
    try:
        baris_baris = jejak.read_text(encoding="utf-8").splitlines()
    except OSError:
        return hasil
    for baris in baris_baris:
        if not baris.strip():
            continue
        folder = baris.startswith("D\t")
        modul = baris.startswith("M\t")
        token = cuplikan.token(baris[2:] if folder or modul else baris, cwd)
        if token is None:
            continue
        if folder and token.startswith("analisis/"):
            continue  # daftar folder paket oleh mesin impor (di-cache per kernel): bukan bacaan bab
        if token.endswith(".pyc"):
            continue
        hasil.add(token + "/" if folder and not token.endswith("/") else token)
    return hasil


def _kerjakan(t: _Tahun, b: _Bab, kolam: _Kolam, cuplikan: _cache.Cuplikan, folder_nb: Path) -> bool:
    """Di utas pekerja: eksekusi satu bab, ubah menjadi HTML, simpan ke cache di folder bangun."""
    import nbformat

    if t.batal.is_set():
        return False  # bab lain tahun ini sudah gagal: jangan mulai
    folder_entri = t.bangun / _cache.NAMA_FOLDER / b.sumber.stem
    folder_entri.mkdir(parents=True, exist_ok=True)
    jejak = (folder_entri / ".jejak").absolute()  # kernel bekerja di folder lain
    jejak.write_bytes(b"")
    _konteks.kolam, _konteks.jejak = kolam, jejak
    log.info("Mengeksekusi %s (tahun %s): %s", b.nama, t.tahun, b.alasan)
    try:
        t0 = time.perf_counter()
        _eksekusi(b.sumber, t.bangun / b.relatif, b.relatif, t.parameter_buku, folder_nb)
        b.durasi_eksekusi = time.perf_counter() - t0
        nb = nbformat.read(t.bangun / b.relatif, as_version=4)
        _periksa_keluaran_galat(nb, b.nama, b.relatif)
        t0 = time.perf_counter()
        with _eksportir_pinjam() as eksportir:
            b.fragmen = bab_ke_html(nb, folder_sumber=folder_nb, eksportir=eksportir)
        b.durasi_html = time.perf_counter() - t0
        komponen = {**b.statis, "baca": cuplikan.baca(_baca_jejak(jejak, cuplikan, folder_nb))}
        entri = _cache.tulis_entri(folder_entri, t.bangun / b.relatif, b.fragmen, komponen, info={
            "bab": b.nama, "tahun": t.tahun, "alasan": b.alasan, "dibuat": time.time(),
            "durasi_eksekusi": round(b.durasi_eksekusi, 3),
        })
        b.kunci = entri.kunci
        return True
    except _GagalBab:
        t.batal.set()
        raise
    except Exception as e:
        t.batal.set()
        ada = b.relatif if (t.bangun / b.relatif).exists() else None
        raise _GagalBab(b.nama, ada, _uraian_galat(e)) from e
    except BaseException:
        t.batal.set()
        raise
    finally:
        _konteks.kolam = _konteks.jejak = None
        with contextlib.suppress(OSError):
            jejak.unlink()


#: Penomoran dokumen utuh terakhir di ``rendered/<tahun>/.cache/`` (lihat :func:`_penomoran_utuh`).
NAMA_PENOMORAN = "penomoran.json"


def _penomoran_utuh(t: "_Tahun", folder_nb: Path) -> dict | None:
    """Penomoran dokumen utuh terakhir bila render ini hanya sebagian bukunya, atau ``None``.

    Render sebagian: folder buku bukan folder buku proyek
    (:func:`analisis.core.paths.folder_notebook`) dan bukunya himpunan bagian
    sejati buku dokumen utuh yang penomorannya tersimpan
    (``{"buku": [...], "edisi": {edisi: [[jenis, label, nomor], ...]}}``, seperti
    :func:`analisis.document.penomoran.ke_json`); hasilnya ditambah ``"luar"``
    (``{edisi: dari_json(...)}``). Rujukan ke tabel/gambar di
    buku yang tidak ikut dirender lalu diisi nomor dokumen utuh itu
    (:func:`analisis.document.penomoran.nomori`, ``luar``). Buku yang dihapus
    dari folder proyek tidak pernah membuat rujukan ke labelnya diisi dari
    penomoran lama: rujukan itu tetap gagal.
    """
    try:
        if Path(folder_nb).resolve() == Path(paths.folder_notebook()).resolve():
            return None
    except (OSError, ValueError):
        pass
    try:
        lama = json.loads((t.tujuan / _cache.NAMA_FOLDER / NAMA_PENOMORAN).read_bytes())
        buku = {str(b) for b in lama["buku"]}
        lama["luar"] = {str(e): _penomoran.dari_json(json.dumps(d)) for e, d in lama["edisi"].items()}
        if not lama["luar"]:
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return lama if {b.nama for b in t.bab} < buku else None


def _selesaikan_tahun(t: _Tahun, fmt: tuple[str, ...], keluaran: Path, folder_nb: Path, chromium: str | None,
                      instansi: Any, kode: str, cuplikan: _cache.Cuplikan, mulai_eksekusi: float | None) -> None:
    """Tunggu bab tahun ``t``, rakit dokumen, cetak PDF, pasang; isi ``t.hasil`` (hasil atau kesalahan)."""
    from . import pdf as _pdf
    hasil = HasilRender(tahun=t.tahun, periode=t.periode, folder=t.tujuan, durasi=t.durasi)
    try:
        gagal: list[_GagalBab] = []
        for b in t.bab:
            if b.futur is None:
                continue
            try:
                b.futur.result()
            except _GagalBab as e:
                gagal.append(e)
        if any(b.futur for b in t.bab) and mulai_eksekusi is not None:
            t.durasi["eksekusi"] = time.perf_counter() - mulai_eksekusi
        else:
            t.durasi["eksekusi"] = 0.0
        if gagal:
            raise gagal[0]  # bab paling awal menurut urutan baca
        t.pastikan_edisi()

        t.durasi["html"] = 0.0
        penggalan: list[Penggalan] = []
        for b in t.bab:
            penggalan.append(Penggalan(b.nama, b.fragmen, b.bagian_awal))
            hasil.bab.append(InfoBab(b.nama, b.sumber, t.tujuan / b.relatif, bagian_awal=b.bagian_awal,
                                     durasi_eksekusi=b.durasi_eksekusi, durasi_html=b.durasi_html,
                                     dari_cache=b.alasan is None))
            (hasil.dari_cache if b.alasan is None else hasil.dieksekusi).append(b.nama)
            if b.alasan is not None:
                hasil.alasan[b.nama] = b.alasan
            if "<svg" not in b.fragmen and "<img" not in b.fragmen and not _ada_teks(b.fragmen):
                hasil.peringatan.append(f"Bab {b.nama} tidak menghasilkan isi apa pun untuk dokumen.")
        for p in penggalan:
            hasil.peringatan.extend(periksa_mandiri(p.html, p.berkas))
        edisi_per_buku = {b.nama: b.edisi for b in t.bab}
        cap_edisi: dict[str, dict[str, str | None]] = {}
        utuh = _penomoran_utuh(t, folder_nb)
        penomoran_kini: dict[str, list] = {}
        for ed in t.edisi:
            t0 = time.perf_counter()
            try:
                bernomor: list = []
                luar = None
                if utuh is not None:
                    luar = utuh["luar"].get(ed) or next(iter(utuh["luar"].values()))
                dokumen, judul = rakit_dokumen(penggalan_edisi(penggalan, ed, edisi_per_buku), tahun=t.tahun,
                                               periode=t.periode, instansi=instansi, edisi=ed, luar=luar,
                                               nomor=bernomor)
                penomoran_kini[ed] = json.loads(_penomoran.ke_json(bernomor))
            except KesalahanRender as e:
                berkas = getattr(e, "berkas", None) or "?"
                raise _GagalBab(berkas, f"dieksekusi/{berkas}" if berkas.endswith(".ipynb") else None, str(e)) from e
            if ed == t.edisi[0]:
                for j in judul:
                    for info in hasil.bab:
                        if info.berkas == j.berkas and j.tingkat == 1:
                            info.judul.append(j.teks)
            if ed == "final":
                for sisa in bahan_reviu_tersisa(dokumen):
                    hasil.peringatan.append(f"Edisi final {t.tahun} masih memuat bahan reviu: {sisa}")
            nama_html = _edisi.nama_berkas(t.tahun, ed, "html")
            (t.bangun / nama_html).write_text(dokumen, encoding="utf-8", newline="\n")
            t.durasi["html"] = t.durasi.get("html", 0.0) + time.perf_counter() - t0
            hasil.edisi[ed] = {"html": t.tujuan / nama_html, "pdf": None}
            hasil.ukuran[f"{ed}.html"] = (t.bangun / nama_html).stat().st_size

            nama_pdf = None
            if "pdf" in fmt:
                t0 = time.perf_counter()
                nama_pdf = _edisi.nama_berkas(t.tahun, ed, "pdf")
                try:
                    _pdf.tulis_pdf(t.bangun / nama_html, t.bangun / nama_pdf, chromium)
                except _pdf.PerambanTidakDitemukan as e:
                    if "html" not in fmt:
                        raise
                    if ed == t.edisi[0]:
                        hasil.peringatan.append(f"PDF dilewati: {e}")
                    nama_pdf = None
                else:
                    hasil.edisi[ed]["pdf"] = t.tujuan / nama_pdf
                    hasil.ukuran[f"{ed}.pdf"] = (t.bangun / nama_pdf).stat().st_size
                t.durasi["pdf"] = t.durasi.get("pdf", 0.0) + time.perf_counter() - t0
            cap_edisi[ed] = {"html": nama_html, "pdf": nama_pdf}
        utama = hasil.edisi[t.edisi[0]]
        hasil.html, hasil.pdf = utama["html"], utama["pdf"]
        for jenis in ("html", "pdf"):
            if f"{t.edisi[0]}.{jenis}" in hasil.ukuran:
                hasil.ukuran[jenis] = hasil.ukuran[f"{t.edisi[0]}.{jenis}"]
        if "final" not in t.edisi and t.syarat:
            hasil.final_belum = list(t.syarat.get("kurang") or [])

        # penomoran dokumen utuh (untuk render sebagian berikutnya); render sebagian meneruskan yang lama
        _cache.tulis_atomik(t.bangun / _cache.NAMA_FOLDER / NAMA_PENOMORAN, json.dumps(
            {k: utuh[k] for k in ("buku", "edisi")} if utuh is not None
            else {"buku": sorted(b.nama for b in t.bab), "edisi": penomoran_kini},
            ensure_ascii=False).encode())
        _cache.tulis_cap(t.bangun, {
            "kunci": _kunci_dokumen(t, kode, cuplikan, fmt),
            "berkas": _cache.daftar_keluaran(t.bangun),
            "html": cap_edisi[t.edisi[0]]["html"],
            "pdf": cap_edisi[t.edisi[0]]["pdf"],
            "edisi": cap_edisi,
            "syarat": t.syarat,
            "ukuran": hasil.ukuran,
            "peringatan": hasil.peringatan,
            "judul": {i.berkas: i.judul for i in hasil.bab},
        })
    except BaseException as e:
        gagal_folder = _simpan_gagal(t.bangun, keluaran, t.tahun)
        if isinstance(e, _GagalBab):
            dibuka = gagal_folder / e.relatif if e.relatif else gagal_folder
            t.hasil = KesalahanRender(
                f"Render IKU {t.tahun} gagal di bab {e.berkas}, {e.alasan}\n"
                f"Buka buku yang sudah dieksekusi untuk melihat galatnya: {dibuka}\n"
                f"Dokumen sebelumnya di {t.tujuan} tidak diubah.",
                berkas=e.berkas,
                dieksekusi=dibuka,
                folder_gagal=gagal_folder,
                **e.rincian,
            )
            t.hasil.__cause__ = e.__cause__
            return
        if isinstance(e, KesalahanIKU):
            e.add_note(f"Hasil sementara disimpan di {gagal_folder}; dokumen sebelumnya di {t.tujuan} tidak diubah.")
            t.hasil = e
            return
        raise

    _pasang(t.bangun, t.tujuan)
    if t.gagal.exists():
        shutil.rmtree(t.gagal, ignore_errors=True)
    t.durasi["total"] = time.perf_counter() - t.mulai
    t.hasil = hasil


#: Detik antara SIGTERM dan SIGKILL untuk kernel saat render dihentikan (Ctrl-C).
TENGGANG_HENTI = 1.0

#: Detik paling lama menunggu utas pekerja selesai setelah kernelnya dihentikan.
BATAS_TUNGGU_PEKERJA = 5.0


class RenderDihentikan(KeyboardInterrupt):
    """Render dihentikan pengguna (Ctrl-C); pesannya satu kalimat untuk pengguna."""


@contextlib.contextmanager
def _tanpa_sigint() -> Iterator[None]:
    """Abaikan SIGINT selama blok (hanya di utas utama; di utas lain tanpa efek)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    lama = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, lama)


def _hentikan_pelaksana(pelaksana: ThreadPoolExecutor, batas: float) -> None:
    """Batalkan tugas yang belum mulai dan tunggu utas pekerja paling lama ``batas`` detik."""
    pelaksana.shutdown(wait=False, cancel_futures=True)
    akhir = time.monotonic() + batas
    for utas in list(getattr(pelaksana, "_threads", ())):
        utas.join(max(0.0, akhir - time.monotonic()))


def _dilacak(akar_jejak: dict[str, Path]) -> list[str]:
    """Folder yang bacaannya dicatat kait audit kernel (jalur absolut dan jalur sebenarnya)."""
    return sorted({os.path.abspath(p) for p in akar_jejak.values()} | {os.path.realpath(p) for p in akar_jejak.values()})


def _render_banyak(
    permintaan: list[tuple[int, str | None, Any, float]],
    fmt: tuple[str, ...],
    keluaran: Path,
    folder_nb: Path,
    chromium: str | None,
    paralel: int | None,
    paksa: bool,
    lanjut_bila_gagal: bool,
    batas_waktu: float = BATAS_WAKTU_SEL,
    kolam_luar: _Kolam | None = None,
    edisi: dict[int, tuple[tuple[str, ...], dict | None]] | None = None,
) -> list[HasilRender | BaseException]:
    """Render beberapa tahun dengan satu kumpulan kernel; hasil atau kesalahan per tahun, urut permintaan."""
    _pulihkan_sisa(keluaran)
    from .mesin import tanpa_rfc3987_syntax

    tanpa_rfc3987_syntax()  # sebelum nbformat/papermill diimpor (lihat docstringnya)
    with _lingkungan_kernel(_akar()):
        kode = _cache.sidik_kode()
        akar_jejak = _akar_jejak()
        cuplikan = _cache.Cuplikan(akar_jejak)
        rencana = _rencanakan(permintaan, fmt, keluaran, folder_nb, paksa, kode, cuplikan, _cache.sidik_mesin(),
                              edisi=edisi)
        perlu = [t for t in rencana if t.hasil is None]
        if not perlu:
            return [t.hasil for t in rencana]

        tugas = [(t, b) for t in perlu for b in t.bab if b.alasan is not None]
        if tugas:
            _periksa_berkas_data()  # sebelum kernel mana pun dimulai dan sebelum folder bangun dibuat
        kolam: _Kolam | None = None
        if tugas and kolam_luar is None and not _kernel_segar():
            # Kernel dimulai dan paket beratnya diimpor (pratinjau.PRAIMPOR) sekarang, selagi instansi
            # dimuat dan folder bangun disiapkan, bukan saat bab pertama diambil pekerja.
            import jupyter_client  # noqa: F401 - di utas ini, bukan bersamaan di setiap utas pemanas

            from .pratinjau import KolamHangat

            kolam = KolamHangat(dict(os.environ), folder_nb, _dilacak(akar_jejak), batas_waktu=batas_waktu,
                                folder_siaga=keluaran / FOLDER_SIAGA)
            kolam.panaskan(max(1, min(paralel or _jumlah_inti(), len(tugas))))
        if tugas:  # selagi kernel dimulai
            _siapkan_pekerja({b.sumber for _, b in tugas})
        try:
            instansi = _muat_instansi()
        except BaseException:
            if kolam is not None:  # data tidak sah: kernel yang sedang dimulai ditutup dengan tenang
                kolam.tutup()
            raise
        keluaran.mkdir(parents=True, exist_ok=True)
        pelaksana: ThreadPoolExecutor | None = None
        try:
            for t in perlu:
                _siapkan_bangun(t, keluaran)
            # entri cache yang rusak (_siapkan_bangun) juga dieksekusi
            tugas = [(t, b) for t in perlu for b in t.bab if b.alasan is not None]
            # terlama dulu (menurut eksekusi terakhir; yang belum pernah dieksekusi paling awal, urut
            # dokumen): kernel yang bebas lebih dulu mengambil bab pendek, tidak menunggu bab panjang terakhir
            tugas.sort(key=lambda tb: -tb[1].durasi_lama if tb[1].durasi_lama is not None else -float("inf"))
            mulai_eksekusi = None
            if tugas:
                jumlah = max(1, min(paralel or _jumlah_inti(), len(tugas)))
                kolam = kolam or kolam_luar or _Kolam(dict(os.environ), folder_nb, _dilacak(akar_jejak),
                                                      segar=_kernel_segar(), batas_waktu=batas_waktu,
                                                      folder_siaga=keluaran / FOLDER_SIAGA)
                import jupyter_client  # noqa: F401 - sekali di utas ini, bukan bersamaan di setiap pekerja

                pelaksana = ThreadPoolExecutor(max_workers=jumlah, thread_name_prefix="iku-kernel")
                mulai_eksekusi = time.perf_counter()
                for t, b in tugas:
                    b.futur = pelaksana.submit(_kerjakan, t, b, kolam, cuplikan, folder_nb)
                if isinstance(edisi, _EdisiTertunda):
                    edisi.kolam = kolam
                    edisi.hitung_di_latar(pelaksana)
                _siapkan_eksportir(jumlah)  # dipinjam setelah bab pertama selesai
            berhenti = False
            for t in perlu:
                if berhenti:
                    t.batal.set()
                    continue
                _selesaikan_tahun(t, fmt, keluaran, folder_nb, chromium, instansi, kode, cuplikan, mulai_eksekusi)
                if isinstance(t.hasil, BaseException) and not lanjut_bila_gagal:
                    berhenti = True
                    for lain in perlu:
                        lain.batal.set()
            # tahun yang tidak dikerjakan (lanjut_bila_gagal=False): buang folder sementaranya
            for t in perlu:
                if t.hasil is None:
                    if pelaksana is not None:
                        for b in t.bab:
                            if b.futur is not None:
                                with contextlib.suppress(BaseException):
                                    b.futur.result()
                    if t.bangun is not None:
                        shutil.rmtree(t.bangun, ignore_errors=True)
        except BaseException as e:
            # Ctrl-C (atau galat lain): kernel dihentikan setelah tenggang singkat, utas pekerja
            # ditunggu sebentar; Ctrl-C berikutnya selama pembersihan yang singkat ini diabaikan.
            with _tanpa_sigint():
                for t in perlu:
                    t.batal.set()
                if kolam is not None:
                    kolam.bunuh(tenggang=TENGGANG_HENTI)
                if pelaksana is not None:
                    _hentikan_pelaksana(pelaksana, BATAS_TUNGGU_PEKERJA)
                    pelaksana = None
                for t in perlu:
                    if t.hasil is None and t.bangun is not None and t.bangun.exists():
                        _simpan_gagal(t.bangun, keluaran, t.tahun)
                if kolam is not None and kolam is not kolam_luar:
                    with contextlib.suppress(Exception):
                        kolam.tutup()
                    kolam = None
            if isinstance(e, KeyboardInterrupt):
                raise RenderDihentikan(
                    f"Render dihentikan (Ctrl-C); dokumen sebelumnya di {keluaran} tidak diubah."
                ) from None
            raise
        finally:
            if pelaksana is not None:
                pelaksana.shutdown(wait=True, cancel_futures=True)
            if kolam is not None and kolam is not kolam_luar:  # kumpulan pemanggil tetap hidup
                kolam.tutup()
    return [t.hasil for t in rencana]


class EdisiFinalBelumLengkap(KesalahanRender):
    """Edisi final diminta tetapi masukannya belum lengkap (:func:`analisis.core.resmi.syarat_final`).

    ``kurang``: ``{tahun: [yang masih dibutuhkan, ...]}``.
    """

    def __init__(self, kurang: dict[int, list[str]]):
        self.kurang = kurang
        baris = []
        for tahun, daftar in kurang.items():
            baris.append(f"Edisi final IKU {tahun} belum dapat dibuat; yang masih dibutuhkan:")
            baris.extend(f"  - {k}" for k in daftar)
        contoh = next(iter(kurang))
        baris.append(f"Tidak ada berkas yang ditulis. Edisi reviu tetap dapat dibuat: "
                     f"iku render --tahun {contoh} --edisi reviu")
        super().__init__("\n".join(baris))


def _normalisasi_edisi(edisi: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """Edisi yang diminta, urut :data:`analisis.document.edisi.EDISI`; ``None`` = otomatis.

    >>> _normalisasi_edisi("final"), _normalisasi_edisi(["final", "reviu"]), _normalisasi_edisi(None)
    (('final',), ('reviu', 'final'), None)
    """
    if edisi is None:
        return None
    daftar = (edisi,) if isinstance(edisi, str) else tuple(edisi)
    for e in daftar:
        _edisi.periksa_edisi(e)
    if not daftar:
        raise KesalahanRender(f"Edisi kosong; pilih dari: {', '.join(_edisi.EDISI)}.")
    return tuple(e for e in _edisi.EDISI if e in daftar)


def _sidik_syarat(tahun: int, periode: str | None) -> str:
    """Sidik semua yang dibaca :func:`analisis.core.resmi.syarat_final`: isi ``data/``, ``parameters/`` dan kode."""
    import hashlib

    h = hashlib.sha256(f"{tahun}|{periode or ''}|{_cache.sidik_kode()}".encode())
    for nama in ("data", "parameters"):
        with contextlib.suppress(FileNotFoundError, OSError):
            folder = Path(paths.folder_data() if nama == "data" else paths.folder_parameter())
            for p in sorted(folder.rglob("*")):
                if p.is_file() and not p.name.startswith("."):
                    h.update(f"{nama}/{p.relative_to(folder).as_posix()}\0".encode())
                    h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _syarat_final(tahun: int, periode: str | None, keluaran: Path, hitung=None) -> dict:
    """``{"sidik", "kurang"}`` untuk edisi final ``tahun``; dari cap dokumen bila masukannya tidak berubah.

    :func:`analisis.core.resmi.syarat_final` menjalankan pemeriksaan angka
    (beberapa detik); hasilnya disimpan di cap dokumen bersama sidik isi
    ``data/``, ``parameters/`` dan kode, sehingga render yang tidak mengubah
    apa pun tetap cepat.
    """
    sidik = _sidik_syarat(tahun, periode)
    cap = _cache.baca_cap(Path(keluaran) / str(tahun)) or {}
    lama = cap.get("syarat")
    if isinstance(lama, dict) and lama.get("sidik") == sidik and isinstance(lama.get("kurang"), list):
        return {"sidik": sidik, "kurang": list(lama["kurang"])}
    if hitung is not None:
        kurang = hitung(tahun, periode)
        if kurang is not None:
            return {"sidik": sidik, "kurang": list(kurang)}
    from ..core import resmi  # pandas, pandera: hanya bila syaratnya perlu dihitung ulang

    with _lingkungan_kernel(None):  # $IKU_MEMO seperti di kernel (IKU_ROOT tetap): temuan yang dihitung di sini dipakai bab
        return {"sidik": sidik, "kurang": list(resmi.syarat_final(tahun, periode))}


def _syarat_tersimpan(tahun: int, periode: str | None, keluaran: Path) -> bool:
    """Syarat edisi final ``tahun`` masih berlaku di cap dokumen (tidak perlu dihitung ulang)."""
    lama = (_cache.baca_cap(Path(keluaran) / str(tahun)) or {}).get("syarat")
    return isinstance(lama, dict) and lama.get("sidik") == _sidik_syarat(tahun, periode)


def _kolam_awal(tahun: int, periode: str | None, eds: tuple[str, ...] | None, keluaran: Path, folder_nb: Path,
                batas_waktu: float, paralel: int | None = None) -> Any:
    """Kernel (paling banyak dua) dipanaskan selagi syarat edisi final dihitung ulang, atau ``None``.

    Syarat dihitung ulang (beberapa detik: semua pemeriksaan angka) hanya bila
    isi ``data/``, ``parameters/`` atau kode berubah sejak render terakhir, dan
    saat itu hampir pasti ada bab yang harus dieksekusi: kernel dimulai dan
    paket beratnya diimpor bersamaan, bukan sesudahnya. Tanpa perubahan
    (syarat dari cap dokumen) tidak ada kernel yang dimulai lebih awal.
    """
    if (eds is not None and "final" not in eds) or _kernel_segar():
        return None
    if _syarat_tersimpan(tahun, periode, keluaran):
        return None
    _periksa_berkas_data()  # data yang tidak sah ditolak sebelum kernel mana pun dimulai
    from .pratinjau import KolamHangat

    import jupyter_client  # noqa: F401 - di utas ini, sebelum utas pemanas dan utas persiapan mengimpornya

    kolam = KolamHangat.untuk_proyek(folder_nb, batas_waktu=batas_waktu, folder_siaga=Path(keluaran) / FOLDER_SIAGA)
    kolam.panaskan(max(1, min(paralel or _jumlah_inti(), 2)))
    _siapkan_pekerja_latar(daftar_buku(folder_nb))
    return kolam


def _rencana_edisi(daftar: list[tuple[int, str | None]], edisi: tuple[str, ...] | None,
                   keluaran: Path, hitung=None) -> dict[int, tuple[tuple[str, ...], dict | None]]:
    """Edisi per tahun; edisi final yang diminta tetapi belum lengkap ditolak sebelum apa pun ditulis."""
    hasil: dict[int, tuple[tuple[str, ...], dict | None]] = {}
    kurang: dict[int, list[str]] = {}
    for tahun, periode in daftar:
        if edisi is not None and "final" not in edisi:
            hasil[tahun] = (edisi, None)
            continue
        try:
            syarat = _syarat_final(tahun, periode, keluaran, hitung)
        except KesalahanIKU as e:
            if edisi is not None:
                raise
            # otomatis: edisi reviu tetap ditulis; yang kurang untuk edisi final disebut
            syarat = {"sidik": None, "kurang": [f"syarat edisi final tidak dapat diperiksa: {str(e).splitlines()[0]}"]}
        if edisi is None:
            hasil[tahun] = (("reviu", "final") if not syarat["kurang"] else ("reviu",), syarat)
        elif syarat["kurang"]:
            kurang[tahun] = syarat["kurang"]
        else:
            hasil[tahun] = (edisi, syarat)
    if kurang:
        raise EdisiFinalBelumLengkap(kurang)
    return hasil


def render_tahun(
    tahun: int,
    *,
    periode: str | None = None,
    format: tuple[str, ...] = ("html", "pdf"),
    akar_keluaran: Path | None = None,
    notebooks: Path | None = None,
    chromium: str | None = None,
    paralel: int | None = None,
    paksa: bool = False,
    batas_waktu: float | None = None,
    tunggu: float | None = None,
    kolam: Any = None,
    edisi: str | Iterable[str] | None = "reviu",
) -> HasilRender:
    """Eksekusi buku bab yang berubah untuk ``tahun`` dan tulis ``rendered/<tahun>/``.

    Parameters
    ----------
    tahun : int
        Tahun dokumen; harus memiliki ``parameters/<tahun>.yml``.
    periode : str, optional
        Menimpa periode dari parameter (mis. ``"Triwulan I"``).
    format : tuple of {"html", "pdf"}
        Keluaran yang diminta. HTML selalu ditulis (sumber PDF). Bila PDF
        diminta bersama HTML tetapi tidak ada Chromium, PDF dilewati dengan
        peringatan; bila hanya PDF yang diminta, :class:`analisis.document.pdf.KesalahanPDF`.
    akar_keluaran : Path, optional
        Folder ``rendered/`` (bawaan :func:`analisis.core.paths.folder_render`).
    notebooks : Path, optional
        Folder buku bab (bawaan :func:`analisis.core.paths.folder_notebook`).
    chromium : str, optional
        Jalur Chromium untuk PDF (lihat :func:`analisis.document.pdf.cari_chromium`).
    paralel : int, optional
        Jumlah kernel yang bekerja bersamaan (bawaan: jumlah inti prosesor;
        tidak pernah lebih dari jumlah bab yang perlu dieksekusi). Urutan
        dokumen dan pelaporan galat (bab pertama yang gagal menurut urutan)
        tidak bergantung padanya.
    paksa : bool, default False
        Eksekusi ulang semua bab walaupun cache-nya masih berlaku.
    batas_waktu : float, optional
        Detik paling lama untuk satu sel (bawaan :func:`batas_waktu_sel`).
        Sel yang melewatinya dihentikan; pesan menyebut bab dan selnya.
    tunggu : float, optional
        Detik menunggu bila render lain memegang kunci folder keluaran
        (bawaan ``IKU_TUNGGU_KUNCI`` atau 0, lihat :mod:`analisis.document.kunci`).
    kolam : optional
        Kumpulan kernel milik pemanggil yang hidup lama (``iku pratinjau``,
        :mod:`analisis.document.pratinjau`): dipakai alih-alih kumpulan baru dan
        tidak ditutup sesudahnya.
    edisi : {"reviu", "final"} or iterable of them or None, default "reviu"
        Edisi yang ditulis (``IKU-<tahun>-<edisi>.html``/``.pdf``), semuanya dari
        bab yang sama. Edisi final yang belum lengkap (tanggal dokumen,
        penandatangan, keputusan, keputusan atas temuan) ditolak dengan
        :class:`EdisiFinalBelumLengkap` sebelum kunci diambil dan sebelum
        kernel apa pun dijalankan; tidak ada yang ditulis. ``None``: edisi
        reviu, ditambah edisi final bila syaratnya lengkap (bila tidak,
        ``HasilRender.final_belum`` menyebut yang kurang).

    Returns
    -------
    HasilRender
        ``dieksekusi``/``dari_cache`` menyebut bab yang dieksekusi dan yang
        diambil dari cache; ``dilewati`` bila dokumen tidak berubah sama sekali.

    Raises
    ------
    analisis.core.kesalahan.KesalahanParameter
        Parameter tidak sah (sebelum kernel apa pun dijalankan).
    analisis.core.kesalahan.KesalahanData
        Berkas data yang dikenal skema tidak ada (sebelum kernel apa pun dijalankan).
    analisis.document.kunci.KesalahanKunci
        Render lain sedang berjalan untuk folder keluaran yang sama.
    KesalahanRender
        Sebuah bab gagal; pesan menyebut buku, nomor sel, galat, dan buku
        dieksekusi di ``rendered/<tahun>-gagal/`` yang harus dibuka.
        ``rendered/<tahun>/`` yang lama tidak diubah.
    """
    mulai = time.perf_counter()
    fmt = _normalisasi_format(format)
    eds = _normalisasi_edisi(edisi)
    param = _muat_parameter(tahun, periode)
    detik = batas_waktu_sel(batas_waktu)
    folder_nb = Path(notebooks) if notebooks is not None else paths.folder_notebook()
    keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
    th = int(_ambil(param, "tahun", tahun))
    kolam_awal = None if kolam is not None else _kolam_awal(th, periode, eds, keluaran, folder_nb, detik, paralel)
    try:
        if eds is None and not _syarat_tersimpan(th, periode, keluaran):
            rencana_edisi: Any = _EdisiTertunda([(th, periode)], eds, keluaran)
        else:
            rencana_edisi = _rencana_edisi([(th, periode)], eds, keluaran)
        with kunci_render(keluaran, tunggu):
            [hasil] = _render_banyak([(tahun, periode, param, mulai)], fmt, keluaran, folder_nb, chromium, paralel,
                                     paksa, lanjut_bila_gagal=False, batas_waktu=detik,
                                     kolam_luar=kolam or kolam_awal, edisi=rencana_edisi)
    finally:
        if kolam_awal is not None:
            kolam_awal.tutup()
    if isinstance(hasil, BaseException):
        raise hasil
    return hasil


def render_semua(
    format: tuple[str, ...] = ("html", "pdf"),
    *,
    tahun: Iterable[int] | None = None,
    akar_keluaran: Path | None = None,
    notebooks: Path | None = None,
    chromium: str | None = None,
    lanjut_bila_gagal: bool = True,
    paralel: int | None = None,
    paksa: bool = False,
    batas_waktu: float | None = None,
    tunggu: float | None = None,
    edisi: str | Iterable[str] | None = "reviu",
) -> list[HasilRender]:
    """Render setiap tahun yang memiliki parameter, lalu tulis ``rendered/index.html``.

    Parameter semua tahun divalidasi lebih dulu, sebelum kernel apa pun jalan.
    ``batas_waktu``, ``tunggu`` dan ``edisi`` seperti di :func:`render_tahun`;
    edisi final yang belum lengkap untuk salah satu tahun menolak seluruhnya
    (satu pesan untuk semua tahun) sebelum apa pun ditulis.
    Bab semua tahun dieksekusi bersama di satu kumpulan kernel (lihat
    ``paralel`` di :func:`render_tahun`). Tahun yang gagal tidak menghentikan
    tahun lain (kecuali ``lanjut_bila_gagal=False``); setelah indeks ditulis,
    kegagalan dilaporkan sekaligus dalam satu :class:`KesalahanRender`.

    Returns
    -------
    list of HasilRender
        Satu per tahun yang berhasil.
    """
    daftar_tahun = tuple(tahun) if tahun is not None else _tahun_tersedia()
    permintaan = []
    for t in daftar_tahun:
        mulai = time.perf_counter()
        permintaan.append((t, None, _muat_parameter(t, None), mulai))
    fmt = _normalisasi_format(format)
    eds = _normalisasi_edisi(edisi)
    detik = batas_waktu_sel(batas_waktu)
    keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
    folder_nb = Path(notebooks) if notebooks is not None else paths.folder_notebook()
    rencana_edisi = _rencana_edisi([(int(_ambil(p, "tahun", t)), None) for t, _, p, _ in permintaan], eds, keluaran)
    with kunci_render(keluaran, tunggu):
        semua = _render_banyak(permintaan, fmt, keluaran, folder_nb, chromium, paralel, paksa, lanjut_bila_gagal,
                               batas_waktu=detik, edisi=rencana_edisi)
        tulis_indeks(keluaran, daftar_tahun)
    hasil: list[HasilRender] = []
    gagal: list[tuple[int, BaseException]] = []
    for t, h in zip(daftar_tahun, semua):
        if isinstance(h, HasilRender):
            hasil.append(h)
        elif h is not None:
            gagal.append((t, h))
    if gagal:
        berhasil = ", ".join(str(h.tahun) for h in hasil) or "tidak ada"
        rincian = "\n\n".join(f"[{t}] {e}" for t, e in gagal)
        raise KesalahanRender(
            f"Render gagal untuk tahun {', '.join(str(t) for t, _ in gagal)} (berhasil: {berhasil}).\n\n{rincian}"
        )
    return hasil


# ---------------------------------------------------------------------------
# Indeks


def _ukuran_teks(bita: int) -> str:
    """Ukuran berkas yang mudah dibaca.

    >>> _ukuran_teks(532), _ukuran_teks(48_300), _ukuran_teks(2_400_000)
    ('532 B', '47 KB', '2,3 MB')
    """
    if bita < 1024:
        return f"{bita} B"
    if bita < 1024 * 1024:
        return f"{round(bita / 1024)} KB"
    return f"{bita / 1024 / 1024:.1f} MB".replace(".", ",")


def _meta(html_path: Path, nama: str) -> str | None:
    try:
        kepala = html_path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None
    m = re.search(rf'<meta name="{re.escape(nama)}" content="([^"]*)"', kepala)
    return _html.unescape(m.group(1)) if m else None


def tulis_indeks(akar_keluaran: Path | None = None, tahun: Iterable[int] | None = None) -> Path:
    """Tulis ``rendered/index.html``: tautan ke HTML dan PDF kedua edisi (reviu, final) setiap tahun yang ada.

    Tahun diambil dari ``tahun`` ditambah setiap folder ``rendered/<tahun>/``
    yang ada. Halaman berdiri sendiri (CSS sebaris, tanpa skrip); templatnya
    ``templat/indeks.html.j2``. Indeks yang isinya tidak akan berubah tidak
    ditulis ulang (penanda kunci di akhir berkas).
    """
    keluaran = Path(akar_keluaran) if akar_keluaran is not None else paths.folder_render()
    keluaran.mkdir(parents=True, exist_ok=True)
    semua = set(tahun or ())
    semua |= {int(p.name) for p in keluaran.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)}
    baris = []
    for t in sorted(semua):
        folder = keluaran / str(t)
        gagal = keluaran / f"{t}-gagal"
        periode = None
        edisi = {}
        for ed in _edisi.EDISI:
            html_p = folder / _edisi.nama_berkas(t, ed, "html")
            pdf_p = folder / _edisi.nama_berkas(t, ed, "pdf")
            if periode is None and html_p.is_file():
                periode = _meta(html_p, "iku:periode")
            edisi[ed] = {
                "html": f"{t}/{html_p.name}" if html_p.is_file() else None,
                "html_nama": html_p.name,
                "html_ukuran": _ukuran_teks(html_p.stat().st_size) if html_p.is_file() else None,
                "pdf": f"{t}/{pdf_p.name}" if pdf_p.is_file() else None,
                "pdf_nama": pdf_p.name,
                "pdf_ukuran": _ukuran_teks(pdf_p.stat().st_size) if pdf_p.is_file() else None,
            }
        baris.append({
            "tahun": t,
            "periode": periode,
            "edisi": edisi,
            "gagal": f"{gagal.name}/dieksekusi/" if gagal.is_dir() else None,
        })
    jalur = keluaran / "index.html"
    try:
        instansi_berkas = _cache.sha256((paths.folder_data() / "instansi.yaml").read_bytes())
    except (OSError, FileNotFoundError):
        instansi_berkas = None
    penanda = f"<!-- iku:kunci {_cache.kunci([baris, instansi_berkas, _cache.sidik_kode()])} -->"
    with contextlib.suppress(OSError):
        if jalur.read_text(encoding="utf-8").rstrip().endswith(penanda):
            return jalur  # isi indeks tidak berubah
    try:
        nama = _ambil(_muat_instansi(), "nama_lengkap")
    except Exception:  # noqa: BLE001 - indeks tetap ditulis tanpa nama instansi
        nama = None
    templat = _lingkungan_jinja().get_template("indeks.html.j2")
    isi = templat.render(baris=baris, nama=nama).rstrip("\n") + "\n" + penanda + "\n"
    _cache.tulis_atomik(jalur, isi.encode("utf-8"))
    return jalur
