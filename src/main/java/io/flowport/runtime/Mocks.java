package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Mocked task results (AWS Step Functions Local MockConfigFile test cases): for a mocked state the
 * job returns the mock instead of calling EMR. Only embedded runs have mocks.
 */
public interface Mocks {

  Mocks NONE = state -> Optional.empty();

  /**
   * Whether this is a local run, where nothing but a mock answers a callback (.waitForTaskToken):
   * reaching an unmocked callback state there is an error, not an endless wait.
   */
  default boolean local() {
    return false;
  }

  /** The next mocked response of this state (counting every call, retries included), if mocked. */
  Optional<Response> next(String state);

  /**
   * As {@link #next(String)}, counting calls under {@code counter}: each mapped task instance
   * counts its own tries.
   */
  default Optional<Response> next(String state, String counter) {
    return next(state);
  }

  /** Either a result ({@code Return}) or an error ({@code Throw}). */
  record Response(JsonNode result, String error, String cause) {
    public boolean isThrow() {
      return error != null;
    }
  }
}
