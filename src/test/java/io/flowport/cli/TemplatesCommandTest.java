package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowport templates -o DIR} writes what element-templates/ holds, and says where. */
class TemplatesCommandTest {

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void writesTheCommittedTemplates(@TempDir Path out) throws IOException {
    ClusterCommandsTest.Result r = ClusterCommandsTest.run("templates", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> written = names(out);
    assertThat(written).isEqualTo(names(Path.of("element-templates"))).isNotEmpty();
    for (String name : written) {
      assertThat(Files.readString(out.resolve(name))).as(name).isEqualTo(Files.readString(Path.of("element-templates", name)));
    }
  }

  @Test
  void anOutputThatIsAFileIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    ClusterCommandsTest.Result r = ClusterCommandsTest.run("templates", "-o", file.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).hasLineCount(1).doesNotContain("\tat ");
  }
}
