"""actorgraph: a temporal, sourced graph of the actors in a conflict.

Types for the native module and the exceptions. Every method that takes a
day accepts a ``str`` (``"2024-11-30"``, or partial, ``"2024-11"``, meaning
its first day), a ``datetime.date`` or a :class:`PartialDate`; every method
that takes an actor accepts a name (matched loosely, as
:meth:`ActorGraph.resolve` does) or an :class:`Actor`.
"""

import datetime
import os
from typing import Any, Dict, Iterator, Literal, Optional, Protocol, Sequence, Tuple, Union

from ._errors import (
    ActorGraphError as ActorGraphError,
    ActorGraphIOError as ActorGraphIOError,
    AmbiguousNameError as AmbiguousNameError,
    DateError as DateError,
    InternalError as InternalError,
    InvalidArgumentError as InvalidArgumentError,
    InvalidDatasetError as InvalidDatasetError,
    NameError_ as NameError_,
    ParseError as ParseError,
    Problem as Problem,
    RejectedRow as RejectedRow,
    RejectedRowsError as RejectedRowsError,
    SnapshotError as SnapshotError,
    Suggestion as Suggestion,
    UnknownNameError as UnknownNameError,
    UnknownRelationError as UnknownRelationError,
)

DayLike = Union[str, datetime.date, "PartialDate"]
"""What a day argument accepts."""
ActorLike = Union[str, "Actor"]
"""What an actor argument accepts."""
KindsLike = Union[str, Sequence[str], None]
"""One relation kind (``"backs"``) or several."""
TableName = Literal["relations", "events", "actors", "citations", "sources"]
"""The tables of :meth:`View.to_arrow`."""

EXPORT_FORMATS: str
"""The formats :meth:`View.export` and :meth:`ActorGraph.export` know."""
SNAPSHOT_VERSION: int
"""The version of the snapshot format this build writes."""

class ArrowStream(Protocol):
    """An Arrow table exposed through the Arrow PyCapsule interface:
    ``pyarrow.table(t)``, ``polars.DataFrame(t)`` and DuckDB read it."""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        """The table as an ``arrow_array_stream`` capsule."""
    def __arrow_c_schema__(self) -> object:
        """The schema as an ``arrow_schema`` capsule."""
    def __len__(self) -> int:
        """The number of rows."""

class PartialDate:
    """A date as precise as it was written: a year, a month or a day.
    Wherever a day is asked for, it means its first day."""

    def __init__(self, text: str) -> None:
        """Reads ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raises :class:`DateError`."""
    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """How precise it is."""
    @property
    def first_day(self) -> datetime.date:
        """The first day it could mean."""
    @property
    def last_day(self) -> datetime.date:
        """The last day it could mean."""
    def __contains__(self, day: DayLike) -> bool:
        """Whether ``day`` is one of the days it could mean."""

class Actor:
    """An actor: a state, armed group, person, place... with its names."""

    @property
    def id(self) -> str:
        """The actor's id."""
    @property
    def name(self) -> str:
        """The current name."""
    @property
    def kind(self) -> str:
        """The kind, snake case: ``state``, ``armed_group``, ``person``, ``place``..."""
    @property
    def aliases(self) -> list[str]:
        """Other names it goes by."""
    @property
    def former_names(self) -> list[tuple[str, Optional[str], Optional[str]]]:
        """Former names as ``(name, from, until)``, dates as written or None."""
    @property
    def died(self) -> Optional[str]:
        """When the person died, as written, or None."""
    @property
    def note(self) -> Optional[str]:
        """The dataset's note on it, if any."""

