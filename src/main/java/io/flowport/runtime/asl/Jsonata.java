package io.flowport.runtime.asl;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSONata in Step Functions (QueryLanguage JSONata): a string that is wholly {@code {% ... %}} is
 * an expression, evaluated by the JSONata evaluator (com.dashjoin:jsonata, the Java port of
 * JSONata 2.0 that LocalStack runs too) with {@code $states} ({@code input}, {@code context}, and
 * where the state has them {@code result} and {@code errorOutput}), the workflow variables as
 * {@code $name} and Step Functions' own functions ({@link JsonataFunctions}). Any other string is a
 * literal. A failure is {@code States.QueryEvaluationError} with AWS's cause texts (LocalStack's
 * AWS-recorded snapshots): "returned nothing (undefined)", "threw an error during evaluation".
 */
public final class Jsonata {

  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  /** What {@code $states} holds in one evaluation; result and errorOutput are null where the state has none. */
  public record States(JsonNode input, JsonNode result, JsonNode errorOutput, ContextObject ctx) {

    public static States of(JsonNode input, ContextObject ctx) {
      return new States(input, null, null, ctx);
    }

    public States withResult(JsonNode r) {
      return new States(input, r, errorOutput, ctx);
    }

    public States withErrorOutput(JsonNode e) {
      return new States(input, result, e, ctx);
    }

    public States withContext(ContextObject c) {
      return new States(input, result, errorOutput, c);
    }
  }

  private Jsonata() {}

  /** A string that is wholly one {@code {% %}} expression. */
  public static boolean isExpression(JsonNode value) {
    return value != null && value.isTextual() && isExpression(value.textValue());
  }

  public static boolean isExpression(String text) {
    return text.length() >= OPEN.length() + CLOSE.length() && text.startsWith(OPEN) && text.endsWith(CLOSE);
  }

  /** The expression between the delimiters, as AWS quotes it in causes. */
  public static String body(String text) {
    return text.substring(OPEN.length(), text.length() - CLOSE.length()).trim();
  }

  /** Checks an expression's syntax with the evaluator's parser; the message is the parser's. */
  public static void validate(String text) throws AslSyntaxException {
    String body = body(text);
    if (body.isEmpty()) {
      throw new AslSyntaxException(body, 0, "the JSONata expression is empty");
    }
    try {
      com.dashjoin.jsonata.Jsonata.jsonata(body);
    } catch (JException e) {
      throw new AslSyntaxException(body, Math.max(0, e.getLocation()), describe(e));
    } catch (RuntimeException e) {
      throw new AslSyntaxException(body, 0, String.valueOf(e.getMessage()));
    }
  }

  /**
   * A JSONata template (Arguments, Output, Assign values, ItemSelector...): any JSON value whose
   * strings, at any depth, are evaluated when they are expressions. {@code field} names the
   * template's place for causes ({@code Output}, {@code Arguments/FunctionName}).
   */
  public static JsonNode template(JsonNode template, String field, States states) {
    if (template == null) {
      return null;
    }
    if (isExpression(template)) {
      return expression(template.textValue(), field, states);
    }
    if (template.isObject()) {
      ObjectNode out = Json.NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : template.properties()) {
        out.set(e.getKey(), template(e.getValue(), field + "/" + e.getKey(), states));
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = Json.NODES.arrayNode();
      for (int i = 0; i < template.size(); i++) {
        out.add(template(template.get(i), field + "/" + i, states));
      }
      return out;
    }
    return template.deepCopy();
  }

