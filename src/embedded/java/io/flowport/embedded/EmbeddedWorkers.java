package io.flowport.embedded;

import io.flowport.worker.AirflowJobWorkers;
import io.flowport.worker.AslJobWorkers;
import io.flowport.worker.EmrJobWorkers;
import io.flowport.worker.EmrContainersJobWorkers;
import io.flowport.worker.EmrServerlessJobWorkers;
import io.flowport.worker.WorkerConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring application of an embedded run: the Camunda client and flowport's workers. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WorkerConfiguration.class, EmrJobWorkers.class, EmrServerlessJobWorkers.class, EmrContainersJobWorkers.class, AslJobWorkers.class, AirflowJobWorkers.class,
    io.flowport.worker.reaper.ReaperConfiguration.class})
public class EmbeddedWorkers {}
