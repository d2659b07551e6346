"""The content hash of an upload, computed as its chunks arrive.

What a video's record holds (``Video.sha256``, declared as ``Upload.sha256_expected``) is the
*content hash*: the file is cut into blocks of ``BLOCK_BYTES`` (4 MiB; the last one shorter),
each block is hashed with SHA-256, and the content hash is the SHA-256 of those digests put end
to end, in lowercase hex (the scheme of Dropbox's ``content_hash``). Unlike one SHA-256 of the
whole file, it can be carried across requests and processes: the digest of every complete block
is appended to a side file next to the staging file (``<upload id>.blocks``, 32 bytes a block)
as the chunks arrive. A restarted process, or another worker, goes on from that file and
re-reads at most the block the last chunk ended in; the last request hashes only the final
partial block (at most 4 MiB), whatever the size of the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO

BLOCK_BYTES = 4 * 1024 * 1024
DIGEST_BYTES = 32


def content_hash_of(data: bytes) -> str:
    """The content hash of ``data`` held in memory (tests, benchmarks, small files)."""
    blocks = [data[i : i + BLOCK_BYTES] for i in range(0, len(data), BLOCK_BYTES)]
    return hashlib.sha256(b"".join(hashlib.sha256(b).digest() for b in blocks)).hexdigest()


def blocks_record(handle: IO[bytes], sidecar: Path, *, start: int, end: int) -> None:
    """Hash the complete blocks of the staging file (open as ``handle``) that the bytes
    ``start``..``end`` completed, into ``sidecar``. Digests of blocks from the one ``start``
    falls in are dropped first: those bytes were written again."""
    first = start // BLOCK_BYTES
    with sidecar.open("a+b") as out:
        out.truncate(min(out.seek(0, os.SEEK_END), first * DIGEST_BYTES))
        out.seek(0, os.SEEK_END)
        known = out.tell() // DIGEST_BYTES
        for index in range(known, end // BLOCK_BYTES):
            handle.seek(index * BLOCK_BYTES)
            out.write(hashlib.sha256(handle.read(BLOCK_BYTES)).digest())
        out.flush()
        os.fsync(out.fileno())


def content_hash(path: Path, sidecar: Path, *, length: int) -> str:
    """The content hash of the staging file ``path`` of ``length`` bytes, from the digests in
    ``sidecar`` (blocks missing there, after a crash, are hashed now) and the final block."""
    sidecar.touch(exist_ok=True)
    known = sidecar.stat().st_size // DIGEST_BYTES
    with path.open("rb") as handle:
        blocks_record(handle, sidecar, start=known * BLOCK_BYTES, end=length)
        digests = sidecar.read_bytes()[: (length // BLOCK_BYTES) * DIGEST_BYTES]
        if length % BLOCK_BYTES:
            handle.seek((length // BLOCK_BYTES) * BLOCK_BYTES)
            digests += hashlib.sha256(handle.read(BLOCK_BYTES)).digest()
    return hashlib.sha256(digests).hexdigest()
