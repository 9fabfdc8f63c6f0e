package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates Step Functions paths. General paths ({@code InputPath}, {@code OutputPath}, {@code .$}
 * values) use Jayway JsonPath, whose exception texts AWS passes through in its causes; paths that
 * start with {@code $$} read the context object, paths that start with {@code $name} the workflow
 * variable {@code name} (then the rest of the path within its value). Reference paths
 * ({@code ResultPath}, Choice {@code Variable}) allow only {@code .name}, {@code ['name']} and
 * {@code [n]} steps.
 */
public final class JsonPaths {

  private static final Configuration JAYWAY = Configuration.builder()
      .jsonProvider(new NodeProvider())
      .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
      .build();

  /** Jayway's path functions; anything else after a final '.' is rejected at validation. */
  private static final Set<String> FUNCTIONS = Set.of("length", "size", "min", "max", "avg",
      "stddev", "sum", "keys", "concat", "append", "first", "last", "index");
  private static final Pattern POSITION = Pattern.compile("position:? (\\d+)");
  private static final Pattern FUNCTION_CALL = Pattern.compile("\\.([A-Za-z]+)\\(");

  private JsonPaths() {}

  /** Throws {@link AslSyntaxException} unless {@code path} is a valid (reference) path. */
  public static void validate(String path, boolean referenceOnly) {
    if (referenceOnly) {
      ReferencePath.parse(path);
      return;
    }
    if (path == null || !path.startsWith("$")) {
      throw new AslSyntaxException(String.valueOf(path), 0, "A path must start with '$'");
    }
    String local = path.startsWith("$$") ? path.substring(1)
        : isVariablePath(path) ? "$" + path.substring(1 + variableName(path).length()) : path;
    int offset = path.length() - local.length();
    checkBalanced(path);
    Matcher m = FUNCTION_CALL.matcher(local);
    while (m.find()) {
      if (!FUNCTIONS.contains(m.group(1)) && !insideQuotes(local, m.start())) {
        throw new AslSyntaxException(path, m.start(1) + offset, "Unknown path function '" + m.group(1) + "()'");
      }
    }
    try {
      JsonPath.compile(local);
    } catch (InvalidPathException e) {
      Matcher at = POSITION.matcher(String.valueOf(e.getMessage()));
      int position = at.find() ? Integer.parseInt(at.group(1)) + offset : path.length();
      throw new AslSyntaxException(path, position, e.getMessage());
    }
  }

  public static boolean isReferencePath(String path) {
    try {
      ReferencePath.parse(path);
      return true;
    } catch (AslSyntaxException e) {
      return false;
    }
  }

  /**
   * The value at {@code path}; a path that finds nothing fails with {@code States.Runtime} and the
   * cause AWS gives for InputPath/OutputPath ({@code Invalid path '$.x' : No results for path: $['x']}).
   */
  public static JsonNode read(String path, JsonNode input, ContextObject ctx) {
    try {
      return find(path, input, ctx);
    } catch (NotFound e) {
      if (e.undefinedVariable != null) {
        throw Variables.undefined(path, null, e.undefinedVariable);
      }
      throw AslRuntimeException.runtime("Invalid path '" + path + "' : " + e.getMessage());
    }
  }

  /** Like {@link #read}, but a missing value throws {@link NotFound} for the caller to word. */
  static JsonNode find(String path, JsonNode input, ContextObject ctx) {
    boolean context = path.startsWith("$$");
    JsonNode doc = context ? ctx.json() : input;
    String local = context ? path.substring(1) : path;
    if (isVariablePath(path)) {
      String name = variableName(path);
      doc = ctx.variables().get(name);
      if (doc == null) {
        throw new NotFound("No such variable '" + name + "'", false, name);
      }
      local = "$" + path.substring(1 + name.length());
    }
    if (local.equals("$")) {
      return doc.deepCopy();
    }
    try {
      return Json.toNode(JsonPath.compile(local).read(doc, JAYWAY)).deepCopy();
    } catch (PathNotFoundException e) {
      throw new NotFound(e.getMessage(), context, null);
    } catch (JsonPathException e) {
      throw AslRuntimeException.runtime("Invalid path '" + path + "' : " + e.getMessage());
    }
  }

  /** {@code $name...}: a path into the workflow variable {@code name}. */
  public static boolean isVariablePath(String path) {
    return path != null && path.length() > 1 && path.charAt(0) == '$' && isVariableStart(path.charAt(1));
  }

  /** The variable a {@link #isVariablePath variable path} reads: letters, digits and _ after the $. */
  public static String variableName(String path) {
    int i = 1;
    while (i < path.length() && (Character.isLetterOrDigit(path.charAt(i)) || path.charAt(i) == '_')) {
      i++;
    }
    return path.substring(1, i);
  }

  private static boolean isVariableStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static void checkBalanced(String path) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && --depth < 0) {
        throw new AslSyntaxException(path, i, "Unbalanced '" + c + "'");
      }
    }
    if (quote != 0 || depth != 0) {
      throw new AslSyntaxException(path, path.length(), quote != 0 ? "Unclosed quote" : "Unclosed bracket");
    }
  }

  private static boolean insideQuotes(String s, int index) {
    int quotes = 0;
    for (int i = 0; i < index; i++) {
      if (s.charAt(i) == '\'' && (i == 0 || s.charAt(i - 1) != '\\')) {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }

  /**
   * Jackson's ArrayNode answers null for an index past the end; list-based providers throw, which
   * Jayway turns into "no result". Throw as they do, so {@code $.a[9]} on a short array is missing.
   */
  private static final class NodeProvider extends JacksonJsonNodeJsonProvider {
    NodeProvider() {
      super(Json.MAPPER);
    }

    @Override
    public Object getArrayIndex(Object obj, int idx) {
      if (idx < 0 || idx >= length(obj)) {
        throw new IndexOutOfBoundsException(idx);
      }
      return super.getArrayIndex(obj, idx);
    }
  }

  /** A path found nothing; the message is Jayway's, which AWS quotes, or names the undefined variable. */
  static final class NotFound extends RuntimeException {
    final boolean context;
    /** The variable the path names when no state in scope has assigned it, else null. */
    final String undefinedVariable;

    NotFound(String message, boolean context, String undefinedVariable) {
      super(message, null, false, false);
      this.context = context;
      this.undefinedVariable = undefinedVariable;
    }
  }
}
