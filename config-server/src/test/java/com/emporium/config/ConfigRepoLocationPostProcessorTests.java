package com.emporium.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigRepoLocationPostProcessorTests {

	@Test
	void resolvesRelativeLocationAgainstWorkingDirectory(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("config-repo"));

		assertThat(ConfigRepoLocationPostProcessor.normalize("file:./config-repo/", root))
			.isEqualTo("file:" + root.resolve("config-repo") + "/");
	}

	@Test
	void findsTheRepositoryConfigRepoWhenStartedInsideTheModule(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("config-repo"));
		Path module = Files.createDirectories(root.resolve("config-server"));

		assertThat(ConfigRepoLocationPostProcessor.normalize("file:./config-repo/", module))
			.isEqualTo("file:" + root.resolve("config-repo") + "/");
	}

	@Test
	void keepsAMissingDirectoryWhereItWasAskedForSoStartupNamesIt(@TempDir Path root) {
		assertThat(ConfigRepoLocationPostProcessor.normalize("file:./config-repo", root))
			.isEqualTo("file:" + root.resolve("config-repo") + "/");
	}

	@Test
	void treatsAPlainPathAsADirectoryOnTheFileSystem() {
		assertThat(ConfigRepoLocationPostProcessor.normalize("/srv/config-repo", Path.of("/work")))
			.isEqualTo("file:/srv/config-repo/");
	}

	@Test
	void leavesClasspathAndPerApplicationLocationsAlone() {
		assertThat(ConfigRepoLocationPostProcessor.normalize(List.of("classpath:/config/",
				"file:/srv/{application}/", "optional:file:/srv/extra", " "), Path.of("/work")))
			.containsExactly("classpath:/config/", "file:/srv/{application}/", "optional:file:/srv/extra/");
	}

}
