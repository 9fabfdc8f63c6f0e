package io.flowport.ir;

/** The control flow of a workflow, in the form its source language has. */
public sealed interface Body permits StateGraph, TaskDag {}
