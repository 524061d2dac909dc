"""Batch extraction: folders of news files in, one claims file per article out.

`run()` finds the input files, skips those done by an earlier run with the same
options, and extracts the rest, in this process (`jobs=1`) or in worker processes
that each load the pipeline once. Articles go through `nlp.pipe` in batches inside
`nlp.memory_zone()`, so memory stays flat over long runs. Every output file is
written atomically, and the index (`claimx-index.jsonl`, a line per input article)
is appended as work completes: an interrupted run loses nothing already written.

By concern: `state` (entries, options, shards, the index), `worker`, `runner`;
the input files come from `claimx.inputs`, the output layout from `claimx.store`;
where chunks run: `pool` (local worker processes, which end with the batch and hold its
locks: `lifetime`) or `dask_engine` (a Dask cluster).
"""

from claimx.batch.runner import merge_indexes, run
from claimx.batch.state import (
    BatchOptions,
    Entry,
    Progress,
    Report,
    Shard,
    read_index,
)
from claimx.batch.worker import process_chunk
from claimx.inputs import InputFile, discover
from claimx.store.layout import INDEX_NAME

__all__ = [
    "INDEX_NAME",
    "BatchOptions",
    "Entry",
    "InputFile",
    "Progress",
    "Report",
    "Shard",
    "discover",
    "merge_indexes",
    "process_chunk",
    "read_index",
    "run",
]
