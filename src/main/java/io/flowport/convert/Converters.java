package io.flowport.convert;

import io.flowport.airflow.AirflowConverter;
import io.flowport.asl.AslConverter;
import io.flowport.catalog.Catalog;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Picks the front-end for a source file by extension, then by content, and runs it. */
public final class Converters {

  public enum Kind { ASL, AIRFLOW }

  private final Catalog catalog;

  public Converters(Catalog catalog) {
    this.catalog = catalog;
  }

  /** One conversion per workflow in the file (a DAG file may define several DAGs). */
  public List<Conversion> convert(Path file) {
    String text = read(file);
    return switch (kind(file, text)) {
      case ASL -> List.of(new AslConverter(catalog).convert(file, text));
      case AIRFLOW -> new AirflowConverter(catalog).convert(file, text);
    };
  }

  public static String read(Path file) {
    if (!Files.exists(file)) {
      throw new BadInputException(SourceLocation.file(file), "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(SourceLocation.file(file), "not a regular file");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(SourceLocation.file(file), "not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(file), "cannot read: " + e.getMessage());
    }
  }

  public static Kind kind(Path file, String text) {
    String name = file.getFileName().toString().toLowerCase();
    if (name.endsWith(".json")) {
      return Kind.ASL;
    }
    if (name.endsWith(".py")) {
      return Kind.AIRFLOW;
    }
    String start = text.stripLeading();
    if (start.startsWith("{")) {
      return Kind.ASL;
    }
    if (text.contains("airflow") || text.contains("DAG(")) {
      return Kind.AIRFLOW;
    }
    throw new BadInputException(SourceLocation.file(file),
        "cannot tell the input kind: expected an ASL state machine (.json) or an Airflow DAG file (.py)");
  }
}
