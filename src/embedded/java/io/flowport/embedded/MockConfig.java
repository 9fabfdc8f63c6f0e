package io.flowport.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.diag.BadInputException;
import io.flowport.json.LocatedJson;
import io.flowport.runtime.Mocks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS Step Functions Local MockConfigFile test case: {@code StateMachines → TestCases → state →
 * response name}, {@code MockedResponses → {"0": {"Return": ...}, "1-2": {"Throw": {...}}}}.
 * Invocations count from zero per state, retries included; past the last key the last entry
 * repeats.
 */
public final class MockConfig implements Mocks {

  private static final Pattern KEY = Pattern.compile("(\\d+)(?:-(\\d+))?");
  /** A mapped task instance: {@code task_id[map_index]}. */
  private static final Pattern INSTANCE = Pattern.compile("(.+)\\[(\\d+)\\]");

  private record Entry(int from, int to, Response response) {}

  private final Map<String, List<Entry>> byState;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private MockConfig(Map<String, List<Entry>> byState) {
    this.byState = byState;
  }

  /**
   * @param taskStates the Task states of the machine, to refuse mocks of states it does not have
   */
  public static MockConfig load(Path file, String text, String stateMachine, String testCase, Set<String> taskStates) {
    return load(file, text, stateMachine, testCase, taskStates, "a Task state of the machine");
  }

  /** @param what what a mockable name is, for the error on any other name */
  public static MockConfig load(Path file, String text, String stateMachine, String testCase, Set<String> taskStates,
      String what) {
    return load(file, text, stateMachine, testCase, taskStates, what, Set.of());
  }

  /**
   * @param mapped mapped tasks, whose instances a test case may also mock one by one as
   *     {@code task_id[map_index]}
   */
  public static MockConfig load(Path file, String text, String stateMachine, String testCase, Set<String> taskStates,
      String what, Set<String> mapped) {
    LocatedJson json = LocatedJson.parse(file, text);
    JsonNode root = json.root();
    String smPointer = "/StateMachines/" + LocatedJson.escape(stateMachine);
    JsonNode sm = root.path("StateMachines").path(stateMachine);
    if (sm.isMissingNode()) {
      throw new BadInputException(json.at("/StateMachines"), "mock config has no state machine '" + stateMachine + "'");
    }
    String tcPointer = smPointer + "/TestCases/" + LocatedJson.escape(testCase);
    JsonNode tc = sm.path("TestCases").path(testCase);
    if (!tc.isObject()) {
      throw new BadInputException(json.at(smPointer), "mock config has no test case '" + testCase + "' for state machine '" + stateMachine + "'");
    }
    Map<String, List<Entry>> byState = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = tcPointer + "/" + LocatedJson.escape(e.getKey());
      Matcher instance = INSTANCE.matcher(e.getKey());
      boolean mappedInstance = instance.matches() && mapped.contains(instance.group(1));
      if (!taskStates.contains(e.getKey()) && !mappedInstance) {
        throw new BadInputException(json.at(at), "test case " + testCase + " mocks '" + e.getKey() + "', which is not " + what);
      }
      String name = e.getValue().asText();
      JsonNode response = root.path("MockedResponses").path(name);
      if (!response.isObject() || response.isEmpty()) {
        throw new BadInputException(json.at(at), "mocked response '" + name + "' is not in MockedResponses");
      }
      byState.put(e.getKey(), entries(json, "/MockedResponses/" + LocatedJson.escape(name), response));
    }
    return new MockConfig(byState);
  }

  private static List<Entry> entries(LocatedJson json, String pointer, JsonNode response) {
    List<Entry> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = response.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = pointer + "/" + LocatedJson.escape(e.getKey());
      Matcher m = KEY.matcher(e.getKey());
      if (!m.matches()) {
        throw new BadInputException(json.at(at), "invocation key '" + e.getKey() + "' must be a number or a range like 1-2");
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (to < from) {
        throw new BadInputException(json.at(at), "range '" + e.getKey() + "' ends before it starts");
      }
      JsonNode v = e.getValue();
      if (v.has("Return") == v.has("Throw")) {
        throw new BadInputException(json.at(at), "needs exactly one of Return or Throw");
      }
      Response r;
      if (v.has("Return")) {
        r = new Response(v.get("Return"), null, null);
      } else {
        JsonNode t = v.get("Throw");
        if (!t.path("Error").isTextual()) {
          throw new BadInputException(json.at(at + "/Throw"), "Throw needs an Error string");
        }
        r = new Response(null, t.get("Error").asText(), t.path("Cause").isTextual() ? t.get("Cause").asText() : null);
      }
      out.add(new Entry(from, to, r));
    }
    out.sort((a, b) -> Integer.compare(a.from(), b.from()));
    if (out.get(0).from() != 0) {
      throw new BadInputException(json.at(pointer), "invocation keys must start at 0");
    }
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).from() <= out.get(i - 1).to()) {
        throw new BadInputException(json.at(pointer), "invocation keys overlap");
      }
      if (out.get(i).from() != out.get(i - 1).to() + 1) {
        throw new BadInputException(json.at(pointer), "invocation keys leave a gap before " + out.get(i).from());
      }
    }
    return out;
  }

  /** Whether the test case mocks this state (or Airflow task). */
  public boolean mocks(String state) {
    return byState.containsKey(state);
  }

  @Override
  public boolean local() {
    return true;
  }

  @Override
  public Optional<Response> next(String state) {
    return next(state, state);
  }

  @Override
  public Optional<Response> next(String state, String counter) {
    List<Entry> entries = byState.get(state);
    if (entries == null) {
      return Optional.empty();
    }
    int n = calls.computeIfAbsent(counter, k -> new AtomicInteger()).getAndIncrement();
    for (Entry e : entries) {
      if (e.from() <= n && n <= e.to()) {
        return Optional.of(e.response());
      }
    }
    // Keys start at 0 without gaps (checked on load): past the last one, the last entry repeats.
    return Optional.of(entries.get(entries.size() - 1).response());
  }
}
