package io.flowport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/operate.md explains every process variable the generated processes and workers use. */
class OperateDocsTest {

  @Test
  void everyVariableNameIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs/operate.md"));
    for (Field f : Vars.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && Modifier.isPublic(f.getModifiers())) {
        assertThat(doc).as("docs/operate.md names the variable of Vars.%s", f.getName()).contains("`" + f.get(null) + "`");
      }
    }
    // Per-task names: the prefix the functions put before a task's key.
    assertThat(doc).contains("`" + Vars.aslBranch(0) + "`", "`" + Vars.taskState("") + "<task>`",
        "`" + Vars.xcom("") + "<task>`", "`" + Vars.tryNumber("") + "<task>`", "`" + Vars.retryDelay("") + "<task>`");
  }
}
