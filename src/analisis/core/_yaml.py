"""Pemuat YAML yang aman untuk ``data/*.yaml`` dan ``parameters/*.yml``.

``yaml.safe_load`` sendiri menerima tiga hal yang diam-diam mengubah dokumen
atau menghabiskan mesin:

- **kunci ganda** (``nama_daerah`` dua kali): nilai kedua menang tanpa pesan.
  Di sini ditolak dengan nama kunci dan kedua nomor barisnya.
- **bom alias** (``a: &a [x, x]``, ``b: &b [*a, *a]`` …): 1 KB teks menjadi
  miliaran simpul begitu diuraikan oleh validasi atau pesan kesalahan. Di sini
  jumlah alias dibatasi (:data:`BATAS_ALIAS`) dan ukuran struktur setelah alias
  diuraikan dihitung sebelum apa pun dibangun (:data:`BATAS_SIMPUL`).
- **tanggal mustahil** (``2025-02-30``): ``ValueError`` Python tanpa berkas dan
  baris. Di sini menjadi pesan dengan nomor baris.

Berkas yang lebih besar dari :data:`BATAS_BITA` ditolak tanpa diurai.

Examples
--------
>>> baca_teks("a: 1\\nb: [x, y]\\n", "contoh.yml")
{'a': 1, 'b': ['x', 'y']}
>>> try:
...     baca_teks("a: 1\\nb: 2\\na: 3\\n", "contoh.yml")
... except YAMLTidakSah as e:
...     print(e)
contoh.yml, baris 3, kunci 'a': kunci ganda (sudah ada di baris 1); hapus salah satunya
>>> bom = "a: &a [x,x,x,x,x,x,x,x,x]\\n" + "".join(
...     f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\\n" for p, c in zip("abcdefgh", "bcdefghi"))
>>> try:
...     baca_teks(bom, "bom.yaml")
... except YAMLTidakSah as e:
...     print(str(e)[:62])
bom.yaml, baris 7, kunci 'g': terlalu banyak alias YAML (lebih
>>> try:
...     baca_teks("tanggal: 2025-02-30\\n", "p.yml")
... except YAMLTidakSah as e:
...     print(e)
p.yml, baris 1, kunci 'tanggal', nilai '2025-02-30': tanggal tidak ada di kalender (tulis YYYY-MM-DD dengan bulan 1–12 dan hari yang ada di bulan itu)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .kesalahan import KesalahanIKU, ringkas

__all__ = ["YAMLTidakSah", "baca", "baca_teks", "BATAS_ALIAS", "BATAS_SIMPUL", "BATAS_BITA"]

#: Alias (``*nama``) paling banyak dalam satu berkas.
BATAS_ALIAS = 50
#: Simpul paling banyak setelah setiap alias diuraikan.
BATAS_SIMPUL = 200_000
#: Ukuran berkas paling besar (bita).
BATAS_BITA = 2_000_000


class YAMLTidakSah(KesalahanIKU):
    """Berkas YAML tidak dapat dimuat; pesannya menyebut berkas, baris, kunci dan sebabnya."""

    def __init__(self, berkas: str, baris: int | None, kunci: str | None, aturan: str, nilai: object = None):
        self.berkas, self.baris, self.kunci, self.aturan, self.nilai = berkas, baris, kunci, aturan, nilai
        bagian = [berkas]
        if baris is not None:
            bagian.append(f"baris {baris}")
        if kunci:
            bagian.append(f"kunci '{kunci}'")
        if nilai is not None:
            bagian.append(f"nilai {ringkas(nilai)}")
        super().__init__(", ".join(bagian) + f": {aturan}")


class _Galat(Exception):
    def __init__(self, node: Node, aturan: str, nilai: object = None, kunci: str | None = None):
        self.node, self.aturan, self.nilai, self.kunci = node, aturan, nilai, kunci


class _Pemuat(yaml.SafeLoader):
    """SafeLoader yang menghitung alias, menolak kunci ganda dan tanggal mustahil."""

    def __init__(self, teks: str):
        super().__init__(teks)
        self._alias = 0
        self._kunci_node: dict[int, str] = {}  # id simpul nilai → kunci induknya (untuk pesan)
        self._jalur: list[str] = []  # kunci yang sedang diurai, dari akar

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._alias += 1
            if self._alias > BATAS_ALIAS:
                event = self.peek_event()
                simpul = ScalarNode("tag:yaml.org,2002:str", "", event.start_mark, event.end_mark)
                self._kunci_node[id(simpul)] = ".".join(self._jalur)
                raise _Galat(simpul, f"terlalu banyak alias YAML (lebih dari {BATAS_ALIAS}); tulis nilainya langsung")
        kunci = isinstance(parent, MappingNode) and isinstance(index, ScalarNode)
        if kunci:
            self._jalur.append(str(index.value)[:40])
        try:
            node = super().compose_node(parent, index)
        finally:
            if kunci:
                self._jalur.pop()
        if kunci:
            self._kunci_node.setdefault(id(node), ".".join([*self._jalur, str(index.value)[:40]]))
        return node

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            self.flatten_mapping(node)
            dilihat: dict[object, int] = {}
            for k, _ in node.value:
                if isinstance(k, ScalarNode):
                    kunci = self.construct_object(k, deep=True)
                    try:
                        if kunci in dilihat:
                            induk = self._kunci_node.get(id(node))
                            raise _Galat(k, f"kunci ganda (sudah ada di baris {dilihat[kunci] + 1}); hapus salah satunya",
                                         kunci=f"{induk}.{k.value}" if induk else str(k.value))
                        dilihat[kunci] = k.start_mark.line
                    except TypeError:
                        pass
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as e:
            raise _Galat(node, "tanggal tidak ada di kalender (tulis YYYY-MM-DD dengan bulan 1–12 dan hari yang ada di "
                               "bulan itu)", node.value) from None


_Pemuat.add_constructor("tag:yaml.org,2002:timestamp", _Pemuat.construct_yaml_timestamp)
_Pemuat.add_constructor("tag:yaml.org,2002:map", _Pemuat.construct_yaml_map)


def _ukuran(node: Node, memo: dict[int, int]) -> int:
    """Jumlah simpul setelah alias diuraikan (simpul bersama dihitung setiap kali dirujuk)."""
    hasil = memo.get(id(node))
    if hasil is not None:
        return hasil
    memo[id(node)] = 1  # siklus: hitung sekali
    n = 1
    if isinstance(node, SequenceNode):
        for anak in node.value:
            n += _ukuran(anak, memo)
            if n > BATAS_SIMPUL:
                break
    elif isinstance(node, MappingNode):
        for k, v in node.value:
            n += _ukuran(k, memo) + _ukuran(v, memo)
            if n > BATAS_SIMPUL:
                break
    memo[id(node)] = n
    return n


def baca_teks(teks: str, label: str) -> Any:
    """Urai teks YAML; :class:`YAMLTidakSah` dengan ``label`` (nama berkas), baris dan kunci bila gagal."""
    if len(teks) > BATAS_BITA:
        raise YAMLTidakSah(label, None, None, f"berkas terlalu besar ({len(teks):,} karakter; paling banyak "
                                              f"{BATAS_BITA:,})".replace(",", "."))
    pemuat = _Pemuat(teks)
    try:
        node = pemuat.get_single_node()
        if node is None:
            return None
        if _ukuran(node, {}) > BATAS_SIMPUL:
            raise _Galat(node, f"struktur terlalu besar setelah alias diuraikan (lebih dari {BATAS_SIMPUL:,} "
                               "simpul); kemungkinan bom alias".replace(",", "."))
        return pemuat.construct_document(node)
    except _Galat as g:
        kunci = g.kunci or pemuat._kunci_node.get(id(g.node))
        raise YAMLTidakSah(label, g.node.start_mark.line + 1, kunci, g.aturan, g.nilai) from None
    except yaml.MarkedYAMLError as e:
        tanda = e.problem_mark or e.context_mark
        masalah = _terjemah(e.problem or e.context or "")
        raise YAMLTidakSah(label, None if tanda is None else tanda.line + 1, None, f"bukan YAML yang sah ({masalah})") from None
    except yaml.YAMLError as e:
        raise YAMLTidakSah(label, None, None, f"bukan YAML yang sah ({_terjemah(str(e))[:200]})") from None
    except RecursionError:
        raise YAMLTidakSah(label, None, None, "struktur bersarang terlalu dalam") from None
    finally:
        pemuat.dispose()


_ISTILAH = {
    "found character that cannot start any token": "karakter yang tidak boleh mengawali nilai",
    "mapping values are not allowed here": "titik dua di tempat yang tidak boleh (beri tanda petik pada nilai)",
    "found undefined alias": "alias tidak dikenal",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ada",
    "found unexpected end of stream": "berkas berakhir di tengah nilai",
    "expected <block end>, but found": "indentasi tidak konsisten",
    "found unhashable key": "kunci tidak dapat dipakai sebagai kunci",
    "found duplicate anchor": "anchor ganda",
    "expected a single document in the stream": "berkas harus memuat satu dokumen saja",
    "found unknown escape character": "karakter escape tidak dikenal",
    "found a tab character": "karakter tab tidak boleh dipakai untuk indentasi",
}


def _terjemah(masalah: str) -> str:
    for en, idn in _ISTILAH.items():
        if en in masalah:
            return idn
    return masalah[:120]


def baca(jalur: Path, label: str | None = None) -> Any:
    """Baca berkas YAML (UTF-8, BOM boleh) dengan :func:`baca_teks`."""
    label = label or jalur.name
    try:
        ukuran = jalur.stat().st_size
    except FileNotFoundError:
        raise YAMLTidakSah(label, None, None, "berkas tidak ditemukan") from None
    if ukuran > BATAS_BITA:
        raise YAMLTidakSah(label, None, None, f"berkas terlalu besar ({ukuran:,} bita; paling banyak "
                                              f"{BATAS_BITA:,})".replace(",", "."))
    try:
        teks = jalur.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise YAMLTidakSah(label, None, None, f"berkas bukan teks UTF-8 (bita ke-{e.start})") from None
    return baca_teks(teks, label)
