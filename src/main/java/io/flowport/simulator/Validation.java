package io.flowport.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects input errors and reports them all at once in the ValidationException form AWS's service
 * framework uses: "1 validation error detected: Value null at 'name' failed to satisfy constraint:
 * Member must not be null".
 */
final class Validation {

  private final List<String> errors = new ArrayList<>();

  private Validation() {}

  static Validation of() {
    return new Validation();
  }

  Validation required(String member, Object value) {
    if (value == null) {
      errors.add(
          "Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  Validation oneOf(String member, String value, Collection<?> allowed) {
    errors.add(
        "Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: Member must satisfy enum value set: "
            + allowed);
    return this;
  }

  void check() {
    if (!errors.isEmpty()) {
      String count =
          errors.size() == 1 ? "1 validation error" : errors.size() + " validation errors";
      throw AwsError.validation(count + " detected: " + String.join("; ", errors));
    }
  }
}
