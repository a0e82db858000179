"""actorgraph: a temporal, sourced graph of the actors in a conflict.

Actors (states, armed groups, people, places...) are linked by typed
relations (*backs*, *opposes*, *controls*...) that hold over dated intervals
and cite the articles that report them, quoting them verbatim. Ask what held
on a day, as the press knew it on another, and follow every answer back to
its quotes::

    import actorgraph
    graph = actorgraph.ActorGraph.embedded()
    view = graph.at("2024-11-30")
    for backing in view.backers_of("Assad regime"):
        print(backing, [c.quote for c in backing.citations])
    frame = view.to_pandas()          # one row per relation

The engine is the Rust library of the same name; long work (loading,
exports, chains, tables) runs without the GIL.
"""

from ._actorgraph import (
    EXPORT_FORMATS,
    SNAPSHOT_VERSION,
    Actor,
    ActorGraph,
    Camp,
    Candidate,
    Chain,
    Changes,
    Citation,
    CommonTie,
    Finding,
    HandOver,
    Hop,
    Lint,
    PartialDate,
    Relation,
    Source,
    TimelineEntry,
    View,
)
from ._errors import (
    ActorGraphError,
    ActorGraphIOError,
    AmbiguousNameError,
    DateError,
    InternalError,
    InvalidArgumentError,
    InvalidDatasetError,
    NameError_,
    ParseError,
    Problem,
    RejectedRow,
    RejectedRowsError,
    SnapshotError,
    Suggestion,
    UnknownNameError,
    UnknownRelationError,
)

__all__ = [
    "EXPORT_FORMATS",
    "SNAPSHOT_VERSION",
    "Actor",
    "ActorGraph",
    "ActorGraphError",
    "ActorGraphIOError",
    "AmbiguousNameError",
    "Camp",
    "Candidate",
    "Chain",
    "Changes",
    "Citation",
    "CommonTie",
    "DateError",
    "Finding",
    "HandOver",
    "Hop",
    "InternalError",
    "InvalidArgumentError",
    "InvalidDatasetError",
    "Lint",
    "NameError_",
    "ParseError",
    "RejectedRow",
    "RejectedRowsError",
    "PartialDate",
    "Problem",
    "Relation",
    "SnapshotError",
    "Source",
    "Suggestion",
    "TimelineEntry",
    "UnknownNameError",
    "UnknownRelationError",
    "View",
]
