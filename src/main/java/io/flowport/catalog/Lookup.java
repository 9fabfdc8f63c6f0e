package io.flowport.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call that finds what the main call needs by name, as Step Functions' {@code *ByName}
 * integrations find an instance group's id: list (following its pages), keep the items whose
 * members equal {@code match}, and expect exactly one. The main call's request reads what
 * {@code found} makes of it as {@code $$.Found}.
 *
 * @param api the listing API of the same service, e.g. {@code ListInstanceGroups}
 * @param request the listing's request, a template over the main call's parameters
 * @param items the response member holding the page's items, e.g. {@code InstanceGroups}
 * @param match a template over the parameters: every member it gives must equal the item's
 * @param found a template over the one matching item
 * @param notFound the failure when no item matches; {@code {Dotted.Path}} reads the parameters
 * @param ambiguous the failure when several do
 * @param when the argument whose value asks for the lookup (Airflow's job_flow_name), or null for always
 * @param into the argument the found value fills instead of {@code $$.Found} (Airflow's job_flow_id), or
 *     null; later jobs of the task read it there too
 */
public record Lookup(String api, JsonNode request, String items, JsonNode match, JsonNode found, Failure notFound,
    Failure ambiguous, String when, String into) {}
