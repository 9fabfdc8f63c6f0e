package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The data-flow steps between states, in Step Functions order: InputPath, Parameters, (the task),
 * ResultSelector, ResultPath, OutputPath. Path fields distinguish "absent" (the default {@code $})
 * from an explicit JSON {@code null} (input or output becomes {@code {}}, or ResultPath discards the
 * result), hence the {@code ...IsNull} flags.
 */
public final class DataFlow {

  private final Intrinsics intrinsics;

  public DataFlow(Intrinsics intrinsics) {
    this.intrinsics = intrinsics;
  }

  public static DataFlow standard() {
    return new DataFlow(Intrinsics.standard());
  }

  /** InputPath (null = "$") then the Parameters template (null = none). */
  public JsonNode effectiveInput(JsonNode stateInput, String inputPath, JsonNode parameters, ContextObject ctx) {
    return effectiveInput(stateInput, inputPath, false, parameters, ctx);
  }

  public JsonNode effectiveInput(JsonNode stateInput, String inputPath, boolean inputPathIsNull,
      JsonNode parameters, ContextObject ctx) {
    JsonNode input = select(stateInput, inputPath, inputPathIsNull, ctx);
    return parameters == null || parameters.isMissingNode() ? input : payload(parameters, input, ctx);
  }

  /** The ResultSelector template (null = none) applied to a task result. */
  public JsonNode effectiveResult(JsonNode result, JsonNode resultSelector, ContextObject ctx) {
    return resultSelector == null || resultSelector.isMissingNode() ? result.deepCopy()
        : payload(resultSelector, result, ctx);
  }

  /** Evaluates a payload template (Parameters, ItemSelector, ResultSelector) against {@code input}. */
  public JsonNode payload(JsonNode template, JsonNode input, ContextObject ctx) {
    return PayloadTemplate.evaluate(template, input, ctx, intrinsics);
  }

  /**
   * The workflow variables after a state's Assign (null = none: nothing changes) against the
   * state's {@code $} subject; see {@link Variables}.
   */
  public com.fasterxml.jackson.databind.node.ObjectNode assign(JsonNode assign, JsonNode subject, ContextObject ctx, String state) {
    return assign == null || assign.isNull() ? null : Variables.apply(assign, subject, ctx, intrinsics, state);
  }

  /** ResultPath (null = "$"; {@code resultPathIsNull} keeps the input) then OutputPath (null = "$"). */
  public JsonNode stateOutput(JsonNode stateInput, JsonNode result, String resultPath,
      boolean resultPathIsNull, String outputPath) {
    return stateOutput(stateInput, result, resultPath, resultPathIsNull, outputPath, false);
  }

  public JsonNode stateOutput(JsonNode stateInput, JsonNode result, String resultPath,
      boolean resultPathIsNull, String outputPath, boolean outputPathIsNull) {
    return stateOutput(stateInput, result, resultPath, resultPathIsNull, outputPath, outputPathIsNull, ContextObject.empty());
  }

  /** {@code ctx}: the context and the variables an OutputPath such as {@code $name} reads. */
  public JsonNode stateOutput(JsonNode stateInput, JsonNode result, String resultPath,
      boolean resultPathIsNull, String outputPath, boolean outputPathIsNull, ContextObject ctx) {
    JsonNode combined = resultPathIsNull ? stateInput.deepCopy()
        : applyResultPath(stateInput, result, resultPath == null ? "$" : resultPath);
    return select(combined, outputPath, outputPathIsNull, ctx);
  }

  /** {@link #effectiveInput} with InputPath and Parameters read from the state's JSON. */
  public JsonNode inputOf(JsonNode state, JsonNode stateInput, ContextObject ctx) {
    JsonNode inputPath = state.path("InputPath");
    return effectiveInput(stateInput, inputPath.isTextual() ? inputPath.textValue() : null,
        inputPath.isNull(), state.get("Parameters"), ctx);
  }

  /** ResultSelector, ResultPath and OutputPath read from the state's JSON, applied to a task result. */
  public JsonNode outputOf(JsonNode state, JsonNode stateInput, JsonNode result, ContextObject ctx) {
    JsonNode resultPath = state.path("ResultPath");
    JsonNode outputPath = state.path("OutputPath");
    return stateOutput(stateInput, effectiveResult(result, state.get("ResultSelector"), ctx),
        resultPath.isTextual() ? resultPath.textValue() : null, resultPath.isNull(),
        outputPath.isTextual() ? outputPath.textValue() : null, outputPath.isNull(), ctx);
  }

  private static JsonNode select(JsonNode doc, String path, boolean isNull, ContextObject ctx) {
    if (isNull) {
      return Json.NODES.objectNode();
    }
    return JsonPaths.read(path == null ? "$" : path, doc, ctx);
  }

  /** Writes the result at a reference path in a copy of the input, creating missing objects. */
  private static JsonNode applyResultPath(JsonNode stateInput, JsonNode result, String resultPath) {
    ReferencePath ref;
    try {
      ref = ReferencePath.parse(resultPath);
    } catch (AslSyntaxException e) {
      throw AslRuntimeException.runtime(e.getMessage());
    }
    if (ref.context()) {
      throw AslRuntimeException.runtime("ResultPath cannot refer to the context object: " + resultPath);
    }
    if (ref.variable() != null) {
      throw AslRuntimeException.runtime("ResultPath cannot refer to a variable: " + resultPath);
    }
    List<Object> steps = ref.steps();
    if (steps.isEmpty()) {
      return result.deepCopy();
    }
    JsonNode root = stateInput.deepCopy();
    JsonNode node = root;
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step instanceof String name && node instanceof ObjectNode object) {
        if (last) {
          object.set(name, result.deepCopy());
        } else {
          node = object.has(name) ? object.get(name) : object.putObject(name);
        }
      } else if (step instanceof Integer index && node instanceof ArrayNode array && index < array.size()) {
        if (last) {
          array.set(index, result.deepCopy());
        } else {
          node = array.get(index);
        }
      } else {
        throw new AslRuntimeException(AslRuntimeException.RESULT_PATH_MATCH_FAILURE,
            "Unable to apply ReferencePath " + resultPath + " to input " + Json.compact(stateInput));
      }
    }
    return root;
  }
}
