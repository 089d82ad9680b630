package io.fineq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The docs against the code: every concrete {@code ./fineq ...} command in a code block of the
 * README and docs/*.md parses with the real command tree (an option renamed or removed fails here),
 * and docs/cli.md names every subcommand. Synopsis lines ({@code [--opt N]}, {@code <x>}, {@code a|b})
 * are usage descriptions, not commands, and are left out.
 */
class DocumentedCommandsTest {

    static Path root() {
        return Path.of(System.getProperty("fineq.root", "..")).toAbsolutePath().normalize();
    }

    static List<String> documentedCommands() throws IOException {
        List<Path> files = new ArrayList<>(List.of(root().resolve("README.md")));
        try (Stream<Path> s = Files.list(root().resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (!line.startsWith("    ")) continue;
                String cmd = line.strip();
                int hash = cmd.indexOf(" #");
                if (hash >= 0) cmd = cmd.substring(0, hash).strip();
                if (!cmd.startsWith("./fineq ") || cmd.contains("[") || cmd.contains("<") || cmd.contains("|") || cmd.endsWith("\\")) continue;
                out.add(root().relativize(f) + ": " + cmd);
            }
        }
        return out;
    }

    @Test
    void everyDocumentedCommandParses() throws IOException {
        List<String> cmds = documentedCommands();
        // The README's typical flow alone has 13; the one issue 22 started from must be among them.
        assertThat(cmds).as("commands found in the docs").hasSizeGreaterThanOrEqualTo(13)
                .contains("README.md: ./fineq ppa --sizes 64 --liberty cells.lib.gz");
        List<String> broken = new ArrayList<>();
        for (String c : cmds) {
            String[] argv = c.substring(c.indexOf("./fineq ") + "./fineq ".length()).split("\\s+");
            try {
                FineqCli.commandLine().parseArgs(argv);
            } catch (CommandLine.ParameterException e) {
                broken.add(c + "  ->  " + e.getMessage());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void cliDocNamesEverySubcommand() throws IOException {
        String cli = Files.readString(root().resolve("docs/cli.md"));
        for (String sub : FineqCli.commandLine().getSubcommands().keySet()) assertThat(cli).as(sub).contains("`" + sub + "`");
    }

    @Test
    void usageNamesTheCommandTheUserTypes() {
        FineqCli.commandLine().getSubcommands().forEach((name, sub) ->
                assertThat(sub.getUsageMessage()).as(name).contains("Usage: fineq " + name + " "));
    }
}