class Source:
    """A source: an article or report that relations cite."""

    @property
    def id(self) -> str:
        """The source's id."""
    @property
    def title(self) -> str:
        """Its title."""
    @property
    def publisher(self) -> Optional[str]:
        """Who published it, if known."""
    @property
    def published(self) -> str:
        """When it was published, as written (a partial date or a range)."""
    @property
    def published_first(self) -> datetime.date:
        """The first day it can have appeared."""
    @property
    def published_last(self) -> Optional[datetime.date]:
        """The last day it can have appeared, or None when open."""
    @property
    def url(self) -> Optional[str]:
        """Its address, if any."""
    @property
    def reliability(self) -> Optional[str]:
        """Its reliability letter (``A``..``F``), if graded."""

class Citation:
    """One citation of a relation: the source, its verbatim quote, and what it says."""

    @property
    def source(self) -> Source:
        """The source cited."""
    @property
    def quote(self) -> str:
        """The verbatim quote."""
    @property
    def stance(self) -> Literal["supports", "disputes"]:
        """Whether it supports or disputes the relation."""
    @property
    def claimant(self) -> Optional[str]:
        """Who the source says made the claim (an actor id or a description), if anyone."""
    @property
    def published(self) -> str:
        """The source's publication date, as written."""
    @property
    def superseded(self) -> bool:
        """Whether the claimant later withdrew this stance (under a knowledge date)."""
    @property
    def grade(self) -> Optional[str]:
        """The Admiralty grade (``B2``), if graded."""

class Relation:
    """A relation as a query found it: kind and ends, dates as written, how
    surely it held on the view's day, whether a source disputes it, and its
    citations. ``str()`` gives one line; notebooks show it with its quotes."""

    @property
    def id(self) -> str:
        """The relation's id."""
    @property
    def kind(self) -> str:
        """The kind, snake case: ``backs``, ``allied_with``..."""
    @property
    def verb(self) -> str:
        """The kind as a verb phrase: ``backs``, ``is allied with``..."""
    @property
    def is_event(self) -> bool:
        """Whether the kind is an event (dated ``on``) rather than a state."""
    @property
    def subject(self) -> Actor:
        """The actor it goes from."""
    @property
    def object(self) -> Actor:
        """The actor it goes to."""
    @property
    def start(self) -> Optional[str]:
        """The start as written (``"2016"``, ``"[..2024-11-28]"``), or None when unknown."""
    @property
    def end(self) -> Optional[str]:
        """The end as written, or None while it still holds."""
    @property
    def on(self) -> Optional[str]:
        """For an event, its date as written; None for a state."""
    @property
    def first_possible_day(self) -> Optional[datetime.date]:
        """The first day on which it possibly held (or happened); None when open."""
    @property
    def last_possible_day(self) -> Optional[datetime.date]:
        """The last day on which it possibly held (or happened); None while open."""
    @property
    def holding(self) -> Optional[Literal["certainly", "possibly"]]:
        """How surely it held on the view's day (or happened in its window); None outside a view."""
    @property
    def contested(self) -> bool:
        """Whether a (known) citation disputes it."""
    @property
    def citations(self) -> list[Citation]:
        """Its citations (under a knowledge date, those published by then)."""
    @property
    def note(self) -> Optional[str]:
        """The dataset's note on it, if any."""
    def _repr_html_(self) -> str:
        """The relation and its quotes, for notebooks."""

class Candidate:
    """An actor a searched text may mean, with the name that matched and how."""

    @property
    def actor(self) -> Actor:
        """The actor."""
    @property
    def matched(self) -> str:
        """The name, alias, former name or id that matched, as written."""
    @property
    def role(self) -> str:
        """Which of the actor's names matched: ``id``, ``name``, ``alias``, ``former_name``."""
    @property
    def how(self) -> str:
        """How the text fit it, in words."""
    @property
    def score(self) -> float:
        """The rank score, higher first."""
    @property
    def part_of_name(self) -> bool:
        """Whether the text matched only part of the name."""

class Hop:
    """One hop of a chain, with the relations behind it."""

    @property
    def from_(self) -> Actor:
        """The actor the hop leaves (``from`` is a Python keyword)."""
    @property
    def to(self) -> Actor:
        """The actor the hop reaches."""
    @property
    def relations(self) -> list[Relation]:
        """The relations behind the hop (parallel relations share one hop)."""

