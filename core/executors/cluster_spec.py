"""The `--cluster` value: `local`, `local:N`, `sync` or a scheduler address such as
`tcp://HOST:PORT` (also `tls://`). Parsing needs no Dask, so a typo fails before anything starts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.error_messages import user_error

_ADDRESS = re.compile(r"^(tcp|tls)://[^\s:/]+:\d{1,5}$")
HELP = ("where the batches run: local[:N] starts a Dask LocalCluster with N worker processes "
        "(default 2), tcp://HOST:PORT joins a running Dask scheduler, sync runs Dask's "
        "synchronous scheduler in this process (for debugging); needs `pip install "
        "trendcast[cluster]`. Default: this machine's process pool (--jobs)")


@dataclass(frozen=True)
class ClusterSpec:
    kind: str  # "local", "sync" or "address"
    workers: int = 2  # local only
    address: str = ""  # address only


def parse_cluster(text: str) -> ClusterSpec:
    """`local`, `local:3`, `sync`, `tcp://10.0.0.5:8786` -> a `ClusterSpec`."""
    value = text.strip()
    if value == "sync":
        return ClusterSpec("sync", workers=1)
    if value == "local" or value.startswith("local:"):
        count = value.partition(":")[2] or "2"
        if not count.isdigit() or int(count) < 1:
            raise user_error("cluster.workers", text=text)
        return ClusterSpec("local", workers=int(count))
    if _ADDRESS.match(value):
        return ClusterSpec("address", address=value)
    raise user_error("cluster.unknown", text=text)
