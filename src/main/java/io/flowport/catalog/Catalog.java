package io.flowport.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping catalogs: which job a Step Functions resource or an Airflow operator becomes. Built
 * from the YAML files in {@code converters/} and any files the user adds; a user's entry wins over
 * a built-in one for the same resource or operator.
 */
public final class Catalog {

  private final List<AslResource> aslResources;
  private final Map<String, Waiter> waiters;
  private final List<AirflowOperator> airflowOperators;

  Catalog(List<AslResource> aslResources, Map<String, Waiter> waiters, List<AirflowOperator> airflowOperators) {
    this.aslResources = List.copyOf(aslResources);
    this.waiters = Map.copyOf(waiters);
    this.airflowOperators = List.copyOf(airflowOperators);
  }

  /** The built-in catalogs and then the given user files (which take precedence). */
  public static Catalog load(List<java.nio.file.Path> userFiles) {
    return CatalogLoader.load(userFiles);
  }

  public static Catalog builtIn() {
    return load(List.of());
  }

  /** The first resource entry matching the ARN, with the API it resolves to. */
  public Optional<Match> aslResource(String arn) {
    for (AslResource r : aslResources) {
      String api = r.match(arn);
      if (api != null) {
        return Optional.of(new Match(r, api));
      }
    }
    return Optional.empty();
  }

  public Optional<Waiter> waiter(String name) {
    return Optional.ofNullable(waiters.get(name));
  }

  public Optional<AirflowOperator> airflowOperator(String qualifiedName) {
    return airflowOperators.stream().filter(o -> o.matches(qualifiedName)).findFirst();
  }

  /** The entry for operators no other entry matches (a service task for the user's worker). */
  public AirflowOperator airflowDefault() {
    return airflowOperator(AirflowOperator.ANY).orElseThrow(() -> new IllegalStateException("the built-in catalogs have an entry \"*\""));
  }

  /** An operator of the catalog with this simple class name, to suggest an import path. */
  public Optional<AirflowOperator> airflowOperatorNamed(String simpleName) {
    return airflowOperators.stream().filter(o -> o.simpleName().equals(simpleName)).findFirst();
  }

  public List<AslResource> aslResources() {
    return aslResources;
  }

  public List<AirflowOperator> airflowOperators() {
    return airflowOperators;
  }

  /** A resource entry and the API name it resolved to for one ARN. */
  public record Match(AslResource entry, String api) {}

  static Catalog merge(List<Catalog> parts) {
    List<AslResource> resources = new ArrayList<>();
    Map<String, Waiter> waiters = new LinkedHashMap<>();
    List<AirflowOperator> operators = new ArrayList<>();
    for (Catalog part : parts) {
      resources.addAll(part.aslResources);
      part.waiters.forEach(waiters::putIfAbsent);
      operators.addAll(part.airflowOperators);
    }
    return new Catalog(resources, waiters, operators);
  }
}