class Chain:
    """A chain of support from one actor to another; ``len()`` is its hops."""

    @property
    def hops(self) -> list[Hop]:
        """The hops, in order."""
    @property
    def actors(self) -> list[Actor]:
        """The actors along the chain, both ends included."""
    def __len__(self) -> int:
        """The number of hops."""
    def __iter__(self) -> Iterator[Hop]:
        """The hops, in order."""

class Camp:
    """One side of a conflict on a day."""

    @property
    def members(self) -> list[Actor]:
        """The camp's actors, in dataset order."""
    @property
    def principal(self) -> Actor:
        """The member in the most fighting."""
    @property
    def backing(self) -> list[Chain]:
        """The chains of support into the camp from outside."""
    @property
    def fighting(self) -> list[Relation]:
        """The hostile relations between the camp and others."""
    @property
    def rivals(self) -> list[Relation]:
        """The competing relations between the camp and others."""
    @property
    def kept_apart(self) -> list[Relation]:
        """Ties to its foes that were not followed."""
    def __len__(self) -> int:
        """The number of members."""

class CommonTie:
    """An actor tied to both actors of a pair."""

    @property
    def actor(self) -> Actor:
        """The actor tied to both."""
    @property
    def with_first(self) -> list[Relation]:
        """Its relations with the first actor."""
    @property
    def with_second(self) -> list[Relation]:
        """Its relations with the second actor."""

class HandOver:
    """A place that changed hands."""

    @property
    def place(self) -> Actor:
        """The place."""
    @property
    def before(self) -> list[Actor]:
        """Who controlled it on the first day."""
    @property
    def after(self) -> list[Actor]:
        """Who controlled it on the second."""

class Changes:
    """What changed between two days."""

    @property
    def start(self) -> datetime.date:
        """The first day."""
    @property
    def end(self) -> datetime.date:
        """The second day."""
    @property
    def began(self) -> list[Relation]:
        """States that held on the second day and not the first."""
    @property
    def ended(self) -> list[Relation]:
        """States that held on the first day and not the second."""
    @property
    def changed(self) -> list[tuple[Relation, Relation]]:
        """States whose judgement changed, as (before, after) pairs."""
    @property
    def hand_overs(self) -> list[HandOver]:
        """Places that changed hands."""
    @property
    def events(self) -> list[Relation]:
        """Events in between."""

class TimelineEntry:
    """One entry of an actor's timeline."""

    @property
    def date(self) -> Optional[str]:
        """The date as written, or None when unknown."""
    @property
    def event(self) -> Literal["began", "ended", "happened", "name_adopted", "name_dropped", "lineage", "other"]:
        """What happened."""
    @property
    def relation(self) -> Optional[Relation]:
        """The relation that began, ended or happened, or the lineage link's
        split, merger or succession; None for a name change."""
    @property
    def name(self) -> Optional[str]:
        """The name adopted or dropped, or a lineage rename's former name;
        None for a relation."""

class Finding:
    """One lint warning."""

    @property
    def warning(self) -> str:
        """The warning's name, snake case (``quote_names_neither_end``)."""
    @property
    def relation(self) -> Relation:
        """The relation it is about."""
    @property
    def source(self) -> Optional[str]:
        """The source of the citation it is about, if one."""
    @property
    def message(self) -> str:
        """What is wrong, in words."""
    @property
    def acknowledged(self) -> Optional[str]:
        """The authors' reason for acknowledging it, if acknowledged."""

class Lint:
    """Lint warnings about a dataset; ``len()`` and iteration give the unacknowledged ones."""

    @property
    def warnings(self) -> list[Finding]:
        """The warnings not acknowledged."""
    @property
    def acknowledged(self) -> list[Finding]:
        """The warnings acknowledged by the dataset's authors."""
    @property
    def is_clean(self) -> bool:
        """Whether no warning is left unacknowledged."""
    def __len__(self) -> int:
        """The number of unacknowledged warnings."""
    def __iter__(self) -> Iterator[Finding]:
        """The unacknowledged warnings."""

