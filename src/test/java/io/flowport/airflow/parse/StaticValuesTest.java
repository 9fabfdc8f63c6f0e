package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowport.airflow.parse.PyValue.*;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Module-level Python evaluated statically: the value of {@code DAG('d', value=<expr>)}. */
class StaticValuesTest {

  /** Runs {@code prelude}, then reads {@code expression} as a DAG argument. */
  private static PyValue eval(String prelude, String expression) {
    DagDef dag = Dags.onlyDag(prelude + "\nfrom airflow import DAG\ndag = DAG('d', value=" + expression + ")\n");
    return dag.arg("value").orElseThrow();
  }

  private static PyValue eval(String expression) {
    return eval("", expression);
  }

  private static PyStr str(String s) {
    return new PyStr(s);
  }

  @Test
  void scalarLiterals() {
    assertEquals(PyInt.of(255), eval("0xff"));
    assertEquals(PyInt.of(1_000_000), eval("1_000_000"));
    assertEquals(PyInt.of(-3), eval("-3"));
    assertEquals(new PyInt(new java.math.BigInteger("123456789012345678901234567890")), eval("123456789012345678901234567890"));
    assertEquals(new PyFloat(2.5e-3), eval("2.5e-3"));
    assertEquals(new PyBool(true), eval("True"));
    assertEquals(PyNone.INSTANCE, eval("None"));
    assertEquals(str("tab\there \u00e9 A"), eval("'tab\\there \\N{LATIN SMALL LETTER E WITH ACUTE} \\x41'"));
    assertEquals(str("C:\\raw\\n"), eval("r'C:\\raw\\n'"));
  }

  @Test
  void collectionLiteralsKeepOrderAndKind() {
    Map<PyValue, PyValue> dict = new LinkedHashMap<>();
    dict.put(str("b"), PyInt.of(1));
    dict.put(str("a"), new PyTuple(List.of(PyInt.of(1), str("x"))));
    dict.put(PyInt.of(3), new PySet(List.of(PyInt.of(1), PyInt.of(2))));
    dict.put(str("l"), new PyList(List.of()));
    assertEquals(new PyDict(dict), eval("{'b': 1, 'a': (1, 'x'), 3: {1, 2, 2}, 'l': []}"));
    assertEquals(List.copyOf(dict.keySet()), List.copyOf(((PyDict) eval("{'b': 1, 'a': (1, 'x'), 3: {1, 2, 2}, 'l': []}")).entries().keySet()));
  }

  @Test
  void constantsAreReassignedInOrder() {
    assertEquals(PyInt.of(7), eval("X = 1\nX = X + 2\nY = X * 2 + 1", "Y"));
    assertEquals(str("prod"), eval("ENV = 'dev'\nENV = 'PROD'.lower()", "ENV"));
    assertEquals(PyInt.of(3), eval("a, (b, c) = 1, (2, 3)", "c"));
  }

  @Test
  void stringConcatenationAndImplicitConcatenation() {
    assertEquals(str("s3://bucket/raw/2024"), eval("B = 's3://' 'bucket'\nP = B + '/raw' + \"/\" + str(2024)", "P"));
    assertEquals(str("abcabc"), eval("'abc' * 2"));
    assertEquals(str("a/b/c"), eval("'/'.join(['a', 'b', 'c'])"));
  }

  @Test
  void fStringsWithConversionsAndFormatSpecs() {
    assertEquals(str("run_emr_007_'x'_  1.50|{lit}"),
        eval("N = 7\nS = 'x'", "f\"run_emr_{N:03d}_{S!r}_{1.5:>6.2f}|{{lit}}\""));
    assertEquals(str("1e+16 0.30000000000000004 1.0 True None [1, 'a']"),
        eval("f'{1e16} {0.1 + 0.2} {1.0} {True} {None} {[1, \"a\"]}'"));
    assertEquals(str("1 day, 2:03:04 2023-07-01 00:00:00"),
        eval("from datetime import datetime, timedelta",
            "f'{timedelta(days=1, hours=2, minutes=3, seconds=4)} {datetime(2023, 7, 1)}'"));
  }

  @Test
  void percentAndFormatMethodOverConstants() {
    assertEquals(str("job-emr-005 50%"), eval("'job-%s-%03d %d%%' % ('emr', 5, 50)"));
    assertEquals(str("name=x"), eval("'name=%(n)s' % {'n': 'x'}"));
    assertEquals(str("a-b-a v1 key"), eval("'{}-{}-{0} v{ver} {d[k]}'.format('a', 'b', ver=1, d={'k': 'key'})"));
  }

  @Test
  void timedeltaAndDurations() {
    String imports = "from datetime import timedelta\nimport pendulum";
    assertEquals(new PyTimedelta(Duration.ofDays(1)), eval(imports, "timedelta(1)"));
    assertEquals(new PyTimedelta(Duration.ofMinutes(90)), eval(imports, "timedelta(hours=1.5)"));
    assertEquals(new PyTimedelta(Duration.ofSeconds(610)), eval(imports, "timedelta(minutes=10) + timedelta(seconds=10)"));
    assertEquals(new PyTimedelta(Duration.ofMinutes(20)), eval(imports, "pendulum.duration(minutes=10) * 2"));
    PyValue calendar = eval(imports, "pendulum.duration(months=1)");
    assertInstanceOf(PyDynamic.class, calendar);
  }

