package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failed start ends the process only where the run command asks for it: a real JVM is started
 * with this test's class path, fails a start, and is watched from here.
 */
class StartupStateTest {

  /** A node that fails its start, then waits as a server would. */
  public static void main(String[] args) throws InterruptedException {
    StartupState.failed(StartupStateTest.class, "Invalid settings: infodesk.node.roles");
    System.out.println("still up");
    Thread.sleep(30_000);
  }

  @Test
  void aFailedStartEndsTheProcessWithStatus2WhereTheRunCommandAsksForIt() throws Exception {
    Process asked = start(true);
    assertThat(asked.waitFor(20, TimeUnit.SECONDS)).as("ended").isTrue();
    assertThat(asked.exitValue()).isEqualTo(2);
    assertThat(new String(asked.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("InfoDesk did not start: Invalid settings: infodesk.node.roles");

    Process server = start(false);
    try {
      assertThat(server.waitFor(3, TimeUnit.SECONDS)).as("a server keeps running").isFalse();
    } finally {
      server.destroyForcibly();
    }
  }

  private static Process start(boolean exit) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            List.of(
                java.toString(),
                "-D" + StartupState.EXIT_ON_FAILURE + "=" + exit,
                "-cp",
                System.getProperty("java.class.path"),
                StartupStateTest.class.getName()))
        .start();
  }
}
