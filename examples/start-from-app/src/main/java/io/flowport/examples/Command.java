package io.flowport.examples;

import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.command.ClientException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** StartFromApp's command line: a command, its PROCESS_ID or TOKEN, options that each take a value. */
record Command(String name, String target, Map<String, String> options, URI address, Integer awaitSeconds) {

  static final String DEFAULT_ADDRESS = "http://localhost:26500";
  static final String USAGE = "usage: [--address URL] start PROCESS_ID [--variables JSON] [--await SECONDS]"
      + " | complete-task TOKEN --output JSON | fail-task TOKEN --error CODE --cause TEXT";

  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "start", Set.of("--variables", "--await"),
      "complete-task", Set.of("--output"),
      "fail-task", Set.of("--error", "--cause"));
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "start", List.of(),
      "complete-task", List.of("--output"),
      "fail-task", List.of("--error", "--cause"));

  /** A bad command line, or a JSON argument that does not parse: exit code 2. */
  static final class BadArgument extends RuntimeException {
    BadArgument(String message) {
      super(message);
    }
  }

  static Command parse(String[] args, Map<String, String> env) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        positional.add(args[i]);
      } else if (i + 1 == args.length) {
        throw new BadArgument(args[i] + " needs a value");
      } else if (options.put(args[i], args[++i]) != null) {
        throw new BadArgument(args[i - 1] + " is given twice");
      }
    }
    if (positional.isEmpty()) {
      throw new BadArgument("no command; " + USAGE);
    }
    String name = positional.get(0);
    if (!OPTIONS.containsKey(name)) {
      throw new BadArgument("unknown command '" + name + "'; " + USAGE);
    }
    String what = name.equals("start") ? "PROCESS_ID" : "TOKEN";
    if (positional.size() != 2 || positional.get(1).isBlank()) {
      throw new BadArgument(name + " takes one " + what + (positional.size() > 2 ? ", got also '" + positional.get(2) + "'" : ""));
    }
    for (String option : options.keySet()) {
      if (!option.equals("--address") && !OPTIONS.get(name).contains(option)) {
        throw new BadArgument(name + " has no option " + option + "; " + USAGE);
      }
    }
    for (String option : REQUIRED.get(name)) {
      if (!options.containsKey(option)) {
        throw new BadArgument(name + " needs " + option);
      }
    }
    return new Command(name, positional.get(1), options, address(options.get("--address"), env), awaitSeconds(options.get("--await")));
  }

  String option(String name) {
    return options.get(name);
  }

  /** Parses a JSON option with the client's own mapper, so the app needs no JSON library of its own. */
  <T> T json(JsonMapper mapper, String option, Class<T> type) {
    T value;
    try {
      value = mapper.fromJson(options.get(option), type);
    } catch (ClientException e) {
      value = null;
    }
    if (value == null && !(type == Object.class && options.get(option).strip().equals("null"))) {
      throw new BadArgument(option + " must be " + (type == Object.class ? "JSON" : "a JSON object") + ", got: " + options.get(option));
    }
    return value;
  }

  private static Integer awaitSeconds(String value) {
    if (value == null) {
      return null;
    }
    try {
      int seconds = Integer.parseInt(value);
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadArgument("--await takes a whole number of seconds above 0, got: " + value);
  }

  /** The client applies CAMUNDA_GRPC_ADDRESS (or ZEEBE_GRPC_ADDRESS) over the address it is given: a different --address would be ignored. */
  private static URI address(String given, Map<String, String> env) {
    String envName = env.containsKey("CAMUNDA_GRPC_ADDRESS") ? "CAMUNDA_GRPC_ADDRESS" : "ZEEBE_GRPC_ADDRESS";
    String fromEnv = env.get(envName);
    if (given != null && fromEnv != null && !given.equals(fromEnv)) {
      throw new BadArgument("--address " + given + " conflicts with " + envName + "=" + fromEnv + ", which the Camunda client uses over it; unset one");
    }
    String address = given != null ? given : fromEnv != null ? fromEnv : DEFAULT_ADDRESS;
    try {
      URI uri = new URI(address);
      if (Set.of("http", "https", "grpc", "grpcs").contains(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new BadArgument("the gateway address must look like http://host:port (https:// for TLS), got: " + address);
  }
}
