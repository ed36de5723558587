"""An SVG bar chart of throughput relative to raw Vert.x (1.0), written without plotting libraries."""
from xml.sax.saxutils import escape

COLORS = {"vertx": "#8a8f98", "jornado": "#2563eb", "tornado": "#f59e0b"}
NAMES = {"vertx": "raw Vert.x", "jornado": "Jornado", "tornado": "Tornado"}


def svg(groups, title):
    """groups: [(label, {server: ratio_to_vertx})]."""
    bar, gap, left, top, width = 16, 14, 330, 60, 420
    height = top + len(groups) * (3 * bar + gap) + 50
    top_value = max([1.0] + [v for _, vs in groups for v in vs.values() if v is not None])
    scale = width / top_value
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">'
           % (left + width + 90, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="24" font-size="15" font-weight="bold">%s</text>' % escape(title)]
    for i, (server, name) in enumerate(NAMES.items()):
        out.append('<rect x="%d" y="34" width="12" height="12" fill="%s"/>' % (10 + i * 120, COLORS[server]))
        out.append('<text x="%d" y="45">%s</text>' % (26 + i * 120, name))
    x1 = left + scale
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#444" stroke-dasharray="4 3"/>'
               % (x1, top - 6, x1, height - 40))
    out.append('<text x="%.1f" y="%d" text-anchor="middle">1.0 = raw Vert.x</text>' % (x1, height - 24))
    y = top
    for label, values in groups:
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 8, y + 1.5 * bar + 4, escape(label)))
        for j, server in enumerate(("vertx", "jornado", "tornado")):
            v = values.get(server)
            by = y + j * bar
            if v is None:
                out.append('<text x="%d" y="%d" fill="#888">n/a</text>' % (left + 4, by + bar - 4))
                continue
            out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       % (left, by, max(1.0, v * scale), bar - 2, COLORS[server]))
            out.append('<text x="%.1f" y="%d">%.2f</text>' % (left + v * scale + 4, by + bar - 4, v))
        y += 3 * bar + gap
    out.append("</svg>")
    return "\n".join(out)
