package io.flowport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Figures the benchmarks and measuring tests keep, one line each, under target/measurements/. */
public final class Measurements {

  private Measurements() {}

  /** Appends the line to target/measurements/{@code file}. */
  public static void record(String file, String line) throws IOException {
    Path out = Path.of("target/measurements", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The {@code p}th percentile of sorted values (nearest rank). */
  public static long percentile(List<Long> sorted, int p) {
    return sorted.get((int) Math.ceil(sorted.size() * p / 100.0) - 1);
  }
}
