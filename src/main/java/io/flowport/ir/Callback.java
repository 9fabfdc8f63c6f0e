package io.flowport.ir;

/**
 * Waiting for someone to answer the work (Step Functions' {@code .waitForTaskToken}): a token is
 * issued before the call, the call passes it on, and the workflow waits for an answer carrying it.
 *
 * @param token the job that issues the token of the attempt
 * @param answer the job that turns the answer into the state's result or error
 */
public record Callback(Call token, Call answer) {}
