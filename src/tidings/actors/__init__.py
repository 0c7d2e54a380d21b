"""CAMEO actor coding: who is who in an article, time-aware, with analysts' dictionaries.

    from tidings.actors import ActorKnowledge
    knowledge = ActorKnowledge.load(extra=["Phoenix.Countries.actors.txt"])
    knowledge.lookup("Lavrov", "2019-05-15")          # ActorMatch("RUSGOV", "Sergei Lavrov", ...)
    actors = knowledge.for_article(article, doc)       # doc = the spaCy parse of article.text
    actors.code_span(doc[0:4]); actors.entities()
"""

from tidings.actors.knowledge import ActorKnowledge
from tidings.actors.resolve import ArticleActors
from tidings.actors.types import ActorMatch, country_part

__all__ = ["ActorKnowledge", "ActorMatch", "ArticleActors", "country_part"]
