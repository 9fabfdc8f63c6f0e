package io.flowport.cli;

import io.flowport.worker.WorkerApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code flowport worker}: the job worker service for a Camunda 8 cluster and real AWS (or the simulator). */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
        "Runs all flowport job workers against a Camunda 8 cluster until stopped (SIGTERM/Ctrl-C finishes the jobs in hand).",
        "Configure it the Camunda Spring SDK way, as --property=value arguments or CAMUNDA_CLIENT_* variables: camunda.client.mode (saas, self-managed), camunda.client.grpc-address, camunda.client.rest-address, camunda.client.auth.client-id / client-secret (OAuth), camunda.client.cloud.cluster-id / region (SaaS).",
        "flowport's own: flowport.emr.endpoint (e.g. the EMR simulator), flowport.emr.region, flowport.worker.shutdown-grace.",
        "AWS credentials come from the SDK's default chain.",
        "Health, readiness and metrics: /actuator/health, /actuator/prometheus on server.port (8080).",
        "docs/configuration.md lists every property."})
final class WorkerCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Unmatched
  List<String> properties = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<String> args = ClusterClient.springArguments(properties, spec.commandLine());
    ConfigurableApplicationContext context = WorkerApplication.start(args.toArray(String[]::new));
    // Spring's own shutdown hook closes the context on SIGTERM; this thread only waits for that.
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener((ContextClosedEvent e) -> closed.countDown());
    closed.await();
    return Main.OK;
  }
}
