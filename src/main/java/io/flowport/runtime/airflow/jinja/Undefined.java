package io.flowport.runtime.airflow.jinja;

/**
 * Jinja's {@code StrictUndefined}: a value that may be stored, passed to {@code default} or
 * tested with {@code is defined}, and raises as soon as it is printed, iterated, compared,
 * called or used in arithmetic. The message follows {@code Undefined._undefined_message} in
 * jinja2/runtime.py. An inline if without else yields Jinja's lenient {@code Undefined} instead
 * ({@link #strict()} false): it prints as "", is falsy and iterates as empty.
 */
final class Undefined {

  /** Marks "no object": the undefined came from a missing name, not a missing attribute. */
  private static final Object NO_OBJECT = new Object();

  private final String hint;
  private final Object obj;
  private final Object name;
  private final String exceptionType;
  private final boolean strict;

  private Undefined(String hint, Object obj, Object name, String exceptionType, boolean strict) {
    this.hint = hint;
    this.obj = obj;
    this.name = name;
    this.exceptionType = exceptionType;
    this.strict = strict;
  }

  static Undefined name(String name) {
    return new Undefined(null, NO_OBJECT, name, "UndefinedError", true);
  }

  static Undefined member(Object obj, Object name) {
    return new Undefined(null, obj, name, "UndefinedError", true);
  }

  static Undefined hint(String hint) {
    return new Undefined(hint, NO_OBJECT, null, "UndefinedError", true);
  }

  /** The plain Undefined Jinja's compiler uses for an inline if without else. */
  static Undefined lenient(String hint) {
    return new Undefined(hint, NO_OBJECT, null, "UndefinedError", false);
  }

  boolean strict() {
    return strict;
  }

  /** Raises when strict; a lenient undefined allows printing, truth tests and iteration. */
  void failIfStrict() {
    if (strict) {
      throw fail();
    }
  }

  String message() {
    if (hint != null) {
      return hint;
    }
    if (obj == NO_OBJECT) {
      return Py.repr(name) + " is undefined";
    }
    if (!(name instanceof String)) {
      return Py.typeRepr(obj) + " has no element " + Py.repr(name);
    }
    return Py.repr(Py.typeRepr(obj)) + " has no attribute " + Py.repr(name);
  }

  TemplateRenderException fail() {
    return new TemplateRenderException(exceptionType, message());
  }
}
