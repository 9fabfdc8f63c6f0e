package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import org.treesitter.TSNode;

/** Arithmetic, comparison and truth of known values (dependency operators live in {@link Dependencies}). */
final class Operators {

  private final Interpreter in;

  Operators(Interpreter in) {
    this.in = in;
  }

  Obj binary(String op, Obj left, Obj right, TSNode node) {
    PyDynamic unknown = dynamicOf(left) != null ? dynamicOf(left) : dynamicOf(right);
    if (unknown != null) {
      return in.state.dynamicFrom(node, unknown);
    }
    Obj result = switch (op) {
      case "+" -> add(left, right);
      case "-" -> subtract(left, right);
      case "*" -> multiply(left, right);
      case "%" -> left instanceof Obj.Data l && l.value() instanceof PyStr s
          ? in.formats.percent(s.value(), right, node) : numeric(op, left, right);
      case "|" -> left instanceof Obj.Dict a && right instanceof Obj.Dict b ? merge(a, b) : numeric(op, left, right);
      default -> numeric(op, left, right);
    };
    return result != null ? result
        : in.state.dynamic(node, "operator '" + op + "' is not supported statically for these values");
  }

  private Obj add(Obj left, Obj right) {
    if (left instanceof Obj.Seq a && right instanceof Obj.Seq b && a.kind() == b.kind() && a.kind() != Obj.SeqKind.SET) {
      Obj.Seq sum = Obj.Seq.of(a.kind());
      sum.items().addAll(a.items());
      sum.items().addAll(b.items());
      return sum;
    }
    if (!(left instanceof Obj.Data a) || !(right instanceof Obj.Data b)) {
      return null;
    }
    return switch (a.value()) {
      case PyStr s when b.value() instanceof PyStr t -> data(new PyStr(s.value() + t.value()));
      case PyTimedelta t when b.value() instanceof PyTimedelta u -> data(new PyTimedelta(t.value().plus(u.value())));
      case PyTimedelta t when b.value() instanceof PyDateTime d -> data(new PyDateTime(d.value().plus(t.value()), d.timeZone()));
      case PyDateTime d when b.value() instanceof PyTimedelta t -> data(new PyDateTime(d.value().plus(t.value()), d.timeZone()));
      default -> numeric("+", left, right);
    };
  }

  private Obj subtract(Obj left, Obj right) {
    if (left instanceof Obj.Data a && right instanceof Obj.Data b) {
      switch (a.value()) {
        case PyTimedelta t when b.value() instanceof PyTimedelta u -> {
          return data(new PyTimedelta(t.value().minus(u.value())));
        }
        case PyDateTime d when b.value() instanceof PyTimedelta t -> {
          return data(new PyDateTime(d.value().minus(t.value()), d.timeZone()));
        }
        case PyDateTime d when b.value() instanceof PyDateTime e && Objects.equals(d.timeZone(), e.timeZone()) -> {
          return data(new PyTimedelta(Duration.between(e.value(), d.value())));
        }
        default -> { }
      }
    }
    return numeric("-", left, right);
  }

  static PyDynamic dynamicOf(Obj value) {
    return value instanceof Obj.Data d && d.value() instanceof PyDynamic p ? p : null;
  }

  private Obj multiply(Obj left, Obj right) {
    if (left instanceof Obj.Data a && a.value() instanceof PyInt && !(right instanceof Obj.Data b && isNumber(b.value()))) {
      return multiply(right, left);
    }
    BigInteger times = right instanceof Obj.Data b && (b.value() instanceof PyInt || b.value() instanceof PyBool) ? integer(b.value()) : null;
    if (times != null && times.bitLength() < 16) {
      int n = Math.max(times.intValue(), 0);
      if (left instanceof Obj.Data a && a.value() instanceof PyStr s) {
        return data(new PyStr(s.value().repeat(n)));
      }
      if (left instanceof Obj.Seq s && s.kind() != Obj.SeqKind.SET) {
        Obj.Seq product = Obj.Seq.of(s.kind());
        for (int i = 0; i < n; i++) {
          product.items().addAll(s.items());
        }
        return product;
      }
    }
    if (left instanceof Obj.Data a && a.value() instanceof PyTimedelta t && right instanceof Obj.Data b && isNumber(b.value())) {
      return data(new PyTimedelta(scale(t.value(), decimal(b.value()))));
    }
    return numeric("*", left, right);
  }

