package nl.kennisagenda.backoffice.web;

import java.util.List;
import java.util.Locale;

import nl.kennisagenda.backoffice.service.Dashboards;

/**
 * Small server-side SVG charts for the dashboards. No inline styles (CSP): colours come from classes in admin.css.
 * Every chart is an {@code <svg role="img">} labelled by a caption outside it; the numbers are also in a table next to
 * it, so the chart is never the only way to read them. All text is XML-escaped here because the result is rendered
 * raw.
 */
final class SvgChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private SvgChart() {
    }

    /** Bars per day and a line for the running total, on one scale. */
    static String signUps(List<Dashboards.Day> days, String labelledBy, String perDay, String cumulative) {
        StringBuilder svg = open(WIDTH, HEIGHT, labelledBy);
        long max = days.isEmpty() ? 0 : days.get(days.size() - 1).cumulative();
        max = Math.max(max, 1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int n = Math.max(days.size(), 1);
        double step = (double) plotWidth / n;
        axes(svg, plotWidth, plotHeight, max);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            Dashboards.Day day = days.get(i);
            double h = (double) day.signUps() / max * plotHeight;
            double x = LEFT + i * step;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"chart-bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    x + step * 0.15, TOP + plotHeight - h, Math.max(step * 0.7, 1), h));
            double y = TOP + plotHeight - (double) day.cumulative() / max * plotHeight;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + step / 2, y));
        }
        if (!days.isEmpty()) {
            svg.append("<polyline class=\"chart-line\" points=\"").append(points.toString().strip()).append("\"/>");
            text(svg, LEFT, HEIGHT - BOTTOM + 16, "start", days.get(0).iso());
            if (days.size() > 1) {
                text(svg, WIDTH - RIGHT, HEIGHT - BOTTOM + 16, "end", days.get(days.size() - 1).iso());
            }
        }
        legend(svg, HEIGHT - 6, perDay, cumulative);
        return svg.append("</svg>").toString();
    }

    /** Per event two horizontal bars: sign-ups and checked in. */
    static String events(List<Dashboards.EventLine> events, String labelledBy, String signUps, String present) {
        int row = 36;
        int height = TOP + Math.max(events.size(), 1) * row + 32;
        int labelWidth = 200;
        StringBuilder svg = open(WIDTH, height, labelledBy);
        long max = Math.max(1, events.stream().mapToLong(Dashboards.EventLine::signUps).max().orElse(1));
        int plotWidth = WIDTH - labelWidth - RIGHT - 40;
        for (int i = 0; i < events.size(); i++) {
            Dashboards.EventLine e = events.get(i);
            int y = TOP + i * row;
            String title = e.title().length() > 30 ? e.title().substring(0, 29) + "\u2026" : e.title();
            text(svg, labelWidth - 8, y + 16, "end", title);
            double w1 = (double) e.signUps() / max * plotWidth;
            double w2 = (double) e.checkedIn() / max * plotWidth;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"chart-bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\"/>", labelWidth, y + 2, w1));
            text(svg, (int) (labelWidth + w1 + 4), y + 12, "start", Long.toString(e.signUps()));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"chart-bar chart-bar--alt\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\"/>",
                    labelWidth, y + 16, w2));
            text(svg, (int) (labelWidth + w2 + 4), y + 26, "start", Long.toString(e.checkedIn()));
        }
        legend(svg, height - 8, signUps, present);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String labelledBy) {
        return new StringBuilder().append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .append(" aria-labelledby=\"").append(escape(labelledBy)).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\">");
    }

    private static void axes(StringBuilder svg, int plotWidth, int plotHeight, long max) {
        svg.append(String.format(Locale.ROOT,
                "<line class=\"chart-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP, LEFT,
                TOP + plotHeight));
        svg.append(String.format(Locale.ROOT,
                "<line class=\"chart-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP + plotHeight,
                LEFT + plotWidth, TOP + plotHeight));
        text(svg, LEFT - 6, TOP + 4, "end", Long.toString(max));
        text(svg, LEFT - 6, TOP + plotHeight, "end", "0");
    }

    private static void legend(StringBuilder svg, int y, String first, String second) {
        svg.append(String.format(Locale.ROOT,
                "<rect class=\"chart-bar\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>", LEFT, y - 10));
        text(svg, LEFT + 18, y, "start", first);
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"12\" height=\"%d\"/>",
                "chart-bar chart-bar--alt", LEFT + 260, y - 10, 12));
        text(svg, LEFT + 278, y, "start", second);
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String value) {
        svg.append("<text class=\"chart-text\" x=\"").append(x).append("\" y=\"").append(y)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(value)).append("</text>");
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
