package io.flowport.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared Node tools (bpmnlint, the bpmn-js renderer, the ASL reference interpreter), where a
 * machine has them installed: {@code FLOWPORT_TOOLS}, the copy {@code .ci/run} makes in
 * {@code target/shared-tools}, or {@code ../shared/tools}. Tests that need them are skipped
 * elsewhere; CI always has them.
 */
public final class NodeTools {

  public static Optional<Path> dir() {
    Optional<Path> found = find();
    if (found.isEmpty() && required()) {
      throw new IllegalStateException("FLOWPORT_REQUIRE_TOOLS is set but the Node tools are not installed in target/shared-tools");
    }
    return found;
  }

  /**
   * A Node package of this repository, e.g. {@code src/test/node}, once {@code npm ci} has
   * installed it ({@code .ci/run} does); missing, it skips the test, or fails it like the tools.
   */
  public static Optional<Path> installed(Path packageDir) {
    if (Files.isDirectory(packageDir.resolve("node_modules"))) {
      return Optional.of(packageDir.toAbsolutePath().normalize());
    }
    if (required()) {
      throw new IllegalStateException("FLOWPORT_REQUIRE_TOOLS is set but " + packageDir + "/node_modules is missing: run npm ci there");
    }
    return Optional.empty();
  }

  /** Set by .ci/run once it has installed the tools: then a missing tool fails instead of skipping. */
  static boolean required() {
    return "1".equals(System.getenv("FLOWPORT_REQUIRE_TOOLS"));
  }

  private static Optional<Path> find() {
    String env = System.getenv("FLOWPORT_TOOLS");
    for (Path p : new Path[] {env == null ? null : Path.of(env), Path.of("target/shared-tools"), Path.of("../shared/tools")}) {
      if (p != null && Files.isDirectory(p.resolve("node_modules")) && Files.exists(p.resolve("bpmn-lint.mjs"))) {
        return Optional.of(p.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  public static boolean chromium() {
    String env = System.getenv("CHROMIUM_PATH");
    boolean found = env != null && Files.isExecutable(Path.of(env)) || Files.isExecutable(Path.of("/usr/bin/chromium"));
    if (!found && required()) {
      throw new IllegalStateException("FLOWPORT_REQUIRE_TOOLS is set but Chromium is not installed");
    }
    return found;
  }

  /** Runs {@code node <tool> args...} in the tools folder; returns exit code and output. */
  public static Result node(Path tools, String tool, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("node", tools.resolve(tool).toString()));
    cmd.addAll(java.util.List.of(args));
    Path errFile = Files.createTempFile("node-tool", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes());
      int exit = p.waitFor();
      return new Result(exit, out, Files.readString(errFile));
    } finally {
      Files.deleteIfExists(errFile);
    }
  }

  public record Result(int exit, String stdout, String stderr) {}

  private NodeTools() {}
}
