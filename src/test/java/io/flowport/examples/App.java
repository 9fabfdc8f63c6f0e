package io.flowport.examples;

import io.flowport.embedded.EmbeddedRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link StartFromApp} in this JVM, as its {@code main} would, and keeps what it printed. */
record App(int exit, String out, String err) {

  static App run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = StartFromApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new App(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The embedded engine's gRPC gateway, as an application reaches it: plaintext over loopback. */
  static String address(EmbeddedRuntime runtime) {
    String gateway = runtime.engine().getGatewayAddress();
    return "http://localhost:" + gateway.substring(gateway.lastIndexOf(':') + 1);
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
  }
}
