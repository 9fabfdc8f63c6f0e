"""Checks src/test/resources/jinja/*.json against real Jinja2, set up like Airflow 2 does.

Airflow renders templated fields with airflow.templates.SandboxedEnvironment (jinja2's sandbox,
allowing single-underscore attributes), undefined=StrictUndefined, extensions=["jinja2.ext.do"],
and its ds/ts filters. The context objects below mimic Airflow's types closely enough that
Jinja's messages (which name the Python type) come out the same.

    python3 oracle.py            # report cases whose expectation differs from Jinja2
    python3 oracle.py --write    # rewrite expectations from Jinja2 (review the diff!)

Cases marked "flowport_only" (constructs flowport reports as unsupported) are skipped.
Needs only jinja2 (tested with 3.1.6).
"""
import datetime
import glob
import json
import os
import sys

import jinja2
import jinja2.sandbox

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "resources", "jinja")


class AirflowSandbox(jinja2.sandbox.SandboxedEnvironment):
    def is_safe_attribute(self, obj, attr, value):
        return not jinja2.sandbox.is_internal_attribute(obj, attr)


def _ds(v):
    return None if v is None else v.strftime("%Y-%m-%d")


def _ds_nodash(v):
    return None if v is None else v.strftime("%Y%m%d")


def _ts(v):
    return None if v is None else v.isoformat()


def _ts_nodash(v):
    return None if v is None else v.strftime("%Y%m%dT%H%M%S")


def _ts_nodash_tz(v):
    return None if v is None else v.isoformat().replace("-", "").replace(":", "")


def environment():
    env = AirflowSandbox(undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.do"],
                         cache_size=0)
    env.filters.update({"ds": _ds, "ds_nodash": _ds_nodash, "ts": _ts,
                        "ts_nodash": _ts_nodash, "ts_nodash_with_tz": _ts_nodash_tz})
    return env


class DateTime(datetime.datetime):
    """pendulum 3's DateTime: str() is isoformat(" ")."""

    def __str__(self):
        return self.isoformat(" ")


DateTime.__module__ = "pendulum.datetime"


class LazyXComSelectSequence(list):
    def __str__(self):
        return f"LazySelectSequence([{len(self)} {'item' if len(self) == 1 else 'items'}])"

    __repr__ = __str__


LazyXComSelectSequence.__module__ = "airflow.models.xcom"


class TaskInstance:
    def __init__(self, dag_id, task_id, run_id, xcoms):
        self.dag_id, self.task_id, self.run_id, self._xcoms = dag_id, task_id, run_id, xcoms
        self.try_number, self.map_index = 1, -1

    def xcom_pull(self, task_ids=None, dag_id=None, key="return_value",
                  include_prior_dates=False, session=None, *, map_indexes=None, default=None):
        if isinstance(task_ids, str):
            return self._xcoms.get((task_ids, key), default)
        return LazyXComSelectSequence(
            self._xcoms[(t, key)] for t in task_ids if (t, key) in self._xcoms)

    def __repr__(self):
        return f"<TaskInstance: {self.dag_id}.{self.task_id} {self.run_id} [running]>"


TaskInstance.__module__ = "airflow.models.taskinstance"


def ds_add(ds, days):
    if not days:
        return str(ds)
    dt = datetime.datetime.strptime(str(ds), "%Y-%m-%d") + datetime.timedelta(days=days)
    return dt.strftime("%Y-%m-%d")


def ds_format(ds, input_format, output_format):
    return datetime.datetime.strptime(str(ds), input_format).strftime(output_format)


def macros_module():
    """Stands in for the airflow.macros module (a module object: 'module object')."""
    import types
    m = types.ModuleType("airflow.macros")
    m.ds_add, m.ds_format = ds_add, ds_format
    return m


def host(module, name, **attributes):
    """An object whose type Jinja names as '<module>.<name> object'."""
    obj = type(name, (), {"__module__": module})()
    obj.__dict__.update(attributes)
    return obj


