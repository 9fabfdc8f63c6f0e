package io.flowport.runtime.airflow.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Python's binary and unary operators on template values, with CPython's error messages. */
final class PyMath {

  private PyMath() {}

  static Object binary(String op, Object a, Object b) {
    // StrictUndefined defines every arithmetic dunder (and the reflected ones) to raise.
    if (a instanceof Undefined u) {
      throw u.fail();
    }
    if (b instanceof Undefined u) {
      throw u.fail();
    }
    return switch (op) {
      case "+" -> add(a, b);
      case "-" -> numeric(op, a, b);
      case "*" -> mul(a, b);
      case "/" -> trueDiv(a, b);
      case "//" -> floorDiv(a, b);
      case "%" -> a instanceof String s ? PyFormat.percent(s, b) : mod(a, b);
      case "**" -> pow(a, b);
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static Object add(Object a, Object b) {
    if (Py.isNumber(a) && Py.isNumber(b)) {
      return numeric("+", a, b);
    }
    if (a instanceof String x) {
      if (b instanceof String y) {
        return x + y;
      }
      throw concatError("str", b);
    }
    if (a instanceof List<?> x) {
      if (b instanceof List<?> y) {
        List<Object> r = new ArrayList<>(x);
        r.addAll(y);
        return r;
      }
      throw concatError("list", b);
    }
    if (a instanceof PyTuple x) {
      if (b instanceof PyTuple y) {
        List<Object> r = new ArrayList<>(x.items());
        r.addAll(y.items());
        return new PyTuple(r);
      }
      throw concatError("tuple", b);
    }
    throw operandError("+", a, b);
  }

  private static TemplateRenderException concatError(String type, Object b) {
    return TemplateRenderException.typeError("can only concatenate " + type + " (not \""
        + Py.typeName(b) + "\") to " + type);
  }

  private static TemplateRenderException operandError(String op, Object a, Object b) {
    return TemplateRenderException.typeError("unsupported operand type(s) for " + op + ": '"
        + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
  }

  private static Object numeric(String op, Object a, Object b) {
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw operandError(op, a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double x = Py.dbl(a);
      double y = Py.dbl(b);
      return switch (op) {
        case "+" -> x + y;
        case "-" -> x - y;
        default -> x * y;
      };
    }
    BigInteger x = Py.bigInt(a);
    BigInteger y = Py.bigInt(b);
    return Py.intValue(switch (op) {
      case "+" -> x.add(y);
      case "-" -> x.subtract(y);
      default -> x.multiply(y);
    });
  }

  private static Object mul(Object a, Object b) {
    if (Py.isNumber(a) && Py.isNumber(b)) {
      return numeric("*", a, b);
    }
    if (isSequence(a)) {
      return repeat(a, b);
    }
    if (isSequence(b)) {
      return repeat(b, a);
    }
    throw operandError("*", a, b);
  }

  private static boolean isSequence(Object o) {
    return o instanceof String || o instanceof List || o instanceof PyTuple;
  }

  private static Object repeat(Object seq, Object times) {
    if (!Py.isIntLike(times)) {
      throw TemplateRenderException.typeError(
          "can't multiply sequence by non-int of type '" + Py.typeName(times) + "'");
    }
    int n = Math.max(0, Py.bigInt(times).intValueExact());
    if (seq instanceof String s) {
      return s.repeat(n);
    }
    List<Object> items = seq instanceof PyTuple t ? t.items() : new ArrayList<>((List<?>) seq);
    List<Object> r = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      r.addAll(items);
    }
    return seq instanceof PyTuple ? new PyTuple(r) : r;
  }

  private static Object trueDiv(Object a, Object b) {
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw operandError("/", a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double y = Py.dbl(b);
      if (y == 0) {
        throw zero("float division by zero");
      }
      return Py.dbl(a) / y;
    }
    BigInteger x = Py.bigInt(a);
    BigInteger y = Py.bigInt(b);
    if (y.signum() == 0) {
      throw zero("division by zero");
    }
    if (x.bitLength() <= 53 && y.bitLength() <= 53) {
      return x.doubleValue() / y.doubleValue(); // both exact, IEEE division rounds correctly
    }
    return new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
  }

  private static Object floorDiv(Object a, Object b) {
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw operandError("//", a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double y = Py.dbl(b);
      if (y == 0) {
        throw zero("float floor division by zero");
      }
      return floatDivmod(Py.dbl(a), y)[0];
    }
    BigInteger y = Py.bigInt(b);
    if (y.signum() == 0) {
      throw zero("integer division or modulo by zero");
    }
    return Py.intValue(floorDivInt(Py.bigInt(a), y));
  }

  private static Object mod(Object a, Object b) {
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw operandError("%", a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double y = Py.dbl(b);
      if (y == 0) {
        throw zero("float modulo");
      }
      return floatDivmod(Py.dbl(a), y)[1];
    }
    BigInteger x = Py.bigInt(a);
    BigInteger y = Py.bigInt(b);
    if (y.signum() == 0) {
      throw zero("integer modulo by zero");
    }
    return Py.intValue(x.subtract(floorDivInt(x, y).multiply(y)));
  }

  private static BigInteger floorDivInt(BigInteger x, BigInteger y) {
    BigInteger[] qr = x.divideAndRemainder(y);
    if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
      return qr[0].subtract(BigInteger.ONE);
    }
    return qr[0];
  }

  /** CPython's float_divmod, so signs and rounding of // and % match. */
  private static double[] floatDivmod(double vx, double wx) {
    double mod = vx % wx; // Java's % on doubles is C fmod
    double div = (vx - mod) / wx;
    if (mod != 0) {
      if ((wx < 0) != (mod < 0)) {
        mod += wx;
        div -= 1.0;
      }
    } else {
      mod = Math.copySign(0.0, wx);
    }
    double floordiv;
    if (div != 0) {
      floordiv = Math.floor(div);
      if (div - floordiv > 0.5) {
        floordiv += 1.0;
      }
    } else {
      floordiv = Math.copySign(0.0, vx / wx);
    }
    return new double[] {floordiv, mod};
  }

  private static Object pow(Object a, Object b) {
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw operandError("** or pow()", a, b);
    }
    if (Py.isIntLike(a) && Py.isIntLike(b) && Py.bigInt(b).signum() >= 0) {
      return Py.intValue(Py.bigInt(a).pow(Py.bigInt(b).intValueExact()));
    }
    double x = Py.dbl(a);
    double y = Py.dbl(b);
    if (x == 0 && y < 0) {
      throw zero("0.0 cannot be raised to a negative power");
    }
    if (x < 0 && y != Math.rint(y)) {
      throw TemplateRenderException.unsupported(
          "a negative number raised to a fractional power is a complex number in Python");
    }
    return Math.pow(x, y);
  }

  private static TemplateRenderException zero(String message) {
    return new TemplateRenderException("ZeroDivisionError", message);
  }

  static Object negate(Object a, boolean minus) {
    if (a instanceof Undefined u) {
      throw u.fail();
    }
    if (Py.isFloat(a)) {
      return minus ? -((Number) a).doubleValue() : ((Number) a).doubleValue();
    }
    if (Py.isIntLike(a)) {
      return Py.intValue(minus ? Py.bigInt(a).negate() : Py.bigInt(a));
    }
    throw TemplateRenderException.typeError(
        "bad operand type for unary " + (minus ? "-" : "+") + ": '" + Py.typeName(a) + "'");
  }
}
