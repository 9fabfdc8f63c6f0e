package io.flowport.worker;

import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/** The job types flowport's workers handle, read from their {@code @JobWorker} annotations. */
public final class WorkerTypes {

  private static final Class<?>[] WORKERS = {EmrJobWorkers.class, EmrServerlessJobWorkers.class, EmrContainersJobWorkers.class, AslJobWorkers.class, AirflowJobWorkers.class};

  public static Set<String> known() {
    Set<String> types = new TreeSet<>();
    for (Class<?> c : WORKERS) {
      for (Method m : c.getMethods()) {
        JobWorker w = m.getAnnotation(JobWorker.class);
        if (w != null) {
          types.add(w.type());
        }
      }
    }
    return types;
  }

  private WorkerTypes() {}
}
