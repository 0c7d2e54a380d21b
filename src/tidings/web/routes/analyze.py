"""``/analyze``: paste text, upload a file or give a URL, and read the article with its quotes,
events, entities and reliability signals highlighted.  ``POST /api/analyze`` returns the contract's
JSON for ``{"text"|"html"|"url": ...}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from tidings.errors import InputError
from tidings.ingest.decode import MAX_ARTICLE_BYTES
from tidings.ingest.sources import looks_like_html
from tidings.model import Analysis
from tidings.web import views
from tidings.web.analysis import Service
from tidings.web.params import blank
from tidings.web.render import page
from tidings.web.routes.deps import service

router = APIRouter()
Svc = Annotated[Service, Depends(service)]


class AnalyzeRequest(BaseModel):
    """One article: ``text`` or ``html`` (``url`` then is metadata), or only ``url`` to fetch it."""

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A web page; the article body is extracted.")
    url: str | None = Field(None, description="Fetched (http/https, public addresses only) when no text or html.")
    id: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD (other spellings are normalised).")
    source: str | None = Field(None, description="The outlet.")
    authors: list[str] | None = None


def _metadata(req: AnalyzeRequest) -> dict[str, Any]:
    return {k: v for k, v in req.model_dump(exclude={"text", "html"}).items() if v is not None}


@router.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
def analyze_form(request: Request) -> HTMLResponse:
    return page(request, "analyze.html", title="Analyze", view=None, text="", url="", error=None)


@router.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
async def analyze_page(
    request: Request, svc: Svc,
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    file: UploadFile | None = None,
) -> HTMLResponse:
    from starlette.concurrency import run_in_threadpool

    error: str | None = None
    analysis: Analysis | None = None
    keep: dict[str, str] = {}  # what "Save to corpus" sends: the input as given, so the stored analysis is this one
    try:
        if file is not None and file.filename:
            raw = await file.read(MAX_ARTICLE_BYTES + 1)
            analysis = await run_in_threadpool(svc.upload, file.filename, raw)
            keep = {"text": analysis.article.text}
        elif blank(text):
            analysis = await run_in_threadpool(svc.text, text)
            keep = {"html" if looks_like_html(text) else "text": text}
        elif blank(url):
            analysis = await run_in_threadpool(svc.url, url)
            keep = {"url": url.strip()}
        else:
            error = "Paste an article, choose a file or give a URL."
    except InputError as exc:
        error = str(exc)
    view = views.build(analysis.to_dict()) if analysis is not None else None
    status = 422 if error else 200
    if analysis is not None:
        art = analysis.article
        keep |= {"id": analysis.id or "", "title": art.title or "", "published": art.published or "",
                 "source": art.source or "", "authors": "; ".join(art.authors or [])}
        keep.setdefault("url", art.url or "")
    return page(request, "analyze.html", status_code=status, title="Analysis" if view else "Analyze", view=view,
                text=text, url=url, error=error, keep=keep)


@router.post("/api/analyze", tags=["analyze"], summary="Analyse one article given as text, HTML or URL")
def analyze_api(req: AnalyzeRequest, svc: Svc) -> dict[str, Any]:
    meta = _metadata(req)
    try:
        if req.html is not None and req.html.strip():
            result = svc.html(req.html, **meta)
        elif req.text is not None and req.text.strip():
            result = svc.text(req.text, **meta)
        elif req.url:
            result = svc.url(req.url)
        else:
            raise HTTPException(422, 'give one of "text", "html" or "url"')
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc
    return result.to_dict()