class View:
    """The graph as of one day: which relations held, as known by a day if
    asked, possibly or certainly. ``len()`` and iteration give its states."""

    def known_by(self, day: DayLike) -> View:
        """The same view, keeping only what some source had published by ``day``."""
    def certainly(self) -> View:
        """The same view, keeping only what held under every reading of its dates."""
    def possibly(self) -> View:
        """The same view, keeping what held under some reading of its dates (the default)."""
    def graded_at_least(self, minimum: str) -> View:
        """The same view, counting only citations graded ``minimum`` (``"B2"``) or better."""
    def without_contested(self) -> View:
        """The same view, dropping relations that a (known) citation disputes."""
    def on(self, day: DayLike) -> View:
        """The same view, looking at another day."""
    @property
    def day(self) -> datetime.date:
        """The day the view looks at."""
    @property
    def knowledge_date(self) -> Optional[datetime.date]:
        """The knowledge date, or None."""
    @property
    def certainty(self) -> Literal["possibly", "certainly"]:
        """How sure the view must be."""
    @property
    def min_grade(self) -> Optional[str]:
        """The minimum grade of evidence, or None."""
    def relations(self) -> list[Relation]:
        """Every state that held on the view's day."""
    def count(self) -> int:
        """How many states held on the view's day."""
    def of_kind(self, kind: str) -> list[Relation]:
        """The states of one kind (``"backs"``) that held on the view's day."""
    def events(self) -> list[Relation]:
        """Every event that happened up to the view's day."""
    def events_between(self, start: DayLike, end: DayLike) -> list[Relation]:
        """The events that happened between two days, both included."""
    def events_of(self, actor: ActorLike) -> list[Relation]:
        """The events of one actor up to the view's day."""
    def formerly(self) -> list[Relation]:
        """The states that had ended by the view's day."""
    def formerly_of(self, actor: ActorLike) -> list[Relation]:
        """The states of one actor that had ended by the view's day."""
    def directed(
        self, actor: ActorLike, kind: str, direction: Literal["incoming", "outgoing"]
    ) -> list[Relation]:
        """The states of ``kind`` at ``actor``, one way."""
    def either_way(self, actor: ActorLike, kind: str) -> list[Relation]:
        """The states of ``kind`` at ``actor``, either end."""
    def involving(self, actor: ActorLike, kinds: KindsLike = None) -> list[Relation]:
        """Every state at ``actor``, either end; only of ``kinds`` when given."""
    def linking(
        self,
        actor: ActorLike,
        kinds: KindsLike,
        direction: Optional[Literal["incoming", "outgoing"]] = None,
    ) -> list[Relation]:
        """The states of any of ``kinds`` at ``actor``, one way or (None) both."""
    def backers_of(self, actor: ActorLike) -> list[Relation]:
        """Who backs ``actor``: the backing relations into it."""
    def backed_by(self, actor: ActorLike) -> list[Relation]:
        """Whom ``actor`` backs: the backing relations out of it."""
    def opponents_of(self, actor: ActorLike) -> list[Relation]:
        """The opposition relations at ``actor``, either end."""
    def allies_of(self, actor: ActorLike) -> list[Relation]:
        """The alliances at ``actor``, either end."""
    def leaders_of(self, actor: ActorLike) -> list[Relation]:
        """Who leads ``actor``."""
    def controllers_of(self, actor: ActorLike) -> list[Relation]:
        """Who controls the place ``actor``."""
    def members_of(self, actor: ActorLike) -> list[Relation]:
        """The members of ``actor``."""
    def chains(
        self,
        start: ActorLike,
        end: ActorLike,
        *,
        kinds: KindsLike = None,
        max_hops: Optional[int] = None,
        outsiders: Optional[bool] = None,
        limit: Optional[int] = None,
    ) -> list[Chain]:
        """Chains of support from ``start`` to ``end``, shortest first (default
        links: backs, allied_with, member_of, leads; at most 4 hops)."""
    def camps(
        self,
        *,
        max_hops: Optional[int] = None,
        outsiders: Optional[bool] = None,
        every_core: Optional[bool] = None,
        since: Optional[DayLike] = None,
    ) -> list[Camp]:
        """The camps of the view's day, with their backing, fights and rivals."""
    def blocs(
        self,
        *,
        kinds: KindsLike = None,
        max_hops: Optional[int] = None,
        outsiders: Optional[bool] = None,
    ) -> list[list[Actor]]:
        """Groups of actors joined by chains of support."""
    def changes(self, later: DayLike) -> Changes:
        """What changed between the view's day and ``later``."""
    def common_backers(self, a: ActorLike, b: ActorLike) -> list[CommonTie]:
        """The actors that back both ``a`` and ``b``."""
    def common_enemies(self, a: ActorLike, b: ActorLike) -> list[CommonTie]:
        """The actors that oppose or attack both ``a`` and ``b``."""
    def export(
        self,
        format: str,
        path: Union[str, os.PathLike[str], None] = None,
        *,
        kinds: KindsLike = None,
        measures: bool = False,
    ) -> Union[str, dict[str, str], None]:
        """The view in ``format`` (json, nodelink, cytoscape, graphml, gexf,
        ttl, html, csv, dot): the text (csv: a dict of file name to text), or
        None after writing it whole to ``path`` (csv: a directory)."""
    def to_arrow(self, table: TableName = "relations") -> ArrowStream:
        """One of the view's tables as Arrow (PyCapsule interface).

        ``relations`` and ``events``: subject, object, kind (categoricals),
        id, event, from, until, on (dates as written), from_precision,
        until_precision, holds_from, holds_until, certain_from,
        certain_until (date32, half-open, null when open), contested,
        claimed_by, claimed_by_actor, note, acknowledged_json, holding
        (categorical: certainly, possibly). ``actors``: id, name, kind
        (categorical), aliases (list), died, reliability, note,
        former_names_json. ``citations``: relation, source, quote, stance
        (categorical), claimed_by, claimed_by_actor, superseded,
        reliability, credibility, grade, acknowledged_json. ``sources``: id,
        title, publisher, published, published_first, published_last
        (date32), reliability, approximate, url, file."""
    def to_pandas(self, table: TableName = "relations") -> Any:
        """The table as a pandas DataFrame (``pip install pandas pyarrow``);
        days as ``datetime64``, categoricals as ``category``."""
    def to_polars(self, table: TableName = "relations") -> Any:
        """The table as a polars DataFrame (``pip install polars``)."""
    def to_networkx(self) -> Any:
        """The view as a networkx ``MultiDiGraph`` (``pip install networkx``):
        a node per actor (name, kind), an edge per relation keyed by its id
        with id, kind, start, end, holding, contested, sources and citations."""
    def __len__(self) -> int:
        """How many states held on the view's day."""
    def __iter__(self) -> Iterator[Relation]:
        """The states that held on the view's day."""
    def _repr_html_(self) -> str:
        """The view's relations as an HTML table (the first 200)."""