  @Test
  void datetimesWithAndWithoutTimeZones() {
    String imports = "import datetime as dt\nimport pendulum\nfrom pendulum import timezone";
    assertEquals(new PyDateTime(LocalDateTime.of(2023, 7, 1, 6, 30), null), eval(imports, "dt.datetime(2023, 7, 1, 6, minute=30)"));
    assertEquals(new PyDateTime(LocalDateTime.of(2024, 1, 1, 0, 0), "UTC"), eval(imports, "pendulum.datetime(2024, 1, 1)"));
    assertEquals(new PyDateTime(LocalDateTime.of(2024, 1, 1, 0, 0), "Europe/Berlin"),
        eval(imports, "pendulum.datetime(2024, 1, 1, tz='Europe/Berlin')"));
    assertEquals(new PyDateTime(LocalDateTime.of(2024, 2, 1, 0, 0), "Asia/Tokyo"),
        eval(imports + "\nTZ = timezone('Asia/Tokyo')", "dt.datetime(2024, 2, 1, tzinfo=TZ)"));
    assertEquals(new PyDateTime(LocalDateTime.of(2024, 2, 1, 0, 0), "UTC"),
        eval(imports, "dt.datetime(2024, 2, 1, tzinfo=dt.timezone.utc)"));
    assertEquals(new PyDateTime(LocalDateTime.of(2024, 1, 2, 0, 0), null),
        eval(imports, "dt.datetime(2024, 1, 1) + dt.timedelta(days=1)"));
  }

  @Test
  void dictConstructorsSplatsCopyAndUpdate() {
    String prelude = """
        base = {'owner': 'data', 'retries': 1}
        args = base.copy()
        args.update({'retries': 3}, email=['ops@example.com'])
        args['depends_on_past'] = False
        merged = {**args, 'retries': 5, **dict(queue='emr')}
        """;
    Map<PyValue, PyValue> expected = new LinkedHashMap<>();
    expected.put(str("owner"), str("data"));
    expected.put(str("retries"), PyInt.of(5));
    expected.put(str("email"), new PyList(List.of(str("ops@example.com"))));
    expected.put(str("depends_on_past"), new PyBool(false));
    expected.put(str("queue"), str("emr"));
    assertEquals(new PyDict(expected), eval(prelude, "merged"));
    assertEquals(PyInt.of(1), eval(prelude, "base['retries']"), "copy() must not alias the original");
    assertEquals(new PyDict(Map.of(str("a"), PyInt.of(1))), eval("dict(a=1)"));
  }

  @Test
  void importedNamesUsedAsValuesAreReferences() {
    assertEquals(new PyRef("airflow.utils.trigger_rule.TriggerRule.ALL_DONE"),
        eval("from airflow.utils.trigger_rule import TriggerRule", "TriggerRule.ALL_DONE"));
    assertEquals(new PyRef("callbacks.alerts.notify"), eval("import callbacks.alerts as alerts", "alerts.notify"));
    assertEquals(new PyRef("on_failure"), eval("def on_failure(context):\n    pass", "on_failure"));
  }

  @Test
  void valuesOnlyKnownAtRunTimeAreDynamicAndReported() {
    DagFile file = Dags.parse("""
        import os
        from airflow import DAG
        from airflow.models import Variable
        from airflow.utils.dates import days_ago
        from company import settings
        bucket = Variable.get('bucket')
        dag = DAG('d', start_date=days_ago(1), params={'bucket': f's3://{bucket}/x', 'env': os.environ['ENV']},
                  owner=settings.owner(), plain='ok')
        """);
    DagDef dag = file.dags().get(0);
    assertEquals(new PyDynamic("days_ago(1)", "days_ago() depends on the time the file is parsed"), dag.arg("start_date").orElseThrow());
    PyDict params = (PyDict) dag.arg("params").orElseThrow();
    assertEquals(new PyDynamic("f's3://{bucket}/x'", "Airflow Variable, read when the file is parsed"), params.get("bucket").orElseThrow());
    assertEquals(new PyDynamic("os.environ['ENV']", "environment variable, read when the file is parsed"), params.get("env").orElseThrow());
    assertEquals(new PyDynamic("settings.owner()", "call of 'company.settings.owner' is not evaluated"), dag.arg("owner").orElseThrow());
    assertEquals(List.of("dynamic-value@6:10", "dynamic-value@7:27", "dynamic-value@7:85", "dynamic-value@8:17"), Dags.findings(file));
    assertTrue(file.findings().stream().allMatch(f -> f.severity() == Severity.WARNING));
    assertEquals("argument 'params' of DAG 'd' is not known statically: f's3://{bucket}/x' (Airflow Variable, read when the file is parsed)",
        file.findings().get(0).message());
  }

  @Test
  void conditionalsOverConstantsPickOneBranch() {
    assertEquals(str("big"), eval("N = 5\nif N > 3 and 'a' in ['a']:\n    R = 'big'\nelif N > 1:\n    R = 'mid'\nelse:\n    R = 'small'", "R"));
    assertEquals(str("no"), eval("'yes' if 1 == 2 or None else 'no'"));
  }
}
