package io.flowport.diag;

import java.nio.file.Path;

/**
 * Where something is in a source file: a line and column (1-based, for Python and JSON text) and,
 * for JSON documents, a JSON pointer. Printed as {@code file:line:col} like compilers do.
 */
public record SourceLocation(Path file, int line, int column, String pointer) {

  public static SourceLocation of(Path file, int line, int column) {
    return new SourceLocation(file, line, column, null);
  }

  public static SourceLocation of(Path file, int line, int column, String pointer) {
    return new SourceLocation(file, line, column, pointer);
  }

  public static SourceLocation file(Path file) {
    return new SourceLocation(file, 0, 0, null);
  }

  /** {@code file:line:col} (or just the file when the position is unknown), plus the pointer. */
  @Override
  public String toString() {
    String where = file == null ? "<input>" : file.toString();
    if (line > 0) {
      where += ":" + line + ":" + Math.max(column, 1);
    }
    if (pointer != null && !pointer.isEmpty()) {
      where += " (" + pointer + ")";
    }
    return where;
  }
}
