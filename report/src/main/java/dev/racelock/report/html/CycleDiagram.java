package dev.racelock.report.html;

import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.report.view.FindingView;
import dev.racelock.report.view.FindingView.AcquisitionView;
import dev.racelock.report.view.MarkupText;

import java.util.List;
import java.util.Locale;

/**
 * A lock cycle drawn as inline SVG: the locks on a circle (side by side for two), and for each
 * acquisition an arrow from the lock the thread held to the lock it took, labelled with the
 * thread. Arrows bend to one side so the two arrows of a two-lock cycle do not overlap. Plain
 * SVG, no script, so the page stays readable offline and without JavaScript.
 */
final class CycleDiagram {

    /** Advance of one character of the 13px monospace node labels, generously (DejaVu Sans Mono is 7.8). */
    private static final double CHAR_WIDTH = 8.0;
    /** The same for the 13px proportional edge labels, an upper estimate. */
    private static final double LABEL_CHAR_WIDTH = 7.5;
    private static final double NODE_HEIGHT = 34;
    private static final int MAX_LABEL = 52;

    private CycleDiagram() {}

    /** @param id unique within the page, for the arrow marker */
    static String svg(FindingView finding, String id) {
        List<AcquisitionView> cycle = finding.acquisitions();
        int n = cycle.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] halfWidth = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = shorten(cycle.get(i).lock());
            halfWidth[i] = Math.max(40, labels[i].length() * CHAR_WIDTH / 2 + 14);
        }
        if (n <= 2) {
            // Side by side, far enough apart for the thread labels between them.
            for (int i = 0; i < n; i++) {
                x[i] = n == 1 ? 0 : node(i, n) == 0 ? -halfWidth[i] - 90 : halfWidth[i] + 90;
            }
        } else {
            // On an ellipse from the top, clockwise: wide enough that neighbours a chord apart do not
            // overlap however long their names, only as tall as the number of locks needs.
            double widest = 0;
            for (double hw : halfWidth) {
                widest = Math.max(widest, hw);
            }
            double radiusX = Math.max(150, (2 * widest + 30) / (2 * Math.sin(Math.PI / n)));
            double radiusY = 50 + 25 * n;
            for (int i = 0; i < n; i++) {
                double angle = -Math.PI / 2 + 2 * Math.PI * node(i, n) / n;
                x[i] = radiusX * Math.cos(angle);
                y[i] = radiusY * Math.sin(angle);
            }
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i] - halfWidth[i]);
            maxX = Math.max(maxX, x[i] + halfWidth[i]);
            minY = Math.min(minY, y[i] - NODE_HEIGHT / 2);
            maxY = Math.max(maxY, y[i] + NODE_HEIGHT / 2);
        }
        // Room for the bent arrows and their labels above and below.
        minY -= n <= 2 ? 58 : 40;
        maxY += n <= 2 ? 58 : 40;
        minX -= 30;
        maxX += 30;
        double width = maxX - minX;
        double height = maxY - minY;

        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"cycle-svg\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" viewBox=\"")
                .append(num(minX)).append(' ').append(num(minY)).append(' ').append(num(width)).append(' ')
                .append(num(height)).append("\">");
        sb.append("<title>").append(MarkupText.attribute("Lock cycle: " + String.join(" -> ",
                finding.cyclePath()))).append("</title>");
        sb.append("<defs><marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
                .append(" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker></defs>");
        String verb = finding.type().blocked() ? " waits" : "";
        for (int i = 0; i < n; i++) {
            int from = (i - 1 + n) % n;
            appendArrow(sb, x[from], y[from], halfWidth[from], x[i], y[i], halfWidth[i], id,
                    threadLabel(cycle.get(i)) + verb);
        }
        for (int i = 0; i < n; i++) {
            sb.append("<g class=\"lock-node\"><rect x=\"").append(num(x[i] - halfWidth[i])).append("\" y=\"")
                    .append(num(y[i] - NODE_HEIGHT / 2)).append("\" width=\"").append(num(2 * halfWidth[i]))
                    .append("\" height=\"").append(num(NODE_HEIGHT)).append("\" rx=\"8\"/>")
                    .append("<text x=\"").append(num(x[i])).append("\" y=\"").append(num(y[i] + 4.5))
                    .append("\" text-anchor=\"middle\">").append(MarkupText.attribute(labels[i])).append("</text></g>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /**
     * The position on the drawing of the lock taken by edge {@code i}: the path starts with the lock
     * the last edge takes (the one the first edge's thread already held).
     */
    private static int node(int edge, int n) {
        return (edge + 1) % n;
    }

    private static void appendArrow(StringBuilder sb, double x0, double y0, double hw0, double x1, double y1,
                                    double hw1, String markerId, String label) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.hypot(dx, dy);
        if (length < 1) {
            return;
        }
        // Bend to the left of the direction of travel: opposite arrows take opposite sides.
        double bend = Math.min(70, length * 0.28);
        double cx = (x0 + x1) / 2 + dy / length * bend;
        double cy = (y0 + y1) / 2 - dx / length * bend;
        double[] start = border(x0, y0, hw0, cx, cy);
        double[] end = border(x1, y1, hw1, cx, cy);
        sb.append("<path class=\"edge\" d=\"M").append(num(start[0])).append(',').append(num(start[1]))
                .append(" Q").append(num(cx)).append(',').append(num(cy)).append(' ').append(num(end[0]))
                .append(',').append(num(end[1])).append("\" marker-end=\"url(#").append(markerId).append(")\"/>");
        // Quadratic Bezier midpoint: (P0 + 2C + P1) / 4.
        double mx = (start[0] + 2 * cx + end[0]) / 4;
        double my = (start[1] + 2 * cy + end[1]) / 4;
        // An opaque box behind the label hides the arrow where it passes under the text.
        double labelWidth = label.length() * LABEL_CHAR_WIDTH + 10;
        sb.append("<rect class=\"edge-label-box\" x=\"").append(num(mx - labelWidth / 2)).append("\" y=\"")
                .append(num(my - 10)).append("\" width=\"").append(num(labelWidth)).append("\" height=\"20\" rx=\"4\"/>");
        sb.append("<text class=\"edge-label\" x=\"").append(num(mx)).append("\" y=\"").append(num(my + 4.5))
                .append("\" text-anchor=\"middle\">").append(MarkupText.attribute(label)).append("</text>");
    }

    /** Where the line from a node's centre towards (tx, ty) leaves the node's rectangle. */
    private static double[] border(double x, double y, double halfWidth, double tx, double ty) {
        double dx = tx - x;
        double dy = ty - y;
        double halfHeight = NODE_HEIGHT / 2 + 3;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : (halfWidth + 3) / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : halfHeight / Math.abs(dy));
        return new double[] {x + dx * t, y + dy * t};
    }

    private static String threadLabel(AcquisitionView edge) {
        ThreadRef t = edge.acquisition().thread();
        return t == null ? "?" : shorten(t.name() == null ? "#" + t.id() : t.name());
    }

    private static String shorten(String s) {
        if (s == null) {
            return "?";
        }
        // Keep both ends: lock names differ at the end ("... at Inventory.java:14" vs ":15").
        int keepEnd = MAX_LABEL * 2 / 3;
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - keepEnd - 1) + "\u2026" + s.substring(s.length() - keepEnd);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
