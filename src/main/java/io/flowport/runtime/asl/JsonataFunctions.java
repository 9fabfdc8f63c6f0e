package io.flowport.runtime.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions Step Functions adds to JSONata (AWS developer guide, "Transforming data with
 * JSONata", functions provided by Step Functions), in place of the JSONPath intrinsics:
 * {@code $partition}, {@code $range}, {@code $hash}, {@code $random} (with an optional seed),
 * {@code $uuid} and {@code $parse}. A bad argument fails the expression, which the caller turns
 * into States.QueryEvaluationError.
 */
final class JsonataFunctions {

  private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private JsonataFunctions() {}

  static void bind(com.dashjoin.jsonata.Jsonata.Frame frame) {
    frame.bind("partition", fn("partition", JsonataFunctions::partition));
    frame.bind("range", fn("range", JsonataFunctions::range));
    frame.bind("hash", fn("hash", JsonataFunctions::hash));
    frame.bind("random", fn("random", JsonataFunctions::random));
    frame.bind("uuid", fn("uuid", a -> UUID.randomUUID().toString()));
    frame.bind("parse", fn("parse", JsonataFunctions::parse));
  }

  private static com.dashjoin.jsonata.Jsonata.JFunction fn(String name, com.dashjoin.jsonata.Jsonata.FnVarArgs<Object> body) {
    return com.dashjoin.jsonata.Jsonata.function(name, body, null);
  }

  /** $partition(array, size): chunks of size items, the last one shorter. */
  private static Object partition(List<?> a) {
    List<?> array = list(a, 0, "partition");
    long size = integer(a, 1, "partition");
    if (size <= 0) {
      throw bad("partition", "the chunk size must be a positive integer");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i += (int) Math.min(size, Integer.MAX_VALUE)) {
      out.add(new ArrayList<>(array.subList(i, (int) Math.min(array.size(), i + size))));
    }
    return out;
  }

  /** $range(start, end, step): from start to end inclusive. */
  private static Object range(List<?> a) {
    long start = integer(a, 0, "range");
    long end = integer(a, 1, "range");
    long step = integer(a, 2, "range");
    if (step == 0) {
      throw bad("range", "the step must not be 0");
    }
    List<Object> out = new ArrayList<>();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.add(v);
      if (out.size() > 1000) {
        throw bad("range", "the range has more than 1000 items");
      }
    }
    return out;
  }

  /** $hash(value, algorithm): the hex digest of the string's UTF-8 bytes. */
  private static Object hash(List<?> a) {
    if (a.size() < 2 || !(a.get(0) instanceof String data) || !(a.get(1) instanceof String algorithm)) {
      throw bad("hash", "it takes a string and an algorithm name");
    }
    if (!HASHES.contains(algorithm)) {
      throw bad("hash", "the algorithm must be one of " + List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"));
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** $random([seed]): a number in [0, 1); with a seed the same one each time (not AWS's number: FP343). */
  private static Object random(List<?> a) {
    if (a.isEmpty() || a.get(0) == null) {
      return ThreadLocalRandom.current().nextDouble();
    }
    return new Random(integer(a, 0, "random")).nextDouble();
  }

  /** $parse(text): the JSON value the string holds. */
  private static Object parse(List<?> a) {
    if (a.isEmpty() || !(a.get(0) instanceof String text)) {
      throw bad("parse", "it takes a string of JSON");
    }
    try {
      return Jsonata.toJava(Json.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw bad("parse", "the string is not JSON: " + e.getOriginalMessage());
    }
  }

  private static List<?> list(List<?> a, int i, String fn) {
    if (a.size() <= i || !(a.get(i) instanceof List<?> l)) {
      throw bad(fn, "argument " + (i + 1) + " must be an array");
    }
    return l;
  }

  private static long integer(List<?> a, int i, String fn) {
    if (a.size() <= i || !(a.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw bad(fn, "argument " + (i + 1) + " must be an integer");
    }
    return n.longValue();
  }

  private static IllegalArgumentException bad(String fn, String why) {
    return new IllegalArgumentException("Invalid arguments to $" + fn + ": " + why);
  }
}
