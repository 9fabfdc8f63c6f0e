package io.flowport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** examples/seed/original holds the reference definitions byte for byte, where ../shared/seed is at hand. */
class SeedCopiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"emr_job.asl.json", "orchestrate_emr_jobs.py"})
  void originalsAreUnchangedCopiesOfTheSharedSeed(String name) throws Exception {
    Path shared = Path.of("../shared/seed", name);
    assumeTrue(Files.exists(shared), "../shared/seed is not next to this checkout");
    assertThat(Files.readAllBytes(Path.of("examples/seed/original", name))).isEqualTo(Files.readAllBytes(shared));
  }
}
