package io.flowport.airflow;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.nio.file.Path;
import java.util.List;

/** The Airflow front-end: a DAG file, read statically, becomes one TaskDag workflow per DAG. */
public final class AirflowConverter {

  private final Catalog catalog;

  public AirflowConverter(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<Conversion> convert(Path file, String text) {
    throw new BadInputException(SourceLocation.file(file), "Airflow DAG files are not supported yet");
  }
}
