package io.flowport.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * required-members.json says what botocore's service models say (scripts/required-members.py);
 * skipped where Python has no botocore.
 */
class RequiredMembersTest {

  @Test
  void matchesBotocore() throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", Path.of("scripts/required-members.py").toString()));
    RequiredMembers.all().fields().forEachRemaining(s -> s.getValue().fieldNames()
        .forEachRemaining(api -> cmd.add(s.getKey() + ":" + api)));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no python3");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes());
    int exit = p.waitFor();
    assumeTrue(exit == 0 || !out.contains("No module named 'botocore'"), "python3 has no botocore");
    assertThat(exit).as(out).isZero();
    assertThat(new ObjectMapper().readTree(out)).as("regenerate with scripts/required-members.py").isEqualTo(RequiredMembers.all());
  }
}