  private static Obj merge(Obj.Dict a, Obj.Dict b) {
    Obj.Dict merged = Obj.Dict.empty();
    merged.entries().putAll(a.entries());
    merged.entries().putAll(b.entries());
    return merged;
  }

  // int/bool/float arithmetic with Python's result types; null when not numbers or undefined.
  private Obj numeric(String op, Obj left, Obj right) {
    if (!(left instanceof Obj.Data a) || !(right instanceof Obj.Data b) || !isNumber(a.value()) || !isNumber(b.value())) {
      return null;
    }
    if (a.value() instanceof PyFloat || b.value() instanceof PyFloat || op.equals("/")) {
      double x = decimal(a.value()).doubleValue();
      double y = decimal(b.value()).doubleValue();
      if (y == 0 && "/ // %".contains(op)) {
        return null;
      }
      return switch (op) {
        case "+" -> data(new PyFloat(x + y));
        case "-" -> data(new PyFloat(x - y));
        case "*" -> data(new PyFloat(x * y));
        case "/" -> data(new PyFloat(x / y));
        case "//" -> data(new PyFloat(Math.floor(x / y)));
        case "%" -> data(new PyFloat(x - Math.floor(x / y) * y));
        case "**" -> data(new PyFloat(Math.pow(x, y)));
        default -> null;
      };
    }
    BigInteger x = integer(a.value());
    BigInteger y = integer(b.value());
    return switch (op) {
      case "+" -> data(new PyInt(x.add(y)));
      case "-" -> data(new PyInt(x.subtract(y)));
      case "*" -> data(new PyInt(x.multiply(y)));
      case "//" -> y.signum() == 0 ? null : data(new PyInt(floorDiv(x, y)));
      case "%" -> y.signum() == 0 ? null : data(new PyInt(x.subtract(floorDiv(x, y).multiply(y))));
      case "**" -> y.signum() < 0 || y.bitLength() > 16 ? null : data(new PyInt(x.pow(y.intValue())));
      case "<<" -> y.signum() < 0 || y.bitLength() > 16 ? null : data(new PyInt(x.shiftLeft(y.intValue())));
      case ">>" -> y.signum() < 0 || y.bitLength() > 16 ? null : data(new PyInt(x.shiftRight(y.intValue())));
      case "&" -> data(new PyInt(x.and(y)));
      case "|" -> data(new PyInt(x.or(y)));
      case "^" -> data(new PyInt(x.xor(y)));
      default -> null;
    };
  }

