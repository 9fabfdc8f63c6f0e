package io.flowport.airflow;

import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.DagFile;
import io.flowport.airflow.parse.DagFileParser;
import io.flowport.airflow.parse.Finding;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Airflow front-end: a DAG file, read statically (never executed), becomes one {@link
 * io.flowport.ir.TaskDag} workflow per DAG. What the parser could not read is reported; what
 * would change the run (an unknown dependency, a value only known at run time) stops the
 * conversion with a one-line error at its location.
 */
public final class AirflowConverter {

  private final Catalog catalog;

  public AirflowConverter(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<Conversion> convert(Path file, String text) {
    DagFile parsed = new DagFileParser().parse(file, text);
    for (Finding f : parsed.findings()) {
      if (f.severity() == io.flowport.airflow.parse.Severity.ERROR) {
        throw new BadInputException(f.location(), f.message() + " [" + f.id() + "]");
      }
    }
    if (parsed.dags().isEmpty()) {
      throw new BadInputException(SourceLocation.file(file), "defines no DAG");
    }
    List<Conversion> out = new ArrayList<>();
    for (DagDef dag : parsed.dags()) {
      Report report = new Report();
      for (Finding f : parsed.findings()) {
        report.add(f.severity() == io.flowport.airflow.parse.Severity.WARNING ? Code.AIRFLOW_NOT_READ : Code.AIRFLOW_PARSER_NOTE,
            f.location(), null, f.message() + " [" + f.id() + "]", null);
      }
      out.add(new Conversion(new DagConversion(catalog, dag, report).workflow(), report));
    }
    return out;
  }
}
