package io.flowport.picture;

import java.util.List;

/** The marks that draw one BPMN element (shape or flow, with its label), named by its id. */
public record Figure(String id, String type, List<Mark> marks) {}
