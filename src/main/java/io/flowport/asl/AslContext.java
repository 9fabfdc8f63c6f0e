package io.flowport.asl;

import io.flowport.catalog.Catalog;
import io.flowport.report.Report;

/** What every state conversion reads and writes. */
record AslContext(AslDocument doc, Catalog catalog, Report report) {}
