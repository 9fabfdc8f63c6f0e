/**
 * Runtime semantics of Amazon States Language data flow (JSONPath query language) on Jackson
 * {@code JsonNode}: paths, payload templates, intrinsic functions, ResultPath/OutputPath and Choice
 * rules. Job workers call it to reproduce what AWS Step Functions does between states, including
 * its error names and cause texts.
 */
package io.flowport.runtime.asl;
