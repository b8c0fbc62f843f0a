package org.batchcuration.reporting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A small HTML page builder with escaping and the reports' inline style sheet. Pages are
 * self-contained: images are inlined as {@code data:} URIs, and nothing is loaded from elsewhere.
 * Not thread-safe.
 */
final class Html {
  private static final String STYLE =
      """
      body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:24px auto;max-width:1040px;
      color:#222;line-height:1.4}
      h1{font-size:26px;margin-bottom:4px}h2{font-size:20px;margin-top:32px;border-bottom:1px solid #ccc}
      .sub{color:#666;margin-top:0}
      .figures{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
      .figure{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:140px;background:#fafafa}
      .figure .v{font-size:24px;font-weight:bold}.figure .k{font-size:13px;color:#555}
      .figure .d{font-size:13px;color:#555}
      img{max-width:100%;border:1px solid #eee;margin:8px 0}
      .note{color:#8a6d3b;background:#fcf8e3;border:1px solid #faebcc;padding:8px 12px;border-radius:4px}
      table{border-collapse:collapse;font-size:14px;margin:8px 0}
      td,th{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
      th{background:#f0f0f0}td.num{text-align:right;white-space:nowrap;font-family:'DejaVu Sans Mono',monospace}
      code{font-family:'DejaVu Sans Mono',monospace}
      """;

  private final StringBuilder out = new StringBuilder();

  Html(String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A figure as the reports show it, or "n/a" when absent: integers whole, values of 100 or more
   * with one decimal, smaller ones with 4 decimals, and non-zero values under 0.001 with 3
   * significant digits ({@code 4.35e-05}).
   */
  static String format(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return "n/a";
    }
    double v = value;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    if (Math.abs(v) < 1e-3) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
  }

  /** A difference with its sign and 4 decimals ({@code +0.4667}), or "n/a" when absent. */
  static String signed(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.4f", value);
  }

  /**
   * A setting's value with up to 6 significant digits and no trailing zeros ({@code 0.3}, {@code
   * 0.0015}, {@code 4.34783e-05}): exact for what people type, short for computed values.
   */
  static String setting(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    if (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e15) {
      String[] e = String.format(Locale.ROOT, "%.5e", v).split("e");
      return stripZeros(e[0]) + "e" + e[1];
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String stripZeros(String decimal) {
    return decimal.contains(".") ? decimal.replaceAll("\\.?0+$", "") : decimal;
  }

  Html heading(int level, String text) {
    out.append("<h").append(level).append('>').append(escape(text));
    out.append("</h").append(level).append(">\n");
    return this;
  }

  Html paragraph(String cssClass, String text) {
    out.append("<p class=\"").append(cssClass).append("\">").append(escape(text)).append("</p>\n");
    return this;
  }

  Html note(String text) {
    out.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A key figure: its label, its value and an optional detail line under it (empty: none). */
  record Figure(String label, String value, String detail) {
    Figure(String label, String value) {
      this(label, value, "");
    }
  }

  Html figures(List<Figure> figures) {
    out.append("<div class=\"figures\">\n");
    for (Figure f : figures) {
      out.append("<div class=\"figure\"><div class=\"v\">")
          .append(escape(f.value()))
          .append("</div><div class=\"k\">")
          .append(escape(f.label()))
          .append("</div>");
      if (!f.detail().isEmpty()) {
        out.append("<div class=\"d\">").append(escape(f.detail())).append("</div>");
      }
      out.append("</div>\n");
    }
    out.append("</div>\n");
    return this;
  }

  /** A PNG inlined as a {@code data:} URI, so that the page needs no other file. */
  Html image(byte[] png, String alt) {
    out.append("<img src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\" alt=\"")
        .append(escape(alt))
        .append("\" width=\"")
        .append(Charts.WIDTH)
        .append("\">\n");
    return this;
  }

  /** A table; cells whose text parses as a number are right-aligned. */
  Html table(List<String> header, List<List<String>> rows) {
    out.append("<table>\n<tr>");
    for (String h : header) {
      out.append("<th>").append(escape(h)).append("</th>");
    }
    out.append("</tr>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (String cell : row) {
        boolean numeric = cell.matches("[-+]?[0-9][0-9.eE+-]*( ± [0-9.eE+-]+)?");
        out.append(numeric ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    return this;
  }

  String finish() {
    return out + "</body>\n</html>\n";
  }
}
