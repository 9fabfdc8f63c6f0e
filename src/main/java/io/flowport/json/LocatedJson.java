package io.flowport.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document with the line and column of every value, addressed by JSON pointer, so errors
 * and warnings can say {@code file:line:col (/States/X/Next)}.
 */
public final class LocatedJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final JsonNode root;
  private final Map<String, int[]> positions;

  private LocatedJson(Path file, JsonNode root, Map<String, int[]> positions) {
    this.file = file;
    this.root = root;
    this.positions = positions;
  }

  /** Parses strictly (no duplicate keys, no trailing content); malformed JSON is bad input. */
  public static LocatedJson parse(Path file, String text) {
    JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    JsonNode root;
    try (JsonParser p = factory.createParser(text)) {
      root = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new BadInputException(at(file, at), "invalid JSON: unexpected content after the document");
      }
    } catch (JsonParseException e) {
      throw new BadInputException(at(file, e.getLocation()), "invalid JSON: " + reason(e));
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(file), "cannot read JSON: " + e.getMessage());
    }
    if (root == null) {
      throw new BadInputException(SourceLocation.file(file), "invalid JSON: the file is empty");
    }
    return new LocatedJson(file, root, index(factory, text));
  }

  public JsonNode root() {
    return root;
  }

  public Path file() {
    return file;
  }

  /** The location of the value at a JSON pointer, or of its nearest located ancestor. */
  public SourceLocation at(String pointer) {
    String p = pointer;
    while (true) {
      int[] pos = positions.get(p);
      if (pos != null) {
        return SourceLocation.of(file, pos[0], pos[1], pointer);
      }
      if (p.isEmpty()) {
        return SourceLocation.of(file, 0, 0, pointer);
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /** Escapes a key for use in a JSON pointer (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static Map<String, int[]> index(JsonFactory factory, String text) {
    Map<String, int[]> out = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      if (p.nextToken() != null) {
        value(p, "", out);
      }
    } catch (IOException e) {
      // Already parsed once without error: positions are best effort.
    }
    return out;
  }

  /** Records the position of the value at the parser's current token and of everything inside. */
  private static void value(JsonParser p, String pointer, Map<String, int[]> out) throws IOException {
    put(out, pointer, p.currentTokenLocation());
    if (p.currentToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String child = pointer + "/" + escape(p.currentName());
        // A member is reported at its key, where people look for it.
        put(out, child, p.currentTokenLocation());
        p.nextToken();
        value(p, child, out);
      }
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        value(p, pointer + "/" + i++, out);
      }
    }
  }

  private static void put(Map<String, int[]> out, String pointer, JsonLocation at) {
    out.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
  }

  private static SourceLocation at(Path file, JsonLocation loc) {
    return loc == null ? SourceLocation.file(file) : SourceLocation.of(file, loc.getLineNr(), loc.getColumnNr());
  }

  /** Jackson's message without its own location, which the caller prints as file:line:col. */
  private static String reason(JsonParseException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "malformed";
    }
    int source = m.indexOf("[Source:");
    if (source >= 0) {
      m = m.substring(0, source);
    }
    return m.lines().findFirst().orElse(m).replaceAll("\\s+", " ").replaceAll("\\s*at\\s*$", "").strip();
  }
}
