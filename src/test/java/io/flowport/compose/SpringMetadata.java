package io.flowport.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The properties one Spring configuration metadata file declares, and which of them an
 * environment variable sets by Spring Boot's relaxed binding: FLOWPORT_EMR_ENDPOINT is
 * flowport.emr.endpoint; dashes do not count (CAMUNDA_CLIENT_GRPCADDRESS is
 * camunda.client.grpc-address); below a Map or a List property any key or index follows.
 */
record SpringMetadata(String source, List<Property> properties) {

  record Property(String name, String type, boolean deprecated) {
    String canonical() {
      return name.toLowerCase(Locale.ROOT).replace("-", "");
    }

    boolean takesKeys() {
      return type != null && (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
          || type.startsWith("java.util.Set") || type.endsWith("[]"));
    }
  }

  /** The file {@code name} in the jar or folder that {@code owner} was loaded from. */
  static SpringMetadata of(Class<?> owner, String name) {
    String home = owner.getProtectionDomain().getCodeSource().getLocation().toString();
    try {
      for (URL url : Collections.list(owner.getClassLoader().getResources(name))) {
        // A folder's resource URL starts with the folder's; a jar's is jar:<jar URL>!/name.
        if (url.toString().startsWith(home) || url.toString().startsWith("jar:" + home + "!/")) {
          return read(url);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no " + name + " next to " + owner.getName() + " (" + home + ")");
  }

  /** Every {@code META-INF/spring-configuration-metadata.json} on the class path. */
  static List<SpringMetadata> all(ClassLoader loader) {
    List<SpringMetadata> all = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources("META-INF/spring-configuration-metadata.json"))) {
        all.add(read(url));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  static SpringMetadata read(URL url) {
    try (InputStream in = url.openStream()) {
      return parse(url.toString(), new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  static SpringMetadata parse(String source, JsonNode root) {
    List<Property> properties = new ArrayList<>();
    for (JsonNode p : root.path("properties")) {
      boolean deprecated = p.path("deprecated").asBoolean(false) || p.has("deprecation");
      properties.add(new Property(p.path("name").asText(), p.path("type").asText(null), deprecated));
    }
    return new SpringMetadata(source, properties);
  }

  /** The property {@code variable} binds to, or null. */
  Property property(String variable) {
    String key = variable.toLowerCase(Locale.ROOT).replace('_', '.');
    for (Property p : properties) {
      if (key.equals(p.canonical()) || (p.takesKeys() && key.startsWith(p.canonical() + "."))) {
        return p;
      }
    }
    return null;
  }
}
