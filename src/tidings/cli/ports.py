"""Binding the server's port before anything is printed, and naming who holds it when it is taken."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path


class PortInUse(OSError):
    pass


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket bound to ``host:port`` (port 0: any free port), as uvicorn would bind it.

    Raises ``PortInUse`` with advice when another program holds the port, ``OSError`` otherwise."""
    bare = host.strip("[]")
    family = socket.AF_INET6 if ":" in bare else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: TIME_WAIT is no obstacle
        sock.bind((bare, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            holder = port_holder(port)
            who = f"{holder[1]} (pid {holder[0]})" if holder else "another program"
            stop = f"stop it (kill {holder[0]})" if holder else f"stop it (`ss -ltnp 'sport = :{port}'` names it)"
            raise PortInUse(exc.errno, f"port {port} on {host} is already in use by {who}: {stop}, "
                            f"or pick another port with --port {port + 1 if port < 65535 else 8000}") from exc
        raise
    sock.set_inheritable(True)
    return sock


def port_holder(port: int) -> tuple[int, str] | None:
    """(pid, command) of a process of this user listening on ``port``, from /proc; None elsewhere."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) > 9 and parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(parts[9])
    if not inodes:
        return None
    targets = {f"socket:[{i}]" for i in inodes}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) in targets:
                    cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
                    return int(proc.name), cmd[:120] or (proc / "comm").read_text().strip()
        except OSError:
            continue
    return None
