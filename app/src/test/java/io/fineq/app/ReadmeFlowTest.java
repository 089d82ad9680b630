package io.fineq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's typical flow, command by command at small sizes, run as a user would: each command a
 * process of its own whose current folder is a fresh folder outside the repository, with the
 * commands' default (relative) work folders. Afterwards that folder holds exactly what the commands
 * were asked to write: no tool cache, no stray temporary. The launcher {@code ./fineq} is run
 * through a symbolic link, as when a user puts it on PATH.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeFlowTest {

    @TempDir
    static Path user;

    record Result(int exit, String out) {
    }

    /** Runs {@code cmd} in {@code dir}, stdout and stderr together; fails on a time-out. */
    static Result run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        return run(dir, cmd, java.util.Map.of());
    }

    static Result run(Path dir, List<String> cmd, java.util.Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile("fineq-flow", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).as(String.join(" ", cmd) + " finished").isTrue();
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** {@code fineq args} in the user's folder, through the test class path (the code the jar is built from). */
    static String fineq(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                FineqCli.class.getName()));
        cmd.addAll(List.of(args));
        Result r = run(user, cmd);
        assertThat(r.exit()).as("fineq " + String.join(" ", args) + "\n" + r.out()).isZero();
        return r.out();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    @Order(1)
    void weights() throws Exception {
        fineq("synth", "--kind", "llama-like", "--rows", "96", "--cols", "64", "--seed", "1", "--out", "W.npy");
        assertThat(fineq("quantize", "--in", "W.npy", "--array-cols", "16", "--out", "W.fqw", "--hex", "W.hex")).contains("W.fqw");
        assertThat(fineq("inspect", "W.fqw")).contains("96 x 64");
        assertThat(fineq("error-report", "--in", "W.npy")).contains("fineq-absmax-paper").contains("rtn2-asym-row");
        fineq("vectors", "--rows", "4", "--cols", "4", "--seed", "1", "--out", "vec4");
        assertThat(user.resolve("vec4/expected.hex")).isRegularFile();
    }

    @Test
    @Order(2)
    void rtlAndTheToolsReadItFromAnotherFolder() throws Exception {
        fineq("generate", "--array=4");
        Path rtl = user.resolve("rtl-out/fineq_shifted_4x4");
        assertThat(rtl.resolve("fineq.f")).isRegularFile();
        Path elsewhere = Files.createDirectories(user.resolve("elsewhere"));
        Result y = run(elsewhere, List.of("yosys", "-q", "-c", "../rtl-out/fineq_shifted_4x4/synth.tcl"));
        assertThat(y.exit()).as(y.out()).isZero();
        Result v = run(elsewhere, List.of("verilator", "--lint-only", "-Wall", "--top-module", "fineq_shifted_4x4_core", "-F", "../rtl-out/fineq_shifted_4x4/fineq.f"));
        assertThat(v.exit()).as(v.out()).isZero();
        // Yosys writes its netlist next to the RTL (synth.tcl), not into the folder it runs in.
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s.toList()).isEmpty();
        }
        Files.delete(elsewhere);
        fineq("generate", "--array=4", "--backend", "chisel");
        assertThat(user.resolve("rtl-out/fineq_shifted_4x4_chisel/fineq.f")).isRegularFile();
        fineq("generate", "--array=4", "--core", "fineq");
        assertThat(user.resolve("rtl-out/fineq_4x4/fineq.f")).isRegularFile();
        // The accelerator (README: mvn generate-rtl -Dtop=accel), linted from another folder through its filelist.
        fineq("generate", "--array=8", "--top", "accel");
        Path accel = Files.createDirectories(user.resolve("elsewhere"));
        Result a = run(accel, List.of("verilator", "--lint-only", "-Wall", "--top-module", "fineq_shifted_8x8_accel_accel", "-F",
                "../rtl-out/fineq_shifted_8x8_accel/fineq.f"));
        assertThat(a.exit()).as(a.out()).isZero();
        assertThat(user.resolve("rtl-out/fineq_shifted_8x8_accel/fineq_accel_regs.h")).isRegularFile();
        Files.delete(accel);
    }

    @Test
    @Order(3)
    void hardwareCostWithTheDefaultRelativeWorkFolders() throws Exception {
        // The README's ppa command with its default work folder build/ppa (failed before: relative paths given to OpenSTA).
        String ppa = fineq("ppa", "--sizes", "4");
        assertThat(ppa).contains("fineq_shifted_4x4").contains("mac_tree_4x4").contains("area ratio");
        assertThat(user.resolve("build/ppa/fineq_shifted_4x4/sta.log")).isRegularFile();
        String sweep = fineq("sweep", "--sizes", "4", "--adder-pipelines", "0,1", "--no-power");
        assertThat(sweep).contains("sweep.csv");
        assertThat(user.resolve("build/sweep/sweep.csv")).isRegularFile();
        // The README's accel-ppa with its default work folder build/accel-ppa (the smallest accelerator, without the activity job).
        String accel = fineq("accel-ppa", "--size", "8", "--designs", "fineq-shifted", "--no-power");
        assertThat(accel).contains("fineq_shifted_8x8_accel").contains("SRAM mm2");
        assertThat(user.resolve("build/accel-ppa/fineq_shifted_8x8_accel/lib/fineq_sram_macros.lib")).isRegularFile();
    }

    @Test
    @Order(4)
    void modelCalibrationPerfAndReport() throws Exception {
        // A subset of the default run (the full one takes about 11 minutes): FineQ's default images and one Table I baseline.
        fineq("model-eval", "--json", "minilm.json", "--paragraphs", "4", "--calibration-paragraphs", "1", "--methods", "fineq-gptq-lv0.30,owq2-g128");
        fineq("synth", "--kind", "llama-like", "--rows", "96", "--cols", "64", "--seed", "3", "--out", "Ws.npy");
        fineq("synth", "--kind", "gaussian", "--rows", "256", "--cols", "64", "--seed", "4", "--out", "X.npy");
        fineq("quantize", "--in", "Ws.npy", "--array-cols", "16", "--out", "Wc.fqw", "--calibration", "X.npy");
        assertThat(fineq("perf", "--workload", "minilm-l6", "--seq", "32")).contains("all-MiniLM-L6-v2");
        fineq("report", "--out", "report/", "--sizes", "4", "--scale-down", "64", "--seq", "32", "--model-eval", "minilm.json");
        assertThat(user.resolve("report/index.html")).isRegularFile();
        assertThat(user.resolve("report/model.html")).isRegularFile();
    }

    /** README: accel-minilm then accel-energy (one paragraph, FineQ's accelerator only; the full run is in docs/accelerator.md). */
    @Test
    @Order(5)
    void minilmOnTheAcceleratorAndItsEnergy() throws Exception {
        String run = fineq("accel-minilm", "--paragraphs", "1", "--cores", "fineq-shifted", "--json", "minilm-accel.json");
        assertThat(run).contains("bit-identical to the Java integer datapath: 1 of 1");
        assertThat(fineq("accel-energy", "--run", "minilm-accel.json")).contains("fineq_shifted_64x64_accel").contains("pJ/MAC");
    }

    @Test
    @Order(6)
    void theFolderHoldsOnlyWhatWasAskedFor() throws IOException {
        Set<String> top = new TreeSet<>();
        try (Stream<Path> s = Files.list(user)) {
            s.forEach(p -> top.add(p.getFileName().toString()));
        }
        assertThat(top).containsExactlyInAnyOrder("W.npy", "W.fqw", "W.hex", "vec4", "rtl-out", "build", "minilm.json", "Ws.npy", "X.npy",
                "Wc.fqw", "report", "minilm-accel.json");
        try (Stream<Path> s = Files.walk(user)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().contains(".tmp-")).toList())
                    .as("temporaries left behind").isEmpty();
        }
    }

    /** docs/cli.md: written files and folders get 0666 / 0777 less the umask, in every mode (RTL folders, bundles, single files). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"022", "077"})
    void writtenFilesFollowTheUmask(String umask, @TempDir Path tmp) throws Exception {
        String cp = System.getProperty("java.class.path");
        String fineq = "'" + java() + "' -cp '" + cp + "' " + FineqCli.class.getName();
        String script = "umask " + umask + " && " + fineq + " generate --array=2 --out rtl && " + fineq
                + " synth --rows 8 --cols 8 --out w.npy && " + fineq + " quantize --in w.npy --array-cols 8 --out w.fqw --hex w.hex && "
                + fineq + " vectors --rows 2 --cols 2 --out vec";
        Result r = run(tmp, List.of("sh", "-c", script));
        assertThat(r.exit()).as(r.out()).isZero();
        int mask = Integer.parseInt(umask, 8);
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.filter(p -> !p.equals(tmp)).toList()) {
                int mode = 0;
                for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) mode |= 1 << (8 - perm.ordinal());
                int expected = (Files.isDirectory(p) ? 0777 : 0666) & ~mask;
                if (mode != expected) wrong.add(tmp.relativize(p) + " " + Integer.toOctalString(mode) + " (expected " + Integer.toOctalString(expected) + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** docs/cli.md: a missing external program is exit 1 (the work failed), one line naming it. */
    @Test
    void aMissingExternalProgramIsExitOne(@TempDir Path tmp) throws Exception {
        Path emptyBin = Files.createDirectories(tmp.resolve("empty-bin"));
        List<String> cmd = List.of(java(), "-cp", System.getProperty("java.class.path"), FineqCli.class.getName(), "area", "--sizes", "2",
                "--designs", "fineq", "--work", "w");
        Result r = run(tmp, cmd, java.util.Map.of("PATH", emptyBin.toString()));
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        List<String> errors = r.out().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("yosys not found on PATH").doesNotContain("Exception");
    }

    /**
     * {@code fineq} through a symbolic link in another folder: the launcher finds its jar beside its real
     * file. The jar here is a launcher jar whose manifest class path is the test class path.
     */
    @Test
    void theLauncherWorksThroughASymbolicLink(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path launcher = Path.of(System.getProperty("fineq.root", ".."), "fineq").toAbsolutePath().normalize();
        Files.copy(launcher, repo.resolve("fineq"));
        Files.setPosixFilePermissions(repo.resolve("fineq"), Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        Path jar = Files.createDirectories(repo.resolve("app/target")).resolve("fineq.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FineqCli.class.getName());
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.append(Path.of(e).toAbsolutePath().toUri()).append(' ');   // a folder's URI ends in '/', as the manifest needs
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().strip());
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("fineq"), repo.resolve("fineq"));
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Result r = run(cwd, List.of(bin.resolve("fineq").toString(), "--version"));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out().strip()).isEqualTo("fineq 0.1.0");
        Result bad = run(cwd, List.of(bin.resolve("fineq").toString(), "inspect", "missing.fqw"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out().strip()).isEqualTo("error: missing.fqw: no such file");
    }
}
