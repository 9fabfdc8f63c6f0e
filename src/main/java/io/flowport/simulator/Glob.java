package io.flowport.simulator;

import java.util.regex.Pattern;

/** Shell-style name patterns for scenario rules: {@code *} any run of characters, {@code ?} one. */
final class Glob {

  private Glob() {}

  static boolean matches(String glob, String text) {
    if (text == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }
}
