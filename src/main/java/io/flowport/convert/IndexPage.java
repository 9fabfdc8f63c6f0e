package io.flowport.convert;

import io.flowport.ir.Workflow;
import io.flowport.report.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code DIR/index.md} of {@code flowport convert --index}: one section per converted process (name,
 * source, description, what the report asks of the reader, picture), so a person can look through
 * a whole converted folder. Links are relative to DIR, so the page reads the same wherever the
 * folder is checked in or opened.
 */
public final class IndexPage {

  private IndexPage() {}

  /** @param picture "svg", "png" or null when no pictures were written */
  public static String markdown(Path out, List<Conversion> all, String picture) {
    StringBuilder md = new StringBuilder("# Converted processes\n\n");
    md.append(all.size()).append(all.size() == 1 ? " process" : " processes")
        .append(" converted by `flowport convert`, each with its source, what its conversion report asks of you")
        .append(picture == null ? ".\n" : " and its picture.\n");
    for (Conversion c : all) {
      Workflow w = c.workflow();
      md.append("\n## ").append(oneLine(w.name())).append("\n\n");
      md.append('`').append(w.id()).append("` from [").append(w.source().file().getFileName()).append("](")
          .append(link(out, w.source().file())).append(")");
      String summary = summary(c);
      md.append(". ").append(summary.isEmpty() ? "Nothing to review" : summary)
          .append(": [report](").append(w.id()).append(".report.md).\n");
      if (w.description() != null && !w.description().isBlank()) {
        md.append("\n> ").append(oneLine(firstParagraph(w.description()))).append('\n');
      }
      if (picture != null) {
        md.append("\n![").append(w.id()).append("](").append(w.id()).append('.').append(picture).append(")\n");
      }
    }
    return md.toString();
  }

  /** "1 warning, 2 review notes, 1 to-do" for the severities that ask something of the reader. */
  private static String summary(Conversion c) {
    StringBuilder s = new StringBuilder();
    count(s, c.report().findings(Severity.WARNING).size(), "warning", "warnings");
    count(s, c.report().findings(Severity.REVIEW).size(), "review note", "review notes");
    count(s, c.report().findings(Severity.TASK).size(), "to-do", "to-dos");
    return s.toString();
  }

  private static void count(StringBuilder s, int n, String one, String many) {
    if (n > 0) {
      s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(n == 1 ? one : many);
    }
  }

  /** The source relative to DIR, with forward slashes, so the Markdown link works on every platform. */
  static String link(Path out, Path source) {
    Path from = out.toAbsolutePath().normalize();
    Path to = source.toAbsolutePath().normalize();
    return from.relativize(to).toString().replace('\\', '/').replace(" ", "%20");
  }

  private static String firstParagraph(String text) {
    String t = text.strip();
    int blank = t.indexOf("\n\n");
    return blank < 0 ? t : t.substring(0, blank);
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
