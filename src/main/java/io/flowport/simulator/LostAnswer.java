package io.flowport.simulator;

/** Raised after a call was performed whose answer a {@link FaultRule} loses. */
final class LostAnswer extends RuntimeException {

  private final FaultRule.Answer answer;

  LostAnswer(FaultRule.Answer answer) {
    super("answer lost (" + answer + ")", null, false, false);
    this.answer = answer;
  }

  FaultRule.Answer answer() {
    return answer;
  }
}
