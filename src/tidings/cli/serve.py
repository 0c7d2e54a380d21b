"""`tidings serve`: the web UI and REST API over a corpus store."""

from __future__ import annotations

from typing import Annotated

import typer

from tidings.cli.common import DEFAULT_DB, DbOption, app, err_console, fail


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_cmd(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    read_only: Annotated[bool, typer.Option(
        "--read-only", help="Open the store read-only: other programs may read it meanwhile, nothing is saved.")] = False,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="TIDINGS_TOKEN", show_envvar=True,
                     help="Access token every page and API call must carry (cookie, Bearer header or ?token=)."),
    ] = None,
) -> None:
    """Serve the web UI and REST API over an existing corpus store, on 127.0.0.1 by default.

    The server is the store's one writer: articles are added through it (POST /api/articles, "Save to
    corpus", `tidings ingest FILES --server URL`); --read-only leaves the file open to other readers."""
    import os

    if not _is_loopback(host) and not token:
        fail(f"refusing to serve on {host}, reachable from other machines, without a token: "
              "pass --token T or set TIDINGS_TOKEN (or bind 127.0.0.1)", 2)
    try:
        import uvicorn

        from tidings.web import create_app
    except ImportError as exc:
        fail(f"the web UI needs its extra packages (fastapi, uvicorn, jinja2, python-multipart, plotly): {exc}", 1)
    from tidings.store import StoreError

    allowed = ["127.0.0.1", "localhost", "::1", "[::1]"] if _is_loopback(host) else None
    try:
        web_app = create_app(db, token=token or None, allowed_hosts=allowed, writable=not read_only)
    except StoreError as exc:
        fail(str(exc), 1)
    from tidings.cli.ports import PortInUse, bind

    try:  # bound before "serving" is printed: a taken port is said at once, with who holds it
        sock = bind(host, port)
    except PortInUse as exc:
        fail(exc.strerror or str(exc), 1)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", 1)
    port = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    where = f"http://{shown}:{port}/"
    err_console.print(f"serving {db} at [bold]{where}[/bold]" + (f" (open {where}?token=… to sign in)" if token else ""),
                      highlight=False)
    os.environ.pop("TIDINGS_TOKEN", None)  # not inherited by anything the server starts
    config = uvicorn.Config(web_app, host=host.strip("[]"), port=port, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


# --- Apache Spark (tidings.spark) ------------------------------------------------------------------
