"""Memo hasil hitung: sekali per isi berkas yang dibaca, di satu proses dan antarproses.

Satu cara untuk semua yang diingat paket ini (frame ``data/`` yang sudah
divalidasi, evaluasi kinerja, temuan pemeriksaan, penanda validasi pandera):

- **Sidik berkas** (:func:`sidik_berkas`): SHA-256 isi berkas. Di dalam satu
  proses, isi yang sudah di-hash diingat menurut ``(st_dev, st_ino, st_size,
  st_mtime_ns, st_ctime_ns)``; setiap penulisan (juga yang mengembalikan waktu
  ubah dengan ``os.utime``) mengubah ``st_ctime_ns``, sehingga isinya di-hash
  ulang. Antarproses tidak pernah ada yang dipercaya dari ``stat``: proses baru
  selalu meng-hash isi.
- **Catatan bacaan** (:func:`catat`): setiap pembaca ``data/`` dan
  ``parameters/`` (:func:`analisis.core.data.muat`, teks, YAML,
  :func:`analisis.core.parameter.muat`) mencatat jalurnya. Catatan itu ditulis
  ke ``$IKU_JEJAK`` (dasar cache bab :mod:`analisis.document.render`) dan
  direkam oleh setiap fungsi ber-memo yang sedang berjalan, bersama sidik
  isinya *sebelum* dibaca.
- **Memo** (:func:`ingat`): kunci = nama fungsi, argumen, folder ``data/`` dan
  ``parameters/``, tanda kode ``analisis.core``; hasil dipakai lagi hanya bila
  setiap berkas yang dibaca saat menghitungnya masih berisi sama. Hasil yang
  dipakai lagi mencatat ulang berkas-berkas itu (:func:`catat`), sehingga bab
  yang memakainya tetap tercatat membacanya dan cache bab tidak pernah basi.
  Frame, daftar dan kamus dikembalikan sebagai salinan (dangkal bila isinya
  beku, mis. daftar :class:`analisis.core.periksa.Temuan`).
- **Hit yang murah** (ratusan per bab): folder ``data/``/``parameters/`` dari
  jalur teks (:mod:`analisis.core.paths`), daftar nama berkas dari ``stat``
  setiap folder (:func:`_daftar_nama`), tanda kode dari ``stat`` modul
  ``analisis.core`` (tetap per panggilan, demi ``%autoreload``), setiap berkas
  yang dibaca diperiksa dengan ``stat``, dan ``$IKU_JEJAK`` dibuka sekali per
  hit (jalur yang sudah ditulis ke berkas itu dilewati).
- **Lapisan disk**: bila ``$IKU_MEMO`` disetel (``iku render`` dan
  ``iku pratinjau`` menyetelnya ke :func:`folder_bawaan` bila belum ada),
  hasil fungsi ``ingat(disk=True)`` disimpan sebagai pickle di folder itu,
  dengan kunci yang juga memuat sidik isi semua modul ``analisis.core``, versi
  Python, pandas dan pandera. Proses ``iku`` yang menghitung temuan pemeriksaan
  untuk syarat edisi final meninggalkannya untuk kernel bab. Penulisan atomik
  (berkas sementara lalu ``os.replace``); entri yang rusak, terpotong, dari
  versi lain atau tidak terbaca dihitung ulang, tidak pernah menjadi galat.
  Tanpa variabel itu lapisan disk mati: mengimpor paket tidak mengubah
  keadaan apa pun. Folder itu harus milik pengguna sendiri (pickle dimuat
  dari sana).

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "a.csv").write_text("x\\n1\\n")
4
>>> sidik_berkas(d / "a.csv") == __import__("hashlib").sha256(b"x\\n1\\n").hexdigest()
True
>>> sidik_berkas(d / "tidak-ada.csv") is None
True
>>> panggilan = []
>>> @ingat
... def baris(jalur):
...     catat(jalur)
...     panggilan.append(jalur)
...     return pathlib.Path(jalur).read_text().splitlines()
>>> baris(str(d / "a.csv")), baris(str(d / "a.csv")), len(panggilan)
(['x', '1'], ['x', '1'], 1)
>>> _ = (d / "a.csv").write_text("x\\n2\\n")
>>> baris(str(d / "a.csv")), len(panggilan)
(['x', '2'], 2)
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat as _stat
import sys
import threading
import time
from pathlib import Path, PurePath
from typing import Any, Callable

__all__ = ["ENV", "TIDAK_ADA", "folder", "folder_bawaan", "sidik_berkas", "sidik_modul", "sidik_kode", "catat",
           "ingat", "ambil", "simpan", "kosongkan"]

#: Variabel lingkungan: folder lapisan disk (mati bila tidak disetel).
ENV = "IKU_MEMO"

#: Hasil :func:`ambil` bila tidak ada entri yang sah.
TIDAK_ADA = object()

_FOLDER_CORE = Path(__file__).resolve().parent
_RACY_NS = 1_000_000_000  # berkas yang ditulis kurang dari 1 detik lalu selalu di-hash ulang
_VERSI_FORMAT = "1"

# jalur -> (tanda stat, sidik isi); hanya untuk proses ini
_SIDIK: dict[str, tuple[tuple, str]] = {}
# kunci memo -> _Entri
_SIMPANAN: dict[tuple, "_Entri"] = {}
_lokal = threading.local()
_kunci_tulis = threading.Lock()
_MODUL_CORE: list[str] | None = None


class _Entri:
    __slots__ = ("kode", "berkas", "hasil", "urutan", "salin")

    def __init__(self, kode: tuple, berkas: dict[str, str | None], hasil: Any):
        self.kode, self.berkas, self.hasil = kode, berkas, hasil
        self.urutan = tuple(berkas)
        self.salin = _cara_salin(hasil)


# ----------------------------------------------------------------------------
# sidik


def _tanda_stat(st: os.stat_result) -> tuple:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def sidik_berkas(jalur: str | os.PathLike) -> str | None:
    """SHA-256 isi berkas ``jalur`` (heksadesimal), atau ``None`` bila tidak ada atau bukan berkas biasa.

    Isi selalu di-hash sekali per proses; sesudahnya hanya bila tanda
    ``stat``-nya (termasuk ``st_ctime_ns``) berubah, atau bila berkas ditulis
    kurang dari satu detik sebelum di-hash (waktu berkas berbutir kasar).
    """
    return _sidik_mutlak(os.path.abspath(os.fspath(jalur)))


def _sidik_mutlak(p: str) -> str | None:
    """:func:`sidik_berkas` untuk jalur yang sudah mutlak (kunci catatan memo)."""
    try:
        st = os.stat(p)
    except (OSError, ValueError):
        return None
    if not _stat.S_ISREG(st.st_mode):
        return None
    tanda = _tanda_stat(st)
    lama = _SIDIK.get(p)
    if lama is not None and lama[0] == tanda:
        return lama[1]
    try:
        with open(p, "rb") as f:
            sidik = hashlib.file_digest(f, "sha256").hexdigest()
        sesudah = _tanda_stat(os.stat(p))
    except OSError:
        return None
    # Diingat menurut tandanya hanya bila tidak berubah selama dibaca dan tidak baru saja ditulis: waktu berkas
    # berbutir kasar (satu tik jam kernel) di sebagian sistem berkas, jadi penulisan kedua dalam tik yang sama
    # dengan ukuran sama tidak mengubah tandanya (berkas "racy" seperti di indeks git: selalu di-hash ulang).
    if sesudah == tanda and time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > _RACY_NS:
        _SIDIK[p] = (tanda, sidik)
    return sidik


def _berkas_modul(nama: str) -> str | None:
    modul = sys.modules.get(nama)
    berkas = getattr(modul, "__file__", None)
    if berkas is None:
        import importlib.util

        try:
            spec = importlib.util.find_spec(nama)
        except (ImportError, ValueError):
            spec = None
        berkas = getattr(spec, "origin", None)
    return berkas


def sidik_modul(*nama: str) -> str:
    """Sidik isi sumber modul ``nama`` (mis. ``"analisis.core.skema"``), urut nama.

    >>> sidik_modul("analisis.core.memo") == sidik_modul("analisis.core.memo")
    True
    """
    h = hashlib.sha256()
    for m in sorted(set(nama)):
        berkas = _berkas_modul(m)
        h.update(f"{m}\0{sidik_berkas(berkas) if berkas else None}\0".encode())
    return h.hexdigest()


def _modul_core() -> list[str]:
    global _MODUL_CORE
    if _MODUL_CORE is None:
        _MODUL_CORE = sorted(p.name for p in _FOLDER_CORE.glob("*.py"))
    return _MODUL_CORE


# (folder core, daftar nama modul) -> jalur teks setiap modul: tanpa Path per panggilan _tanda_kode
_JALUR_CORE: tuple[Path, list[str], tuple[str, ...]] | None = None


def _jalur_core() -> tuple[str, ...]:
    global _JALUR_CORE
    nama = _modul_core()
    if _JALUR_CORE is None or _JALUR_CORE[0] is not _FOLDER_CORE or _JALUR_CORE[1] is not nama:
        folder = os.fspath(_FOLDER_CORE)
        _JALUR_CORE = (_FOLDER_CORE, nama, tuple(os.path.join(folder, n) for n in nama))
    return _JALUR_CORE[2]


def sidik_kode() -> str:
    """Sidik isi setiap modul ``analisis/core/*.py``: bagian kunci lapisan disk.

    >>> len(sidik_kode())
    64
    """
    h = hashlib.sha256()
    for nama in _modul_core():
        h.update(f"{nama}\0{sidik_berkas(_FOLDER_CORE / nama)}\0".encode())
    return h.hexdigest()


def _tanda_kode() -> tuple:
    """Tanda ``stat`` modul ``analisis/core/*.py`` (tanpa membukanya): kunci lapisan di memori.

    Berkas tidak dibuka, jadi kait audit kernel tidak mencatat modul yang
    tidak diimpor bab sebagai bacaan; di satu proses ``st_ctime_ns`` berubah
    pada setiap penulisan, jadi modul yang disunting (``%autoreload``)
    membuat kunci baru.
    """
    hasil = []
    for jalur in _jalur_core():
        try:
            hasil.append(_tanda_stat(os.stat(jalur)))
        except OSError:
            hasil.append(None)
    return tuple(hasil)


def _versi() -> str:
    pd = sys.modules.get("pandas")
    pa = sys.modules.get("pandera")
    return f"{sys.version}|{getattr(pd, '__version__', '')}|{getattr(pa, '__version__', '')}|{_VERSI_FORMAT}"


# ----------------------------------------------------------------------------
# catatan bacaan


def _tumpukan() -> list[dict[str, str | None]]:
    t = getattr(_lokal, "tumpukan", None)
    if t is None:
        t = _lokal.tumpukan = []
    return t


class _Jejak:
    """Apa yang sudah ditulis proses ini ke satu berkas ``$IKU_JEJAK``."""

    __slots__ = ("id", "ukuran", "tertulis")

    def __init__(self):
        self.id: tuple | None = None
        self.ukuran = 0
        self.tertulis: set[str] = set()


# jalur $IKU_JEJAK -> _Jejak
_JEJAK: dict[str, _Jejak] = {}
_kunci_jejak = threading.Lock()


def _ke_jejak(jalur: list[str] | tuple[str, ...]) -> None:
    """Tulis ``jalur`` ke ``$IKU_JEJAK`` (bila disetel) dengan satu ``open``; jalur yang sudah ditulis dilewati.

    Jalur yang sudah ditulis proses ini ke berkas yang sama tidak ditulis
    lagi (pembacanya, :mod:`analisis.document.render`, mengumpulkannya sebagai
    himpunan). Berkas yang dikosongkan (ukurannya lebih kecil dari sesudah
    penulisan terakhir kita), dihapus atau diganti (inode lain) dianggap baru:
    semuanya ditulis lagi.
    """
    tujuan = os.environ.get("IKU_JEJAK")
    if not tujuan:
        return
    with _kunci_jejak:
        j = _JEJAK.get(tujuan)
        if j is None:
            j = _JEJAK[tujuan] = _Jejak()
        if j.tertulis:
            try:
                st = os.stat(tujuan)
                sama = (st.st_dev, st.st_ino) == j.id and st.st_size >= j.ukuran
            except OSError:
                sama = False
            if not sama:
                j.tertulis = set()
        baru = [p for p in dict.fromkeys(jalur) if p not in j.tertulis]
        if not baru:
            return
        with open(tujuan, "a", encoding="utf-8") as f:
            f.write("".join(f"{p}\n" for p in baru))
            f.flush()
            st = os.fstat(f.fileno())
            j.id, j.ukuran = (st.st_dev, st.st_ino), st.st_size
        j.tertulis.update(baru)


def _rekam(jalur: str, sidik: str | None, ada_sidik: bool) -> None:
    _ke_jejak((jalur,))
    tumpukan = getattr(_lokal, "tumpukan", None)
    if tumpukan:
        p = os.path.abspath(jalur)
        for rekaman in tumpukan:
            if p not in rekaman:
                if not ada_sidik:
                    sidik, ada_sidik = sidik_berkas(p), True
                rekaman[p] = sidik


def catat(jalur: str | os.PathLike) -> None:
    """Catat bahwa ``jalur`` dibaca (atau dicari): ke ``$IKU_JEJAK`` dan ke setiap memo yang sedang menghitung.

    Dipanggil *sebelum* berkas dibaca; berkas yang tidak ada juga dicatat
    (sidiknya ``None``), sehingga berkas yang kemudian dibuat membuat hasil
    dihitung ulang.
    """
    _rekam(os.fspath(jalur), None, False)


# ----------------------------------------------------------------------------
# lapisan disk


def folder() -> Path | None:
    """Folder lapisan disk (``$IKU_MEMO``), atau ``None`` bila mati."""
    f = os.environ.get(ENV)
    return Path(f) if f else None


def folder_bawaan() -> Path:
    """Folder yang disetel ``iku render``/``iku pratinjau`` bila ``$IKU_MEMO`` belum ada: di cache pengguna."""
    dasar = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(dasar) / "iku" / "memo"


def _jalur_disk(kunci: str) -> Path | None:
    f = folder()
    if f is None:
        return None
    return f / (hashlib.sha256(f"{kunci}\0{_versi()}".encode("utf-8", "surrogatepass")).hexdigest() + ".pkl")


def ambil(kunci: str) -> Any:
    """Nilai yang disimpan :func:`simpan` dengan ``kunci`` yang sama, atau :data:`TIDAK_ADA`.

    Entri yang rusak, terpotong atau tidak terbaca = :data:`TIDAK_ADA`.
    """
    jalur = _jalur_disk(kunci)
    if jalur is None:
        return TIDAK_ADA
    try:
        with open(jalur, "rb") as f:
            isi = pickle.load(f)
    except FileNotFoundError:
        return TIDAK_ADA
    except Exception:  # rusak, terpotong, kelas yang tidak ada lagi: hitung ulang
        return TIDAK_ADA
    if not isinstance(isi, dict) or isi.get("kunci") != kunci or isi.get("versi") != _versi():
        return TIDAK_ADA
    return isi.get("nilai", TIDAK_ADA)


def simpan(kunci: str, nilai: Any) -> None:
    """Simpan ``nilai`` di lapisan disk (bila hidup) dengan ``kunci``: atomik; kegagalan diabaikan."""
    jalur = _jalur_disk(kunci)
    if jalur is None:
        return
    try:
        isi = pickle.dumps({"kunci": kunci, "versi": _versi(), "nilai": nilai}, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return  # tidak dapat di-pickle: hanya di memori
    sementara = jalur.with_name(f".{jalur.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        jalur.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(sementara, "wb") as f:
            f.write(isi)
        os.replace(sementara, jalur)
    except OSError:
        try:
            os.unlink(sementara)
        except OSError:
            pass


# ----------------------------------------------------------------------------
# memo


def _abaikan(nama: str) -> bool:
    return nama.startswith(".") or nama.endswith("~") or nama.endswith("#")


# akar -> (((folder, tanda stat), ...) setiap folder yang ditelusuri, sidik daftar nama); hanya untuk proses ini
_DAFTAR: dict[str, tuple[tuple[tuple[str, tuple], ...], str]] = {}


def _tanda_folder(folder: str) -> tuple | None:
    try:
        return _tanda_stat(os.stat(folder))
    except (OSError, ValueError):
        return None


def _umumkan(folder_folder) -> None:
    """Daftar folder dibaca: ``os.scandir`` tanpa membaca isinya, agar kait audit kernel bab mencatatnya.

    Kernel :mod:`analisis.document.render` mencatat setiap folder yang
    didaftar (baris ``D\t``); daftar yang diambil dari ingatan tetap tercatat
    seperti ketika ``os.walk`` benar-benar dijalankan.
    """
    if not os.environ.get("IKU_JEJAK"):
        return
    for folder in folder_folder:
        try:
            os.scandir(folder).close()
        except OSError:
            pass


def _daftar_nama(akar: str | None) -> str | None:
    """Sidik daftar nama berkas di bawah ``akar`` (tanpa berkas tersembunyi dan berkas sementara penyunting).

    Di satu proses sidik itu diingat bersama tanda ``stat`` setiap folder
    yang ditelusuri: menambah, menghapus atau mengganti nama sebuah entri
    mengubah waktu ubah foldernya, jadi daftar nama hanya dibaca ulang bila
    tanda salah satu folder berubah (satu ``stat`` per folder, bukan
    ``os.walk`` setiap nama). Seperti :func:`sidik_berkas`, daftar diingat
    hanya bila tidak ada folder yang berubah selama ditelusuri atau kurang
    dari satu detik sebelumnya (waktu berbutir kasar).

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.csv"), "w").close()
    >>> a = _daftar_nama(d); _ = open(os.path.join(d, "b.csv"), "w").close()
    >>> _daftar_nama(d) != a, _daftar_nama(d) == _daftar_nama(d)
    (True, True)
    """
    if akar is None:
        return None
    lama = _DAFTAR.get(akar)
    if lama is not None and all(_tanda_folder(f) == t for f, t in lama[0]):
        _umumkan(f for f, _ in lama[0])
        return lama[1]
    if not os.path.isdir(akar):
        _DAFTAR.pop(akar, None)
        return None
    nama: list[str] = []
    tanda: list[tuple[str, tuple | None]] = []
    pasti = [True]  # daftar boleh diingat: tanpa galat baca folder dan tanpa tautan simbolik

    def telusuri(dasar: str) -> None:
        # seperti os.walk(akar) (topdown, tanpa mengikuti tautan folder, folder yang tidak terbaca dilewati),
        # dengan tanda stat setiap folder diambil *sebelum* isinya dibaca
        tanda.append((dasar, _tanda_folder(dasar)))
        try:
            with os.scandir(dasar) as it:
                entri = list(it)
        except OSError:
            pasti[0] = False
            return
        sub, berkas = [], []
        for e in entri:
            try:
                if e.is_symlink():
                    pasti[0] = False
                folder = e.is_dir()
            except OSError:
                folder = False
            (sub if folder else berkas).append(e.name)
        rel = os.path.relpath(dasar, akar)
        nama.extend(os.path.join(rel, b) for b in sorted(berkas) if not _abaikan(b))
        for s in sorted(s for s in sub if not _abaikan(s)):
            jalur = os.path.join(dasar, s)
            if not os.path.islink(jalur):
                telusuri(jalur)

    mulai = time.time_ns()
    telusuri(akar)
    sidik = hashlib.sha256("\n".join(nama).encode("utf-8", "surrogatepass")).hexdigest()
    # Diingat hanya bila tidak ada folder yang berubah sejak tandanya diambil sampai sekarang, dan setiap folder
    # terakhir berubah lebih dari satu detik sebelum penelusuran mulai: perubahan sesudahnya pasti memberi
    # waktu ubah lain walau jamnya berbutir kasar.
    if (pasti[0] and all(t is not None and mulai - max(t[3:]) > _RACY_NS for _, t in tanda)
            and all(_tanda_folder(f) == t for f, t in tanda)):
        _DAFTAR[akar] = (tuple(tanda), sidik)
    else:
        _DAFTAR.pop(akar, None)
    return sidik


def _konteks(daftar: bool) -> tuple:
    """Folder ``data/`` dan ``parameters/`` yang berlaku (dan sidik daftar namanya bila ``daftar``)."""
    from . import paths

    try:
        fd = os.path.abspath(paths.folder_data())
    except (OSError, ValueError):
        fd = None
    try:
        fp = os.path.abspath(paths.folder_parameter())
    except (OSError, ValueError):
        fp = None
    if not daftar:
        return (fd, fp)
    return (fd, fp, _daftar_nama(fd), _daftar_nama(fp))


_TETAP = (str, int, float, bool, type(None), bytes)


def _tetap(x: Any) -> bool:
    """Nilai yang ``repr``-nya sama di setiap proses (kunci lapisan disk)."""
    if isinstance(x, _TETAP) or isinstance(x, PurePath):
        return True
    if isinstance(x, tuple):
        return all(_tetap(v) for v in x)
    return False


def _masih_sah(berkas: dict[str, str | None]) -> bool:
    # kunci catatan selalu jalur mutlak (os.path.abspath saat direkam)
    return all(_sidik_mutlak(p) == s for p, s in berkas.items())


_BEKU_DASAR = (str, int, float, complex, bool, type(None), bytes, PurePath, range)


def _beku(x: Any, sisa: list[int]) -> bool:
    """``x`` tidak dapat diubah di tempat: teks, angka, ``Path``, tuple/frozenset/dataclass beku darinya.

    ``sisa``: batas banyaknya objek yang diperiksa (hasil besar dianggap tidak beku: disalin dalam).
    """
    sisa[0] -= 1
    if sisa[0] < 0:
        return False
    if isinstance(x, _BEKU_DASAR):
        return True
    if isinstance(x, (tuple, frozenset)):
        return all(_beku(v, sisa) for v in x)
    param = getattr(type(x), "__dataclass_params__", None)
    if param is not None and param.frozen:
        import dataclasses

        return all(_beku(getattr(x, f.name), sisa) for f in dataclasses.fields(x))
    return False


def _cara_salin(hasil: Any) -> Callable[[Any], Any]:
    """Cara menyalin ``hasil`` untuk setiap pemakai, ditentukan sekali per entri.

    Frame pandas: ``.copy()``. Daftar, kamus dan himpunan yang isinya beku
    (mis. daftar :class:`analisis.core.periksa.Temuan`, dataclass beku berisi
    teks): salinan dangkal, yang sudah melindungi wadah milik pemanggil.
    Daftar, kamus dan himpunan lain: ``copy.deepcopy``. Selebihnya apa adanya.

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class T:
    ...     kode: str
    ...     nilai: float
    >>> _cara_salin([T("A", 1.0), ("x", 2)]) is list, _cara_salin({"a": T("B", 2.0)}) is dict
    (True, True)
    >>> _cara_salin([{"a": 1}]).__name__, _cara_salin((1, 2)).__name__
    ('deepcopy', '_apa_adanya')
    """
    import copy

    if hasattr(hasil, "copy") and type(hasil).__module__.startswith("pandas"):
        return _salin_pandas
    if isinstance(hasil, (list, set)):
        return type(hasil) if type(hasil) in (list, set) and _beku(tuple(hasil), [10_000]) else copy.deepcopy
    if isinstance(hasil, dict):
        if type(hasil) is dict and _beku((tuple(hasil), tuple(hasil.values())), [10_000]):
            return dict
        return copy.deepcopy
    return _apa_adanya


def _salin_pandas(hasil: Any) -> Any:
    return hasil.copy()


def _apa_adanya(hasil: Any) -> Any:
    return hasil


def _salin(hasil: Any) -> Any:
    return _cara_salin(hasil)(hasil)


def _pakai(entri: _Entri) -> Any:
    """Hasil entri yang masih sah: berkasnya dicatat (``$IKU_JEJAK`` sekali buka, memo yang sedang menghitung)."""
    _ke_jejak(entri.urutan)
    tumpukan = getattr(_lokal, "tumpukan", None)
    if tumpukan:
        for rekaman in tumpukan:
            for p, s in entri.berkas.items():
                if p not in rekaman:
                    rekaman[p] = s
    return entri.salin(entri.hasil)


def _pengikat(tanda) -> Callable[[tuple, dict], tuple] | None:
    """``(args, kwargs) -> ((nama, nilai), ...)`` sama dengan ``bind`` + ``apply_defaults``, tanpa ``inspect`` per panggilan.

    Hanya untuk tanda tangan sederhana (parameter posisi-atau-kata-kunci dan
    kata-kunci saja); selain itu ``None`` (``inspect`` dipakai). Argumen yang
    salah menimbulkan ``TypeError``, seperti ``bind``.

    >>> import inspect
    >>> def f(nama, folder=None, *, tahun=2025): ...
    >>> ikat = _pengikat(inspect.signature(f))
    >>> ikat(("lks",), {}), ikat(("lks",), {"tahun": 2024, "folder": "d"})
    ((('nama', 'lks'), ('folder', None), ('tahun', 2025)), (('nama', 'lks'), ('folder', 'd'), ('tahun', 2024)))
    >>> ikat((), {})
    Traceback (most recent call last):
    TypeError: argumen nama tidak ada
    """
    import inspect

    P = inspect.Parameter
    param = list(tanda.parameters.values())
    if any(p.kind not in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY) for p in param):
        return None
    nama = tuple(p.name for p in param)
    n_posisi = sum(p.kind is P.POSITIONAL_OR_KEYWORD for p in param)
    bawaan = tuple(p.default for p in param)
    indeks = {n: i for i, n in enumerate(nama)}
    kosong = P.empty

    def ikat(args: tuple, kwargs: dict) -> tuple:
        if len(args) > n_posisi:
            raise TypeError("terlalu banyak argumen posisi")
        nilai = list(args) + [kosong] * (len(nama) - len(args))
        for k, v in kwargs.items():
            i = indeks.get(k)
            if i is None or i < len(args):
                raise TypeError(f"argumen {k} tidak dikenal atau ganda")
            nilai[i] = v
        for i, v in enumerate(nilai):
            if v is kosong:
                if bawaan[i] is kosong:
                    raise TypeError(f"argumen {nama[i]} tidak ada")
                nilai[i] = bawaan[i]
        return tuple(zip(nama, nilai))

    return ikat


def ingat(fungsi: Callable | None = None, *, disk: bool = False, daftar: bool = False):
    """Dekorator: hasil dihitung sekali per (argumen, isi setiap berkas yang dibaca saat menghitungnya).

    Parameters
    ----------
    disk : bool
        Juga simpan dan cari di lapisan disk (``$IKU_MEMO``), untuk hasil yang
        mahal dan dipakai beberapa proses (temuan pemeriksaan).
    daftar : bool
        Daftar nama berkas ``data/`` dan ``parameters/`` ikut menjadi kunci
        (untuk fungsi yang bergantung pada berkas apa saja yang ada).

    Argumen harus dapat di-hash; bila tidak, fungsi dihitung tanpa memo.
    Lapisan disk hanya untuk argumen bernilai tetap (teks, angka, ``Path``,
    tuple). Fungsi asli tersedia sebagai ``.tanpa_memo``.
    """

    def dekorator(f: Callable) -> Callable:
        import inspect

        nama = f"{f.__module__}.{f.__qualname__}"
        tanda = inspect.signature(f)
        ikat_cepat = _pengikat(tanda)

        def argumen(args, kwargs) -> tuple:
            if ikat_cepat is not None:
                return ikat_cepat(args, kwargs)
            ikat = tanda.bind(*args, **kwargs)
            ikat.apply_defaults()
            return tuple(ikat.arguments.items())

        @functools.wraps(f)
        def bungkus(*args, **kwargs):
            try:
                # argumen menurut nama parameternya, dengan nilai bawaan: f(2025) = f(tahun=2025) = f(2025, None)
                kunci = (nama, argumen(args, kwargs), _konteks(daftar))
                hash(kunci)
            except TypeError:  # argumen salah atau tak ter-hash (mis. pita berupa list): hitung tanpa memo
                return f(*args, **kwargs)
            kode = _tanda_kode()
            entri = _SIMPANAN.get(kunci)
            if entri is not None and entri.kode == kode and _masih_sah(entri.berkas):
                return _pakai(entri)
            kunci_disk = None
            if disk and folder() is not None and _tetap(kunci):
                kunci_disk = f"ingat\0{kunci!r}\0{sidik_kode()}"
                dari_disk = ambil(kunci_disk)
                if (isinstance(dari_disk, tuple) and len(dari_disk) == 2 and isinstance(dari_disk[0], dict)
                        and _masih_sah(dari_disk[0])):
                    entri = _SIMPANAN[kunci] = _Entri(kode, dari_disk[0], dari_disk[1])
                    return _pakai(entri)
            rekaman: dict[str, str | None] = {}
            tumpukan = _tumpukan()
            tumpukan.append(rekaman)
            try:
                hasil = f(*args, **kwargs)
            finally:
                tumpukan.pop()
            entri = _SIMPANAN[kunci] = _Entri(kode, rekaman, hasil)
            if kunci_disk is not None:
                simpan(kunci_disk, (rekaman, hasil))
            return entri.salin(hasil)

        bungkus.tanpa_memo = f
        return bungkus

    return dekorator(fungsi) if fungsi is not None else dekorator


def kosongkan() -> None:
    """Buang semua hasil yang diingat di proses ini (tidak pernah perlu untuk kebenaran; untuk pengukuran)."""
    _SIMPANAN.clear()
