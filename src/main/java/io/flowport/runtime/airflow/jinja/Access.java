package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code obj.attr} and {@code obj[key]} as jinja2.sandbox.SandboxedEnvironment does them:
 * getattr first falls back to item access, getitem falls back to getattr for string keys, and a
 * miss becomes a StrictUndefined that remembers the object and the name for its message.
 */
final class Access {

  private Access() {}

  static Object getattr(Object obj, String name) {
    if (obj instanceof Undefined u) {
      throw u.fail();
    }
    Object value = attribute(obj, name);
    if (value != HostObject.NO_ATTRIBUTE) {
      return value;
    }
    Object item = item(obj, name);
    return item != Py.NOT_FOUND ? item : Undefined.member(obj, name);
  }

  static Object getitem(Object obj, Object key) {
    if (obj instanceof Undefined u) {
      throw u.fail();
    }
    Object item = item(obj, key);
    if (item != Py.NOT_FOUND) {
      return item;
    }
    if (key instanceof String name) {
      Object value = attribute(obj, name);
      if (value != HostObject.NO_ATTRIBUTE) {
        return value;
      }
    }
    return Undefined.member(obj, key);
  }

  /** Python getattr(obj, name), or NO_ATTRIBUTE where Python raises AttributeError. */
  private static Object attribute(Object obj, String name) {
    if (name.startsWith("__")) {
      throw TemplateRenderException.unsupported("access to the internal attribute "
          + Py.strRepr(name) + " is not supported (Airflow's sandbox treats it as unsafe)");
    }
    if (obj instanceof HostObject h) {
      return h.attribute(name);
    }
    Builtin method = Methods.lookup(obj, name);
    return method != null ? method : HostObject.NO_ATTRIBUTE;
  }

  /** Python obj[key], or NOT_FOUND where Python raises TypeError or LookupError. */
  private static Object item(Object obj, Object key) {
    if (key instanceof Undefined u && (obj instanceof Map || obj instanceof List
        || obj instanceof PyTuple || obj instanceof String)) {
      throw u.fail(); // hashing or indexing with StrictUndefined raises
    }
    if (obj instanceof Map<?, ?> m) {
      if (key instanceof List || key instanceof Map) {
        return Py.NOT_FOUND; // unhashable: TypeError
      }
      return Py.dictGet(m, key);
    }
    if (obj instanceof List || obj instanceof PyTuple || obj instanceof String
        || (obj instanceof PySequence ps && ps.indexable())) {
      List<Object> items = obj instanceof List<?> l ? new ArrayList<>(l) : Py.iterate(obj);
      if (key instanceof PySlice s) {
        List<Object> picked = new ArrayList<>();
        for (int i : s.indices(items.size())) {
          picked.add(items.get(i));
        }
        if (obj instanceof String) {
          return String.join("", picked.stream().map(String.class::cast).toList());
        }
        return obj instanceof PyTuple ? new PyTuple(picked) : picked;
      }
      if (!Py.isIntLike(key)) {
        return Py.NOT_FOUND;
      }
      java.math.BigInteger idx = Py.bigInt(key);
      if (idx.signum() < 0) {
        idx = idx.add(java.math.BigInteger.valueOf(items.size()));
      }
      if (idx.signum() < 0 || idx.compareTo(java.math.BigInteger.valueOf(items.size())) >= 0) {
        return Py.NOT_FOUND;
      }
      return items.get(idx.intValue());
    }
    return Py.NOT_FOUND;
  }
}
