package io.flowport.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which request members an API requires. The SDK for Java's model classes do not say, so this is
 * read from {@code required-members.json}, taken from botocore's service models by {@code
 * scripts/required-members.py} and checked against them by RequiredMembersTest.
 */
final class RequiredMembers {

  private static final JsonNode MEMBERS = load();

  /** @throws IllegalStateException when the file does not list the API: a new worker needs its line */
  static Set<String> of(String service, String api) {
    JsonNode list = MEMBERS.path(service).get(api);
    if (list == null) {
      throw new IllegalStateException("required-members.json has no " + service + " " + api
          + "; regenerate it with scripts/required-members.py");
    }
    Set<String> out = new TreeSet<>();
    list.forEach(m -> out.add(m.asText()));
    return out;
  }

  static JsonNode all() {
    return MEMBERS;
  }

  private static JsonNode load() {
    try (InputStream in = RequiredMembers.class.getResourceAsStream("required-members.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private RequiredMembers() {}
}
