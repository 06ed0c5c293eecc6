"""Teaching the auditor a shop's house phrasing, and judging stored answers again.

The loop (issue 16): an answer the extractor cannot read is `unread`; `auditor review DIR`
groups the unread answers by shape and writes the phrases chosen into `[vocabulary]`;
`auditor report DIR --rejudge` reads the stored answers again with that vocabulary, without
asking the assistant or an anchor anything.
"""

from auditor._teach._rejudge import fact_from_record, rejudge_result
from auditor._teach._shapes import (
    UnreadGroup,
    group_unread,
    is_unread,
    shape,
    suggest_phrase,
    teachable_kind,
)
from auditor._teach._stored import current_results, read_items, rejudge_directory
from auditor._teach._vocabfile import Entry, add_entries, check_entry, parse_entry

__all__ = [
    "Entry",
    "UnreadGroup",
    "add_entries",
    "check_entry",
    "current_results",
    "fact_from_record",
    "group_unread",
    "is_unread",
    "parse_entry",
    "read_items",
    "rejudge_directory",
    "rejudge_result",
    "shape",
    "suggest_phrase",
    "teachable_kind",
]