class ActorGraph:
    """A validated graph of actors and their dated, sourced relations.
    ``len()`` is its number of relations; iteration gives them all."""

    @staticmethod
    def embedded() -> ActorGraph:
        """The bundled dataset: the rebel offensive in north-west Syria from 2024-11-27."""
    @staticmethod
    def from_path(path: Union[str, os.PathLike[str]]) -> ActorGraph:
        """Loads RON, JSON or a snapshot; raises :class:`ParseError`,
        :class:`InvalidDatasetError`, :class:`SnapshotError` or :class:`ActorGraphIOError`."""
    @staticmethod
    def import_files(
        preset: str,
        paths: Sequence[Union[str, os.PathLike[str]]],
        *,
        onto: Optional[ActorGraph] = None,
        mapping: Optional[Union[str, os.PathLike[str]]] = None,
        aliases: Optional[Union[str, os.PathLike[str]]] = None,
        skip_bad_rows: bool = False,
        new_when_ambiguous: bool = False,
        version: Optional[str] = None,
    ) -> Tuple[ActorGraph, Dict[str, Any]]:
        """Imports dataset files with a preset (``acled``, ``ucdp-actors``,
        ``ucdp-esd``, ``mmp``, or ``table`` with ``mapping``), on top of
        ``onto`` when given (left unchanged); returns the new graph and the
        report (``rows_read``, ``relations`` and ``new_actors`` by kind,
        ``sources``, ``matched``, ``ambiguous``, ``rejected``, ``empty``,
        ``already_held``, ``text``). Raises :class:`RejectedRowsError` when a
        row cannot be read, unless ``skip_bad_rows``."""
    @staticmethod
    def from_ron(text: str) -> ActorGraph:
        """Reads a dataset from RON text."""
    @staticmethod
    def from_json(text: str) -> ActorGraph:
        """Reads a dataset from JSON text."""
    @staticmethod
    def from_snapshot(data: bytes) -> ActorGraph:
        """Opens a snapshot from its bytes."""
    @staticmethod
    def _synthetic(relations: int, *, actors: Optional[int] = None, seed: int = 1) -> ActorGraph:
        """A synthetic graph of about ``relations`` relations, for tests and benches."""
    def at(self, day: DayLike) -> View:
        """A view of the graph as of ``day``."""
    @property
    def actor_count(self) -> int:
        """The number of actors."""
    @property
    def relation_count(self) -> int:
        """The number of relations."""
    def actors(self) -> list[Actor]:
        """Every actor, in the order added."""
    def sources(self) -> list[Source]:
        """Every source, in the order added."""
    def actor(self, id: str) -> Optional[Actor]:
        """The actor with this id, or None."""
    def source(self, id: str) -> Optional[Source]:
        """The source with this id, or None."""
    def relation(self, id: str) -> Relation:
        """The relation with this id; raises :class:`UnknownRelationError`."""
    def relations(self) -> list[Relation]:
        """Every relation, whenever it held, in the order added."""
    def resolve(self, name: ActorLike) -> Actor:
        """The actor a name means; raises :class:`UnknownNameError` or
        :class:`AmbiguousNameError` with the candidates."""
    def resolve_explained(self, name: str) -> Candidate:
        """As :meth:`resolve`, saying which name matched and how."""
    def search(self, text: str, limit: int = 10) -> list[Candidate]:
        """The actors ``text`` may mean, best first."""
    def timeline(self, actor: ActorLike) -> list[TimelineEntry]:
        """Every relation, event and name change of one actor, in date order."""
    def lint(self) -> Lint:
        """Warnings about the dataset."""
    def to_ron(self) -> str:
        """The dataset as RON text."""
    def to_json(self) -> str:
        """The dataset as JSON text."""
    def to_snapshot(self) -> bytes:
        """The graph as snapshot bytes."""
    def save_snapshot(self, path: Union[str, os.PathLike[str]]) -> None:
        """Writes a snapshot file whole (temporary name, then renamed)."""
    def export(
        self,
        format: str,
        path: Union[str, os.PathLike[str], None] = None,
        *,
        kinds: KindsLike = None,
        measures: bool = False,
    ) -> Union[str, dict[str, str], None]:
        """The whole graph, every relation with its dates, in ``format``
        (json, nodelink, cytoscape, graphml, gexf, ttl, html, csv)."""
    def __len__(self) -> int:
        """The number of relations."""
    def __iter__(self) -> Iterator[Relation]:
        """Every relation, whenever it held."""
    def _repr_html_(self) -> str:
        """A summary for notebooks."""