def airflow_context(spec):
    dag_id = spec.get("dag_id", "dag")
    task_id = spec.get("task_id", "task")
    logical = DateTime.fromisoformat(spec.get("logical_date", "1970-01-01T00:00:00+00:00")
                                     .replace("Z", "+00:00"))
    ts = logical.isoformat()
    run_id = spec.get("run_id", "manual__" + ts)
    xcoms = {(t, "return_value"): v for t, v in spec.get("xcoms", {}).items()}
    for t, by_key in spec.get("xcom_keys", {}).items():
        for k, v in by_key.items():
            xcoms[(t, k)] = v
    ti = TaskInstance(dag_id, task_id, run_id, xcoms)
    conf = spec.get("conf", {})
    params = dict(spec.get("params", {}))
    params.update(conf)
    dag_run = host("airflow.models.dagrun", "DagRun", dag_id=dag_id, run_id=run_id, conf=conf,
                   logical_date=logical, execution_date=logical, data_interval_start=logical,
                   data_interval_end=logical)
    day = logical.replace(hour=0, minute=0, second=0, microsecond=0)
    return {
        "ti": ti, "task_instance": ti, "run_id": run_id, "dag_run": dag_run,
        "ds": logical.strftime("%Y-%m-%d"), "ds_nodash": logical.strftime("%Y%m%d"),
        "ts": ts, "ts_nodash": logical.strftime("%Y%m%dT%H%M%S"),
        "ts_nodash_with_tz": ts.replace("-", "").replace(":", ""),
        "logical_date": logical, "execution_date": logical,
        "data_interval_start": logical, "data_interval_end": logical,
        "yesterday_ds": (day - datetime.timedelta(1)).strftime("%Y-%m-%d"),
        "tomorrow_ds": (day + datetime.timedelta(1)).strftime("%Y-%m-%d"),
        "task_instance_key_str": f"{dag_id}__{task_id}__{logical.strftime('%Y%m%d')}",
        "params": params, "macros": macros_module(), "test_mode": False,
        "dag": host("airflow.models.dag", "DAG", dag_id=dag_id),
        "task": host("airflow.models.baseoperator", "BaseOperator", task_id=task_id,
                     dag_id=dag_id),
    }


def outcome(case):
    env = environment()
    try:
        template = env.from_string(case["template"])
    except jinja2.TemplateSyntaxError as e:
        return {"syntax": {"type": type(e).__name__, "message": e.message, "line": e.lineno}}
    except SyntaxError as e:
        # Jinja compiled the template to invalid Python; the line is of the generated code,
        # so keep the template line recorded in the case.
        line = case.get("syntax", {}).get("line")
        return {"syntax": {"type": "SyntaxError", "message": e.msg, "line": line}}
    context = airflow_context(case["airflow"]) if "airflow" in case else case.get("vars", {})
    try:
        return {"output": template.render(context)}
    except Exception as e:  # noqa: BLE001 - any Python error is an expected outcome
        return {"error": {"type": type(e).__name__, "message": str(e)}}


def expected(case):
    if "output" in case:
        return {"output": case["output"]}
    if "error" in case:
        return {"error": {k: case["error"][k] for k in ("type", "message")}}
    if "syntax" in case:
        return {"syntax": {k: case["syntax"].get(k) for k in ("type", "message", "line")}}
    return None


def merge(case, actual):
    for k in ("output", "error"):
        case.pop(k, None)
    if "syntax" in actual:
        column = case.get("syntax", {}).get("column", 0)
        case["syntax"] = dict(actual["syntax"], column=column)
    else:
        case.pop("syntax", None)
        case.update(actual)


def main():
    write = "--write" in sys.argv
    bad = 0
    for path in sorted(glob.glob(os.path.join(CASES, "*.json"))):
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
        for case in cases:
            if case.get("flowport_only"):
                continue
            actual = outcome(case)
            if expected(case) != actual:
                bad += 1
                print(f"{os.path.basename(path)}: {case['name']}\n  file:   {expected(case)}"
                      f"\n  jinja2: {actual}")
                if write:
                    merge(case, actual)
        if write:
            with open(path, "w", encoding="utf-8") as f:
                json.dump(cases, f, indent=2, ensure_ascii=False)
                f.write("\n")
    print(f"{bad} case(s) differ from Jinja2 {jinja2.__version__}")
    return 1 if bad and not write else 0


if __name__ == "__main__":
    sys.exit(main())
