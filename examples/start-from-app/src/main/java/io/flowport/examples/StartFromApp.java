package io.flowport.examples;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an application does with a process flowport converted, over Zeebe's gRPC API with the
 * Camunda Java client: start it (Step Functions' StartExecution / StartSyncExecution) and answer a
 * {@code .waitForTaskToken} task (SendTaskSuccess / SendTaskFailure).
 */
public final class StartFromApp {

  /** The message that ends a converted {@code .waitForTaskToken} task; the task token is its correlation key. */
  static final String TASK_TOKEN_MESSAGE = "flowport.task-token";

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command. Exit codes: 0 ok, 1 the call or the started process failed, 2 bad arguments. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Command c;
    try {
      c = Command.parse(args, System.getenv());
    } catch (Command.BadArgument e) {
      err.println("start-from-app: " + e.getMessage());
      return 2;
    }
    // http:// is plaintext, https:// TLS. Credentials come from the client's CAMUNDA_* variables
    // (see the README) or .credentialsProvider(...) here.
    try (CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(c.address()).preferRestOverGrpc(false).build()) {
      JsonMapper json = client.getConfiguration().getJsonMapper();
      return switch (c.name()) {
        case "start" -> start(client, json, c, out);
        case "complete-task" -> {
          Map<String, Object> vars = new HashMap<>(); // taskOutput may be JSON null
          vars.put("taskOutput", c.json(json, "--output", Object.class));
          yield publish(client, c.target(), vars, out);
        }
        case "fail-task" -> publish(client, c.target(), Map.of("taskError", c.option("--error"), "taskCause", c.option("--cause")), out);
        default -> throw new IllegalStateException("unparsed command " + c.name());
      };
    } catch (Command.BadArgument e) {
      err.println("start-from-app: " + e.getMessage());
      return 2;
    } catch (ClientStatusException e) {
      err.println("start-from-app: " + describe(e, c));
      return 1;
    } catch (ClientException e) {
      err.println("start-from-app: " + e.getMessage());
      return 1;
    }
  }

  private static int start(CamundaClient client, JsonMapper json, Command c, PrintStream out) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = c.option("--variables") == null ? Map.of() : c.json(json, "--variables", Map.class);
    var command = client.newCreateInstanceCommand().useGrpc().bpmnProcessId(c.target()).latestVersion().variables(variables);
    if (c.awaitSeconds() == null) {
      out.println(command.send().join().getProcessInstanceKey());
      return 0;
    }
    Map<String, Object> vars = command.withResult().requestTimeout(Duration.ofSeconds(c.awaitSeconds()))
        .send().join().getVariablesAsMap();
    // A converted Step Functions machine ends with its execution output in `output`, or failed
    // with `error` and `cause`, as Step Functions reports an execution; other processes: all variables.
    if (vars.get("error") != null) {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("error", vars.get("error"));
      failure.put("cause", vars.get("cause"));
      out.println(json.toJson(failure));
      return 1;
    }
    out.println(json.toJson(vars.containsKey("output") ? vars.get("output") : vars));
    return 0;
  }

  /** Published, not yet correlated: the message waits its time to live (the client's default, 1 h) for the task. */
  private static int publish(CamundaClient client, String token, Map<String, Object> vars, PrintStream out) {
    out.println(client.newPublishMessageCommand().useGrpc().messageName(TASK_TOKEN_MESSAGE).correlationKey(token)
        .variables(vars).send().join().getMessageKey());
    return 0;
  }

  private static String describe(ClientStatusException e, Command c) {
    String detail = Objects.requireNonNullElse(e.getStatus().getDescription(), e.getMessage());
    return switch (e.getStatusCode()) {
      case UNAVAILABLE -> "cannot reach the Zeebe gateway at " + c.address() + ": " + detail;
      case DEADLINE_EXCEEDED -> c.awaitSeconds() == null ? detail
          : "the instance did not end within --await " + c.awaitSeconds() + " s; it goes on running";
      default -> e.getStatusCode() + ": " + detail;
    };
  }

  private StartFromApp() {}
}