  private static BigInteger floorDiv(BigInteger x, BigInteger y) {
    BigInteger[] qr = x.divideAndRemainder(y);
    return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  Obj unary(String op, Obj operand, TSNode node) {
    if (operand instanceof Obj.Data d) {
      switch (d.value()) {
        case PyDynamic p -> {
          return in.state.dynamicFrom(node, p);
        }
        case PyFloat f when !op.equals("~") -> {
          return data(new PyFloat(op.equals("-") ? -f.value() : f.value()));
        }
        case PyTimedelta t when !op.equals("~") -> {
          return data(new PyTimedelta(op.equals("-") ? t.value().negated() : t.value()));
        }
        default -> {
          if (isNumber(d.value()) && !(d.value() instanceof PyFloat)) {
            BigInteger x = integer(d.value());
            return data(new PyInt(op.equals("-") ? x.negate() : op.equals("~") ? x.not() : x));
          }
        }
      }
    }
    return in.state.dynamic(node, "operator '" + op + "' is not supported statically for this value");
  }

  /** Python truth, or null when not known. */
  static Boolean truth(Obj value) {
    return switch (value) {
      case Obj.Seq s -> !s.items().isEmpty();
      case Obj.Dict d -> !d.entries().isEmpty();
      case Obj.Data d -> switch (d.value()) {
        case PyStr s -> !s.value().isEmpty();
        case PyInt i -> i.value().signum() != 0;
        case PyFloat f -> f.value() != 0;
        case PyBool b -> b.value();
        case PyNone n -> false;
        case PyTimedelta t -> !t.value().isZero();
        case PyDynamic x -> null;
        default -> true;
      };
      default -> true;
    };
  }

  /** A comparison, or null when not known. */
  Boolean compare(String op, Obj left, Obj right, TSNode node) {
    PyValue a = in.values.toPy(left, node);
    PyValue b = in.values.toPy(right, node);
    if (a instanceof PyDynamic || b instanceof PyDynamic) {
      return null;
    }
    return switch (op) {
      case "==" -> equal(a, b);
      case "!=" -> !equal(a, b);
      case "is" -> identical(a, b);
      case "is not" -> {
        Boolean same = identical(a, b);
        yield same == null ? null : !same;
      }
      case "in" -> contains(right, a);
      case "not in" -> {
        Boolean has = contains(right, a);
        yield has == null ? null : !has;
      }
      default -> order(op, a, b);
    };
  }

  static boolean equal(PyValue a, PyValue b) {
    if (isNumber(a) && isNumber(b)) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static Boolean identical(PyValue a, PyValue b) {
    boolean singleton = a instanceof PyNone || a instanceof PyBool;
    return singleton || b instanceof PyNone || b instanceof PyBool ? Objects.equals(a, b) : null;
  }

  private Boolean contains(Obj container, PyValue item) {
    return switch (container) {
      case Obj.Seq s -> s.items().stream().anyMatch(i -> i instanceof Obj.Data d && equal(d.value(), item));
      case Obj.Dict d -> d.entries().containsKey(item);
      case Obj.Data d when d.value() instanceof PyStr s && item instanceof PyStr t -> s.value().contains(t.value());
      default -> null;
    };
  }

  private static Boolean order(String op, PyValue a, PyValue b) {
    int c;
    if (isNumber(a) && isNumber(b)) {
      c = decimal(a).compareTo(decimal(b));
    } else if (a instanceof PyStr s && b instanceof PyStr t) {
      c = s.value().compareTo(t.value());
    } else if (a instanceof PyTimedelta s && b instanceof PyTimedelta t) {
      c = s.value().compareTo(t.value());
    } else {
      return null;
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> null;
    };
  }

  static boolean isNumber(PyValue v) {
    return v instanceof PyInt || v instanceof PyBool || v instanceof PyFloat f && Double.isFinite(f.value());
  }

  static BigInteger integer(PyValue v) {
    return v instanceof PyBool b ? (b.value() ? BigInteger.ONE : BigInteger.ZERO) : ((PyInt) v).value();
  }

  static BigDecimal decimal(PyValue v) {
    return v instanceof PyFloat f ? new BigDecimal(f.value()) : new BigDecimal(integer(v));
  }

  /** A duration times a number, to the microsecond like timedelta (half to even). */
  static Duration scale(Duration d, BigDecimal factor) {
    BigDecimal micros = new BigDecimal(d.toSeconds()).movePointRight(6)
        .add(new BigDecimal(d.toNanosPart() / 1000)).multiply(factor).setScale(0, RoundingMode.HALF_EVEN);
    return Duration.of(micros.longValueExact(), java.time.temporal.ChronoUnit.MICROS);
  }

  private static Obj data(PyValue v) {
    return new Obj.Data(v);
  }
}
