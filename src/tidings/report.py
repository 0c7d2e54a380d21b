"""A readable terminal report of one analysis, made with Rich."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tidings.model import Analysis

_NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}
_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _score_style(score: int) -> str:
    if score >= 70:
        return "bold green"
    if score >= 40:
        return "bold yellow"
    return "bold red"


def render(analysis: Analysis) -> RenderableType:
    art = analysis.article
    parts: list[RenderableType] = []

    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    meta.add_row("id", str(analysis.id))
    meta.add_row("title", art.title or "[dim]none found[/dim]")
    meta.add_row("authors", ", ".join(art.authors) if art.authors else "[dim]none[/dim]")
    meta.add_row("published", art.published or "[dim]unknown[/dim]")
    if art.url:
        meta.add_row("url", art.url)
    if art.source:
        meta.add_row("source", art.source)
    words = len(art.text.split())
    meta.add_row("body", f"{words} words, {len(art.paragraphs())} paragraphs")
    rel = analysis.reliability
    meta.add_row("reliability", Text(f"{rel.score}/100", style=_score_style(rel.score)))
    for failed in analysis.stage_errors:
        meta.add_row(Text("failed stage", style="red"),
                     Text(f"{failed.stage}: {failed.error} (its part below is empty)", style="red"))
    parts.append(meta)

    if rel.signals:
        t = Table(title="Why this score (most severe first)", title_justify="left", expand=True)
        t.add_column("signal", no_wrap=True)
        t.add_column("severity", no_wrap=True)
        t.add_column("what it means")
        t.add_column("evidence", style="italic")
        order = {"high": 0, "medium": 1, "low": 2}
        for sig in sorted(rel.signals, key=lambda g: (order.get(g.severity, 3), -g.weight)):
            shown = [e if len(e) <= 90 else e[:87] + "..." for e in sig.evidence[:2]]
            more = f" (+{len(sig.evidence) - 2} more)" if len(sig.evidence) > 2 else ""
            t.add_row(
                sig.name,
                Text(sig.severity, style=_SEVERITY_STYLE.get(sig.severity, "")),
                sig.message,
                "\n".join(f"“{e}”" for e in shown) + more,
            )
        parts.append(t)

    if art.removed:
        t = Table(title="Removed from the body", title_justify="left", expand=True, show_lines=False)
        t.add_column("reason", style="magenta", no_wrap=True)
        t.add_column("text")
        for r in art.removed:
            t.add_row(r.reason, r.text)
        parts.append(t)

    if analysis.quotes:
        t = Table(title="Who said what", title_justify="left", expand=True)
        t.add_column("speaker", style="cyan", max_width=28)
        t.add_column("kind", no_wrap=True)
        t.add_column("cue", no_wrap=True)
        t.add_column("quote")
        t.add_column("conf", justify="right", no_wrap=True)
        for q in analysis.quotes:
            if q.speaker is None:
                who = Text("unattributed", style="bold red")
            else:
                label = q.speaker.name or q.speaker.text
                if q.speaker.name and q.speaker.text != q.speaker.name:
                    label = f"{q.speaker.name} ({q.speaker.text})"
                if q.speaker.actor:
                    label += f" [{q.speaker.actor}]"
                who = Text(label)
            text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
            t.add_row(who, q.kind, q.cue or "", text, f"{q.confidence:.2f}")
        parts.append(t)

    if analysis.events:
        t = Table(title="Who did what to whom (CAMEO)", title_justify="left", expand=True)
        t.add_column("code", no_wrap=True)
        t.add_column("event", max_width=26)
        t.add_column("source", style="cyan", max_width=22)
        t.add_column("target", style="cyan", max_width=22)
        t.add_column("quad", no_wrap=True)
        t.add_column("gold.", justify="right", no_wrap=True)
        t.add_column("evidence")
        for e in analysis.events:
            src = f"{e.source.actor or '?'} {e.source.text}" if e.source else "-"
            tgt = f"{e.target.actor or '?'} {e.target.text}" if e.target else "-"
            label = e.label + (" (negated)" if e.negated else "")
            t.add_row(e.code, label, src, tgt, str(e.quad_class), f"{e.goldstein:+.1f}", e.evidence)
        parts.append(t)

    if any(e.label in _NAMED_LABELS for e in analysis.entities):
        seen: dict[tuple[str, str], int] = {}
        actors: dict[tuple[str, str], str | None] = {}
        for ent in analysis.entities:
            if ent.label not in _NAMED_LABELS:
                continue
            key = (ent.text, ent.label)
            seen[key] = seen.get(key, 0) + 1
            actors[key] = actors.get(key) or ent.actor
        ents = Text()
        for i, ((txt, label), n) in enumerate(sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))):
            if i:
                ents.append(" · ")
            ents.append(txt, style="bold")
            code = actors[(txt, label)]
            ents.append(f" {label}" + (f" {code}" if code else "") + (f" ×{n}" if n > 1 else ""), style="dim")
        parts.append(Panel(ents, title="Entities", title_align="left"))

    return Panel(Group(*parts), title=art.title or str(analysis.id), title_align="left")


def print_report(analysis: Analysis, console: Console) -> None:
    console.print(render(analysis))
