/**
 * Reads Airflow DAG files into a model without running them.
 *
 * <p>{@link io.flowport.airflow.parse.DagFileParser} parses the file with tree-sitter and runs a
 * small interpreter over its statements. Only values that can be known from the file itself are
 * evaluated: literals, module constants (reassigned in order), imports and aliases, string
 * concatenation and formatting, {@code datetime}/{@code timedelta}/{@code pendulum}, dict and list
 * operations, {@code for} loops and comprehensions over known collections, {@code if} on known
 * conditions, and calls of functions defined in the file. Operator classes (imported from
 * {@code airflow.*} operator/sensor modules, or named {@code *Operator}/{@code *Sensor}) become
 * tasks; {@code DAG(...)}, {@code with DAG}, {@code @dag}, {@code TaskGroup}, {@code @task_group}
 * and TaskFlow {@code @task} are understood, as are {@code >>}, {@code <<}, set_upstream/
 * set_downstream, chain, chain_linear and cross_downstream.
 *
 * <p>Anything else (Airflow Variables, environment variables, calls into other modules, lambdas,
 * dynamic task mapping, while loops, except blocks, class bodies) is kept as
 * {@link io.flowport.airflow.parse.PyValue.PyDynamic} where a value is needed and reported as a
 * {@link io.flowport.airflow.parse.Finding}; nothing is dropped silently. Files that Python would
 * not compile or Airflow would not load (duplicate task ids, invalid dates) raise
 * {@link io.flowport.diag.BadInputException}.
 */
package io.flowport.airflow.parse;
