package dev.cloudjar.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's JUnit section shows what the example project (built by ExampleProjectIT) really contains. */
class ReadmeJunitSectionTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theReadmeShowsTheExamplesDependencyAndTest() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String pom = Files.readString(ROOT.resolve("docs/examples/junit5/pom.xml"));
        String dependency = """
                <dependency>
                  <groupId>dev.cloudjar</groupId>
                  <artifactId>cloudjar-junit5</artifactId>
                  <version>%s</version>
                  <scope>test</scope>
                </dependency>""".formatted(System.getProperty("cloudjar.version", "0.1.0-SNAPSHOT"));
        assertTrue(readme.contains("```xml\n" + dependency + "\n```"), "README shows the dependency block");
        assertTrue(pom.replaceAll("\\s+", "").contains(dependency.replaceAll("\\s+", "")), "the example depends on it the same way");
        String test = Files.readString(ROOT.resolve("docs/examples/junit5/src/test/java/com/example/UploadTest.java"));
        String body = test.substring(test.indexOf("@CloudJarTest\nclass")).strip();
        assertTrue(readme.contains("```java\n" + body + "\n```"), "README shows the example's test as it is");
    }
}
