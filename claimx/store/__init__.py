"""The one owner of claims files: everything after extraction reads and writes them here.

By concern: `records` (the typed model of output format 2) and `parse` (documents read back
into it), `serialize` (the writer, and YAML loading), `machine` (the JSON copy the writer
keeps beside each claims file, read instead of the YAML while it matches), `reader` (the one
reader: documents checked, the article text found), `layout` (where claims files, text
copies, side files and indexes are; which files of a folder are claims files), `files`
(atomic writes, locks), `decisions` (review decisions in a file beside the claims file,
joined at read time), `claims_file` (a claims file open for review, its decisions saved back
merged). batch, review and story import this package, never each other.
"""

from claimx.store.claims_file import ClaimsDocument, ClaimsFile, SaveFailed, load
from claimx.store.layout import INDEX_NAME, claims_files
from claimx.store.parse import read_extractions
from claimx.store.reader import article_text, claims_documents, read_documents, text_changed
from claimx.store.records import is_claims_document

__all__ = [
    "INDEX_NAME",
    "ClaimsDocument",
    "ClaimsFile",
    "SaveFailed",
    "article_text",
    "claims_documents",
    "claims_files",
    "is_claims_document",
    "load",
    "read_documents",
    "read_extractions",
    "text_changed",
]
