package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.diag.BadInputException;

/**
 * Constructs the ASL front-end does not convert yet. They stop the conversion with a one-line
 * error at their location: running a machine without its Retry or Map would give other results
 * than Step Functions, which is worse than not running it.
 */
final class Unsupported {

  static BadInputException state(AslContext ctx, String name, JsonNode state) {
    return new BadInputException(ctx.doc().at(name, "Type"),
        AslStates.type(state) + " state '" + name + "' is not supported yet");
  }

  static BadInputException field(AslContext ctx, String name, String field) {
    return new BadInputException(ctx.doc().at(name, field),
        "field " + field + " of state '" + name + "' is not supported yet");
  }

  /** Fails on any field of the state outside {@code known}; lists unsupported ones by name. */
  static void fields(AslContext ctx, String name, JsonNode state, java.util.Set<String> known, java.util.Set<String> notYet) {
    for (var it = state.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (notYet.contains(f)) {
        throw field(ctx, name, f);
      }
      if (!known.contains(f)) {
        throw new BadInputException(ctx.doc().at(name, f),
            "state '" + name + "' has unknown field '" + f + "' for a " + AslStates.type(state) + " state");
      }
    }
  }

  /** Fails on a field of a branch or ItemProcessor object outside {@code known}. */
  static void scopeFields(AslContext ctx, String pointer, JsonNode scope, java.util.Set<String> known) {
    for (var it = scope.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new BadInputException(ctx.doc().at(pointer + "/" + io.flowport.json.LocatedJson.escape(f)),
            "unknown field '" + f + "' (expected " + known.stream().sorted().toList() + ")");
      }
    }
  }

  private Unsupported() {}
}
