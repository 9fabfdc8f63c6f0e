package io.flowport.worker;

import io.camunda.client.CamundaClient;
import io.flowport.contract.Messages;
import io.flowport.runtime.Answers;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Answers a callback the way an app does: publishes {@value Messages#TASK_TOKEN} with the token. */
public final class MessageAnswers implements Answers {

  /** Long enough for the state's catch event to open after the call job completes, in any time scale. */
  static final Duration TIME_TO_LIVE = Duration.ofDays(1);

  private final Supplier<CamundaClient> client;

  public MessageAnswers(Supplier<CamundaClient> client) {
    this.client = client;
  }

  @Override
  public void publish(String token, Map<String, Object> variables) {
    // The token as message id: a second answer for the same attempt is refused, as Step Functions refuses it.
    client.get().newPublishMessageCommand().messageName(Messages.TASK_TOKEN).correlationKey(token)
        .messageId(token).timeToLive(TIME_TO_LIVE).variables(variables).send().join();
  }
}
