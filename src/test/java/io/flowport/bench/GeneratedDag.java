package io.flowport.bench;

/**
 * A DAG file of {@code size} tasks in TaskGroups of ten, written the amazon provider's way: create a
 * cluster, add a step, watch it with a sensor, terminate (all_done), and six Python tasks with a
 * fan-out; each group runs after the previous one.
 */
final class GeneratedDag {

  private GeneratedDag() {}

  static String source(int size) {
    StringBuilder py = new StringBuilder("""
        \"\"\"Generated benchmark DAG.\"\"\"
        from datetime import datetime, timedelta

        from airflow import DAG
        from airflow.operators.python import PythonOperator
        from airflow.providers.amazon.aws.operators.emr import (
            EmrAddStepsOperator,
            EmrCreateJobFlowOperator,
            EmrTerminateJobFlowOperator,
        )
        from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor
        from airflow.utils.task_group import TaskGroup

        JOB_FLOW = {
            "Name": "bench",
            "ReleaseLabel": "emr-7.0.0",
            "Instances": {
                "InstanceGroups": [{"Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
            "JobFlowRole": "EMR_EC2_DefaultRole",
            "ServiceRole": "EMR_DefaultRole",
        }
        STEPS = [
            {
                "Name": "spark",
                "ActionOnFailure": "CONTINUE",
                "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://bucket/job.py", "{{ ds }}"]},
            }
        ]


        def check(**context):
            return True


        with DAG(
            dag_id="bench",
            start_date=datetime(2024, 1, 1),
            schedule="@daily",
            catchup=False,
            default_args={"retries": 1, "retry_delay": timedelta(minutes=5)},
        ) as dag:
        """);
    int groups = Math.max(1, size / 10);
    for (int g = 0; g < groups; g++) {
      py.append("""
              with TaskGroup("g%1$d") as g%1$d:
                  create = EmrCreateJobFlowOperator(task_id="create", job_flow_overrides=JOB_FLOW)
                  add = EmrAddStepsOperator(task_id="add", job_flow_id=create.output, steps=STEPS)
                  watch = EmrStepSensor(
                      task_id="watch",
                      job_flow_id=create.output,
                      step_id="{{ task_instance.xcom_pull(task_ids='g%1$d.add')[0] }}",
                  )
                  terminate = EmrTerminateJobFlowOperator(task_id="terminate", job_flow_id=create.output, trigger_rule="all_done")
                  validate = PythonOperator(task_id="validate", python_callable=check)
                  p1 = PythonOperator(task_id="p1", python_callable=check)
                  p2 = PythonOperator(task_id="p2", python_callable=check)
                  p3 = PythonOperator(task_id="p3", python_callable=check)
                  p4 = PythonOperator(task_id="p4", python_callable=check)
                  p5 = PythonOperator(task_id="p5", python_callable=check)
                  create >> add >> watch >> [terminate, validate]
                  validate >> p1 >> [p2, p3] >> p4 >> p5
          """.formatted(g));
      if (g > 0) {
        py.append("    g").append(g - 1).append(" >> g").append(g).append('\n');
      }
    }
    return py.toString();
  }
}
