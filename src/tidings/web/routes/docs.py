"""``/docs``: the API reference, rendered here from the OpenAPI schema (FastAPI's default page loads
Swagger UI from a CDN, which an offline or CSP-locked server cannot)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from tidings.web.render import page

router = APIRouter()


def _endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "description": p.get("description") or ""} for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            body_fields: list[dict[str, Any]] = []
            if body and "$ref" in body:
                name = body["$ref"].rsplit("/", 1)[-1]
                model = schema.get("components", {}).get("schemas", {}).get(name, {})
                body_fields = [{"name": k, "description": v.get("description") or ""}
                               for k, v in model.get("properties", {}).items()]
            out.append({"path": path, "method": method.upper(), "summary": op.get("summary") or "",
                        "tag": (op.get("tags") or [""])[0], "params": params, "body": body_fields})
    return out


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    return page(request, "docs.html", title="API", endpoints=_endpoints(schema), info=schema.get("info", {}),
                twin="/openapi.json")
