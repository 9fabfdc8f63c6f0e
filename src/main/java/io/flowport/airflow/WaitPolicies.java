package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.PyValue;
import io.flowport.catalog.AirflowOperator;
import io.flowport.diag.BadInputException;
import java.util.Locale;

/**
 * Reads a wait policy argument (EmrCreateJobFlowOperator's {@code wait_policy}): a member of the
 * catalog's enum, or its string value (the enum is a {@code str} Enum, so the provider's mapping
 * takes either), or None.
 */
final class WaitPolicies {

  /** The policy's string value, or JSON null for None; anything else is an error at the argument. */
  static JsonNode value(AirflowOperator.WaitPolicy policy, Arg arg) {
    String enumName = policy.type().substring(policy.type().lastIndexOf('.') + 1);
    String value = switch (arg.value()) {
      case PyValue.PyNone n -> null;
      case PyValue.PyStr s -> s.value();
      case PyValue.PyRef r when r.qualifiedName().startsWith(policy.type() + ".") ->
          r.qualifiedName().substring(policy.type().length() + 1).toLowerCase(Locale.ROOT);
      default -> throw new BadInputException(arg.location(), policy.argument() + " must be a " + enumName
          + " member (from " + policy.type().substring(0, policy.type().lastIndexOf('.')) + ") or None, but "
          + Values.describe(arg.value()));
    };
    if (value != null && !policy.waiters().containsKey(value)) {
      String members = String.join(", ", policy.waiters().keySet().stream().map(v -> enumName + "." + v.toUpperCase(Locale.ROOT)).toList());
      throw new BadInputException(arg.location(), arg.value() instanceof PyValue.PyStr
          ? policy.argument() + " '" + value + "' is not a value of " + enumName + " (one of " + String.join(", ", policy.waiters().keySet()) + ")"
          : enumName + " has no member " + value.toUpperCase(Locale.ROOT) + " (one of " + members + ")");
    }
    return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
  }

  private WaitPolicies() {}
}
