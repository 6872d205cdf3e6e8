package io.infodesk.experiment.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

  @TempDir Path dir;

  @Test
  void aFolderStandsForItsDataFilesAndAFileForItself() throws IOException {
    Path music = Files.createDirectories(dir.resolve("PlayMusic"));
    Files.writeString(music.resolve("train_PlayMusic_full.json"), "{}");
    Files.writeString(music.resolve("validate_PlayMusic.JSON"), "{}");
    Files.writeString(music.resolve("README.md"), "not data");
    Path weather = Files.createDirectories(dir.resolve("GetWeather"));
    Files.writeString(weather.resolve("train_GetWeather_full.json"), "{}");

    assertThat(ExperimentCommand.dataFiles(dir))
        .extracting(f -> dir.relativize(f).toString())
        .containsExactly(
            "GetWeather/train_GetWeather_full.json",
            "PlayMusic/train_PlayMusic_full.json",
            "PlayMusic/validate_PlayMusic.JSON");
    assertThat(ExperimentCommand.dataFiles(weather.resolve("x.csv")))
        .as("a file, even one that is not there yet, is itself")
        .containsExactly(weather.resolve("x.csv"));
    assertThat(ExperimentCommand.dataFiles(Files.createDirectories(dir.resolve("empty"))))
        .isEmpty();
  }
}
