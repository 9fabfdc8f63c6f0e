package io.flowport.report;

import java.util.List;

/** Writes a report as Markdown, beside the BPMN, for people to read and tools to grep. */
public final class ReportWriter {

  public static String markdown(String processId, String sourceFile, Report report) {
    StringBuilder md = new StringBuilder();
    md.append("# Conversion report: ").append(processId).append("\n\n");
    md.append("Source: `").append(sourceFile).append("`\n\n");
    section(md, "Warnings: the source fails or misbehaves on its own platform too", report.findings(Severity.WARNING));
    section(md, "Review: runs differently from the source platform", report.findings(Severity.REVIEW));
    section(md, "For you to do: what flowport does not run", report.findings(Severity.TASK));
    section(md, "Notes", report.findings(Severity.INFO));
    md.append("## Converted\n\n");
    for (String line : report.convertedLines()) {
      md.append("- ").append(line).append('\n');
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String title, List<Finding> findings) {
    md.append("## ").append(title).append("\n\n");
    if (findings.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append("| id | where | element | message | suggested fix |\n|---|---|---|---|---|\n");
    for (Finding f : findings) {
      md.append("| ").append(f.code().id())
          .append(" | `").append(f.location()).append('`')
          .append(" | ").append(f.element() == null ? "" : "`" + cell(f.element()) + "`")
          .append(" | ").append(cell(f.text()))
          .append(" | ").append(f.fix() == null ? "" : cell(f.fix()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private ReportWriter() {}
}
