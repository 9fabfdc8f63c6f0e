package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.ActorSchedulingService;
import io.camunda.zeebe.scheduler.clock.ActorClock;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Zeebe Process Test's engine with its state in RocksDB instead of its in-memory DB, for the
 * benchmarks only. The in-memory DB copies the whole state for every iterator, so an engine holding
 * 10,000 waiting instances spends all its time copying and cannot even create them; Zeebe's own
 * RocksDB state (the same engine, the same processors) does not. Wired as {@link EngineFactory}
 * wires its engine (its steps are private, so they are called reflectively); it lives in ZPT's
 * package because the gateway and log classes it needs are package-private there.
 */
public final class RocksDbEngines {

  private static final int PARTITION = 1;
  private static final int PARTITIONS = 1;

  private RocksDbEngines() {}

  /** An engine serving gRPC on {@code port}, keeping its state under {@code dir}; not started yet. */
  public static ZeebeTestEngine create(int port, Path dir) {
    try {
      ControlledActorClock clock = call("createActorClock", new Class<?>[0]);
      ActorScheduler scheduler = call("createAndStartActorScheduler", new Class<?>[] {ActorClock.class}, clock);
      InMemoryLogStorage storage = new InMemoryLogStorage();
      LogStream log = call("createLogStream", new Class<?>[] {LogStorage.class, int.class, ActorClock.class},
          storage, PARTITION, clock);
      CommandWriter writer = new CommandWriter(log.newLogStreamWriter());
      CommandSender sender = new CommandSender(writer);
      GatewayRequestStore requests = new GatewayRequestStore();
      InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(writer);
      GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(writer, PARTITION, PARTITIONS, port, requests, jobStreamer);
      Server server = ServerBuilder.forPort(port).addService(gateway).build();
      GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, intent -> {});
      ZeebeDb<ZbColumnFamilies> db = new ZeebeRocksDbFactory<ZbColumnFamilies>(new RocksDbConfiguration(),
          new ConsistencyChecksSettings(), new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION),
          SimpleMeterRegistry::new).createDb(dir.toFile());
      StreamProcessor processor = call("createStreamProcessor",
          new Class<?>[] {LogStream.class, ZeebeDb.class, ActorSchedulingService.class, GrpcResponseWriter.class,
              int.class, CommandSender.class, JobStreamer.class, ActorClock.class},
          log, db, scheduler, responses, PARTITIONS, sender, jobStreamer, clock);
      EngineStateMonitor monitor = new EngineStateMonitor(storage, processor);
      RecordStreamSourceImpl records = new RecordStreamSourceImpl(log.newLogStreamReader(), PARTITION);
      return new InMemoryEngine(server, processor, gateway, db, log, scheduler, records, clock, monitor);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this Zeebe Process Test version wires its engine differently: " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T call(String name, Class<?>[] types, Object... args) throws ReflectiveOperationException {
    Method method = EngineFactory.class.getDeclaredMethod(name, types);
    method.setAccessible(true);
    return (T) method.invoke(null, args);
  }
}
