"""The API's one error shape: RFC 9457 problem details, ``application/problem+json``.

Every 4xx and 5xx that an ``/api/`` caller sees is ``{"type", "title", "status", "detail"}``, plus
``errors`` (``[{"field", "message"}]``) when request fields failed validation.  The OpenAPI document
describes it through ``PROBLEM_RESPONSES``.  The body never echoes request bytes back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

MEDIA_TYPE = "application/problem+json"


class FieldError(BaseModel):
    field: str = Field(description="Where the bad value was: query.limit, body.text, body.")
    message: str


class Problem(BaseModel):
    """An error (RFC 9457 problem details)."""

    type: str = Field("about:blank", description="Always about:blank: the status code says the kind.")
    title: str = Field(description="The status code's phrase, e.g. Not Found.")
    status: int
    detail: str = Field(description="What was wrong and what to do.")
    errors: list[FieldError] | None = Field(None, description="Each request field that failed validation.")


def title_of(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def body(status: int, detail: str, errors: Sequence[Mapping[str, str]] | None = None) -> bytes:
    doc: dict[str, Any] = {"type": "about:blank", "title": title_of(status), "status": status, "detail": detail}
    if errors:
        doc["errors"] = [dict(e) for e in errors]
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def response(status: int, detail: str, errors: Sequence[Mapping[str, str]] | None = None,
             headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(json.loads(body(status, detail, errors)), status_code=status, media_type=MEDIA_TYPE,
                        headers=dict(headers) if headers else None)


def field_errors(errors: Sequence[Any]) -> list[dict[str, str]]:
    """pydantic's validation errors as ``field``/``message`` pairs: only the location and the message,
    never the ``input`` (raw request bytes) or ``ctx`` (exception objects)."""
    out: list[dict[str, str]] = []
    for e in errors:
        loc = e.get("loc", ()) if isinstance(e, Mapping) else ()
        field = ".".join(str(p) for p in loc) or "request"
        message = str(e.get("msg", "invalid")) if isinstance(e, Mapping) else str(e)
        if isinstance(e, Mapping) and e.get("type") == "json_invalid":
            message = "the body is not valid JSON: send Content-Type: application/json with a JSON object"
        elif isinstance(e, Mapping) and e.get("type") == "model_attributes_type":
            message = "the body must be a JSON object"
        out.append({"field": field, "message": message})
    return out


def _doc(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


def fix_openapi(spec: dict[str, Any]) -> dict[str, Any]:
    """FastAPI files a response model under the route's own media type: move the Problem schema of
    every error response to ``application/problem+json``, where it is sent."""
    for ops in spec.get("paths", {}).values():
        for op in ops.values():
            for code, resp in (op.get("responses") or {}).items():
                content = resp.get("content") or {}
                if code[:1] in "45" and "application/json" in content:
                    schema = content.pop("application/json").get("schema", {})
                    if schema.get("$ref", "").endswith("/Problem"):
                        content[MEDIA_TYPE] = {"schema": schema}
    return spec


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _doc("A parameter has a bad value (detail says which and why)."),
    401: _doc("The server needs its access token."),
    404: _doc("No such page, article or actor in this store."),
    413: _doc("The request body is over the server's limit."),
    422: _doc("The request's fields or body failed validation (errors lists each)."),
}
