package io.flowport.ir;

import java.util.Locale;

/** Naming rules shared by front-ends and the back-end: NCName-safe ids and readable labels. */
public final class Names {

  /** A valid XML NCName (BPMN ids and process ids): letters, digits, {@code _ - .}, not starting with a digit. */
  public static String ncName(String s) {
    StringBuilder out = new StringBuilder(s.length() + 1);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
      out.append(ok ? c : '_');
    }
    if (out.isEmpty() || !(Character.isLetter(out.charAt(0)) || out.charAt(0) == '_')) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  /**
   * A label for people from a source name: {@code StartEMRJob} → "Start EMR job",
   * {@code wait_for_emr_job_completion} → "Wait for EMR job completion". Acronyms stay upper case.
   */
  public static String humanize(String s) {
    String spaced = s.replace('_', ' ').replace('-', ' ')
        .replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
        .replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
        .trim().replaceAll("\\s+", " ");
    StringBuilder out = new StringBuilder();
    String[] words = spaced.split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean acronym = w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().anyMatch(Character::isLetter);
      if (acronym || KNOWN_ACRONYMS.contains(w.toUpperCase(Locale.ROOT))) {
        w = w.toUpperCase(Locale.ROOT);
      } else if (i == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT);
      } else {
        w = w.toLowerCase(Locale.ROOT);
      }
      if (i > 0) {
        out.append(' ');
      }
      out.append(w);
    }
    return out.toString();
  }

  private static final java.util.Set<String> KNOWN_ACRONYMS =
      java.util.Set.of("EMR", "EKS", "AWS", "S3", "SQL", "API", "ETL", "DAG", "ARN");

  private Names() {}
}
