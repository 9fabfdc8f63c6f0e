package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.runtime.asl.IntrinsicParser.Arg;
import io.flowport.runtime.asl.IntrinsicParser.Call;
import io.flowport.runtime.asl.IntrinsicParser.Constant;
import io.flowport.runtime.asl.IntrinsicParser.Literal;
import io.flowport.runtime.asl.IntrinsicParser.PathArg;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Parses and evaluates intrinsic functions ({@code States.Format(...)} and the rest). AWS reports a
 * bad argument as {@code States.Runtime} with the cause {@code Invalid arguments in States.Name}
 * (not the spec's {@code States.IntrinsicFailure}); this class does the same.
 */
public final class Intrinsics {

  /** Allowed argument counts {min, max}; -1 means no upper limit. */
  static final Map<String, int[]> ARITY = Map.ofEntries(
      Map.entry("States.Format", new int[] {1, -1}),
      Map.entry("States.StringToJson", new int[] {1, 1}),
      Map.entry("States.JsonToString", new int[] {1, 1}),
      Map.entry("States.Array", new int[] {0, -1}),
      Map.entry("States.ArrayPartition", new int[] {2, 2}),
      Map.entry("States.ArrayContains", new int[] {2, 2}),
      Map.entry("States.ArrayRange", new int[] {3, 3}),
      Map.entry("States.ArrayGetItem", new int[] {2, 2}),
      Map.entry("States.ArrayLength", new int[] {1, 1}),
      Map.entry("States.ArrayUnique", new int[] {1, 1}),
      Map.entry("States.Base64Encode", new int[] {1, 1}),
      Map.entry("States.Base64Decode", new int[] {1, 1}),
      Map.entry("States.Hash", new int[] {2, 2}),
      Map.entry("States.JsonMerge", new int[] {3, 3}),
      Map.entry("States.MathRandom", new int[] {2, 3}),
      Map.entry("States.MathAdd", new int[] {2, 2}),
      Map.entry("States.StringSplit", new int[] {2, 2}),
      Map.entry("States.UUID", new int[] {0, 0}));

  /** AWS allows up to 10 nested intrinsic calls in one field. */
  static final int MAX_NESTING = 10;

  private final RandomGenerator random;
  private final Supplier<UUID> uuids;

  public Intrinsics(RandomGenerator random, Supplier<UUID> uuids) {
    this.random = Objects.requireNonNull(random);
    this.uuids = Objects.requireNonNull(uuids);
  }

  public static Intrinsics standard() {
    return new Intrinsics(new SecureRandom(), UUID::randomUUID);
  }

  /** True when the text is an intrinsic call rather than a path. */
  public static boolean isIntrinsic(String text) {
    return text != null && text.strip().startsWith("States.");
  }

  /** Throws {@link AslSyntaxException} (with a position) unless the call parses and names known functions with valid argument counts. */
  public static void validate(String expression) {
    check(IntrinsicParser.parse(expression), expression, 1);
  }

  /**
   * Evaluates the call against the effective input and context object. {@code field} is the payload
   * template key (e.g. {@code Id.$}) that AWS names when a path argument finds nothing.
   */
  public JsonNode evaluate(String expression, JsonNode input, ContextObject ctx, String field) {
    Call call;
    try {
      call = IntrinsicParser.parse(expression);
      check(call, expression, 1);
    } catch (AslSyntaxException e) {
      throw AslRuntimeException.runtime(e.getMessage());
    }
    return eval(call, input, ctx, field);
  }

  private JsonNode eval(Call call, JsonNode input, ContextObject ctx, String field) {
    List<JsonNode> values = new ArrayList<>();
    for (Arg arg : call.args()) {
      values.add(switch (arg) {
        case Literal l -> Json.NODES.textNode(IntrinsicParser.decode(l.raw()));
        case Constant c -> c.value();
        case PathArg p -> PayloadTemplate.readField(p.path(), input, ctx, field);
        case Call c -> eval(c, input, ctx, field);
      });
    }
    Literal template = call.args().isEmpty() || !(call.args().get(0) instanceof Literal l) ? null : l;
    return IntrinsicFunctions.apply(call.name(), values, template, random, uuids);
  }

  private static void check(Call call, String text, int depth) {
    if (depth > MAX_NESTING) {
      throw new AslSyntaxException(text, call.position(), "More than " + MAX_NESTING + " nested intrinsic functions");
    }
    int[] arity = ARITY.get(call.name());
    if (arity == null) {
      throw new AslSyntaxException(text, call.position(), "Unknown intrinsic function '" + call.name() + "'");
    }
    int n = call.args().size();
    if (n < arity[0] || (arity[1] >= 0 && n > arity[1])) {
      throw new AslSyntaxException(text, call.position(),
          call.name() + " takes " + (arity[0] == arity[1] ? String.valueOf(arity[0])
              : arity[1] < 0 ? "at least " + arity[0] : arity[0] + " to " + arity[1])
              + " arguments, got " + n);
    }
    for (Arg arg : call.args()) {
      if (arg instanceof Call inner) {
        check(inner, text, depth + 1);
      }
    }
  }
}
