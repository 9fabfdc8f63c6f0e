package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.List;

/**
 * An Airflow templated field, parsed once and rendered like Airflow renders it: Jinja2 in a
 * sandboxed environment with StrictUndefined and the default delimiters, the result built with
 * Python's {@code str()} of each printed value.
 *
 * <pre>{@code
 * Template t = Template.parse("{{ ti.xcom_pull(task_ids='create_emr_cluster') }}");
 * String jobFlowId = t.render(AirflowContext.builder()
 *     .xcoms(taskId -> Optional.ofNullable(returnValues.get(taskId))).build());
 * }</pre>
 */
public final class Template {

  private final SourceText src;
  private final List<Stmt> body;
  private final String source;

  private Template(String source, SourceText src, List<Stmt> body) {
    this.source = source;
    this.src = src;
    this.body = body;
  }

  /**
   * Parses a template.
   *
   * @throws TemplateSyntaxException where Jinja2 would refuse it, or it uses a construct flowport
   *     does not support
   */
  public static Template parse(String source) {
    SourceText src = new SourceText(source);
    List<Stmt> body = Parser.parse(src);
    Checker.check(src, body);
    return new Template(source, src, body);
  }

  /**
   * Renders against {@code context}.
   *
   * @throws TemplateRenderException with the Python exception type and message Airflow would
   *     have failed the task with
   */
  public String render(TemplateContext context) {
    return new Interpreter(src, context).render(body);
  }

  /** Whether the source has any {@code {{ }}} or {@code {% %}} (comments alone do not count). */
  public boolean isTemplated() {
    return body.stream().anyMatch(s -> !(s instanceof Node.Text));
  }

  /** Every {@code ti.xcom_pull(...)} call, in source order. */
  public List<XcomPull> xcomPulls() {
    return XcomPullFinder.find(src, body);
  }

  /** The names the template reads from its context ({@code ds}, {@code params}, ...), sorted. */
  public java.util.Set<String> names() {
    return NameFinder.find(body);
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
