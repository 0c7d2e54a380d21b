"""CAMEO/PLOVER event coding: who did what to whom, with evidence.

``code_events(article, doc, actors, quotes)`` is the entry point; see ``coder`` for the method,
``codebook`` for the CAMEO code table and ``lexicon`` for the predicate lexicon.
"""

from tidings.events.codebook import CameoCode, codebook, lookup, quad_class_of
from tidings.events.coder import THRESHOLD, CodedEvent, code_events

__all__ = ["THRESHOLD", "CameoCode", "CodedEvent", "code_events", "codebook", "lookup",
           "quad_class_of"]
