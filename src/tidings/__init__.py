"""tidings: news articles into evidence-linked, queryable data.

>>> from tidings import analyze
>>> a = analyze("Ministers met in Paris on Monday ...", published="2024-03-01")
>>> a.to_dict()["article"]["published"]
'2024-03-01'
"""

from __future__ import annotations

from tidings.api import analyze, analyze_batch
from tidings.errors import FetchError, InputError, ModelMissingError, TidingsError
from tidings.ingest.sources import Failure
from tidings.model import Analysis, Article, Entity, Event, Participant, Quote, Reliability, Removed, Signal, Speaker

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Entity",
    "Event",
    "Failure",
    "FetchError",
    "InputError",
    "ModelMissingError",
    "Participant",
    "Quote",
    "Reliability",
    "Removed",
    "Signal",
    "Speaker",
    "TidingsError",
    "__version__",
    "analyze",
    "analyze_batch",
]
