package io.flowport.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md, the properties metadata and the code say the same: every property the
 * code reads is declared, every declared one is read and documented with its default, and every
 * Camunda property the page names exists in the Camunda starter.
 */
class ConfigurationDocsTest {

  private static final Path DOC = Path.of("docs/configuration.md");
  private static final Path METADATA = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");
  private static final Pattern READ = Pattern.compile("\\$\\{(flowport\\.[a-z0-9.-]+)(?::([^}]*))?}");

  private static Map<String, String> declared() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode p : new ObjectMapper().readTree(METADATA.toFile()).path("properties")) {
      out.put(p.path("name").asText(), p.path("defaultValue").asText(""));
    }
    return out;
  }

  /** flowport.* properties the main code reads, with the default it gives them. */
  private static Map<String, String> read() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = READ.matcher(Files.readString(f));
        while (m.find()) {
          out.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
      }
    }
    return out;
  }

  @Test
  void everyPropertyTheCodeReadsIsDeclaredWithTheSameDefaultAndNoneIsDeclaredInVain() throws IOException {
    Map<String, String> declared = declared();
    Map<String, String> read = read();
    assertThat(read.keySet()).as("read by the code").containsExactlyInAnyOrderElementsOf(declared.keySet());
    read.forEach((name, value) -> assertThat(declared.get(name)).as("default of " + name).isEqualTo(value));
  }

  @Test
  void everyDeclaredPropertyHasARowWithItsDefault() throws IOException {
    String doc = Files.readString(DOC);
    declared().forEach((name, value) -> {
      String shown = value.isEmpty() ? "empty" : "`" + value + "`";
      assertThat(doc).as(name + " in " + DOC).contains("| `" + name + "` | " + shown + " |");
    });
  }

  @Test
  void theCamundaPropertiesThePageNamesExist() throws IOException {
    Set<String> known = new TreeSet<>();
    for (SpringMetadata m : SpringMetadata.all(Main.class.getClassLoader())) {
      m.properties().forEach(p -> known.add(p.name()));
    }
    Matcher m = Pattern.compile("`(camunda\\.client\\.[a-z0-9.-]+)").matcher(Files.readString(DOC));
    int named = 0;
    while (m.find()) {
      named++;
      assertThat(known).as("a Camunda starter property").contains(m.group(1));
    }
    assertThat(named).isGreaterThan(5);
  }
}
