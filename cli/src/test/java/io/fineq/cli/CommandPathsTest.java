package io.fineq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The path rules on a command written for the test: every field type and attribute of {@link PathArg}. */
class CommandPathsTest {

    @TempDir
    Path dir;

    @Command(name = "toy", mixinStandardHelpOptions = true)
    static final class Toy implements Callable<Integer> {
        @PathArg(PathArg.Kind.INPUT_FILE)
        @Parameters(index = "0", arity = "0..1", paramLabel = "IN")
        Path positional;

        @PathArg(value = PathArg.Kind.INPUT_FILE, split = ",", except = "generic")
        @Option(names = "--libs")
        String libs;

        @PathArg(PathArg.Kind.INPUT_FILE)
        @Option(names = "--more")
        List<Path> more = new ArrayList<>();

        @PathArg(value = PathArg.Kind.OUTPUT_FILE, folderWith = "--all")
        @Option(names = "--out")
        Path out;

        @Option(names = "--all")
        boolean all;

        @PathArg(PathArg.Kind.WORK_FOLDER)
        @Option(names = "--work")
        String work;

        boolean ran;

        @Override
        public Integer call() {
            ran = true;
            return 0;
        }
    }

    private record Run(int code, String err, Toy toy) {
    }

    private Run run(String... args) {
        Toy toy = new Toy();
        StringWriter err = new StringWriter();
        CommandLine cl = CliConventions.configure(new CommandLine(toy), new PrintWriter(new StringWriter()), new PrintWriter(err));
        int code = CliConventions.execute(cl, args);
        return new Run(code, err.toString().strip(), toy);
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), name);
    }

    @Test
    void aListKeepsItsWordAndEveryPathBecomesAbsolute() throws IOException {
        Path a = file("a.lib");
        Path b = file("b.lib");
        Run r = run("--libs", a + ",generic," + b, "--more", a.toString(), "--more", b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.toy().ran).isTrue();
        assertThat(r.toy().libs).isEqualTo(a + ",generic," + b);
        assertThat(r.toy().more).containsExactly(a, b);
    }

    @Test
    void theWordAloneIsNoPathAndAMissingListMemberIsNamed() throws IOException {
        assertThat(run("--libs", "GENERIC").code()).isZero();
        Run r = run("--libs", "generic," + dir.resolve("gone.lib"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --libs " + dir.resolve("gone.lib") + ": no such file");
        assertThat(r.toy().ran).isFalse();
    }

    @Test
    void anOutputThatIsAFolderIsRefusedUnlessTheFolderOptionIsGiven() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Run asFile = run("--out", d.toString());
        assertThat(asFile.code()).isEqualTo(2);
        assertThat(asFile.err()).isEqualTo("error: --out " + d + ": is a folder; an output file never replaces a folder");
        assertThat(run("--out", d.toString(), "--all").code()).isZero();
    }

    @Test
    void aPositionalIsNamedByItsPathAlone() {
        Run r = run(dir.resolve("nope.bin").toString());
        assertThat(r.err()).isEqualTo("error: " + dir.resolve("nope.bin") + ": no such file");
    }

    @Test
    void realPathsSeeThroughDotDotOfMissingFoldersAndLinks() throws IOException {
        Path in = file("w.npy");
        assertThat(CommandPaths.real(dir.resolve("x/../w.npy"))).isEqualTo(in.toRealPath());
        assertThat(CommandPaths.real(dir.resolve("./new/../w.npy"))).isEqualTo(in.toRealPath());
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        assertThat(CommandPaths.real(link)).isEqualTo(in.toRealPath());
        Run r = run(in.toString(), "--out", dir + "/missing/../link");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is the input " + in + ";");
    }

    @Test
    void anInputInsideTheWorkFolderIsRefusedAndHelpSkipsTheChecks() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path in = Files.writeString(work.resolve("x.lib"), "x");
        Run r = run("--libs", in.toString(), "--work", work.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("lies inside the work folder --work " + work);
        assertThat(run("--libs", dir.resolve("gone").toString(), "--help").code()).isZero();
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThatThrownBy(() -> CommandPaths.check(new CommandLine(new Toy()).parseArgs("--out=")))
                .isInstanceOf(CommandPaths.PathError.class).hasMessage("--out: an empty path");
    }
}