  /** One {@code {% %}} expression; undefined, a function or a failure is States.QueryEvaluationError. */
  public static JsonNode expression(String text, String field, States states) {
    String body = body(text);
    com.dashjoin.jsonata.Jsonata expr;
    try {
      expr = com.dashjoin.jsonata.Jsonata.jsonata(body);
    } catch (RuntimeException e) {
      throw failed(body, field, e);
    }
    Object result;
    try {
      result = expr.evaluate(null, frame(expr, states));
      // The evaluator returns Java null for both JSON null and undefined: ask which (as LocalStack does).
      if (result == null && !Boolean.TRUE.equals(exists(body, states))) {
        throw new AslRuntimeException(QUERY_EVALUATION_ERROR, "The JSONata expression '" + body + "' specified for the field '"
            + field + "' returned nothing (undefined).");
      }
    } catch (AslRuntimeException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw failed(body, field, e);
    }
    JsonNode node = toNode(result);
    if (node == null) {
      throw new AslRuntimeException(QUERY_EVALUATION_ERROR, "The JSONata expression '" + body + "' specified for the field '"
          + field + "' returned an unsupported result type.");
    }
    return node;
  }

  private static Object exists(String body, States states) {
    com.dashjoin.jsonata.Jsonata check = com.dashjoin.jsonata.Jsonata.jsonata("$exists((" + body + "\n))");
    return check.evaluate(null, frame(check, states));
  }

  private static com.dashjoin.jsonata.Jsonata.Frame frame(com.dashjoin.jsonata.Jsonata expr, States states) {
    com.dashjoin.jsonata.Jsonata.Frame frame = expr.createFrame();
    JsonataFunctions.bind(frame);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("input", toJava(states.input()));
    if (states.result() != null) {
      s.put("result", toJava(states.result()));
    }
    if (states.errorOutput() != null) {
      s.put("errorOutput", toJava(states.errorOutput()));
    }
    s.put("context", toJava(states.ctx().json()));
    frame.bind("states", s);
    for (Iterator<Map.Entry<String, JsonNode>> it = states.ctx().variables().properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> v = it.next();
      frame.bind(v.getKey(), toJava(v.getValue()));
    }
    return frame;
  }

  private static AslRuntimeException failed(String body, String field, Throwable e) {
    return new AslRuntimeException(QUERY_EVALUATION_ERROR, "The JSONata expression '" + body + "' specified for the field '"
        + field + "' threw an error during evaluation. " + (e instanceof JException j ? describe(j)
        : e instanceof StackOverflowError ? "U1001: Stack overflow error" : String.valueOf(e.getMessage())));
  }

  /** JSONata's error code and message, as AWS prints them ("T1006: Attempted to invoke a non-function"). */
  private static String describe(JException e) {
    String message = e.getMessage();
    return e.getError() == null || message.startsWith(e.getError()) ? message : e.getError() + ": " + message;
  }

  static Object toJava(JsonNode node) {
    return node == null || node.isMissingNode() ? null : Json.MAPPER.convertValue(node, Object.class);
  }

  /** The evaluator's value as JSON; null for what JSON cannot hold (a function). */
  static JsonNode toNode(Object value) {
    if (value == null || value == com.dashjoin.jsonata.Jsonata.NULL_VALUE) {
      return NullNode.getInstance();
    }
    if (value instanceof String s) {
      return Json.NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (value instanceof Number n) {
      return number(n);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = Json.NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        JsonNode v = toNode(e.getValue());
        if (v == null) {
          return null;
        }
        out.set(String.valueOf(e.getKey()), v);
      }
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = Json.NODES.arrayNode();
      for (Object o : list) {
        JsonNode v = toNode(o);
        if (v == null) {
          return null;
        }
        out.add(v);
      }
      return out;
    }
    return null;
  }

  /** JSONata numbers are JavaScript doubles: an integral value prints without a fraction, as AWS prints it. */
  private static JsonNode number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return integral(n.longValue());
    }
    if (n instanceof BigInteger b) {
      return Json.NODES.numberNode(b);
    }
    double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
    if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return integral((long) d);
    }
    return Json.NODES.numberNode(d);
  }

  /** As Jackson reads JSON: an int when it fits, so values compare equal to parsed ones. */
  private static JsonNode integral(long v) {
    return v == (int) v ? Json.NODES.numberNode((int) v) : Json.NODES.numberNode(v);
  }
}
