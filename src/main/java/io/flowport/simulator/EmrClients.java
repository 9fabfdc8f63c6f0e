package io.flowport.simulator;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.EmrClientBuilder;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

/** Real SDK clients pointed at a simulator (or any EMR-compatible endpoint). */
public final class EmrClients {

  private EmrClients() {}

  public static EmrClient forEndpoint(URI endpoint) {
    return builderFor(endpoint).build();
  }

  /** An EMR Serverless client at the same endpoint: the simulator serves both APIs. */
  public static EmrServerlessClient serverlessForEndpoint(URI endpoint) {
    return simulated(EmrServerlessClient.builder(), endpoint).build();
  }

  /** An EMR on EKS client at the same endpoint: the simulator serves it too. */
  public static EmrContainersClient containersForEndpoint(URI endpoint) {
    return simulated(EmrContainersClient.builder(), endpoint).build();
  }

  /** The workers' EMR client: the same, with their retry strategy ({@link io.flowport.emr.EmrRetries}). */
  public static EmrClient workersFor(URI endpoint) {
    return builderFor(endpoint).overrideConfiguration(c -> c.retryStrategy(io.flowport.emr.EmrRetries.strategy())).build();
  }

  /** The same settings as {@link #forEndpoint}, for callers that change more (e.g. retries). */
  public static EmrClientBuilder builderFor(URI endpoint) {
    return simulated(EmrClient.builder(), endpoint);
  }

  /** Any service's client builder set for the simulator: its endpoint, a fixed region, dummy credentials. */
  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>
      & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B simulated(B builder, URI endpoint) {
    return builder.endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("flowport", "simulator")))
        .httpClient(UrlConnectionHttpClient.create());
  }
}
