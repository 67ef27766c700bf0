package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.examples.guide.ReadmeExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation honest: every line of every {@code java} code block in README.md and docs/*.md must appear
 * in the sources of the examples or of the adapter modules' tests (main or test), which CI compiles and runs. Change an
 * example, and its doc must follow.
 */
class DocsSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaLineInTheDocsIsInACompiledExample() throws IOException {
        Set<String> sourceLines = new java.util.HashSet<>();
        for (String module : List.of("heddle-examples", "heddle-observe", "heddle-dashboard")) {
            for (String tree : List.of("src/main/java", "src/test/java")) {
                Path dir = ROOT.resolve(module).resolve(tree);
                if (Files.isDirectory(dir)) sourceLines.addAll(sourceLines(dir));
            }
        }
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            Matcher blocks = JAVA_BLOCK.matcher(Files.readString(doc));
            while (blocks.find()) {
                for (String line : blocks.group(1).split("\n")) {
                    String normalized = normalize(line);
                    if (normalized.isEmpty() || normalized.equals("...")) continue;
                    checked++;
                    if (!sourceLines.contains(normalized)) missing.add(ROOT.relativize(doc) + ": " + line.strip());
                }
            }
        }
        assertTrue(checked > 20, "expected the README and guides to contain java examples, found " + checked);
        assertEquals(List.of(), missing, "doc lines not found in the sources of heddle-examples, heddle-observe or "
                + "heddle-dashboard");
    }

    @Test
    void theReadmeExampleRuns() {
        assertEquals(42, ReadmeExample.run());
        assertFalse(Files.notExists(ROOT.resolve("README.md")));
    }

    private static Set<String> sourceLines(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(DocsSnippetsTest::lines)
                    .map(DocsSnippetsTest::normalize).collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops indentation, trailing comments and repeated spaces, so a doc may indent and annotate differently. */
    private static String normalize(String line) {
        String s = line.strip();
        int comment = s.indexOf("//");
        if (comment >= 0) s = s.substring(0, comment).strip();
        return s.replaceAll("\\s+", " ");
    }
}
