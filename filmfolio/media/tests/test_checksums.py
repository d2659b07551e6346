"""The content hash kept as chunks arrive: the same value as hashing the whole file at once,
across chunks cut anywhere, a lost side file (a crash) and a chunk written again."""

from __future__ import annotations

import hashlib
import itertools
import os

from filmfolio.media.services.checksums import (
    BLOCK_BYTES,
    blocks_record,
    content_hash,
    content_hash_of,
)


def _append(path, sidecar, data: bytes, start: int, end: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(start)
        handle.write(data[start:end])
        handle.flush()
        blocks_record(handle, sidecar, start=start, end=end)


def test_the_content_hash_is_sha256_of_the_block_digests():
    data = bytes(range(256)) * (BLOCK_BYTES // 256) + b"tail"
    digests = hashlib.sha256(data[:BLOCK_BYTES]).digest() + hashlib.sha256(b"tail").digest()
    assert content_hash_of(data) == hashlib.sha256(digests).hexdigest()


def test_chunks_cut_anywhere_give_the_hash_of_the_whole_file(tmp_path):
    data = os.urandom(2 * BLOCK_BYTES + 12345)
    path, sidecar = tmp_path / "u.part", tmp_path / "u.blocks"
    path.touch()
    cuts = [0, 1000, BLOCK_BYTES + 7, 2 * BLOCK_BYTES, len(data)]
    for start, end in itertools.pairwise(cuts):
        _append(path, sidecar, data, start, end)
    assert sidecar.stat().st_size == 2 * 32
    assert content_hash(path, sidecar, length=len(data)) == content_hash_of(data)


def test_a_lost_side_file_and_a_chunk_written_again_are_recovered(tmp_path):
    data = os.urandom(3 * BLOCK_BYTES)
    path, sidecar = tmp_path / "u.part", tmp_path / "u.blocks"
    path.write_bytes(b"\0" * len(data))
    _append(path, sidecar, data, 0, len(data))
    sidecar.write_bytes(sidecar.read_bytes()[:32])  # a restart lost the last two digests
    assert content_hash(path, sidecar, length=len(data)) == content_hash_of(data)
    damaged = bytearray(data)
    damaged[BLOCK_BYTES + 5] ^= 0xFF
    _append(path, sidecar, bytes(damaged), BLOCK_BYTES, len(data))
    _append(path, sidecar, data, BLOCK_BYTES, len(data))  # the client sends it again
    assert content_hash(path, sidecar, length=len(data)) == content_hash_of(data)
