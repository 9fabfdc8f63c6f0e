package io.flowport.report;

import io.flowport.diag.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything a conversion has to say: what became what, and every deviation, with locations. */
public final class Report {

  private final List<Finding> findings = new ArrayList<>();
  private final List<String> converted = new ArrayList<>();

  public void add(Code code, SourceLocation location, String element, String text, String fix) {
    findings.add(new Finding(code, location, element, text, fix));
  }

  /** Records how one source element was converted, e.g. "StartEMRJob: Task createCluster.sync -> ...". */
  public void converted(String line) {
    converted.add(line);
  }

  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  public List<String> convertedLines() {
    return Collections.unmodifiableList(converted);
  }

  public List<Finding> findings(Severity severity) {
    return findings.stream().filter(f -> f.code().severity() == severity).toList();
  }
}
