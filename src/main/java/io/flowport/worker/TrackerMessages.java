package io.flowport.worker;

import io.camunda.client.CamundaClient;
import io.flowport.contract.Messages;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** The message that wakes a tracked wait: {@value Messages#EMR_CHANGED}, keyed by the wait's poll. */
public final class TrackerMessages {

  /**
   * Publications in flight at once: a listing that wakes thousands does not flood the gateway. The
   * rest wait in a queue rather than hold up the tracker's thread (and its next listings).
   */
  private static final InFlight IN_FLIGHT = new InFlight(128);

  /**
   * Publishes without waiting for the gateway's answer; the stage fails when the publication did.
   * The key is also the message id, so a second publication for the same poll is refused; the
   * time to live covers the gap between the poll job's completion and its loop's catch event.
   */
  public static CompletionStage<?> send(CamundaClient client, String key, Duration timeToLive) {
    return IN_FLIGHT.submit(() -> client.newPublishMessageCommand().messageName(Messages.EMR_CHANGED).correlationKey(key)
        .messageId(key).timeToLive(timeToLive).send());
  }

  private TrackerMessages() {}
}
