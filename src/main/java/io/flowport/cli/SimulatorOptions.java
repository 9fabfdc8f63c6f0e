package io.flowport.cli;

import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;

/** The options {@code run} and {@code simulator} share, read the same way by both. */
public final class SimulatorOptions {

  private SimulatorOptions() {}

  /**
   * {@code --time-scale}: {@code 1/120}, {@code 0.5} or {@code 1}, wall seconds per source second
   * in (0, 1]; an IllegalArgumentException with the one-line message otherwise.
   */
  public static double timeScale(String s) {
    try {
      double v;
      if (s.contains("/")) {
        String[] p = s.split("/", 2);
        v = Double.parseDouble(p[0].trim()) / Double.parseDouble(p[1].trim());
      } else {
        v = Double.parseDouble(s.trim());
      }
      if (!(v > 0 && v <= 1)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--time-scale must be a number in (0, 1] such as 1/120 or 0.5, got '" + s + "'");
    }
  }

  /** {@code --emr-scenario}: the scenario file, or a BadInputException naming the file once. */
  public static SimulatorConfig scenario(Path file) {
    try {
      return SimulatorConfig.fromFile(file);
    } catch (IllegalArgumentException e) {
      // The simulator's message already starts with the file name.
      String message = e.getMessage().startsWith(file.toString())
          ? e.getMessage().substring(file.toString().length()).replaceFirst("^:\\s*", "")
          : e.getMessage();
      throw new BadInputException(SourceLocation.file(file), message);
    }
  }
}
