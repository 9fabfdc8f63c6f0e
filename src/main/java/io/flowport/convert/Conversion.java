package io.flowport.convert;

import io.flowport.ir.Workflow;
import io.flowport.report.Report;

/** What a front-end produced from one source file: the workflow and the report. */
public record Conversion(Workflow workflow, Report report) {}
