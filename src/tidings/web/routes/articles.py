"""``/articles``: search and filter the stored articles; ``/articles/{id}``: one article with its
highlighted analysis and provenance (what it copies, what copies it)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from tidings.errors import InputError

from tidings.store import query
from tidings.web import data, downloads, views
from tidings.web.params import article_params, article_search, listing
from tidings.web.render import page
from tidings.web.saving import ReadOnlyStore, Saved, Saver
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
def article_page(request: Request, cur: Cur, article_id: str,
                 saved: Annotated[str | None, Query(include_in_schema=False)] = None) -> HTMLResponse:
    found = _detail(cur, article_id)
    view = views.build(found, copied=found["provenance"]["copies"])
    merged = {m["idx"]: m for m in found["merged_events"]}
    quoted = {q["idx"]: q for q in found["quotations"]}
    title = found.get("article", {}).get("title") or found["article_id"]
    return page(request, "article.html", title=title, a=found, view=view, merged=merged, quoted=quoted,
                twin=f"/api/articles/{found['article_id']}", saved=saved if saved in ("new", "known") else None)


@router.get("/api/articles/{article_id}", tags=["articles"],
            summary="One stored analysis (the contract's JSON) with provenance, merged events and the quotations "
                    "its quotes share with other articles")
def article_api(cur: Cur, article_id: str) -> dict[str, Any]:
    return _detail(cur, article_id)


# --- storing articles through the server (tidings.web.saving) -----------------------------------------


class RemovedText(BaseModel):
    text: str
    reason: str = Field("boilerplate", description="boilerplate, caption, ...")
    note: str | None = None


class ArticleRecord(BaseModel):
    """One article, shaped like one line of a JSONL input: ``text`` or ``html`` with metadata, or only
    ``url`` to fetch it."""

    id: str | None = Field(None, description="Your id for it (default: from its content).")
    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A web page; the article body is extracted.")
    url: str | None = Field(None, description="Where it was published; fetched (public http/https only) "
                                              "when there is no text or html.")
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD (other spellings are normalised).")
    source: str | None = Field(None, description="The outlet.")
    authors: list[str] | None = None
    removed: list[RemovedText] | None = Field(
        None, description="Given with text: the article is extracted already (text is its clean body, these "
                          "lines were taken out of it) and is stored as given; `tidings ingest --server` sends this.")


def _saver(request: Request) -> Saver:
    return request.app.state.saver  # type: ignore[no-any-return]


SaverDep = Annotated[Saver, Depends(_saver)]


def _save(saver: Saver, record: dict[str, Any]) -> Saved:
    try:
        return saver.save(record)
    except ReadOnlyStore as exc:
        raise HTTPException(403, str(exc)) from exc
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.post("/api/articles", tags=["articles"], status_code=201,
             summary="Store one article (a JSONL line's fields): 201 with its analysis, or 200 with the stored "
                     "article when the same text or URL is stored already",
             responses={200: {"description": "Already stored: the stored article."},
                        403: {"description": "The server is read-only."}})
def store_article(record: ArticleRecord, saver: SaverDep) -> JSONResponse:
    saved = _save(saver, record.model_dump())
    body = {**saved.detail, "created": saved.created}
    return JSONResponse(jsonable_encoder(body), status_code=201 if saved.created else 200,
                        headers={"location": f"/api/articles/{saved.article_id}"})


@router.post("/articles", include_in_schema=False)
async def save_from_page(
    request: Request, saver: SaverDep,
    text: Annotated[str, Form()] = "", html: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
    id: Annotated[str, Form()] = "", title: Annotated[str, Form()] = "", published: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "", authors: Annotated[str, Form()] = "",
) -> Response:
    """The analyze page's "Save to corpus": store it, then show the stored article."""
    from starlette.concurrency import run_in_threadpool

    record = {"text": text or None, "html": html or None, "url": url or None, "id": id or None, "title": title or None,
              "published": published or None, "source": source or None,
              "authors": [a.strip() for a in authors.split(";") if a.strip()] or None}
    saved = await run_in_threadpool(_save, saver, record)
    return RedirectResponse(f"/articles/{saved.article_id}?saved={'new' if saved.created else 'known'}",
                            status_code=303)
