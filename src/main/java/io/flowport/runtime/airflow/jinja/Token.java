package io.flowport.runtime.airflow.jinja;

/** One lexer token; offsets index the newline-normalised template source. */
record Token(Kind kind, String text, Object value, int start, int end) {

  enum Kind {
    DATA("template data / text"),
    VAR_BEGIN("begin of print statement"),
    VAR_END("end of print statement"),
    BLOCK_BEGIN("begin of statement block"),
    BLOCK_END("end of statement block"),
    NAME("name"),
    STRING("string"),
    INTEGER("integer"),
    FLOAT("float"),
    OP("operator"),
    EOF("end of template");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  boolean isName(String name) {
    return kind == Kind.NAME && text.equals(name);
  }

  /** jinja2.lexer.describe_token: a name is shown as itself, an operator as its symbol. */
  String describe() {
    return kind == Kind.NAME || kind == Kind.OP ? text : kind.description;
  }
}
