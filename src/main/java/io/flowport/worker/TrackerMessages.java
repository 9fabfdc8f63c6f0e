package io.flowport.worker;

import io.camunda.client.CamundaClient;
import io.flowport.contract.Messages;
import java.time.Duration;

/** The message that wakes a tracked wait: {@value Messages#EMR_CHANGED}, keyed by the wait's poll. */
public final class TrackerMessages {

  /**
   * The key is also the message id, so a second publication for the same poll is refused; the
   * time to live covers the gap between the poll job's completion and its loop's catch event.
   */
  public static void publish(CamundaClient client, String key, Duration timeToLive) {
    client.newPublishMessageCommand().messageName(Messages.EMR_CHANGED).correlationKey(key).messageId(key)
        .timeToLive(timeToLive).send().join();
  }

  private TrackerMessages() {}
}
