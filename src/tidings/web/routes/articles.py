"""``/articles``: search and filter the stored articles; ``/articles/{id}``: one article with its
highlighted analysis and provenance (what it copies, what copies it)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from tidings.store import query
from tidings.web import data, downloads, views
from tidings.web.params import article_params, article_search, listing
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Search = Annotated[data.ArticleSearch, Depends(article_search)]


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, cur: Cur, f: Search) -> HTMLResponse:
    found = data.search_articles(cur, f)
    params = article_params(f)
    return page(request, "articles.html", title="Articles", rows=found, f=f, params=params,
                outlets=data.outlets(cur), twin="/api/articles",
                paging=listing("/articles", params, [], data.count_articles(cur, f), f.limit, f.offset))


@router.get("/api/articles", tags=["articles"], response_model=None,
            summary="Search articles by words, outlet, date and reliability, paged; format=csv or parquet "
                    "downloads every matching row")
def articles_api(
    cur: Cur, f: Search,
    format: Annotated[Literal["json", "csv", "parquet"], Query(
        description="json (default); csv or parquet download every matching row.")] = "json",
) -> dict[str, Any] | Response:
    if format != "json":
        rows = data.search_articles(cur, f, every=True)
        return downloads.download(format, [{k: v for k, v in r.items() if k != "snippet"} for r in rows],
                                  "tidings-articles", [c for c in query.columns_of(cur, "articles")])
    found = [data.public(r) for r in data.search_articles(cur, f)]
    return listing("/api/articles", article_params(f), found, data.count_articles(cur, f), f.limit, f.offset)


def _detail(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    found = data.article_detail(cur, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    return found


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, cur: Cur, article_id: str) -> HTMLResponse:
    found = _detail(cur, article_id)
    view = views.build(found, copied=found["provenance"]["copies"])
    merged = {m["idx"]: m for m in found["merged_events"]}
    title = found.get("article", {}).get("title") or found["article_id"]
    return page(request, "article.html", title=title, a=found, view=view, merged=merged,
                twin=f"/api/articles/{found['article_id']}")


@router.get("/api/articles/{article_id}", tags=["articles"],
            summary="One stored analysis (the contract's JSON) with provenance and merged events")
def article_api(cur: Cur, article_id: str) -> dict[str, Any]:
    return _detail(cur, article_id)
